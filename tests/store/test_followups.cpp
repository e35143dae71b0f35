// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The weekly follow-up review at store level: which follow-ups land in which week, what is
// overdue, and that refused changes leave the follow-up exactly as it was.
#include "../support/test_database.h"
#include "core/errors.h"
#include "core/resolutions.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace rapport;
using namespace date::literals;

namespace {

// A shop with one customer and one incident (a refund accepted, an apology offered).
struct Shop {
    store::Database db = test::fresh_database();
    store::FollowUpRepo follow_ups{db};
    Id customer = 0;
    Id incident = 0;

    Shop() {
        Customer c;
        c.name = "Zoë Martin";
        customer = store::CustomerRepo(db).add(c);
        Interaction i;
        i.customer_id = customer;
        i.at = LocalDateTime{2026_y / 11 / 2, 10 * 60};
        i.category = Category::product_fault;
        i.summary = "Kettle stopped working after a week";
        i.resolutions.push_back(
            {0, 0, ResolutionType::refund, Money{2500}, ResolutionStatus::accepted});
        i.resolutions.push_back(
            {0, 0, ResolutionType::apology_only, Money{0}, ResolutionStatus::offered});
        incident = store::InteractionRepo(db).add(i);
    }

    Id due(Date d, const std::string& note = {}) { return follow_ups.schedule(incident, d, note); }
};

std::vector<Date> days_of(const std::vector<store::FollowUpItem>& items) {
    std::vector<Date> out;
    for (const auto& item : items)
        out.push_back(item.follow_up.due);
    return out;
}

std::vector<Id> ids_of(const std::vector<store::FollowUpItem>& items) {
    std::vector<Id> out;
    for (const auto& item : items)
        out.push_back(item.follow_up.id);
    return out;
}

} // namespace

TEST_CASE("a follow-up line says who, what happened, what was offered and the note",
          "[followups]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 25, "Ask if the new kettle works");
    const auto week = shop.follow_ups.agenda(2026_y / 11 / 23, week_containing(2026_y / 11 / 23));
    REQUIRE(week.week_items.size() == 1);
    const auto& item = week.week_items.front();
    CHECK(item.follow_up.id == id);
    CHECK(item.customer_id == shop.customer);
    CHECK(item.customer_name == "Zoë Martin");
    CHECK(item.interaction_id == shop.incident);
    CHECK(item.summary == "Kettle stopped working after a week");
    CHECK(describe_resolutions(item.resolutions) ==
          "refund 25.00 (accepted); apology-only (offered)");
    REQUIRE(item.resolutions.size() == 2);
    CHECK(item.resolutions[0].type == ResolutionType::refund);
    CHECK(item.resolutions[0].cost == Money{2500});
    CHECK(item.resolutions[1].status == ResolutionStatus::offered);
    CHECK(item.category == Category::product_fault);
    CHECK(item.follow_up.note == "Ask if the new kettle works");
}

TEST_CASE("follow-ups saved with their incident are in the list", "[followups]") {
    Shop shop;
    Interaction i = store::InteractionRepo(shop.db).get(shop.incident);
    i.id = 0;
    i.follow_ups.push_back(FollowUp{0, 0, 2026_y / 11 / 26, "From the log dialog", {}, {}, {}, 0});
    const Id second = store::InteractionRepo(shop.db).add(i);
    const auto items =
        shop.follow_ups.agenda(2026_y / 11 / 23, week_containing(2026_y / 11 / 23)).week_items;
    REQUIRE(items.size() == 1);
    CHECK(items.front().interaction_id == second);
    CHECK(items.front().follow_up.note == "From the log dialog");
}

TEST_CASE("a Monday-start week runs from Monday to Sunday inclusive", "[followups][weeks]") {
    Shop shop;
    shop.due(2026_y / 11 / 22); // Sunday before
    shop.due(2026_y / 11 / 23); // Monday: first day
    shop.due(2026_y / 11 / 29); // Sunday: last day
    shop.due(2026_y / 11 / 30); // Monday after
    const auto w48 = week_span(parse_week("2026-W48"));
    const auto a = shop.follow_ups.agenda(2026_y / 11 / 20, w48);
    CHECK(a.overdue.empty());
    CHECK(days_of(a.week_items) == std::vector<Date>{2026_y / 11 / 23, 2026_y / 11 / 29});
    const auto next = shop.follow_ups.agenda(2026_y / 11 / 20, next_week(w48));
    CHECK(days_of(next.week_items) == std::vector<Date>{2026_y / 11 / 30});
}

TEST_CASE("a follow-up due Sunday 2027-01-03 is in week 2026-W53, and Monday 2027-01-04 in "
          "2027-W01",
          "[followups][weeks]") {
    Shop shop;
    const Id sunday = shop.due(2027_y / 1 / 3);
    const Id monday = shop.due(2027_y / 1 / 4);
    const Date today = 2026_y / 12 / 28;

    const auto w53 = shop.follow_ups.agenda(today, week_containing(2027_y / 1 / 3));
    REQUIRE(w53.week);
    CHECK(format_week(w53.week->id) == "2026-W53");
    CHECK(ids_of(w53.week_items) == std::vector<Id>{sunday});

    const auto w01 = shop.follow_ups.agenda(today, week_span(parse_week("2027-W01")));
    CHECK(ids_of(w01.week_items) == std::vector<Id>{monday});
}

TEST_CASE("with a Sunday week start the week runs Sunday to Saturday", "[followups][weeks]") {
    Shop shop;
    shop.due(2026_y / 11 / 21); // Saturday before
    shop.due(2026_y / 11 / 22); // Sunday: first day
    shop.due(2026_y / 11 / 28); // Saturday: last day
    shop.due(2026_y / 11 / 29); // Sunday: next week
    const Date today = 2026_y / 11 / 20;
    const auto week = week_containing(2026_y / 11 / 25, date::Sunday);
    const auto a = shop.follow_ups.agenda(today, week);
    CHECK(days_of(a.week_items) == std::vector<Date>{2026_y / 11 / 22, 2026_y / 11 / 28});
    CHECK(days_of(shop.follow_ups.agenda(today, next_week(week, date::Sunday)).week_items) ==
          std::vector<Date>{2026_y / 11 / 29});

    SECTION("at the year's edge, Sunday 2027-01-03 opens the Sunday week named 2027-W01") {
        const Id sunday = shop.due(2027_y / 1 / 3);
        shop.due(2027_y / 1 / 2);
        const auto w01 = week_span(parse_week("2027-W01"), date::Sunday);
        CHECK(w01.first == 2027_y / 1 / 3);
        CHECK(ids_of(shop.follow_ups.agenda(today, w01).week_items) == std::vector<Id>{sunday});
    }
}

TEST_CASE("a follow-up due yesterday is overdue, one due today is not", "[followups]") {
    Shop shop;
    const Date today = 2026_y / 11 / 25; // a Wednesday
    const Id last_month = shop.due(2026_y / 10 / 30);
    const Id monday = shop.due(2026_y / 11 / 23);
    const Id yesterday = shop.due(2026_y / 11 / 24);
    const Id due_today = shop.due(today);
    const Id friday = shop.due(2026_y / 11 / 27);
    const Id done = shop.due(2026_y / 11 / 20);
    shop.follow_ups.mark_done(done, Outcome::satisfied, "", 5, 2026_y / 11 / 21);

    const auto a = shop.follow_ups.agenda(today, week_containing(today));
    CHECK(ids_of(a.overdue) == std::vector<Id>{last_month, monday, yesterday});
    // Monday and Tuesday of this week are listed once, as overdue.
    CHECK(ids_of(a.week_items) == std::vector<Id>{due_today, friday});

    const auto counts = shop.follow_ups.counts(today);
    CHECK(counts.overdue == 3);
    CHECK(counts.due_today == 1);
    CHECK(counts.total() == 4);

    SECTION("the Today count drops at once when one is done") {
        shop.follow_ups.mark_done(yesterday, std::nullopt, "", 0, today);
        CHECK(shop.follow_ups.counts(today).overdue == 2);
    }
    SECTION("without a week only the overdue ones are listed") {
        const auto only = shop.follow_ups.agenda(today, std::nullopt);
        CHECK(only.overdue.size() == 3);
        CHECK(only.week_items.empty());
    }
}

TEST_CASE("marking a follow-up done records the outcome, note and minutes", "[followups]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 24, "Call back");
    const FollowUp before = shop.follow_ups.mark_done(id, Outcome::still_unhappy,
                                                      "Wants a new model", 12, 2026_y / 11 / 25);
    CHECK_FALSE(before.is_done());
    const FollowUp after = shop.follow_ups.get(id).follow_up;
    CHECK(after.done_on == 2026_y / 11 / 25);
    CHECK(after.outcome == Outcome::still_unhappy);
    CHECK(after.outcome_note == "Wants a new model");
    CHECK(after.minutes == 12);
    CHECK(after.note == "Call back");
    CHECK(shop.follow_ups.agenda(2026_y / 12 / 1, std::nullopt).overdue.empty());

    SECTION("still unhappy: another follow-up can be scheduled for the same incident") {
        const Id again =
            shop.follow_ups.schedule(after.interaction_id, 2026_y / 11 / 30, "Try again");
        const auto open = shop.follow_ups.all_open();
        REQUIRE(ids_of(open) == std::vector<Id>{again});
        CHECK(open.front().interaction_id == shop.incident);
    }
    SECTION("undo puts it back open") {
        shop.follow_ups.restore(before);
        const FollowUp back = shop.follow_ups.get(id).follow_up;
        CHECK_FALSE(back.is_done());
        CHECK_FALSE(back.outcome);
        CHECK(back.minutes == 0);
        CHECK(back.outcome_note.empty());
    }
}

TEST_CASE("a follow-up already done cannot be marked done again, nothing changes",
          "[followups][refuse]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 24);
    shop.follow_ups.mark_done(id, Outcome::satisfied, "Happy now", 7, 2026_y / 11 / 25);
    CHECK_THROWS_AS(
        shop.follow_ups.mark_done(id, Outcome::no_answer, "Second try", 3, 2026_y / 11 / 26),
        DataError);
    const FollowUp f = shop.follow_ups.get(id).follow_up;
    CHECK(f.done_on == 2026_y / 11 / 25);
    CHECK(f.outcome == Outcome::satisfied);
    CHECK(f.outcome_note == "Happy now");
    CHECK(f.minutes == 7);
}

TEST_CASE("an unknown follow-up id is refused", "[followups][refuse]") {
    Shop shop;
    CHECK_THROWS_AS(shop.follow_ups.get(999), DataError);
    CHECK_THROWS_AS(shop.follow_ups.mark_done(999, Outcome::satisfied, "", 0, 2026_y / 11 / 25),
                    DataError);
    CHECK_THROWS_AS(shop.follow_ups.move(999, 2026_y / 11 / 30), DataError);
    CHECK_THROWS_AS(shop.follow_ups.remove(999), DataError);
    CHECK_THROWS_AS(shop.follow_ups.schedule(999, 2026_y / 11 / 30, ""), DataError);
    CHECK(shop.follow_ups.all_open().empty());
}

TEST_CASE("bad minutes are refused and leave the follow-up open", "[followups][refuse]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 24);
    CHECK_THROWS_AS(shop.follow_ups.mark_done(id, Outcome::satisfied, "", -1, 2026_y / 11 / 25),
                    InputError);
    CHECK_THROWS_AS(shop.follow_ups.mark_done(id, Outcome::satisfied, "", 100001, 2026_y / 11 / 25),
                    InputError);
    CHECK_FALSE(shop.follow_ups.get(id).follow_up.is_done());
}

TEST_CASE("a follow-up can be moved to another day, but not once it is done", "[followups]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 24, "Snooze me");
    const FollowUp before = shop.follow_ups.move(id, 2026_y / 12 / 2);
    CHECK(before.due == 2026_y / 11 / 24);
    CHECK(shop.follow_ups.agenda(2026_y / 11 / 30, std::nullopt).overdue.empty());
    CHECK(ids_of(shop.follow_ups.agenda(2026_y / 11 / 30, week_containing(2026_y / 11 / 30))
                     .week_items) == std::vector<Id>{id});
    CHECK(shop.follow_ups.get(id).follow_up.note == "Snooze me");

    shop.follow_ups.mark_done(id, std::nullopt, "", 0, 2026_y / 12 / 2);
    CHECK_THROWS_AS(shop.follow_ups.move(id, 2026_y / 12 / 9), DataError);
    CHECK(shop.follow_ups.get(id).follow_up.due == 2026_y / 12 / 2);
}

TEST_CASE("the partial index on open follow-ups serves the list's filter",
          "[followups][speed][sqlite]") {
    // The same WHERE shape as FollowUpRepo's lists: a million done follow-ups cost nothing.
    Shop shop;
    SQLite::Statement plan(store::sqlite(shop.db), R"(
        EXPLAIN QUERY PLAN SELECT f.id FROM follow_up f
          JOIN interaction i ON i.id = f.interaction_id
          JOIN customer c ON c.id = i.customer_id
          LEFT JOIN resolution r ON r.interaction_id = f.interaction_id
         WHERE f.done_on IS NULL AND f.due_on <= '2026-11-29'
           AND (f.due_on < '2026-11-25' OR f.due_on >= '2026-11-25'))");
    std::string text;
    while (plan.executeStep())
        text += plan.getColumn(3).getString() + "\n";
    INFO(text);
    // A range search in the index of open follow-ups, not a scan of it or of the history.
    CHECK_THAT(text, Catch::Contains("SEARCH f USING INDEX follow_up_open_by_due (due_on<?)"));
}

TEST_CASE("the customer's answer is kept with the follow-up done and undo takes it away",
          "[followups][answers]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 25);
    const FollowUp before =
        shop.follow_ups.mark_done(id, Outcome::satisfied, "rang", 5, 2026_y / 11 / 24,
                                  CustomerAnswer{4, "The new kettle is great & quiet"});
    const FollowUp done = shop.follow_ups.get(id).follow_up;
    CHECK(done.satisfaction == 4);
    CHECK(done.customer_said == "The new kettle is great & quiet");
    // The incident's history carries it too.
    const Interaction i = store::InteractionRepo(shop.db).get(shop.incident);
    REQUIRE(i.follow_ups.size() == 1);
    CHECK(i.follow_ups[0].satisfaction == 4);
    CHECK(i.follow_ups[0].customer_said == "The new kettle is great & quiet");
    shop.follow_ups.restore(before);
    const FollowUp undone = shop.follow_ups.get(id).follow_up;
    CHECK_FALSE(undone.is_done());
    CHECK_FALSE(undone.satisfaction.has_value());
    CHECK(undone.customer_said.empty());
}

TEST_CASE("a satisfaction of 7 or 0 is refused and the follow-up stays open",
          "[followups][answers]") {
    Shop shop;
    const Id id = shop.due(2026_y / 11 / 25);
    for (int bad : {7, 0, -1}) {
        CHECK_THROWS_WITH(shop.follow_ups.mark_done(id, Outcome::satisfied, "", 0, 2026_y / 11 / 24,
                                                    CustomerAnswer{bad, "x"}),
                          Catch::Contains("from 1 (very unhappy) to 5 (very happy)"));
        const FollowUp f = shop.follow_ups.get(id).follow_up;
        CHECK_FALSE(f.is_done());
        CHECK_FALSE(f.satisfaction.has_value());
    }
    // Not asked is fine: no satisfaction, and what they said is still kept.
    shop.follow_ups.mark_done(id, Outcome::no_answer, "", 0, 2026_y / 11 / 24,
                              CustomerAnswer{std::nullopt, "left a message"});
    CHECK_FALSE(shop.follow_ups.get(id).follow_up.satisfaction.has_value());
    CHECK(shop.follow_ups.get(id).follow_up.customer_said == "left a message");
}

namespace {

// An incident of `category` with `given` resolutions and one follow-up due `due`, done on
// `done` (if any) with `satisfaction` (if any). Returns the follow-up id.
Id answered(store::Database& db, Id customer, Category category, std::vector<Resolution> given,
            Date due, std::optional<Date> done, std::optional<int> satisfaction) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{2026_y / 3 / 1, 9 * 60};
    i.category = category;
    i.summary = "trouble";
    i.resolutions = std::move(given);
    const Id incident = store::InteractionRepo(db).add(i);
    store::FollowUpRepo repo(db);
    const Id id = repo.schedule(incident, due, "");
    if (done)
        repo.mark_done(id, Outcome::other, "", 0, *done, CustomerAnswer{satisfaction, ""});
    return id;
}

Resolution accepted(ResolutionType t, std::int64_t cents) {
    return {0, 0, t, Money{cents}, ResolutionStatus::accepted};
}

} // namespace

TEST_CASE("follow-up answers: on time and satisfied and average by category and by what was "
          "given",
          "[followups][answers][golden]") {
    store::Database db = test::fresh_database();
    Customer c;
    c.name = "Anna";
    const Id anna = store::CustomerRepo(db).add(c);
    using RT = ResolutionType;
    // March 2026. A: delay, refund, done a day early, 5. B: delay, refund + discount, done two
    // days late, 3. C: billing, store credit only offered, done on the day, 4. D: billing,
    // replacement, done late, not asked. Outside: E done in May (1), F open, G done in
    // February (2). H: behaviour, two refunds, done on time, 4 (counted once under refund).
    answered(db, anna, Category::delay, {accepted(RT::refund, 2500)}, 2026_y / 3 / 10,
             2026_y / 3 / 9, 5);
    answered(db, anna, Category::delay, {accepted(RT::refund, 1000), accepted(RT::discount, 500)},
             2026_y / 3 / 10, 2026_y / 3 / 12, 3);
    answered(db, anna, Category::billing,
             {{0, 0, RT::store_credit, Money{900}, ResolutionStatus::offered}}, 2026_y / 3 / 15,
             2026_y / 3 / 15, 4);
    answered(db, anna, Category::billing, {accepted(RT::replacement, 0)}, 2026_y / 3 / 18,
             2026_y / 3 / 20, std::nullopt);
    answered(db, anna, Category::billing, {accepted(RT::replacement, 0)}, 2026_y / 5 / 1,
             2026_y / 5 / 1, 1);
    answered(db, anna, Category::delay, {}, 2026_y / 3 / 20, std::nullopt, std::nullopt);
    answered(db, anna, Category::delay, {}, 2026_y / 2 / 20, 2026_y / 2 / 28, 2);
    answered(db, anna, Category::behaviour, {accepted(RT::refund, 100), accepted(RT::refund, 200)},
             2026_y / 3 / 31, 2026_y / 3 / 31, 4);

    const auto r = store::OverviewQueries(db).follow_up_answers(2026_y / 3 / 1, 2026_y / 3 / 31);
    // A, B, C, D, H done; on time A, C, H; answers A 5, B 3, C 4, H 4; satisfied A, C, H.
    CHECK(r.all == AnswerTally{5, 3, 4, 3, 16});
    CHECK(*r.all.on_time_share() == Approx(0.6));
    CHECK(*r.all.satisfied_share() == Approx(0.75));
    CHECK(*r.all.average() == Approx(4.0));

    REQUIRE(r.by_category.size() == 3); // delay, billing, behaviour in vocabulary order
    CHECK(r.by_category[0].key == "delay");
    CHECK(r.by_category[0].tally == AnswerTally{2, 1, 2, 1, 8}); // A 5, B 3
    CHECK(r.by_category[1].key == "billing");
    CHECK(r.by_category[1].tally == AnswerTally{2, 1, 1, 1, 4}); // C 4, D not asked
    CHECK(r.by_category[2].key == "behaviour");
    CHECK(r.by_category[2].tally == AnswerTally{1, 1, 1, 1, 4});

    REQUIRE(r.by_given.size() == 4);
    CHECK(r.by_given[0].key == "refund"); // A, B, H (H's two refunds once)
    CHECK(r.by_given[0].tally == AnswerTally{3, 2, 3, 2, 12});
    CHECK(*r.by_given[0].tally.average() == Approx(4.0));
    CHECK(r.by_given[1].key == "replacement"); // D: done late, no answer
    CHECK(r.by_given[1].tally == AnswerTally{1, 0, 0, 0, 0});
    CHECK_FALSE(r.by_given[1].tally.average().has_value());
    CHECK(r.by_given[2].key == "discount"); // B
    CHECK(r.by_given[2].tally == AnswerTally{1, 0, 1, 0, 3});
    CHECK(r.by_given[3].key == store::kNothingGiven); // C: the credit was only offered
    CHECK(r.by_given[3].tally == AnswerTally{1, 1, 1, 1, 4});

    // A period with nothing done: no rows, no shares.
    const auto none = store::OverviewQueries(db).follow_up_answers(2026_y / 4 / 1, 2026_y / 4 / 30);
    CHECK(none.all.done == 0);
    CHECK_FALSE(none.all.on_time_share().has_value());
    CHECK(none.by_category.empty());
    CHECK(none.by_given.empty());
}
