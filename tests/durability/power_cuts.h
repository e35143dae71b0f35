// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Simulated power cuts across Rapport's own operations (power_cut_vfs.h), and the checks after
// each: the file passes integrity_check, every operation Rapport reported as done is there, the
// one cut short is there whole or not at all, every backup file is whole, and Rapport opens the
// file again (store::open_for_use, then the check `rapport-cli check` runs).
//
// Each operation runs as a command of its own would: open_for_use (the daily backup), the use
// case, close. A dry run first counts the disk events of each scenario and notes the database's
// contents after each operation; a cut then lands on a random event of a scenario, and what
// the database holds after the power comes back must be the contents after the last reported
// operation or after the one that was cut short.
#include "power_cut_vfs.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>

namespace rapport::durability {

struct PowerCutOptions {
    int cuts = 40;
    std::uint64_t seed = 1;
    // Alternates the two modes when not set.
    bool only_drop_unsynced = false;
    // Syncs make nothing durable: the run must then find lost commits (it proves the checks
    // can fail).
    bool lying_disk = false;
    std::filesystem::path work; // a folder of its own; emptied first
    // A scenario's name: one cut at each of its disk events in turn instead (`cuts` unused).
    std::string every_event_of;
};

struct PowerCutFigures {
    int cuts = 0;
    int cuts_dropping = 0;             // mode drop_unsynced
    int cuts_tearing = 0;              // mode keep_random_sectors
    int lost_commits = 0;              // an operation reported as done is missing
    int half_applied = 0;              // the contents match no state before or after an operation
    int integrity_failures = 0;        // the database or a backup fails integrity_check
    int reopen_failures = 0;           // open_for_use or the check refuses the file afterwards
    int errors_without_sentence = 0;   // the cut operation failed with no sentence for the owner
    std::int64_t events_per_round = 0; // writes and syncs of one pass through the scenarios
    std::int64_t names_lost = 0;       // files and folders gone because not flushed in theirs
    std::map<std::string, int> cuts_by_operation;
    std::string first_problem; // the first failure, described, for the test's message
};

// Runs the dry runs and `options.cuts` cuts. `log` (may be null) gets one line per problem.
PowerCutFigures run_power_cuts(const PowerCutOptions& options, std::ostream* log);

} // namespace rapport::durability
