// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The small version of the durability run, for CI: a few dozen simulated power cuts across
// Rapport's operations (the long run with figures is ./packaging/dev.sh durability).
#include "disk_failures.h"
#include "power_cuts.h"

#include "../support/temp_dir.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace rapport::durability;
using rapport::test::TempDir;

TEST_CASE("power cuts during Rapport's operations lose no reported commit", "[durability]") {
    TempDir dir;
    PowerCutOptions options;
    options.cuts = 40;
    options.seed = 20261206;
    options.work = dir / "work";
    std::ostringstream log;
    const PowerCutFigures f = run_power_cuts(options, &log);
    INFO(log.str());
    CHECK(f.cuts == 40);
    CHECK(f.cuts_tearing > 0);
    CHECK(f.lost_commits == 0);
    CHECK(f.half_applied == 0);
    CHECK(f.integrity_failures == 0);
    CHECK(f.reopen_failures == 0);
    CHECK(f.errors_without_sentence == 0);
    // The cuts land in more than one operation.
    CHECK(f.cuts_by_operation.size() > 3);
}

TEST_CASE("a first start cut at each disk event loses no reported commit with the new names",
          "[durability]") {
    // The database and its folder are new: a cut before their folder is flushed takes the
    // names away, so the file is either not there (nothing was reported saved) or holds every
    // reported commit.
    TempDir dir;
    PowerCutOptions options;
    options.seed = 20261207;
    options.every_event_of = "first start";
    options.work = dir / "work";
    std::ostringstream log;
    const PowerCutFigures f = run_power_cuts(options, &log);
    INFO(log.str());
    CHECK(f.cuts == f.cuts_dropping + f.cuts_tearing);
    CHECK(f.cuts > 20);
    CHECK(f.names_lost > 0); // some cuts did come before a folder was flushed
    CHECK(f.lost_commits == 0);
    CHECK(f.half_applied == 0);
    CHECK(f.integrity_failures == 0);
    CHECK(f.reopen_failures == 0);
    CHECK(f.errors_without_sentence == 0);
}

TEST_CASE("a disk that ignores syncs is caught losing reported commits", "[durability]") {
    // The checks must be able to fail: with every sync a lie, the power cut takes back work
    // Rapport had reported as saved, and the run has to say so.
    TempDir dir;
    PowerCutOptions options;
    options.cuts = 12;
    options.seed = 7;
    options.only_drop_unsynced = true;
    options.lying_disk = true;
    options.work = dir / "work";
    const PowerCutFigures f = run_power_cuts(options, nullptr);
    CHECK(f.lost_commits + f.half_applied > 0);
}

TEST_CASE("a full or failing disk during each operation and export leaves nothing half-done",
          "[durability]") {
    TempDir dir;
    DiskFailureOptions options;
    options.stride = 23; // every 23rd write or sync; ./packaging/dev.sh durability tries each
    options.work = dir / "work";
    std::ostringstream log;
    const DiskFailureFigures f = run_disk_failures(options, &log);
    INFO(log.str());
    // The disk did fail, and Rapport said so in sentences.
    CHECK(f.errors_injected > 0);
    CHECK(f.sentences > 0);
    CHECK(f.export_runs > 0);
    CHECK(f.errors_without_sentence == 0);
    CHECK(f.half_applied == 0);
    CHECK(f.failed_but_applied == 0);
    CHECK(f.integrity_failures == 0);
    CHECK(f.torn_exports == 0);
    CHECK(f.leftover_temporaries == 0);
    CHECK(f.export_sentences_without_file == 0);
    CHECK(f.next_operation_failed == 0);
}

TEST_CASE("a first start on a failing disk either works or leaves no database", "[durability]") {
    // Every write and sync of a first start, full disk and I/O error: an open that reports a
    // failure after the new file's schema was committed (the switch to WAL, the folder flush)
    // takes the file back, so the owner's next start begins as this one did.
    TempDir dir;
    DiskFailureOptions options;
    options.only_scenario = "first start";
    options.work = dir / "work";
    std::ostringstream log;
    const DiskFailureFigures f = run_disk_failures(options, &log);
    INFO(log.str());
    CHECK(f.runs > 100);
    CHECK(f.sentences > 0);
    CHECK(f.export_runs == 0);
    CHECK(f.errors_without_sentence == 0);
    CHECK(f.half_applied == 0);
    CHECK(f.failed_but_applied == 0);
    CHECK(f.integrity_failures == 0);
    CHECK(f.next_operation_failed == 0);
}
