// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "disk_failures.h"

#include "power_cut_vfs.h"
#include "scenarios.h"

#include "core/csv_dialect.h"
#include "core/errors.h"
#include "exchange/accountant_export.h"
#include "exchange/followups_ics.h"
#include "exchange/history_export.h"
#include "store/backup.h"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <ostream>
#include <regex>
#include <typeinfo>

namespace rapport::durability {
namespace fs = std::filesystem;
using namespace date::literals;

namespace {

struct Failure {
    DiskFailure kind;
    bool sticky;
    const char* name;
};
// A full disk stays full; an I/O error hits one write or sync.
constexpr Failure kFailures[] = {{DiskFailure::full, true, "disk full"},
                                 {DiskFailure::io_error, false, "I/O error"}};

class Recorder {
public:
    Recorder(DiskFailureFigures& f, std::ostream* log) : m_f(f), m_log(log) {}
    void problem(int DiskFailureFigures::*figure, const std::string& what) {
        ++(m_f.*figure);
        if (m_f.first_problem.empty())
            m_f.first_problem = what;
        if (m_log)
            *m_log << what << "\n";
    }

private:
    DiskFailureFigures& m_f;
    std::ostream* m_log;
};

bool whole_backups(const fs::path& dir, std::string& finding) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir / "backups", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.' || entry.path().extension() != ".db")
            continue;
        if (const std::string f = integrity_of(entry.path()); f != "ok") {
            finding = name + ": " + f;
            return false;
        }
        if (!store::inspect_backup(entry.path()).restorable) {
            finding = name + " cannot be restored";
            return false;
        }
    }
    return true;
}

void operations_on_failing_disk(const DiskFailureOptions& options, DiskFailureFigures& f,
                                Recorder& rec) {
    PowerCutVfs& vfs = PowerCutVfs::install();
    const fs::path dir = options.work / "round";
    std::error_code ec;
    for (const Scenario& s : all_scenarios()) {
        if (!options.only_scenario.empty() && s.name != options.only_scenario)
            continue;
        const Expected e = dry_run(s, options.work, true);
        for (std::size_t k = 0; k < s.operations.size(); ++k) {
            const Operation& op = s.operations[k];
            for (std::int64_t n = 1; n <= e.op_events[k]; n += options.stride) {
                for (const Failure& failure : kFailures) {
                    const std::string where =
                        fmt::format("{}: {} with {} at event {} of {}", s.name, op.name,
                                    failure.name, n, e.op_events[k]);
                    fs::remove_all(dir, ec);
                    fs::copy(state_folder(options.work, s, static_cast<int>(k)), dir,
                             fs::copy_options::recursive);
                    Context ctx = e.contexts[k];
                    ctx.dir = dir;
                    vfs.watch(dir);
                    vfs.fail_at(n, failure.kind, failure.sticky);
                    bool done = false;
                    try {
                        op.run(ctx);
                        done = true;
                        ++f.succeeded;
                    } catch (const SentenceError& x) {
                        f.note_sentence(x.what(), options.work);
                    } catch (const std::exception& x) {
                        rec.problem(&DiskFailureFigures::errors_without_sentence,
                                    where + ": no sentence: " + x.what() + " (" + typeid(x).name() +
                                        ")");
                    }
                    ++f.runs;
                    f.errors_injected += vfs.failures_given();
                    vfs.stop_watching();

                    const std::string integrity = integrity_of(ctx.db());
                    std::string finding;
                    if (integrity != "ok") {
                        rec.problem(&DiskFailureFigures::integrity_failures,
                                    where + ": database: " + integrity);
                        continue;
                    }
                    if (!whole_backups(ctx.db().parent_path(), finding))
                        rec.problem(&DiskFailureFigures::integrity_failures,
                                    where + ": backup " + finding);
                    const std::string now = fingerprint(ctx.db());
                    const bool before = now == e.states[k], after = now == e.states[k + 1];
                    if (!before && !after) {
                        rec.problem(&DiskFailureFigures::half_applied, where + ": half-applied");
                        continue;
                    }
                    if (done && !after) {
                        rec.problem(&DiskFailureFigures::half_applied,
                                    where + ": reported done, but not there");
                        continue;
                    }
                    if (done || before == after)
                        continue;
                    if (after) {
                        rec.problem(&DiskFailureFigures::failed_but_applied,
                                    where + ": reported failed, but the change is there");
                        continue;
                    }
                    // The disk has room again: the same operation works.
                    try {
                        op.run(ctx);
                        if (fingerprint(ctx.db()) != e.states[k + 1])
                            rec.problem(&DiskFailureFigures::next_operation_failed,
                                        where + ": the retry did something else");
                    } catch (const std::exception& x) {
                        rec.problem(&DiskFailureFigures::next_operation_failed,
                                    where + ": the retry failed: " + x.what());
                    }
                }
            }
        }
    }
}

// --- Files written outside SQLite -------------------------------------------------------

using Files = std::map<std::string, std::string>; // name under the folder -> bytes

Files files_under(const fs::path& folder) {
    Files out;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec))
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
        // A calendar's DTSTAMP is the second it was written: not what makes it whole.
        for (auto at = bytes.find("DTSTAMP:"); at != std::string::npos;
             at = bytes.find("DTSTAMP:", at)) {
            const auto end = bytes.find('\n', at);
            bytes.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
        }
        out[fs::relative(entry.path(), folder).string()] = std::move(bytes);
    }
    return out;
}

struct Export {
    const char* name;
    std::function<void(store::Database&, const fs::path& out)> run;
};

std::vector<Export> exports() {
    return {
        {"the follow-up calendar",
         [](store::Database& db, const fs::path& out) {
             exchange::export_follow_ups_ics(db, out / "followups.ics");
         }},
        {"the history as JSON",
         [](store::Database& db, const fs::path& out) {
             exchange::export_history_json(db, out / "history.json", "2026-12-06T10:00:00Z");
         }},
        {"the history as CSV files",
         [](store::Database& db, const fs::path& out) {
             exchange::export_history_csv(db, out / "history", CsvDialect::comma);
         }},
        {"the accountant CSV",
         [](store::Database& db, const fs::path& out) {
             exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 12 / 31,
                                         exchange::AccountantFormat::csv, out / "accountant.csv",
                                         CsvDialect::comma);
         }},
    };
}

void exports_on_failing_disk(const DiskFailureOptions& options, DiskFailureFigures& f,
                             Recorder& rec) {
    PowerCutVfs& vfs = PowerCutVfs::install();
    // The old files come from the shop as it started, the new ones from after a day's work.
    const fs::path old_db = options.work / "base-everyday" / kDatabaseName;
    const fs::path new_db = state_folder(options.work, all_scenarios().front(), 9) / kDatabaseName;
    const fs::path out = options.work / "exports";
    std::error_code ec;
    for (const Export& x : exports()) {
        const auto export_from = [&](const fs::path& db_path) {
            auto db = store::Database::open(db_path);
            x.run(db, out);
        };
        fs::remove_all(out, ec);
        fs::create_directories(out);
        export_from(new_db);
        const Files fresh = files_under(out);
        fs::remove_all(out, ec);
        fs::create_directories(out);
        export_from(old_db);
        const Files old = files_under(out);
        vfs.watch(out);
        export_from(new_db);
        const std::int64_t events = vfs.events();
        vfs.stop_watching();

        for (std::int64_t n = 1; n <= events; n += options.stride) {
            for (const Failure& failure : kFailures) {
                const std::string where = fmt::format("export of {} with {} at event {} of {}",
                                                      x.name, failure.name, n, events);
                fs::remove_all(out, ec);
                fs::create_directories(out);
                export_from(old_db);
                vfs.watch(out);
                vfs.fail_at(n, failure.kind, failure.sticky);
                try {
                    export_from(new_db);
                    ++f.succeeded;
                } catch (const SentenceError& e) {
                    f.note_sentence(e.what(), options.work);
                    if (std::string(e.what()).find(out.string()) == std::string::npos)
                        rec.problem(&DiskFailureFigures::export_sentences_without_file,
                                    where + ": the sentence names no file: " + e.what());
                } catch (const std::exception& e) {
                    rec.problem(&DiskFailureFigures::errors_without_sentence,
                                where + ": no sentence: " + e.what());
                }
                ++f.export_runs;
                f.errors_injected += vfs.failures_given();
                vfs.stop_watching();
                for (const auto& [name, bytes] : files_under(out)) {
                    if (name.find(".tmp-") != std::string::npos) {
                        rec.problem(&DiskFailureFigures::leftover_temporaries,
                                    where + ": left " + name);
                        continue;
                    }
                    const bool was_old = old.count(name) && old.at(name) == bytes;
                    const bool is_new = fresh.count(name) && fresh.at(name) == bytes;
                    if (!was_old && !is_new)
                        rec.problem(&DiskFailureFigures::torn_exports,
                                    where + ": " + name + " is torn");
                }
                try {
                    export_from(new_db);
                    if (files_under(out) != fresh)
                        rec.problem(&DiskFailureFigures::next_operation_failed,
                                    where + ": the export again gave other files");
                } catch (const std::exception& e) {
                    rec.problem(&DiskFailureFigures::next_operation_failed,
                                where + ": the export again failed: " + e.what());
                }
            }
        }
    }
}

} // namespace

void DiskFailureFigures::note_sentence(std::string sentence, const fs::path& work) {
    ++sentences;
    // The same sentence for every run: the folders and the time in a backup's name left out.
    for (const std::string& folder : {work.string() + "/round", work.string()}) {
        for (auto at = sentence.find(folder); at != std::string::npos;
             at = sentence.find(folder, at))
            sentence.replace(at, folder.size(), "<folder>");
    }
    static const std::regex stamp(R"(\d{4}-\d{2}-\d{2}-\d{6})");
    ++sentences_seen[std::regex_replace(sentence, stamp, "<time>")];
}

DiskFailureFigures run_disk_failures(const DiskFailureOptions& options, std::ostream* log) {
    DiskFailureFigures f;
    Recorder rec(f, log);
    std::error_code ec;
    fs::remove_all(options.work, ec);
    fs::create_directories(options.work);
    operations_on_failing_disk(options, f, rec);
    if (options.only_scenario.empty())
        exports_on_failing_disk(options, f, rec);
    fs::remove_all(options.work / "round", ec);
    return f;
}

} // namespace rapport::durability
