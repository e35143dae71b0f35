// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarios.h"
#include "../support/old_schema.h"

#include "core/errors.h"
#include "exchange/importer.h"
#include "store/backup.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/open.h"
#include "store/purchases.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <typeinfo>
#include <unistd.h>

namespace rapport::durability {
namespace fs = std::filesystem;
using namespace date::literals;

namespace {

Interaction incident(Id customer, const std::string& summary, int n) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{2026_y / 11 / 25, 600 + n};
    i.category = Category::delay;
    i.summary = summary;
    i.minutes = 5 + n;
    i.resolutions.push_back(Resolution{.type = ResolutionType::discount,
                                       .cost = Money::from_cents(250 + n),
                                       .status = ResolutionStatus::accepted});
    i.resolutions.push_back(Resolution{.type = ResolutionType::refund,
                                       .cost = Money::from_cents(1200 + n),
                                       .status = ResolutionStatus::offered});
    i.follow_ups.push_back(FollowUp{.due = 2026_y / 12 / 10, .note = "Call back: " + summary});
    return i;
}

Customer customer(const std::string& name, int n) {
    Customer c;
    c.name = name;
    c.phone = fmt::format("030 555 {:04}", n);
    c.email = fmt::format("customer{}@example.org", n);
    c.note = "Prefers the morning";
    return c;
}

// A shop with a few customers and their history, and a backup of an earlier day beside it.
void fill(store::Database& db, const fs::path& backup_to) {
    store::CustomerRepo customers(db);
    const Id anna = customers.add(customer("Anna Schmidt", 1));
    const Id ben = customers.add(customer("Ben Okafor", 2));
    store::log_incident(db, incident(anna, "Parcel late", 1));
    store::PurchaseRepo(db).add(Purchase{.customer_id = anna,
                                         .on = 2026_y / 10 / 2,
                                         .amount = Money::from_cents(4500),
                                         .margin = 4000});
    if (!backup_to.empty())
        store::write_backup(db, backup_to); // the backup "restore a backup" puts back
    const Id cleo = customers.add(customer("Cleo Martin", 3));
    store::log_incident(db, incident(ben, "Wrong invoice", 2));
    store::log_incident(db, incident(cleo, "Broken lid", 3));
    store::log_incident(db, incident(ben, "Second wrong invoice", 4));
    store::PurchaseRepo(db).add(Purchase{.customer_id = ben,
                                         .on = 2026_y / 11 / 3,
                                         .amount = Money::from_cents(9900),
                                         .margin = 3500});
}

// A till's export the importer has to guess: German names, ';' and decimal commas.
std::string import_csv() {
    std::string csv = "Kunde;Telefon;E-Mail;Notiz\r\n";
    for (int n = 0; n < 40; ++n)
        csv += fmt::format("Kundin {};0171 {:06};kundin{}@example.org;Stammkundin {}\r\n", n,
                           100000 + n * 37, n, n % 3 == 0 ? "seit 2020" : "");
    return csv;
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

void everyday_base(const fs::path& dir) {
    fs::create_directories(dir);
    auto db = store::Database::open(dir / kDatabaseName);
    fill(db, dir / "earlier-backup.db");
    write_text(dir / "import.csv", import_csv());
}

// The same shop as saved by an earlier version of Rapport (schema version 2), so opening it
// takes two migration steps.
void previous_version_base(const fs::path& dir) {
    fs::create_directories(dir);
    auto db = store::Database::open(dir / kDatabaseName);
    fill(db, {});
    sqlite(db).exec(test::kBackToVersion3);
    sqlite(db).exec(R"(
        DROP INDEX follow_up_done_by_day;
        ALTER TABLE follow_up DROP COLUMN customer_said;
        ALTER TABLE follow_up DROP COLUMN satisfaction;
        PRAGMA user_version = 2;)");
}

// One command: open the file for use (the day's backup is taken on the first), run, close. A
// daily backup that cannot be written is a warning the command shows; the work goes on.
template <class Body> void command(Context& ctx, Body&& body) {
    auto opened = store::open_for_use(ctx.db(), kToday);
    body(opened.db);
}

std::vector<Operation> everyday_operations() {
    return {
        {"open and take the daily backup", [](Context& ctx) { command(ctx, [](auto&) {}); }},
        {"log an incident with a new customer",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) {
                 ctx.logged = store::log_incident(db, incident(0, "Cold coffee", 5),
                                                  customer("Dora Weiss", 4));
             });
         }},
        {"edit the incident",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) {
                 Interaction i = store::InteractionRepo(db).get(ctx.logged->interaction_id);
                 i.summary = "Cold coffee, twice";
                 i.resolutions.push_back(Resolution{.type = ResolutionType::store_credit,
                                                    .cost = Money::from_cents(500),
                                                    .status = ResolutionStatus::accepted});
                 i.follow_ups.front().note = "Ask how the new machine tastes";
                 store::save_incident_edit(db, i);
             });
         }},
        {"log an incident with a new customer to undo",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) {
                 ctx.to_undo = store::log_incident(db, incident(0, "Typed by mistake", 6),
                                                   customer("Emil Nobody", 5));
             });
         }},
        {"undo it",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) { store::unlog_incident(db, *ctx.to_undo); });
         }},
        {"delete a customer with history",
         [](Context& ctx) {
             command(ctx, [](store::Database& db) { store::CustomerRepo(db).remove(2); });
         }},
        {"import customers from a CSV file",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) {
                 const auto result =
                     exchange::run_import(db, exchange::ImportKind::customers,
                                          exchange::read_import_file(ctx.dir / "import.csv"), {});
                 if (!result.written)
                     throw std::logic_error("the import wrote nothing");
             });
         }},
        {"make a backup", [](Context& ctx) { command(ctx, store::make_backup); }},
        {"restore a backup",
         [](Context& ctx) { store::restore_backup(ctx.db(), ctx.dir / "earlier-backup.db"); }},
        {"log an incident after the restore",
         [](Context& ctx) {
             command(ctx, [](store::Database& db) {
                 store::log_incident(db, incident(1, "After the restore", 7));
             });
         }},
    };
}

// The first start: the database and the folder it lives in are made by the store's own open,
// so each new name has to be flushed in its folder before a save is reported.
std::vector<Operation> first_start_operations() {
    return {
        {"open a new database in a new folder", [](Context& ctx) { command(ctx, [](auto&) {}); }},
        {"log the first incident with a new customer",
         [](Context& ctx) {
             command(ctx, [&](store::Database& db) {
                 ctx.logged = store::log_incident(db, incident(0, "First day, late parcel", 9),
                                                  customer("Fynn Erster", 6));
             });
         }},
    };
}

std::vector<Operation> migration_operations() {
    return {
        {"open a previous version's file: backup, migrate, daily backup",
         [](Context& ctx) { command(ctx, [](auto&) {}); }},
        {"log an incident on the migrated file",
         [](Context& ctx) {
             command(ctx, [](store::Database& db) {
                 store::log_incident(db, incident(1, "First after the update", 8));
             });
         }},
    };
}

} // namespace

std::vector<Scenario> all_scenarios() {
    return {
        {"everyday", everyday_base, everyday_operations()},
        {"update", previous_version_base, migration_operations()},
        {"first start", [](const fs::path& dir) { fs::create_directories(dir); },
         first_start_operations(), fs::path("shop") / kDatabaseName},
    };
}

namespace {
// No file, or an empty one (Database::open fills it as a new database).
bool no_database(const fs::path& file) {
    std::error_code ec;
    return !fs::exists(file, ec) || fs::file_size(file, ec) == 0;
}
// A hot journal left by the cut is rolled back by the next connection that may write; a
// read-only look alone is refused. The checks read a copy rolled back so, and leave the files
// as they are: Rapport's own reopen afterwards has to meet the hot journal itself.
template <class Look> std::string look_rolled_back(const fs::path& file, Look&& look) {
    std::error_code ec;
    const fs::path journal = file.string() + "-journal";
    if (!fs::exists(journal, ec))
        return look(file);
    const fs::path dir =
        fs::temp_directory_path() / ("rapport-durability-look-" + std::to_string(::getpid()));
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    const fs::path copy = dir / file.filename();
    fs::copy_file(file, copy);
    fs::copy_file(journal, copy.string() + "-journal");
    try {
        SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
        db.execAndGet("SELECT count(*) FROM sqlite_schema");
    } catch (const SQLite::Exception&) {
        // the look says what is wrong with the file
    }
    std::string out = look(copy);
    fs::remove_all(dir, ec);
    return out;
}

std::string integrity_of_file(const fs::path& file) {
    if (no_database(file))
        return "ok"; // nothing there to be damaged: Rapport starts a new database
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        SQLite::Statement st(db, "PRAGMA integrity_check(1)");
        if (!st.executeStep())
            return "integrity_check said nothing";
        return st.getColumn(0).getString();
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
}

std::string fingerprint_of_file(const fs::path& file) {
    if (no_database(file))
        return "no database\n";
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    std::string out = fmt::format("application_id {} user_version {}\n",
                                  db.execAndGet("PRAGMA application_id").getInt(),
                                  db.execAndGet("PRAGMA user_version").getInt());
    std::vector<std::string> tables, virtual_tables;
    {
        SQLite::Statement st(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
                                 "ORDER BY type, name");
        while (st.executeStep()) {
            const std::string type = st.getColumn(0).getString();
            const std::string name = st.getColumn(1).getString();
            out += type + " " + name + ": " + st.getColumn(2).getString() + "\n";
            if (type == "table" && st.getColumn(2).getString().find("VIRTUAL") != std::string::npos)
                virtual_tables.push_back(name);
            else if (type == "table")
                tables.push_back(name);
        }
    }
    for (const std::string& table : tables) {
        // FTS5's own tables follow from the rows they index; their layout is not content.
        if (std::any_of(virtual_tables.begin(), virtual_tables.end(),
                        [&](const auto& v) { return table.rfind(v + "_", 0) == 0; }))
            continue;
        SQLite::Statement st(db, fmt::format("SELECT * FROM \"{}\" ORDER BY 1", table));
        out += "[" + table + "]\n";
        while (st.executeStep()) {
            for (int c = 0; c < st.getColumnCount(); ++c) {
                // The clock's minute of a save (created_at, and who-did-what's *_at stamps)
                // differs between a run and its retry when a minute turns in between.
                const std::string column = st.getColumnName(c);
                if (column == "created_at" || column == "logged_at" || column == "changed_at" ||
                    column == "added_at" || column == "done_at")
                    continue;
                out += st.getColumn(c).isNull() ? "NULL" : st.getColumn(c).getString();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace

std::string integrity_of(const fs::path& file) {
    return look_rolled_back(file, integrity_of_file);
}

std::string fingerprint(const fs::path& file) {
    return look_rolled_back(file, fingerprint_of_file);
}

fs::path state_folder(const fs::path& work, const Scenario& s, int k) {
    return work / fmt::format("state-{}-{}", s.name, k);
}

Expected dry_run(const Scenario& s, const fs::path& work, bool keep_files) {
    PowerCutVfs& vfs = PowerCutVfs::install();
    vfs.stop_watching();
    const fs::path base = work / ("base-" + s.name);
    std::error_code ec;
    fs::remove_all(base, ec);
    s.make_base(base);
    const fs::path dir = work / ("dry-" + s.name);
    fs::remove_all(dir, ec);
    fs::copy(base, dir, fs::copy_options::recursive);

    Expected e;
    Context ctx{dir, {}, {}, s.db_name};
    e.states.push_back(fingerprint(ctx.db()));
    for (std::size_t k = 0; k < s.operations.size(); ++k) {
        if (keep_files) {
            const fs::path keep = state_folder(work, s, static_cast<int>(k));
            fs::remove_all(keep, ec);
            fs::copy(dir, keep, fs::copy_options::recursive);
        }
        e.contexts.push_back(ctx);
        vfs.watch(dir);
        s.operations[k].run(ctx); // a failure here is the harness's, not a finding: it propagates
        e.op_events.push_back(vfs.events());
        e.events += vfs.events();
        vfs.stop_watching();
        e.states.push_back(fingerprint(ctx.db()));
    }
    fs::remove_all(dir, ec);
    return e;
}

Outcome run_until_cut(const Scenario& s, const fs::path& dir, PowerCutVfs& vfs) {
    Outcome out;
    Context ctx{dir, {}, {}, s.db_name};
    for (const Operation& op : s.operations) {
        try {
            op.run(ctx);
        } catch (const SentenceError&) {
            out.cut_during = vfs.power_is_cut() ? out.reported : -1;
            return out;
        } catch (const std::exception& e) {
            out.error_without_sentence = true;
            out.error = op.name + ": " + e.what() + " (" + typeid(e).name() + ")";
            out.cut_during = vfs.power_is_cut() ? out.reported : -1;
            return out;
        }
        if (vfs.power_is_cut()) {
            out.cut_during = out.reported++;
            return out;
        }
        ++out.reported;
    }
    return out;
}

} // namespace rapport::durability
