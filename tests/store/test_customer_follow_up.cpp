// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A follow-up that belongs to a customer, not an incident (schema version 6): the call planned
// for someone who quietly left without ever complaining. It shows where every follow-up shows,
// its minutes count for the customer by the day it was done, the kept figures stay right, and
// it goes with the customer.
#include "../support/old_schema.h"
#include "../support/temp_dir.h"
#include "../support/test_database.h"
#include "core/errors.h"
#include "exchange/followups_ics.h"
#include "exchange/history_export.h"
#include "store/backup.h"
#include "store/customer_figures.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/gone.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/purchases.h"
#include "store/sqlite/connection.h"
#include "store/worth_months.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace rapport;
using namespace date::literals;
using test::TempDir;

namespace {

// G6 of product.md: purchases every 30 days up to 2026-04-10, gone on 2026-06-15, and never a
// complaint.
Id quiet_regular(store::Database& db, const std::string& name = "Quentin Still") {
    Customer c;
    c.name = name;
    c.phone = "+49 30 555";
    const Id id = store::CustomerRepo(db).add(c);
    for (const Date day : {2026_y / 1 / 10, 2026_y / 2 / 9, 2026_y / 3 / 11, 2026_y / 4 / 10}) {
        Purchase p;
        p.customer_id = id;
        p.on = day;
        p.amount = Money{10000};
        p.margin = 4000;
        store::PurchaseRepo(db).add(p);
    }
    return id;
}

std::int64_t number(store::Database& db, const std::string& sql) {
    return store::sql::scalar(store::session(db), sql).getInt64();
}

void check_kept_figures(store::Database& db) {
    CHECK(store::check_customer_figures(db).empty());
    CHECK(store::check_worth_months(db).empty());
}

} // namespace

TEST_CASE("a gone customer who never complained gets a call that shows on the follow-up list",
          "[customer-follow-up]") {
    auto db = test::fresh_database();
    const Id quentin = quiet_regular(db);
    const auto gone = store::gone_customers(db, 2026_y / 6 / 15);
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].newest_incident == 0);

    const Id call = store::plan_gone_call(db, quentin, 2026_y / 6 / 15, "Call to ask how they are");
    store::FollowUpRepo repo(db);
    const auto item = repo.get(call);
    CHECK(item.interaction_id == 0);
    CHECK(item.follow_up.interaction_id == 0);
    CHECK(item.customer_id == quentin);
    CHECK(item.customer_name == "Quentin Still");
    CHECK(item.customer_phone == "+49 30 555");
    CHECK(item.summary.empty());
    CHECK(item.resolutions.empty());
    CHECK(item.follow_up.note == "Call to ask how they are");

    // The week's list, Today, the calendar and the gone list itself all see it.
    const WeekSpan week{{}, 2026_y / 6 / 15, 2026_y / 6 / 21};
    const auto agenda = repo.agenda(2026_y / 6 / 15, week);
    REQUIRE(agenda.week_items.size() == 1);
    CHECK(agenda.week_items[0].follow_up.id == call);
    const auto today = store::OverviewQueries(db).open_follow_ups(2026_y / 6 / 15, 10);
    REQUIRE(today.size() == 1);
    CHECK(today[0].customer_id == quentin);
    CHECK(today[0].interaction_id == 0);
    CHECK(repo.counts(2026_y / 6 / 15).due_today == 1);
    TempDir dir;
    CHECK(exchange::export_follow_ups_ics(db, dir / "calls.ics") == 1);
    std::stringstream ics;
    ics << std::ifstream(dir / "calls.ics").rdbuf();
    CHECK(ics.str().find("Note: Call to ask how they are") != std::string::npos);
    CHECK(store::gone_customers(db, 2026_y / 6 / 15).at(0).call_planned == 2026_y / 6 / 15);
    check_kept_figures(db);
}

TEST_CASE("marking a customer's call done counts its minutes for them by the day it was done",
          "[customer-follow-up]") {
    auto db = test::fresh_database();
    const Id quentin = quiet_regular(db);
    store::FollowUpRepo repo(db);
    const Id call = store::plan_gone_call(db, quentin, 2026_y / 6 / 15, "Call them");
    const FollowUp before =
        repo.mark_done(call, Outcome::satisfied, "Coming next week", 25, 2026_y / 7 / 1,
                       CustomerAnswer{5, "Nice of you to call"});
    const std::string june_july = "SELECT coalesce(sum(minutes), 0) FROM customer_worth_month "
                                  "WHERE customer_id = " +
                                  std::to_string(quentin) + " AND month = '2026-07'";
    CHECK(number(db, june_july) == 25);
    check_kept_figures(db);
    const auto answers =
        store::OverviewQueries(db).follow_up_answers(2026_y / 7 / 1, 2026_y / 7 / 31);
    CHECK(answers.all.done == 1);
    CHECK(answers.all.satisfied == 1);
    // No incident, no category and nothing given: the call's answer is a row of its own in both
    // breakdowns, not lost from them.
    REQUIRE(answers.by_category.size() == 1);
    CHECK(answers.by_category[0].key == store::kNoComplaint);
    CHECK(answers.by_category[0].tally == answers.all);
    REQUIRE(answers.by_given.size() == 1);
    CHECK(answers.by_given[0].key == store::kNoComplaint);
    CHECK(answers.by_given[0].tally == answers.all);

    // Undo puts it back open, and the minutes go again.
    repo.restore(before);
    CHECK_FALSE(repo.get(call).follow_up.is_done());
    CHECK(number(db, june_july) == 0);
    check_kept_figures(db);
}

TEST_CASE("deleting the customer takes their call with it and undo of the plan removes it",
          "[customer-follow-up]") {
    auto db = test::fresh_database();
    const Id quentin = quiet_regular(db);
    const Id other = quiet_regular(db, "Olga Other");
    store::FollowUpRepo repo(db);
    const Id undone = store::plan_gone_call(db, other, 2026_y / 6 / 15, "");
    repo.remove(undone); // what Ctrl+Z after "Plan a call" does
    CHECK(repo.all_open().empty());

    const Id call = store::plan_gone_call(db, quentin, 2026_y / 6 / 15, "Call them");
    repo.mark_done(call, Outcome::no_answer, "", 5, 2026_y / 6 / 15);
    store::plan_gone_call(db, quentin, 2026_y / 6 / 22, "Try again");
    CHECK_THROWS_AS(repo.schedule_for_customer(999, 2026_y / 6 / 22, ""), DataError);
    store::CustomerRepo(db).remove(quentin);
    CHECK(number(db, "SELECT count(*) FROM follow_up") == 0);
    check_kept_figures(db);
}

TEST_CASE("the history export carries a customer's call under the customer",
          "[customer-follow-up]") {
    auto db = test::fresh_database();
    const Id quentin = quiet_regular(db);
    const Id call = store::plan_gone_call(db, quentin, 2026_y / 6 / 15, "Call them");
    Customer anna;
    anna.name = "Anna";
    Interaction i;
    i.customer_id = store::CustomerRepo(db).add(anna);
    i.at = LocalDateTime{2026_y / 5 / 2, 10 * 60};
    i.summary = "Late";
    const Id incident = store::InteractionRepo(db).add(i);
    const Id incident_call = store::FollowUpRepo(db).schedule(incident, 2026_y / 5 / 9, "");

    TempDir dir;
    const auto n = exchange::export_history_json(db, dir / "all.json", "2026-06-15T10:00:00Z");
    CHECK(n.follow_ups == 2);
    std::ifstream in(dir / "all.json");
    const auto doc = nlohmann::json::parse(in);
    REQUIRE(doc["customers"][0]["follow_ups"].size() == 1);
    CHECK(doc["customers"][0]["follow_ups"][0]["id"] == call);
    CHECK(doc["customers"][0]["follow_ups"][0]["interaction_id"].is_null());
    CHECK(doc["customers"][1]["follow_ups"].empty());
    REQUIRE(doc["interactions"][0]["follow_ups"].size() == 1);
    CHECK(doc["interactions"][0]["follow_ups"][0]["id"] == incident_call);
    CHECK(doc["interactions"][0]["follow_ups"][0]["customer_id"].is_null());

    exchange::export_history_csv(db, dir / "csv");
    std::stringstream csv;
    // Binary: on Windows a text-mode stream would turn the file's CRLF into LF.
    csv << std::ifstream(dir / "csv" / "follow_ups.csv", std::ios::binary).rdbuf();
    CHECK(csv.str().find("customer_said,customer_id\r\n") != std::string::npos);
    CHECK(csv.str().find(std::to_string(call) + ",,2026-06-15,Call them,") != std::string::npos);
}

TEST_CASE("a version 5 file keeps its follow-ups and indexes and then takes a customer's call",
          "[customer-follow-up][sqlite]") {
    TempDir dir;
    const auto path = dir / "v5.db";
    Id quentin = 0;
    {
        auto db = store::Database::open(path);
        quentin = quiet_regular(db);
        Interaction i;
        i.customer_id = quentin;
        i.at = LocalDateTime{2026_y / 1 / 12, 9 * 60};
        i.summary = "Wrong size";
        Id incident = store::InteractionRepo(db).add(i);
        const Id done = store::FollowUpRepo(db).schedule(incident, 2026_y / 1 / 19, "Ask");
        store::FollowUpRepo(db).mark_done(done, Outcome::satisfied, "", 12, 2026_y / 1 / 19);
        store::FollowUpRepo(db).schedule(incident, 2026_y / 2 / 19, "Ask again");
        sqlite(db).exec(test::back_to_version_5());
        REQUIRE(sqlite(db).execAndGet("PRAGMA user_version").getInt() == 5);
    }
    std::filesystem::path copy;
    {
        auto db = store::Database::open(path);
        CHECK(db.schema_version() == store::kSchemaVersion);
        CHECK(number(db, "SELECT count(*) FROM follow_up") == 2);
        CHECK(number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                         "('follow_up_open_by_due', 'follow_up_by_interaction', "
                         "'follow_up_done_by_day', 'follow_up_by_customer')") == 4);
        CHECK(number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                         "sql LIKE '%follow_up%'") == 6);
        SQLite::Statement dangling(sqlite(db), "PRAGMA foreign_key_check");
        CHECK_FALSE(dangling.executeStep());
        CHECK(sqlite(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
        check_kept_figures(db);
        const Id call = store::plan_gone_call(db, quentin, 2026_y / 6 / 15, "Call them");
        // Planned on the newest incident, as before; one with no incident gets its own.
        CHECK(store::FollowUpRepo(db).get(call).interaction_id != 0);
        const Id olga = quiet_regular(db, "Olga Other");
        const Id own = store::plan_gone_call(db, olga, 2026_y / 6 / 15, "Call her");
        store::FollowUpRepo(db).mark_done(own, Outcome::satisfied, "", 7, 2026_y / 6 / 16);
        check_kept_figures(db);
        copy = store::make_backup(db);
        store::FollowUpRepo(db).remove(own);
    }
    store::restore_backup(path, copy);
    auto db = store::Database::open(path);
    CHECK(number(db, "SELECT count(*) FROM follow_up WHERE customer_id IS NOT NULL") == 1);
    check_kept_figures(db);
}

TEST_CASE("the database refuses a follow-up with no owner or with two", "[customer-follow-up]") {
    auto db = test::fresh_database();
    const Id quentin = quiet_regular(db);
    Interaction i;
    i.customer_id = quentin;
    i.at = LocalDateTime{2026_y / 1 / 12, 9 * 60};
    i.summary = "Wrong size";
    const Id incident = store::InteractionRepo(db).add(i);
    const auto refused = [&](const std::string& sql) {
        try {
            store::session(db).exec(sql);
        } catch (const store::sql::Error& e) {
            return e.failure() == store::sql::Failure::constraint;
        }
        return false;
    };
    CHECK(refused("INSERT INTO follow_up (due_on) VALUES ('2026-06-15')"));
    CHECK(refused("INSERT INTO follow_up (interaction_id, customer_id, due_on) VALUES (" +
                  std::to_string(incident) + ", " + std::to_string(quentin) + ", '2026-06-15')"));
    CHECK(number(db, "SELECT count(*) FROM follow_up") == 0);
}
