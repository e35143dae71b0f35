// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The worth sums kept by month (store/worth_months.h): after any mix of the ways data changes
// they equal a count from the records, the whole portfolio read from them equals each customer
// summed from their own records, an older file gets them by its migration, a restore brings
// them back, and check finds one changed by hand.
#include "../support/old_schema.h"
#include "../support/temp_dir.h"
#include "../support/test_database.h"
#include "core/csv_reader.h"
#include "core/errors.h"
#include "exchange/importer.h"
#include "store/backup.h"
#include "store/customer_figures.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/log_incident.h"
#include "store/purchases.h"
#include "store/sqlite/connection.h"
#include "store/worth_months.h"
#include "store/worth_query.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>

using namespace rapport;
using rapport::test::TempDir;

namespace {

// Days from 2025-01-01 to 2027-04-30: the "todays" below fall inside, so some records are
// always in the future and the window's first month is cut in the middle.
Date some_day(std::mt19937& rnd) {
    return add_days(date::year{2025} / 1 / 1, static_cast<int>(rnd() % 850));
}

Interaction incident(Id customer, std::mt19937& rnd) {
    Interaction i;
    i.customer_id = customer;
    const Date d = some_day(rnd);
    i.at = parse_date_time(fmt::format("{}T{:02}:{:02}", format_date(d), rnd() % 24, rnd() % 60));
    i.summary = "The kettle leaks";
    i.minutes = static_cast<int>(rnd() % 30);
    for (int k = static_cast<int>(rnd() % 3); k > 0; --k) {
        Resolution r;
        r.type = ResolutionType::refund;
        r.cost = Money::from_cents(static_cast<std::int64_t>(rnd() % 5000));
        r.status = static_cast<ResolutionStatus>(rnd() % 3);
        i.resolutions.push_back(r);
    }
    if (rnd() % 2) {
        FollowUp f;
        f.due = add_days(d, 7);
        f.note = "Call back";
        i.follow_ups.push_back(f);
    }
    return i;
}

Purchase purchase(Id customer, std::mt19937& rnd) {
    Purchase p;
    p.customer_id = customer;
    p.on = some_day(rnd);
    p.amount = Money::from_cents(static_cast<std::int64_t>(rnd() % 20000 + 100));
    p.margin = static_cast<BasisPoints>(rnd() % 6000);
    return p;
}

// The portfolio as read from the kept months equals each customer summed from their own
// records (the one-customer path reads the records themselves), on days that cut the window's
// first month in the middle, start it on the 1st, and leave records in the future.
void check_portfolio_matches_records(store::Database& db) {
    store::WorthQuery query(db);
    for (const Date today : {Date(date::year{2026} / 6 / 15), Date(date::year{2026} / 3 / 2),
                             Date(date::year{2025} / 12 / 31)}) {
        INFO("today " << format_date(today));
        for (const CustomerActivity& got : query.all_customers(today)) {
            const CustomerActivity want = query.customer_with_referrals(got.id, today).front();
            INFO("customer " << got.id);
            CHECK(got.purchase_count == want.purchase_count);
            CHECK(got.first_record == want.first_record);
            CHECK(got.to_date.margin_cent_bp == want.to_date.margin_cent_bp);
            CHECK(got.to_date.minutes == want.to_date.minutes);
            CHECK(got.to_date.accepted == want.to_date.accepted);
            CHECK(got.last_365_days.margin_cent_bp == want.last_365_days.margin_cent_bp);
            CHECK(got.last_365_days.minutes == want.last_365_days.minutes);
            CHECK(got.last_365_days.accepted == want.last_365_days.accepted);
            CHECK(got.pending == want.pending);
        }
    }
}

} // namespace

TEST_CASE("kept worth months equal a recount after 1000 mixed changes", "[worth-months]") {
    auto db = test::fresh_database();
    std::mt19937 rnd(2112);
    store::CustomerRepo customers(db);
    store::InteractionRepo interactions(db);
    store::PurchaseRepo purchases(db);
    store::FollowUpRepo follow_ups(db);
    std::vector<Id> people;
    for (int k = 0; k < 8; ++k) {
        Customer c;
        c.name = fmt::format("Customer {}", k);
        people.push_back(customers.add(c));
    }
    std::vector<store::LoggedIncident> logged;
    std::vector<Interaction> removed;
    std::vector<Id> bought;
    std::vector<FollowUp> done_before; // follow-ups as they were before marked done (undo)
    const auto some = [&](const auto& v) { return v[rnd() % v.size()]; };
    // An incident still there (deleted and taken-back ones stay on `logged` for the undo).
    const auto live_incident = [&]() -> std::optional<Interaction> {
        for (int tries = 0; tries < 10 && !logged.empty(); ++tries) {
            try {
                return interactions.get(some(logged).interaction_id);
            } catch (const DataError&) {
            }
        }
        return std::nullopt;
    };
    constexpr int kKinds = 12;
    int done[kKinds] = {};
    for (int step = 0; step < 1000; ++step) {
        const int op = static_cast<int>(rnd() % kKinds);
        try {
            switch (op) {
            case 0: { // log, sometimes for a customer made with it
                std::optional<Customer> fresh;
                if (rnd() % 5 == 0) {
                    fresh.emplace();
                    fresh->name = fmt::format("Walk-in {}", step);
                }
                const auto l = store::log_incident(db, incident(some(people), rnd), fresh);
                if (l.new_customer_id)
                    people.push_back(*l.new_customer_id);
                logged.push_back(l);
                break;
            }
            case 1: { // edit: new day, minutes, resolutions; sometimes another customer
                const auto i = live_incident();
                if (!i)
                    continue;
                Interaction changed = incident(rnd() % 3 ? i->customer_id : some(people), rnd);
                changed.id = i->id;
                changed.version = i->version;
                changed.follow_ups = i->follow_ups;
                if (!i->resolutions.empty() && rnd() % 2) {
                    Resolution r = i->resolutions.front();
                    r.status = static_cast<ResolutionStatus>(rnd() % 3);
                    changed.resolutions.push_back(r);
                }
                store::save_incident_edit(db, changed);
                break;
            }
            case 2: // delete an incident, with its resolutions and follow-ups
                if (logged.empty())
                    continue;
                removed.push_back(interactions.remove(some(logged).interaction_id));
                break;
            case 3: { // undo the delete (taken off the stack even when refused)
                if (removed.empty())
                    continue;
                const Interaction back = removed.back();
                removed.pop_back();
                interactions.restore(back);
                break;
            }
            case 4: { // undo a log
                if (logged.empty())
                    continue;
                const auto l = logged.back();
                logged.pop_back();
                store::unlog_incident(db, l);
                break;
            }
            case 5: { // delete a customer and everything of theirs
                if (people.size() < 4)
                    continue;
                const std::size_t k = rnd() % people.size();
                customers.remove(people[k]);
                people.erase(people.begin() + static_cast<std::ptrdiff_t>(k));
                break;
            }
            case 6: // a purchase typed in
                bought.push_back(purchases.add(purchase(some(people), rnd)));
                break;
            case 7: { // a purchase corrected: day, amount, margin, even the customer
                if (bought.empty())
                    continue;
                Purchase p = purchase(
                    rnd() % 2 ? purchases.get(some(bought)).customer_id : some(people), rnd);
                p.id = some(bought);
                purchases.update(p);
                break;
            }
            case 8: // a purchase deleted
                if (bought.empty())
                    continue;
                purchases.remove(some(bought));
                break;
            case 9: { // purchases imported from a till's CSV
                const Date d = some_day(rnd);
                const std::string csv =
                    fmt::format("name,date,amount\nCustomer {},{},{}.{:02}\nCustomer {},{},12.50\n",
                                rnd() % 8, format_date(d), rnd() % 300, rnd() % 100, rnd() % 8,
                                format_date(add_days(d, 40)));
                exchange::run_import(db, exchange::ImportKind::purchases, read_csv(csv), {});
                break;
            }
            case 10: { // a follow-up done, with minutes, on some day
                const auto i = live_incident();
                if (!i || i->follow_ups.empty() || i->follow_ups.front().is_done())
                    continue;
                done_before.push_back(i->follow_ups.front());
                follow_ups.mark_done(i->follow_ups.front().id, Outcome::satisfied, "",
                                     static_cast<int>(rnd() % 40), some_day(rnd));
                if (rnd() % 3 == 0) { // Ctrl+Z at once
                    follow_ups.restore(done_before.back());
                    done_before.pop_back();
                    ++done[11];
                }
                break;
            }
            case 11: { // undo a follow-up done
                if (done_before.empty())
                    continue;
                const FollowUp before = done_before.back();
                done_before.pop_back();
                follow_ups.restore(before);
                break;
            }
            }
            ++done[op];
        } catch (const DataError&) {
            // a removed record picked again: the store refuses and nothing changes
        } catch (const InputError&) {
            // a day before the incident, say: refused, nothing changes
        }
        if (step % 100 == 99) {
            INFO("after step " << step);
            REQUIRE(store::check_worth_months(db).empty());
        }
    }
    for (int op = 0; op < kKinds; ++op) {
        INFO("operation " << op << " done " << done[op] << " times");
        CHECK(done[op] >= 5); // every kind of change really happened, several times
    }
    CHECK(store::check_customer_figures(db).empty());
    check_portfolio_matches_records(db);
}

TEST_CASE("check finds a kept worth month changed by hand and a recount repairs it",
          "[worth-months]") {
    auto db = test::fresh_database();
    std::mt19937 rnd(7);
    Customer c;
    c.name = "Anna";
    const Id anna = store::CustomerRepo(db).add(c);
    Purchase p = purchase(anna, rnd);
    p.on = date::year{2026} / 3 / 14;
    store::PurchaseRepo(db).add(p);
    REQUIRE(store::check_worth_months(db).empty());
    store::write(db, Text("test"), [&] {
        store::session(db).exec(fmt::format("UPDATE customer_worth_month SET purchases = 2, "
                                            "first_day = '2026-03-01' WHERE customer_id = {} "
                                            "AND month = '2026-03'",
                                            anna));
    });
    const auto problems = store::check_worth_months(db);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] ==
          fmt::format("customer {}, 2026-03: first day kept 2026-03-01, counted 2026-03-14", anna));
    CHECK(problems[1] == fmt::format("customer {}, 2026-03: purchases kept 2, counted 1", anna));
    CHECK(store::check_customer_figures(db).size() == 2); // what `check` reports
    store::rebuild_customer_figures(db);
    CHECK(store::check_worth_months(db).empty());

    // The customer's to-date row (version 8) is compared the same way.
    store::write(db, Text("test"), [&] {
        store::session(db).exec(fmt::format("UPDATE customer_worth_month SET minutes = 45 "
                                            "WHERE customer_id = {} AND month = '{}'",
                                            anna, store::kToDateMonth));
    });
    const auto to_date = store::check_worth_months(db);
    REQUIRE(to_date.size() == 1);
    CHECK(to_date[0] ==
          fmt::format("customer {}, {}: minutes kept 45, counted 0", anna, store::kToDateMonth));
    store::rebuild_customer_figures(db);
    CHECK(store::check_worth_months(db).empty());
}

TEST_CASE("a version 4 file gets its worth months counted and a restore brings them back",
          "[worth-months][sqlite]") {
    TempDir dir;
    const auto path = dir / "v4.db";
    std::mt19937 rnd(44);
    {
        auto db = store::Database::open(path);
        Customer c;
        c.name = "Anna";
        const Id anna = store::CustomerRepo(db).add(c);
        for (int k = 0; k < 20; ++k) {
            store::log_incident(db, incident(anna, rnd));
            store::PurchaseRepo(db).add(purchase(anna, rnd));
        }
        sqlite(db).exec(test::kBackToVersion4);
    }
    std::filesystem::path copy;
    {
        auto db = store::Database::open(path);
        CHECK(db.schema_version() == store::kSchemaVersion);
        CHECK(store::check_worth_months(db).empty());
        check_portfolio_matches_records(db);
        copy = store::make_backup(db);
    }
    {
        auto db = store::Database::open(path);
        store::PurchaseRepo(db).add(purchase(1, rnd)); // after the copy: undone by the restore
    }
    store::restore_backup(path, copy);
    auto db = store::Database::open(path);
    CHECK(store::check_worth_months(db).empty());
    CHECK(sqlite(db).execAndGet("SELECT count(*) FROM purchase").getInt() == 20);
    check_portfolio_matches_records(db);
}

TEST_CASE("a version 7 file gets each customer's to-date row from its months",
          "[worth-months][sqlite]") {
    TempDir dir;
    const auto path = dir / "v7.db";
    std::mt19937 rnd(45);
    {
        auto db = store::Database::open(path);
        for (const char* name : {"Anna", "Zoë", "Jürgen"}) {
            Customer c;
            c.name = name;
            const Id id = store::CustomerRepo(db).add(c);
            for (int k = 0; k < 15; ++k) {
                store::log_incident(db, incident(id, rnd));
                store::PurchaseRepo(db).add(purchase(id, rnd));
            }
        }
        sqlite(db).exec(test::kBackToVersion7);
        CHECK(sqlite(db)
                  .execAndGet(fmt::format("SELECT count(*) FROM customer_worth_month "
                                          "WHERE month = '{}'",
                                          store::kToDateMonth))
                  .getInt() == 0);
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(
        sqlite(db)
            .execAndGet(fmt::format("SELECT count(*) FROM customer_worth_month WHERE month = '{}'",
                                    store::kToDateMonth))
            .getInt() == 3);
    CHECK(store::check_worth_months(db).empty());
    check_portfolio_matches_records(db);
    // and the triggers made again keep them from here on
    store::log_incident(db, incident(2, rnd));
    store::PurchaseRepo(db).add(purchase(3, rnd));
    CHECK(store::check_worth_months(db).empty());
    check_portfolio_matches_records(db);
}
