// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A failing disk under Rapport's operations (power_cut_vfs.h): for every write and sync of an
// operation, one run where the disk is full from that write on, and one where that single write
// or sync reports an I/O error. Each must end in a sentence or in success, leave the database
// as it was before or as it is after the operation (never between), leave every backup whole,
// and the same operation must work once the disk has room again.
// The exports written outside SQLite (calendar, history, accountant CSV) get the same: a failure
// at each write, fsync and rename leaves the old file byte for byte and no temporary file.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>

namespace rapport::durability {

struct DiskFailureOptions {
    int stride = 1; // every stride-th write or sync of each operation (1 = every one)
    std::filesystem::path work;
    std::string only_scenario; // when set: that scenario's operations only, and no exports
};

struct DiskFailureFigures {
    int runs = 0;                     // operations run on a failing disk
    std::int64_t errors_injected = 0; // writes and syncs the disk refused
    int sentences = 0;                // the operation failed with a sentence
    int succeeded = 0;                // the failure did not stop it (SQLite or Rapport rode it out)
    int errors_without_sentence = 0;  // failed with something the owner cannot read
    int half_applied = 0;             // neither before nor after
    int failed_but_applied = 0;       // said it failed, yet the change is there
    int integrity_failures = 0;       // the database or a backup is not whole
    int next_operation_failed = 0;    // the retry on a disk with room did not work
    int export_runs = 0;              // exports run on a failing disk
    int torn_exports = 0;             // the target is neither the old file nor absent
    int leftover_temporaries = 0;     // a temporary file stayed behind
    int export_sentences_without_file = 0; // a failed export's sentence names no file
    std::string first_problem;
    // Each sentence the owner was shown, with its folders written <folder>, and how often.
    std::map<std::string, int> sentences_seen;
    void note_sentence(std::string sentence, const std::filesystem::path& work);
};

DiskFailureFigures run_disk_failures(const DiskFailureOptions& options, std::ostream* log);

} // namespace rapport::durability
