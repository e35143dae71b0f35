// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The long durability run with figures (./packaging/dev.sh durability): simulated power cuts
// across Rapport's operations. Not a unit test: it prints what it found and exits 1 when any
// figure that should be 0 is not.
//   rapport-durability [--cuts N] [--seed S] [--work DIR] [--drop-only] [--lying-disk]
#include "power_cuts.h"

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
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--cuts" && has_value)
            options.cuts = std::atoi(argv[++i]);
        else if (arg == "--seed" && has_value)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--work" && has_value)
            options.work = argv[++i];
        else if (arg == "--drop-only")
            options.only_drop_unsynced = true;
        else if (arg == "--lying-disk")
            options.lying_disk = true;
        else {
            std::cerr << "usage: rapport-durability [--cuts N] [--seed S] [--work DIR] "
                         "[--drop-only] [--lying-disk]\n";
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
              << "  lost reported commits:             " << f.lost_commits << "  (goal 0)\n"
              << "  partially applied operations:      " << f.half_applied << "  (goal 0)\n"
              << "  files failing integrity_check:     " << f.integrity_failures << "  (goal 0)\n"
              << "  files Rapport would not reopen:    " << f.reopen_failures << "  (goal 0)\n"
              << "  failures without a sentence:       " << f.errors_without_sentence
              << "  (goal 0)\n"
              << "  cuts by operation:\n";
    for (const auto& [name, n] : f.cuts_by_operation)
        std::cout << "    " << n << "\t" << name << "\n";
    const bool clean = f.lost_commits == 0 && f.half_applied == 0 && f.integrity_failures == 0 &&
                       f.reopen_failures == 0 && f.errors_without_sentence == 0;
    return clean ? 0 : 1;
}
