// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The long durability run with figures (./packaging/dev.sh durability): simulated power cuts
// across Rapport's operations. Not a unit test: it prints what it found and exits 1 when any
// figure that should be 0 is not.
// Then a failing disk: every write and sync of each operation and export refused once.
//   rapport-durability [--cuts N] [--seed S] [--stride K] [--work DIR] [--drop-only]
//                      [--lying-disk] [--no-disk-failures] [--every-event SCENARIO]
// (--every-event "first start": a cut at each disk event of that scenario, not --cuts random ones)
#include "disk_failures.h"
#include "power_cuts.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>

using namespace rapport::durability;

int main(int argc, char** argv) {
    PowerCutOptions options;
    options.cuts = 1000;
    options.seed = 19;
    options.work = std::filesystem::temp_directory_path() /
                   ("rapport-durability-" + std::to_string(::getpid()));
    DiskFailureOptions disk;
    bool disk_failures = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--cuts" && has_value)
            options.cuts = std::atoi(argv[++i]);
        else if (arg == "--seed" && has_value)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--work" && has_value)
            options.work = argv[++i];
        else if (arg == "--stride" && has_value)
            disk.stride = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--no-disk-failures")
            disk_failures = false;
        else if (arg == "--drop-only")
            options.only_drop_unsynced = true;
        else if (arg == "--lying-disk")
            options.lying_disk = true;
        else if (arg == "--every-event" && has_value)
            options.every_event_of = argv[++i];
        else {
            std::cerr << "usage: rapport-durability [--cuts N] [--seed S] [--stride K] "
                         "[--work DIR] [--drop-only] [--lying-disk] [--no-disk-failures] "
                         "[--every-event SCENARIO]\n";
            return 2;
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const PowerCutFigures f = run_power_cuts(options, &std::cerr);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::error_code ec;
    std::filesystem::remove_all(options.work, ec);

    std::cout << "Simulated power cuts (seed " << options.seed << ", " << seconds << " s)\n"
              << "  power cuts:                        " << f.cuts << " (" << f.cuts_dropping
              << " losing every unsynced write, " << f.cuts_tearing
              << " keeping random 512-byte pieces of them)\n"
              << "  disk events in one pass:           " << f.events_per_round << "\n"
              << "  new names lost at the cuts:        " << f.names_lost
              << "  (not flushed in their folder)\n"
              << "  lost reported commits:             " << f.lost_commits << "  (goal 0)\n"
              << "  partially applied operations:      " << f.half_applied << "  (goal 0)\n"
              << "  files failing integrity_check:     " << f.integrity_failures << "  (goal 0)\n"
              << "  files Rapport would not reopen:    " << f.reopen_failures << "  (goal 0)\n"
              << "  failures without a sentence:       " << f.errors_without_sentence
              << "  (goal 0)\n"
              << "  cuts by operation:\n";
    for (const auto& [name, n] : f.cuts_by_operation)
        std::cout << "    " << n << "\t" << name << "\n";
    bool clean = f.lost_commits == 0 && f.half_applied == 0 && f.integrity_failures == 0 &&
                 f.reopen_failures == 0 && f.errors_without_sentence == 0;
    if (disk_failures) {
        disk.work = options.work;
        const auto disk_start = std::chrono::steady_clock::now();
        const DiskFailureFigures d = run_disk_failures(disk, &std::cerr);
        const double disk_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - disk_start).count();
        std::filesystem::remove_all(options.work, ec);
        std::cout << "\nA failing disk (every " << disk.stride << ". write or sync; "
                  << disk_seconds << " s)\n"
                  << "  operations run on it:              " << d.runs << "\n"
                  << "  exports run on it:                 " << d.export_runs << "\n"
                  << "  disk errors injected:              " << d.errors_injected << "\n"
                  << "  failed with a sentence:            " << d.sentences << "\n"
                  << "  rode it out and succeeded:         " << d.succeeded << "\n"
                  << "  failures without a sentence:       " << d.errors_without_sentence
                  << "  (goal 0)\n"
                  << "  half-applied:                      " << d.half_applied << "  (goal 0)\n"
                  << "  reported failed, yet applied:      " << d.failed_but_applied
                  << "  (goal 0)\n"
                  << "  files failing integrity_check:     " << d.integrity_failures
                  << "  (goal 0)\n"
                  << "  torn export files:                 " << d.torn_exports << "  (goal 0)\n"
                  << "  temporary files left behind:       " << d.leftover_temporaries
                  << "  (goal 0)\n"
                  << "  export sentences naming no file:   " << d.export_sentences_without_file
                  << "  (goal 0)\n"
                  << "  retry with room failed:            " << d.next_operation_failed
                  << "  (goal 0)\n";
        std::cout << "  the sentences shown (how often):\n";
        for (const auto& [sentence, n] : d.sentences_seen)
            std::cout << "    " << n << "\t" << sentence << "\n";
        clean = clean && d.errors_without_sentence == 0 && d.half_applied == 0 &&
                d.failed_but_applied == 0 && d.integrity_failures == 0 && d.torn_exports == 0 &&
                d.leftover_temporaries == 0 && d.next_operation_failed == 0 &&
                d.export_sentences_without_file == 0;
    }
    return clean ? 0 : 1;
}
