// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL sums behind "is this customer worth it?", checked against totals worked out by hand
// and against a plain C++ recount of randomly made records.
#include "../support/test_database.h"
#include "core/errors.h"
#include "core/worth.h"
#include "store/customers.h"
#include "store/sqlite/connection.h"
#include "store/worth_query.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <random>
#include <string>

using namespace rapport;

namespace {

const Date kToday = date::year{2026} / 6 / 15;

std::string day(int days_from_today) {
    return format_date(add_days(kToday, days_from_today));
}

class Shop {
public:
    Shop() : db(test::fresh_database()) {}

    Id customer(const std::string& name, std::optional<Id> referred_by = std::nullopt,
                bool came_anyway = false, std::int64_t reward_cents = 0) {
        Customer c;
        c.name = name;
        c.referred_by = referred_by;
        c.came_anyway = came_anyway;
        c.referral_reward = Money::from_cents(reward_cents);
        return store::CustomerRepo(db).add(c);
    }
    void purchase(Id c, const std::string& on, std::int64_t cents, std::int64_t margin_bp) {
        rapport::store::sql::Statement st(
            rapport::store::session(db), "INSERT INTO purchase (customer_id, purchased_on, amount, "
                                         "margin_bp) VALUES (?, ?, ?, ?)");
        st.bind(1, static_cast<std::int64_t>(c));
        st.bind(2, on);
        st.bind(3, cents);
        st.bind(4, margin_bp);
        st.exec();
    }
    Id interaction(Id c, const std::string& at, int minutes) {
        rapport::store::sql::Statement st(
            rapport::store::session(db),
            "INSERT INTO interaction (customer_id, occurred_at, "
            "channel, category, summary, minutes) "
            "VALUES (?, ?, 'phone', 'other', 'It broke', ?) RETURNING id");
        st.bind(1, static_cast<std::int64_t>(c));
        st.bind(2, at);
        st.bind(3, minutes);
        return st.execReturningId();
    }
    void resolution(Id interaction, std::int64_t cents, const std::string& status) {
        rapport::store::sql::Statement st(rapport::store::session(db),
                                          "INSERT INTO resolution (interaction_id, type, cost, "
                                          "status) VALUES (?, 'refund', ?, ?)");
        st.bind(1, static_cast<std::int64_t>(interaction));
        st.bind(2, cents);
        st.bind(3, status);
        st.exec();
    }
    void follow_up(Id interaction, const std::string& due, std::optional<std::string> done_on,
                   int minutes) {
        rapport::store::sql::Statement st(rapport::store::session(db),
                                          "INSERT INTO follow_up (interaction_id, due_on, done_on, "
                                          "minutes) VALUES (?, ?, ?, ?)");
        st.bind(1, static_cast<std::int64_t>(interaction));
        st.bind(2, due);
        if (done_on)
            st.bind(3, *done_on);
        else
            st.bind(3);
        st.bind(4, minutes);
        st.exec();
    }
    CustomerActivity activity_of(Id id) {
        for (const auto& a : store::WorthQuery(db).all_customers(kToday))
            if (a.id == id)
                return a;
        FAIL("no activity for customer " << id);
        return {};
    }

    store::Database db;
};

void check_same(const CustomerActivity& got, const CustomerActivity& want) {
    INFO("customer " << want.id);
    CHECK(got.id == want.id);
    CHECK(got.name == want.name);
    CHECK(got.referred_by == want.referred_by);
    CHECK(got.came_anyway == want.came_anyway);
    CHECK(got.referral_reward == want.referral_reward);
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

} // namespace

TEST_CASE("a customer's figures are the sums of their purchases, minutes and accepted "
          "resolutions",
          "[worth-query]") {
    Shop shop;
    const Id ann = shop.customer("Ann");
    shop.purchase(ann, "2026-01-10", 20000, 4000);
    shop.purchase(ann, "2026-02-10", 15000, 4000);
    shop.purchase(ann, "2026-03-10", 5000, 3000);
    const Id first = shop.interaction(ann, "2026-03-11T09:30", 60);
    shop.resolution(first, 2500, "accepted");
    shop.resolution(first, 5000, "declined");
    const Id second = shop.interaction(ann, "2026-04-11T16:05", 30);
    shop.resolution(second, 1000, "accepted");
    shop.resolution(second, 700, "offered");
    shop.follow_up(second, "2026-04-14", "2026-04-15", 15);
    shop.follow_up(second, "2026-06-20", std::nullopt, 0);

    const CustomerActivity a = shop.activity_of(ann);
    CHECK(a.purchase_count == 3);
    CHECK(a.to_date.margin_cent_bp == 20000 * 4000 + 15000 * 4000 + 5000 * 3000);
    CHECK(a.to_date.minutes == 60 + 30 + 15);
    CHECK(a.to_date.accepted == Money::from_cents(3500));
    CHECK(a.pending == Money::from_cents(700));
    CHECK(a.first_record == date::year{2026} / 1 / 10);
    // Everything is within the last year, so the window holds the same sums.
    CHECK(a.last_365_days.margin_cent_bp == a.to_date.margin_cent_bp);
    CHECK(a.last_365_days.minutes == a.to_date.minutes);
    CHECK(a.last_365_days.accepted == a.to_date.accepted);
}

TEST_CASE("the last year runs from today minus 364 days to today, both included", "[worth-query]") {
    Shop shop;
    const Id c = shop.customer("Edge");
    shop.purchase(c, day(-365), 10000, 10000); // a day too old for the window
    shop.purchase(c, day(-364), 2000, 10000);  // the window's first day
    shop.purchase(c, day(0), 300, 10000);      // today
    shop.purchase(c, day(1), 99900, 10000);    // tomorrow: not counted at all
    const Id old = shop.interaction(c, day(-365) + "T23:59", 7);
    shop.resolution(old, 100, "accepted");
    const Id first = shop.interaction(c, day(-364) + "T00:00", 11);
    shop.resolution(first, 20, "accepted");
    const Id late = shop.interaction(c, day(0) + "T23:59", 13);
    shop.resolution(late, 3, "accepted");
    const Id future = shop.interaction(c, day(1) + "T00:00", 1000);
    shop.resolution(future, 50000, "accepted");
    shop.resolution(future, 40000, "offered");

    REQUIRE(store::last_year_start(kToday) == add_days(kToday, -364));
    const CustomerActivity a = shop.activity_of(c);
    CHECK(a.purchase_count == 3);
    CHECK(a.to_date.margin_cent_bp == (10000 + 2000 + 300) * 10000);
    CHECK(a.last_365_days.margin_cent_bp == (2000 + 300) * 10000);
    CHECK(a.to_date.minutes == 7 + 11 + 13);
    CHECK(a.last_365_days.minutes == 11 + 13);
    CHECK(a.to_date.accepted == Money::from_cents(123));
    CHECK(a.last_365_days.accepted == Money::from_cents(23));
    CHECK(a.pending == Money{});
    CHECK(a.first_record == add_days(kToday, -365));
}

TEST_CASE("follow-up minutes count on the day the follow-up was done", "[worth-query]") {
    Shop shop;
    const Id c = shop.customer("Caller");
    const Id old = shop.interaction(c, day(-400) + "T10:00", 40);
    shop.follow_up(old, day(-390), day(-380), 5);  // done long ago: to date only
    shop.follow_up(old, day(-20), day(-10), 20);   // old incident, done lately: in the window
    shop.follow_up(old, day(-2), std::nullopt, 0); // still open: nothing spent yet
    const Id recent = shop.interaction(c, day(-3) + "T10:00", 9);
    shop.follow_up(recent, day(1), day(1), 30);    // marked done tomorrow: not yet
    shop.follow_up(recent, day(-1), day(-364), 4); // done on the window's first day

    const CustomerActivity a = shop.activity_of(c);
    CHECK(a.to_date.minutes == 40 + 5 + 20 + 9 + 4);
    CHECK(a.last_365_days.minutes == 20 + 9 + 4);
    CHECK(a.first_record == add_days(kToday, -400));
    CHECK(a.purchase_count == 0);
}

TEST_CASE("accepted resolutions are given back, offered ones pending, declined ones nowhere",
          "[worth-query]") {
    Shop shop;
    const Id c = shop.customer("Haggler");
    const Id i = shop.interaction(c, day(-30) + "T12:00", 0);
    shop.resolution(i, 1500, "accepted");
    shop.resolution(i, 2500, "offered");
    shop.resolution(i, 4000, "declined");
    shop.resolution(i, 0, "accepted"); // an apology costs nothing
    const Id j = shop.interaction(c, day(-500) + "T12:00", 0);
    shop.resolution(j, 600, "offered"); // offered long ago and never settled: still pending

    const CustomerActivity a = shop.activity_of(c);
    CHECK(a.to_date.accepted == Money::from_cents(1500));
    CHECK(a.last_365_days.accepted == Money::from_cents(1500));
    CHECK(a.pending == Money::from_cents(3100));
    CHECK(a.to_date.minutes == 0);
}

TEST_CASE("a customer with no record has empty sums and no first record", "[worth-query]") {
    Shop shop;
    const Id c = shop.customer("Newcomer");
    const CustomerActivity a = shop.activity_of(c);
    CHECK(a.name == "Newcomer");
    CHECK(a.purchase_count == 0);
    CHECK_FALSE(a.first_record);
    CHECK(a.to_date.margin_cent_bp == 0);
    CHECK(a.to_date.minutes == 0);
    CHECK(a.to_date.accepted == Money{});
}

TEST_CASE("one customer comes with the customers they referred directly, not with the "
          "referrals of those",
          "[worth-query]") {
    Shop shop;
    const Id a = shop.customer("A");
    const Id b = shop.customer("B", a, false, 1000);
    const Id c = shop.customer("C", b);
    const Id d = shop.customer("D", a, true);
    const Id e = shop.customer("E");
    shop.purchase(b, day(-10), 12000, 3500);
    shop.interaction(c, day(-5) + "T08:00", 45);
    shop.interaction(e, day(-5) + "T08:00", 45);

    const auto got = store::WorthQuery(shop.db).customer_with_referrals(a, kToday);
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == a);
    CHECK(got[1].id == b);
    CHECK(got[2].id == d);
    CHECK(got[1].referral_reward == Money::from_cents(1000));
    CHECK(got[2].came_anyway);
    check_same(got[1], shop.activity_of(b));

    // The one-customer and the portfolio reports agree: A's value counts B and D only.
    Settings s;
    const WorthReport alone = assess_customer(got[0], got, s, kToday);
    const auto all = store::WorthQuery(shop.db).all_customers(kToday);
    const auto portfolio = assess_portfolio(all, s, kToday);
    CHECK(alone.referral_value == portfolio.front().referral_value);
    CHECK(alone.referral_value == Money::from_cents(12000 * 35 / 100 - 1000));

    CHECK_THROWS_AS(store::WorthQuery(shop.db).customer_with_referrals(e + 100, kToday), DataError);
    CHECK(store::WorthQuery(shop.db).customer_with_referrals(c, kToday).size() == 1);
}

TEST_CASE("the SQL sums equal a plain recount of three hundred random records", "[worth-query]") {
    Shop shop;
    std::mt19937 rng(20261125);
    const auto pick = [&rng](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    std::map<Id, CustomerActivity> want;
    std::vector<Id> ids;
    const auto note = [](CustomerActivity& c, Date d) {
        if (!c.first_record || d < *c.first_record)
            c.first_record = d;
    };
    const auto counts = [](int offset) { return offset <= 0; };
    const auto in_window = [](int offset) { return offset <= 0 && offset >= -364; };
    for (int k = 0; k < 25; ++k) {
        std::optional<Id> referrer;
        if (!ids.empty() && pick(0, 2) == 0)
            referrer = ids[pick(0, static_cast<int>(ids.size()) - 1)];
        const bool anyway = pick(0, 3) == 0;
        const std::int64_t reward = referrer ? pick(0, 2000) : 0;
        const Id id = shop.customer("Customer " + std::to_string(k), referrer, anyway, reward);
        ids.push_back(id);
        CustomerActivity& c = want[id];
        c.id = id;
        c.name = "Customer " + std::to_string(k);
        c.referred_by = referrer;
        c.came_anyway = anyway;
        c.referral_reward = Money::from_cents(reward);
    }
    for (int k = 0; k < 300; ++k) {
        const Id id = ids[pick(0, static_cast<int>(ids.size()) - 1)];
        CustomerActivity& c = want[id];
        const int offset = pick(-800, 5);
        const Date d = add_days(kToday, offset);
        if (pick(0, 2) == 0) {
            const std::int64_t cents = pick(1, 90000);
            const std::int64_t bp = pick(-2000, 9000);
            shop.purchase(id, format_date(d), cents, bp);
            if (counts(offset)) {
                ++c.purchase_count;
                c.to_date.margin_cent_bp += cents * bp;
                note(c, d);
            }
            if (in_window(offset))
                c.last_365_days.margin_cent_bp += cents * bp;
            continue;
        }
        const int minutes = pick(0, 120);
        const Id i =
            shop.interaction(id, format_date(d) + (pick(0, 1) ? "T00:00" : "T23:59"), minutes);
        if (counts(offset)) {
            c.to_date.minutes += minutes;
            note(c, d);
        }
        if (in_window(offset))
            c.last_365_days.minutes += minutes;
        for (int r = pick(0, 3); r > 0; --r) {
            const std::int64_t cost = pick(0, 5000);
            const char* status =
                pick(0, 2) == 0 ? "offered" : (pick(0, 3) ? "accepted" : "declined");
            shop.resolution(i, cost, status);
            if (!counts(offset))
                continue;
            if (std::string(status) == "accepted") {
                c.to_date.accepted += Money::from_cents(cost);
                if (in_window(offset))
                    c.last_365_days.accepted += Money::from_cents(cost);
            } else if (std::string(status) == "offered") {
                c.pending += Money::from_cents(cost);
            }
        }
        for (int f = pick(0, 2); f > 0; --f) {
            const int done_offset = offset + pick(0, 30);
            const int fu_minutes = pick(0, 40);
            const bool done = pick(0, 3) != 0;
            shop.follow_up(i, format_date(add_days(kToday, offset + 3)),
                           done ? std::optional(format_date(add_days(kToday, done_offset)))
                                : std::nullopt,
                           done ? fu_minutes : 0);
            if (done && counts(done_offset))
                c.to_date.minutes += fu_minutes;
            if (done && in_window(done_offset))
                c.last_365_days.minutes += fu_minutes;
        }
    }

    const auto all = store::WorthQuery(shop.db).all_customers(kToday);
    REQUIRE(all.size() == ids.size());
    for (const auto& got : all)
        check_same(got, want.at(got.id));
    for (const Id id : ids) {
        const auto group = store::WorthQuery(shop.db).customer_with_referrals(id, kToday);
        REQUIRE_FALSE(group.empty());
        CHECK(group.front().id == id);
        for (const auto& got : group) {
            check_same(got, want.at(got.id));
            if (got.id != id)
                CHECK(got.referred_by == id);
        }
        std::size_t referred = 0;
        for (const auto& [other, c] : want)
            referred += c.referred_by == id ? 1 : 0;
        CHECK(group.size() == referred + 1);
    }
}

TEST_CASE("the chart's daily steps add up exactly to the to-date figures", "[worth-query]") {
    Shop shop;
    const Id c = shop.customer("Penny");
    // Half cents everywhere: 1 cent at 50 % and one minute at 0.30 an hour.
    shop.purchase(c, day(-30), 1, 5000);
    shop.purchase(c, day(-20), 1, 5000);
    shop.purchase(c, day(-20), 1, 5000);
    shop.purchase(c, day(3), 100000, 5000); // after today: not on the chart
    const Id i = shop.interaction(c, day(-25) + "T09:00", 1);
    shop.resolution(i, 250, "accepted");
    shop.resolution(i, 999, "offered");
    const Id j = shop.interaction(c, day(-20) + "T17:45", 1);
    shop.follow_up(j, day(-16), day(-15), 1);
    shop.follow_up(j, day(-1), std::nullopt, 0);

    Settings s;
    s.hourly_rate = Money::from_cents(30);
    const auto events = store::WorthQuery(shop.db).events(c, kToday, s.hourly_rate);
    REQUIRE(events.size() == 4);
    CHECK(events[0].day == add_days(kToday, -30));
    CHECK(events[1].day == add_days(kToday, -25));
    CHECK(events[2].day == add_days(kToday, -20));
    CHECK(events[3].day == add_days(kToday, -15));
    CHECK(events[1].given_back == Money::from_cents(250));

    Money margin, time, given;
    for (const auto& e : events) {
        margin += e.margin;
        time += e.time_cost;
        given += e.given_back;
    }
    const WorthReport r = assess_customer(shop.activity_of(c), {}, s, kToday);
    CHECK(margin == r.own_margin); // 1.5 cents, shown as 2
    CHECK(margin == Money::from_cents(2));
    CHECK(time == r.time_cost); // 3 minutes at 0.30 an hour: 1.5 cents, shown as 2
    CHECK(time == Money::from_cents(2));
    CHECK(given == r.money_given_back);
    CHECK(store::WorthQuery(shop.db).events(c + 1, kToday, s.hourly_rate).empty());
}

TEST_CASE("reading the portfolio leaves the page cache setting as it was",
          "[worth-query][sqlite]") {
    Shop shop;
    store::sqlite(shop.db).exec("PRAGMA cache_size = -12345");
    store::WorthQuery(shop.db).all_customers(kToday);
    CHECK(store::sqlite(shop.db).execAndGet("PRAGMA cache_size").getInt() == -12345);
    CHECK(store::sqlite(shop.db).execAndGet("PRAGMA threads").getInt() == 0);
}
