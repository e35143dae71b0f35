// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The operations the durability runs put under a power cut or a failing disk, each as one
// command of `rapport-cli` would run it: open the file for use (the daily backup included),
// one use case, close.
#include "power_cut_vfs.h"

#include "core/dates.h"
#include "store/log_incident.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rapport::durability {

inline constexpr const char* kDatabaseName = "rapport.db";
inline const Date kToday = Date{date::year{2026}, date::month{12}, date::day{6}};

// What the operations of one round share (ids given by earlier ones).
struct Context {
    std::filesystem::path dir;
    std::optional<store::LoggedIncident> logged;   // by "log an incident with a new customer"
    std::optional<store::LoggedIncident> to_undo;  // by "log an incident to undo"
    std::filesystem::path db_name = kDatabaseName; // under dir
    std::filesystem::path db() const { return dir / db_name; }
};

struct Operation {
    std::string name;
    std::function<void(Context&)> run; // throws what Rapport throws
};

struct Scenario {
    std::string name;
    std::function<void(const std::filesystem::path& dir)> make_base; // the files it starts from
    std::vector<Operation> operations;
    std::filesystem::path db_name = kDatabaseName; // under the folder, perhaps in a new folder
};

std::vector<Scenario> all_scenarios();

// The dry run: the scenario's disk events, and the database's contents before any operation
// (states[0]) and after each (states[i]).
struct Expected {
    std::int64_t events = 0;
    std::vector<std::string> states;
    std::vector<std::int64_t> op_events; // of each operation
    std::vector<Context> contexts;       // before each operation (its dir is the dry run's)
};
// Makes work/base-<name> (the starting files) and runs the scenario on a copy without a cut.
// With `keep_files`, the folder as it is before operation k stays in work/state-<name>-<k>.
Expected dry_run(const Scenario& s, const std::filesystem::path& work, bool keep_files = false);
std::filesystem::path state_folder(const std::filesystem::path& work, const Scenario& s, int k);

struct Outcome {
    int reported = 0;    // operations that returned (Rapport told the owner they were done)
    int cut_during = -1; // the operation the power went out in (it may still have returned)
    bool error_without_sentence = false; // the failing one threw something with no sentence
    std::string error;                   // what it threw
};
// Runs the operations in `dir` until one fails or the power is cut.
Outcome run_until_cut(const Scenario& s, const std::filesystem::path& dir, PowerCutVfs& vfs);

// PRAGMA integrity_check through a read-only connection: "ok" (also for no database), or the
// first finding.
std::string integrity_of(const std::filesystem::path& file);
// The contents of a database as text: its stamps, schema and every row of every table (the
// customers' creation minute left out: it is the clock's), read without writing anything. No
// file, or an empty one (which Rapport fills as a new database), is "no database".
std::string fingerprint(const std::filesystem::path& file);

} // namespace rapport::durability
