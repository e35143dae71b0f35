// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "power_cuts.h"

#include "scenarios.h"

#include "store/backup.h"
#include "store/health.h"
#include "store/open.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <ostream>
#include <random>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace rapport::durability {
namespace fs = std::filesystem;

namespace {

// Everything the checks found in one round.
struct RoundResult {
    bool lost = false, half = false, integrity = false, reopen = false;
    std::string problem;
};

void note(RoundResult& r, bool RoundResult::*what, const std::string& problem) {
    r.*what = true;
    if (r.problem.empty())
        r.problem = problem;
}

// Every file in backups/ beside the database that carries a backup's name must be whole.
void check_backups(const fs::path& db, RoundResult& r) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(db.parent_path() / "backups", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.' || entry.path().extension() != ".db")
            continue; // a temporary file of a copy cut short
        const std::string finding = integrity_of(entry.path());
        if (finding != "ok")
            note(r, &RoundResult::integrity, "backup " + name + ": " + finding);
        else if (!store::inspect_backup(entry.path()).restorable)
            note(r, &RoundResult::integrity, "backup " + name + " cannot be restored");
    }
}

RoundResult check_after_cut(const Scenario& s, const Expected& expected, const fs::path& dir,
                            int reported) {
    RoundResult r;
    const fs::path db = dir / s.db_name;
    const std::string finding = integrity_of(db);
    if (finding != "ok") {
        note(r, &RoundResult::integrity, "database: " + finding);
    } else {
        const std::string now = fingerprint(db);
        const auto& states = expected.states; // states[i]: after i operations
        const auto matches = [&](int i) {
            return i >= 0 && i < static_cast<int>(states.size()) && states[i] == now;
        };
        if (!matches(reported) && !matches(reported + 1)) {
            bool older = false;
            for (int i = 0; i < reported; ++i)
                older = older || matches(i);
            if (older)
                note(r, &RoundResult::lost,
                     fmt::format("{}: after {} reported operations the file holds an older state",
                                 s.name, reported));
            else
                note(r, &RoundResult::half,
                     fmt::format("{}: operation {} ({}) left the file in no state it should have",
                                 s.name, reported + 1,
                                 reported < static_cast<int>(s.operations.size())
                                     ? s.operations[static_cast<std::size_t>(reported)].name
                                     : "none"));
        }
    }
    check_backups(db, r);
    try {
        { auto opened = store::open_for_use(db, kToday); }
        if (const auto problems = store::check_database_file(db); !problems.empty())
            note(r, &RoundResult::reopen, "check after reopening: " + problems.front());
    } catch (const std::exception& e) {
        note(r, &RoundResult::reopen, std::string("reopening: ") + e.what());
    }
    return r;
}

} // namespace

PowerCutFigures run_power_cuts(const PowerCutOptions& options, std::ostream* log) {
    PowerCutVfs& vfs = PowerCutVfs::install();
    PowerCutFigures figures;
    std::error_code ec;
    fs::remove_all(options.work, ec);
    fs::create_directories(options.work);

    const std::vector<Scenario> scenarios = all_scenarios();
    std::vector<Expected> expected;
    for (const Scenario& s : scenarios) {
        expected.push_back(dry_run(s, options.work));
        figures.events_per_round += expected.back().events;
    }

    // With every_event_of, the cuts go at each event of that scenario in turn.
    std::vector<std::pair<std::size_t, std::int64_t>> every;
    if (!options.every_event_of.empty()) {
        std::size_t w = 0;
        while (w < scenarios.size() && scenarios[w].name != options.every_event_of)
            ++w;
        if (w == scenarios.size())
            throw std::invalid_argument("no scenario named " + options.every_event_of);
        for (std::int64_t e = 1; e <= expected[w].events; ++e)
            every.emplace_back(w, e);
    }
    const int rounds = every.empty() ? options.cuts : static_cast<int>(every.size());
    const std::int64_t names_lost_before = vfs.names_lost();

    std::mt19937_64 rng(options.seed);
    const fs::path dir = options.work / "round";
    for (int round = 0; round < rounds; ++round) {
        // Each scenario gets cuts in proportion to its disk events, so every event is as
        // likely to be the one the power goes at.
        std::uniform_int_distribution<std::int64_t> pick(1, figures.events_per_round);
        std::int64_t event = pick(rng);
        std::size_t which = 0;
        if (!every.empty()) {
            std::tie(which, event) = every[static_cast<std::size_t>(round)];
        } else {
            while (event > expected[which].events) {
                event -= expected[which].events;
                ++which;
            }
        }
        const Scenario& s = scenarios[which];
        const bool tear = !options.only_drop_unsynced && round % 2 == 1;
        const std::uint64_t seed = rng();

        fs::remove_all(dir, ec);
        fs::copy(options.work / ("base-" + s.name), dir, fs::copy_options::recursive);
        vfs.watch(dir);
        vfs.set_lying_disk(options.lying_disk);
        vfs.cut_power_at(event);
        const Outcome outcome = run_until_cut(s, dir, vfs);
        vfs.restore_power(tear ? CutMode::keep_random_sectors : CutMode::drop_unsynced, seed);
        vfs.stop_watching();

        ++figures.cuts;
        ++(tear ? figures.cuts_tearing : figures.cuts_dropping);
        const std::string cut_in =
            outcome.cut_during >= 0
                ? s.name + ": " + s.operations[static_cast<std::size_t>(outcome.cut_during)].name
                : "(no cut: the operations took fewer disk events this time)";
        ++figures.cuts_by_operation[cut_in];
        if (outcome.error_without_sentence) {
            ++figures.errors_without_sentence;
            if (log)
                *log << "round " << round << ": no sentence: " << outcome.error << "\n";
        }
        const RoundResult r = check_after_cut(s, expected[which], dir, outcome.reported);
        figures.lost_commits += r.lost;
        figures.half_applied += r.half;
        figures.integrity_failures += r.integrity;
        figures.reopen_failures += r.reopen;
        if (!r.problem.empty()) {
            const std::string line = fmt::format(
                "round {} (event {} of {}, {}): {}", round, event, expected[which].events,
                tear ? "torn sectors" : "unsynced dropped", r.problem);
            if (figures.first_problem.empty())
                figures.first_problem = line;
            if (log)
                *log << line << "\n";
        }
    }
    fs::remove_all(dir, ec);
    figures.names_lost = vfs.names_lost() - names_lost_before;
    return figures;
}

} // namespace rapport::durability
