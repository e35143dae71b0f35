// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The customers' kept figures (complaints, last contact, money given back): after any mix of
// the ways data changes they equal a count from the records, an older file gets them counted
// by its migration, and check finds one changed by hand.
#include "../support/temp_dir.h"
#include "../support/test_database.h"
#include "core/csv_reader.h"
#include "core/errors.h"
#include "exchange/importer.h"
#include "store/backup.h"
#include "store/customer_figures.h"
#include "store/customer_table.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/log_incident.h"
#include "store/schema_sql.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>

using namespace rapport;
using rapport::test::TempDir;

namespace {

Interaction incident(Id customer, std::mt19937& rnd) {
    Interaction i;
    i.customer_id = customer;
    i.at = parse_date_time(fmt::format("2026-{:02}-{:02}T{:02}:{:02}", rnd() % 12 + 1,
                                       rnd() % 28 + 1, rnd() % 24, rnd() % 60));
    i.summary = "The kettle leaks";
    i.minutes = static_cast<int>(rnd() % 30);
    const int resolutions = static_cast<int>(rnd() % 3);
    for (int k = 0; k < resolutions; ++k) {
        Resolution r;
        r.type = ResolutionType::refund;
        r.cost = Money::from_cents(static_cast<std::int64_t>(rnd() % 5000));
        r.status = static_cast<ResolutionStatus>(rnd() % 3);
        i.resolutions.push_back(r);
    }
    return i;
}

// What the list shows for every customer, read through the list itself.
std::vector<store::CustomerSummary> listed(store::Database& db) {
    return store::CustomerRepo(db).list();
}

} // namespace

TEST_CASE("kept figures equal a recount after 1000 mixed changes", "[figures]") {
    auto db = test::fresh_database();
    std::mt19937 rnd(21);
    store::CustomerRepo customers(db);
    store::InteractionRepo interactions(db);
    std::vector<Id> people;
    for (int k = 0; k < 8; ++k) {
        Customer c;
        c.name = fmt::format("Customer {}", k);
        people.push_back(customers.add(c));
    }
    std::vector<store::LoggedIncident> logged; // may be taken back (undo of log)
    std::vector<Interaction> removed;          // may be put back (undo of delete)
    const auto some_customer = [&] { return people[rnd() % people.size()]; };
    const auto some_incident = [&]() -> std::optional<Id> {
        if (logged.empty())
            return std::nullopt;
        return logged[rnd() % logged.size()].interaction_id;
    };
    int done[9] = {};
    for (int step = 0; step < 1000; ++step) {
        const int op = static_cast<int>(rnd() % 9);
        try {
            switch (op) {
            case 0:
            case 1: { // log, for a known customer or a new one made with it
                std::optional<Customer> fresh;
                if (rnd() % 4 == 0) {
                    fresh.emplace();
                    fresh->name = fmt::format("Walk-in {}", step);
                }
                const auto l = store::log_incident(db, incident(some_customer(), rnd), fresh);
                if (l.new_customer_id)
                    people.push_back(*l.new_customer_id);
                logged.push_back(l);
                break;
            }
            case 2: { // edit: new time, resolutions changed, sometimes another customer
                const auto id = some_incident();
                if (!id)
                    continue;
                Interaction i = interactions.get(*id);
                Interaction changed = incident(rnd() % 3 ? i.customer_id : some_customer(), rnd);
                changed.id = i.id;
                if (!i.resolutions.empty() && rnd() % 2) { // keep one, with another status
                    Resolution r = i.resolutions.front();
                    r.status = static_cast<ResolutionStatus>(rnd() % 3);
                    changed.resolutions.push_back(r);
                }
                store::save_incident_edit(db, changed);
                break;
            }
            case 3: { // delete an incident
                const auto id = some_incident();
                if (!id)
                    continue;
                removed.push_back(interactions.remove(*id));
                break;
            }
            case 4: { // undo a delete: back with its ids
                if (removed.empty())
                    continue;
                interactions.restore(removed.back());
                removed.pop_back();
                break;
            }
            case 5: { // undo a log
                if (logged.empty())
                    continue;
                const auto l = logged.back();
                logged.pop_back();
                store::unlog_incident(db, l);
                break;
            }
            case 6: { // delete a customer and everything of theirs
                if (people.size() < 4)
                    continue;
                const std::size_t k = rnd() % people.size();
                customers.remove(people[k]);
                people.erase(people.begin() + static_cast<std::ptrdiff_t>(k));
                break;
            }
            case 7: { // import customers from a CSV file
                const std::string csv = fmt::format("name,phone\nImported {0},0170 {0}\n"
                                                    "Customer 1,\n",
                                                    step);
                const auto r =
                    exchange::run_import(db, exchange::ImportKind::customers, read_csv(csv), {});
                REQUIRE(r.written);
                for (const auto& s :
                     store::CustomerTable(db).named(fmt::format("Imported {}", step)))
                    people.push_back(s.id);
                break;
            }
            case 8: { // archive, or bring back
                customers.set_archived(some_customer(), rnd() % 2);
                break;
            }
            }
            ++done[op];
        } catch (const DataError&) {
            // a removed incident or customer picked again: the store refuses, nothing changes
        }
        if (step % 100 == 99) {
            INFO("after step " << step);
            REQUIRE(store::check_customer_figures(db).empty());
        }
    }
    for (int op = 0; op < 9; ++op) {
        INFO("operation " << op);
        CHECK(done[op] > 20); // every kind of change really happened
    }
    CHECK(store::check_customer_figures(db).empty());
    // And the list shows what a recount gives.
    const auto before = listed(db);
    store::rebuild_customer_figures(db);
    const auto after = listed(db);
    REQUIRE(before.size() == after.size());
    for (std::size_t k = 0; k < before.size(); ++k) {
        CHECK(before[k].complaints == after[k].complaints);
        CHECK(before[k].last_contact == after[k].last_contact);
        CHECK(before[k].given_back == after[k].given_back);
    }
}

TEST_CASE("check finds a kept figure changed by hand and a recount repairs it", "[figures]") {
    auto db = test::fresh_database();
    std::mt19937 rnd(5);
    Customer c;
    c.name = "Anna";
    const Id anna = store::CustomerRepo(db).add(c);
    for (int k = 0; k < 5; ++k)
        store::log_incident(db, incident(anna, rnd));
    REQUIRE(store::check_customer_figures(db).empty());
    store::write(db, Text("test"), [&] {
        store::session(db).exec(
            fmt::format("UPDATE customer_figures SET complaints = 99, given_back = given_back + 1 "
                        "WHERE customer_id = {}",
                        anna));
    });
    const auto problems = store::check_customer_figures(db);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == fmt::format("customer {}: complaints kept 99, counted 5", anna));
    CHECK(problems[1].find("money given back kept") != std::string::npos);
    store::rebuild_customer_figures(db);
    CHECK(store::check_customer_figures(db).empty());
}

TEST_CASE("a version 1 file gets its figures counted by the migration", "[figures][sqlite]") {
    TempDir dir;
    const auto path = dir / "old.db";
    {
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        old.exec(store::migration_sql(0));
        old.exec(fmt::format("PRAGMA application_id = {}", store::kApplicationId));
        old.exec("PRAGMA user_version = 1");
        old.exec("INSERT INTO customer (id, name) VALUES (1, 'Anna'), (2, 'Ben'), (3, 'Cleo')");
        old.exec("INSERT INTO interaction (id, customer_id, occurred_at, channel, category, "
                 "summary) VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late'), "
                 "(2, 1, '2026-05-02T09:30', 'phone', 'delay', 'Late again'), "
                 "(3, 2, '2026-01-10T12:00', 'email', 'billing', 'Wrong bill')");
        old.exec("INSERT INTO resolution (interaction_id, type, cost, status) VALUES "
                 "(1, 'refund', 1250, 'accepted'), (2, 'discount', 500, 'offered'), "
                 "(3, 'refund', 300, 'accepted'), (3, 'refund', 700, 'declined')");
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(store::check_customer_figures(db).empty());
    const auto rows = listed(db);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].name == "Anna");
    CHECK(rows[0].complaints == 2);
    CHECK(rows[0].last_contact == "2026-05-02T09:30");
    CHECK(rows[0].given_back == Money::from_cents(1250));
    CHECK(rows[1].given_back == Money::from_cents(300));
    CHECK(rows[2].complaints == 0);
    CHECK_FALSE(rows[2].last_contact);
}

TEST_CASE("a restored backup brings its own figures back", "[figures][sqlite]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    std::mt19937 rnd(7);
    std::filesystem::path backup;
    Id anna = 0;
    {
        auto db = store::Database::open(path);
        Customer c;
        c.name = "Anna";
        anna = store::CustomerRepo(db).add(c);
        for (int k = 0; k < 3; ++k)
            store::log_incident(db, incident(anna, rnd));
        backup = store::make_backup(db);
        for (int k = 0; k < 4; ++k)
            store::log_incident(db, incident(anna, rnd));
        REQUIRE(listed(db).front().complaints == 7);
    }
    store::restore_backup(path, backup);
    auto db = store::Database::open(path);
    CHECK(listed(db).front().complaints == 3);
    CHECK(store::check_customer_figures(db).empty());
}
