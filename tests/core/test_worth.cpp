// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/worth.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace rapport;
using Catch::Matchers::Contains;

namespace {

const Date kToday = date::year{2026} / 6 / 15;

Date days_ago(int n) {
    return add_days(kToday, -n);
}

bool in_last_year(Date on) {
    const int age = days_between(on, kToday);
    return age >= 0 && age < 365;
}

void note_record(CustomerActivity& c, Date on) {
    if (!c.first_record || on < *c.first_record)
        c.first_record = on;
}

// Records a purchase the way the store's SQL would sum it.
void buy(CustomerActivity& c, std::int64_t cents, std::int64_t margin_bp, Date on) {
    c.to_date.margin_cent_bp += cents * margin_bp;
    if (in_last_year(on))
        c.last_365_days.margin_cent_bp += cents * margin_bp;
    ++c.purchase_count;
    note_record(c, on);
}

// Records an interaction with its minutes and the cost of its accepted resolutions.
void handle(CustomerActivity& c, std::int64_t minutes, std::int64_t accepted_cents, Date on) {
    c.to_date.minutes += minutes;
    c.to_date.accepted += Money::from_cents(accepted_cents);
    if (in_last_year(on)) {
        c.last_365_days.minutes += minutes;
        c.last_365_days.accepted += Money::from_cents(accepted_cents);
    }
    note_record(c, on);
}

CustomerActivity customer(Id id, std::string name) {
    CustomerActivity c;
    c.id = id;
    c.name = std::move(name);
    return c;
}

// A customer with the given own net value (in cents) from two old purchases at 100 % margin.
CustomerActivity with_net_value(Id id, std::string name, std::int64_t nv_cents) {
    CustomerActivity c = customer(id, std::move(name));
    buy(c, nv_cents, 10000, days_ago(400));
    buy(c, 0, 10000, days_ago(300));
    return c;
}

const WorthReport& report_for(const std::vector<WorthReport>& all, Id id) {
    for (const auto& r : all)
        if (r.customer_id == id)
            return r;
    FAIL("no report for customer " << id);
    return all.front();
}

bool mentions_letting_go(const std::vector<std::string>& steps) {
    for (const auto& s : steps)
        if (s.find("go") != std::string::npos && s.find("letting") != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("G1: handling cost 80.00 is 51.6 % of 155.00, so the customer is one to watch",
          "[worth]") {
    CustomerActivity c = customer(1, "G1");
    buy(c, 20000, 4000, days_ago(300));
    buy(c, 15000, 4000, days_ago(200));
    buy(c, 5000, 3000, days_ago(100));
    handle(c, 60, 2500, days_ago(200));
    handle(c, 30, 1000, days_ago(100));
    c.pending = Money::from_cents(1200);

    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.own_margin.cents == 15500);
    CHECK(r.time_cost.cents == 4500);
    CHECK(r.money_given_back.cents == 3500);
    CHECK(r.pending.cents == 1200);
    CHECK(r.handling_cost.cents == 8000);
    CHECK(r.net_own_value.cents == 7500);
    CHECK(r.referral_value.cents == 0);
    CHECK(r.total_to_date.cents == 7500);
    CHECK(r.verdict == Verdict::watch);
    CHECK(to_label(r.verdict) == "Mixed: watch");
    CHECK_THAT(
        r.reason,
        Contains("Handling cost 80.00 is 51.6 % of the value this customer brings (155.00)"));
    CHECK_THAT(r.reason, Contains("50 % watch line"));
    REQUIRE(r.next_steps.size() >= 3);
    CHECK_THAT(r.next_steps[0], Contains("Set limits"));
    CHECK_THAT(r.next_steps[1], Contains("12.00 still on offer"));
    CHECK_FALSE(mentions_letting_go(r.next_steps));
}

TEST_CASE("G1's reason and steps also come as parts the window can write in any language",
          "[worth]") {
    CustomerActivity c = customer(1, "G1");
    buy(c, 20000, 4000, days_ago(300));
    buy(c, 15000, 4000, days_ago(200));
    buy(c, 5000, 3000, days_ago(100));
    handle(c, 60, 2500, days_ago(200));
    handle(c, 30, 1000, days_ago(100));
    c.pending = Money::from_cents(1200);

    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    const ReasonParts& p = r.reason_parts;
    CHECK(p.kind == ReasonKind::over_watch_line);
    CHECK(p.handling_cost.cents == 8000);
    CHECK(p.value_brought.cents == 15500);
    CHECK(p.brings_value);
    CHECK(p.handling_share_tenths == 516);
    CHECK(p.watch_line == 5000);
    CHECK(p.total_to_date.cents == 7500);
    // The same steps as the English sentences, in the same order, with their figures.
    REQUIRE(r.steps.size() == r.next_steps.size());
    REQUIRE(r.steps.size() == 4);
    CHECK(r.steps[0].kind == StepKind::limit_time);
    CHECK(r.steps[0].minutes == 90);
    CHECK(r.steps[0].amount.cents == 4500);
    CHECK(r.steps[0].hourly_rate == Settings{}.hourly_rate);
    CHECK(r.steps[1].kind == StepKind::settle_pending);
    CHECK(r.steps[1].amount.cents == 1200);
    CHECK(r.steps[2].kind == StepKind::reprice);
    CHECK(r.steps[2].amount.cents == 8000);
    CHECK(r.steps[3].kind == StepKind::frank_talk);
}

TEST_CASE("G2: B's referrals are worth 135.00, total 45.00, still one to watch", "[worth]") {
    CustomerActivity b = customer(2, "B");
    buy(b, 12000, 3500, days_ago(300));
    buy(b, 8000, 3500, days_ago(200));
    handle(b, 180, 3000, days_ago(250));
    handle(b, 0, 4000, days_ago(150));

    CustomerActivity c = customer(3, "C");
    c.referred_by = 2;
    c.referral_reward = Money::from_cents(1000);
    buy(c, 30000, 4000, days_ago(100));
    handle(c, 10, 0, days_ago(90));

    // D would have come anyway: its own value must not count, whatever it is.
    CustomerActivity d = customer(4, "D");
    d.referred_by = 2;
    d.came_anyway = true;
    buy(d, 50000, 4000, days_ago(50));

    Settings s;
    s.acquisition_cost = Money::from_cents(1500);

    const std::vector<CustomerActivity> referred{c, d};
    const WorthReport r = assess_customer(b, referred, s, kToday);
    CHECK(r.own_margin.cents == 7000);
    CHECK(r.time_cost.cents == 9000);
    CHECK(r.money_given_back.cents == 7000);
    CHECK(r.handling_cost.cents == 16000);
    CHECK(r.net_own_value.cents == -9000);
    CHECK(r.referral_value.cents == 13500);
    CHECK(r.total_to_date.cents == 4500);
    CHECK(r.verdict == Verdict::watch);
    CHECK_THAT(r.reason, Contains("Handling cost 160.00 is 78.0 % of the value this customer "
                                  "brings (205.00)"));

    const std::vector<CustomerActivity> all{b, c, d};
    const auto reports = assess_portfolio(all, s, kToday);
    CHECK(report_for(reports, 2).referral_value.cents == 13500);
    CHECK(report_for(reports, 2).total_to_date.cents == 4500);
    CHECK(report_for(reports, 3).net_own_value.cents == 11500);
}

TEST_CASE("G3: a yearly margin of 180 projects to 180.95 over 3 years, band 116.08 to 263.46",
          "[worth]") {
    CustomerActivity c = customer(5, "G3");
    buy(c, 100000, 4000, days_ago(800)); // older than a year: not part of m
    handle(c, 600, 5000, days_ago(700));
    buy(c, 30000, 4000, days_ago(200));
    buy(c, 30000, 4000, days_ago(20));
    handle(c, 100, 1000, days_ago(60));

    Settings s;
    s.horizon_years = 3;
    const WorthReport r = assess_customer(c, {}, s, kToday);
    CHECK(r.projected.expected == Approx(180.95).margin(0.005));
    CHECK(r.projected.low == Approx(116.08).margin(0.005));
    CHECK(r.projected.high == Approx(263.46).margin(0.005));
}

TEST_CASE("the projection follows the horizon and stays defined when q is 1", "[worth]") {
    CHECK(project_margin(180, 0.6, 0.10, 1) == Approx(180 * 0.6 / 1.1));
    CHECK(project_margin(100, 1.0, 0.0, 3) == Approx(300));
    CHECK(project_margin(100, 0.0, 0.1, 3) == 0);
    CHECK(project_margin(-180, 0.6, 0.10, 3) == Approx(-180.95).margin(0.005));
}

TEST_CASE("the retention band is clamped to 0..1 and ordered when the margin is negative",
          "[worth]") {
    CustomerActivity c = customer(6, "Losing");
    buy(c, 1000, 4000, days_ago(30));
    buy(c, 1000, 4000, days_ago(400));
    handle(c, 120, 0, days_ago(10)); // 60.00 of time against 4.00 of margin this year
    Settings s;
    s.retention = 0.9;
    const WorthReport r = assess_customer(c, {}, s, kToday);
    const double m = -56.0;
    CHECK(r.projected.expected == Approx(m * 0.9 / 1.1));
    CHECK(r.projected.low == Approx(m * 1.0 / 1.1));   // r + 0.15 clamped to 1
    CHECK(r.projected.high == Approx(m * 0.75 / 1.1)); // r - 0.15
}

TEST_CASE("G5: quadrants A Affluent, B Advocate, C and E Champions, D and F Misers", "[worth]") {
    // Referrals chosen so CRV is A 0, B 300, C 250, D 0, E 40, F 0 with no acquisition cost:
    // B referred A (400 - 100 reward), C referred E and D (220 + 30), E referred F (90 - 50).
    CustomerActivity a = with_net_value(1, "A", 40000);
    CustomerActivity b = with_net_value(2, "B", 5000);
    CustomerActivity c = with_net_value(3, "C", 60000);
    CustomerActivity d = with_net_value(4, "D", 3000);
    CustomerActivity e = with_net_value(5, "E", 22000);
    CustomerActivity f = with_net_value(6, "F", 9000);
    a.referred_by = 2;
    a.referral_reward = Money::from_cents(10000);
    e.referred_by = 3;
    d.referred_by = 3;
    f.referred_by = 5;
    f.referral_reward = Money::from_cents(5000);
    // A customer with no purchase or interaction yet takes no quadrant and moves no median.
    CustomerActivity g = customer(7, "G, new");

    const std::vector<CustomerActivity> all{a, b, c, d, e, f, g};
    const auto reports = assess_portfolio(all, Settings{}, kToday);
    REQUIRE(reports.size() == 7);

    const std::int64_t nv[] = {40000, 5000, 60000, 3000, 22000, 9000};
    const std::int64_t crv[] = {0, 30000, 25000, 0, 4000, 0};
    for (Id id = 1; id <= 6; ++id) {
        CHECK(report_for(reports, id).net_own_value.cents == nv[id - 1]);
        CHECK(report_for(reports, id).referral_value.cents == crv[id - 1]);
    }
    CHECK(report_for(reports, 1).quadrant == Quadrant::affluent);
    CHECK(report_for(reports, 2).quadrant == Quadrant::advocate);
    CHECK(report_for(reports, 3).quadrant == Quadrant::champion);
    CHECK(report_for(reports, 4).quadrant == Quadrant::miser);
    CHECK(report_for(reports, 5).quadrant == Quadrant::champion);
    CHECK(report_for(reports, 6).quadrant == Quadrant::miser);
    CHECK_FALSE(report_for(reports, 7).quadrant.has_value());
    CHECK(to_label(Quadrant::affluent) == "Affluents");
    CHECK(to_key(Quadrant::miser) == "miser");
    // assess_customer alone never fills the quadrant.
    CHECK_FALSE(assess_customer(a, {}, Settings{}, kToday).quadrant.has_value());
}

TEST_CASE("when every customer sits at the median, nobody is high: all are Misers", "[worth]") {
    std::vector<CustomerActivity> all;
    for (Id id = 1; id <= 4; ++id)
        all.push_back(with_net_value(id, "Same", 10000));
    const auto reports = assess_portfolio(all, Settings{}, kToday);
    for (const auto& r : reports)
        CHECK(r.quadrant == Quadrant::miser);
}

TEST_CASE("a customer with losses and no purchases is costing, even when new", "[worth]") {
    CustomerActivity c = customer(8, "Complainer");
    handle(c, 120, 2000, days_ago(30));
    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.total_to_date.cents == -8000);
    CHECK(r.projected.expected < 0);
    // Costing comes before too-little-data in the verdict order.
    CHECK(r.verdict == Verdict::costing);
    CHECK(to_key(r.verdict) == "costing");
}

TEST_CASE("a new customer with no purchases and nothing lost is too little data", "[worth]") {
    CustomerActivity c = customer(9, "Newcomer");
    handle(c, 0, 0, days_ago(30));
    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.verdict == Verdict::too_little_data);
    CHECK_THAT(r.reason, Contains("No purchase yet"));
    CHECK_THAT(r.reason, Contains("30 days old"));
    CHECK(r.next_steps.empty());

    CustomerActivity nothing = customer(10, "Empty");
    CHECK(assess_customer(nothing, {}, Settings{}, kToday).verdict == Verdict::too_little_data);
}

TEST_CASE("one recent purchase is too little data even when handling is heavy", "[worth]") {
    CustomerActivity c = customer(11, "One buy");
    buy(c, 50000, 4000, days_ago(179)); // 200.00 margin
    handle(c, 300, 0, days_ago(170));   // 150.00 of time: over the line, total still positive
    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.verdict == Verdict::too_little_data);
    CHECK_THAT(r.reason, Contains("Only 1 purchase and the first record is 179 days old"));

    // At 180 days the first record is old enough and the same figures mean "watch".
    CustomerActivity older = c;
    older.first_record = days_ago(180);
    CHECK(assess_customer(older, {}, Settings{}, kToday).verdict == Verdict::watch);
}

TEST_CASE("a negative total with a positive last year is watch, not costing", "[worth]") {
    CustomerActivity c = customer(12, "Recovering");
    buy(c, 10000, 4000, days_ago(600));
    handle(c, 600, 20000, days_ago(600)); // 500.00 lost two years ago
    buy(c, 50000, 4000, days_ago(30));    // 200.00 margin this year, no handling
    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.total_to_date.cents == -26000);
    CHECK(r.projected.expected > 0);
    CHECK(r.verdict == Verdict::watch);
    CHECK_THAT(r.reason, Contains("Total to date is -260.00"));
    CHECK_FALSE(mentions_letting_go(r.next_steps));
}

TEST_CASE("costing: limits, repricing and a frank talk come before letting go", "[worth]") {
    CustomerActivity c = customer(13, "Costly");
    buy(c, 10000, 3000, days_ago(400));
    buy(c, 10000, 3000, days_ago(100)); // 30.00 margin this year
    handle(c, 30, 9000, days_ago(90));  // 15.00 time + 90.00 given back
    c.pending = Money::from_cents(2500);
    const WorthReport r = assess_customer(c, {}, Settings{}, kToday);
    CHECK(r.handling_cost.cents == 10500);
    CHECK(r.total_to_date.cents == -4500);
    CHECK(r.projected.expected < 0);
    REQUIRE(r.verdict == Verdict::costing);
    CHECK(to_label(r.verdict) == "Costing you: reprice or set limits");
    CHECK_THAT(r.reason, Contains("Total to date is -45.00"));
    REQUIRE(r.next_steps.size() == 5);
    CHECK_THAT(r.next_steps[0], Contains("Set limits on what you give back: 90.00"));
    CHECK_THAT(r.next_steps[1], Contains("25.00 still on offer"));
    CHECK_THAT(r.next_steps[2], Contains("Reprice"));
    CHECK_THAT(r.next_steps[3], Contains("frank"));
    CHECK_THAT(r.next_steps[4], Contains("Only if limits, new prices and the talk all fail"));
}

TEST_CASE("only direct referrals count: A gets B's value, not C's", "[worth]") {
    CustomerActivity a = with_net_value(1, "A", 1000);
    CustomerActivity b = with_net_value(2, "B", 2000);
    CustomerActivity c = with_net_value(3, "C", 50000);
    b.referred_by = 1;
    c.referred_by = 2;
    Settings s;
    s.acquisition_cost = Money::from_cents(500);

    const std::vector<CustomerActivity> all{a, b, c};
    const auto reports = assess_portfolio(all, s, kToday);
    CHECK(report_for(reports, 1).referral_value.cents == 2500);
    CHECK(report_for(reports, 2).referral_value.cents == 50500);
    CHECK(report_for(reports, 3).referral_value.cents == 0);

    // Handing assess_customer a customer A did not refer changes nothing.
    const std::vector<CustomerActivity> too_many{b, c};
    CHECK(assess_customer(a, too_many, s, kToday).referral_value.cents == 2500);
}

TEST_CASE("a referred customer who loses money lowers the referrer's value", "[worth]") {
    CustomerActivity a = with_net_value(1, "A", 30000);
    CustomerActivity b = customer(2, "B");
    b.referred_by = 1;
    b.referral_reward = Money::from_cents(1000);
    buy(b, 5000, 4000, days_ago(300)); // 20.00
    handle(b, 140, 0, days_ago(200));  // 70.00 of time: NV -50.00
    const std::vector<CustomerActivity> referred{b};
    const WorthReport r = assess_customer(a, referred, Settings{}, kToday);
    CHECK(r.referral_value.cents == -6000);
    CHECK(r.total_to_date.cents == 24000);
    // A negative referral value is not subtracted from what the customer brings.
    CHECK(r.verdict == Verdict::worth_it);
    CHECK_THAT(r.reason, Contains("0.0 % of the value this customer brings (300.00)"));
}

TEST_CASE("a customer who would have come anyway brings only the acquisition saving", "[worth]") {
    CustomerActivity a = with_net_value(1, "A", 10000);
    CustomerActivity b = with_net_value(2, "B", 11500);
    b.referred_by = 1;
    b.referral_reward = Money::from_cents(1000);
    Settings s;
    s.acquisition_cost = Money::from_cents(1500);

    std::vector<CustomerActivity> referred{b};
    CHECK(assess_customer(a, referred, s, kToday).referral_value.cents == 12000);
    referred[0].came_anyway = true;
    CHECK(assess_customer(a, referred, s, kToday).referral_value.cents == 500);
}

TEST_CASE("referral value sums exact values, rounding to the cent only at the end", "[worth]") {
    CustomerActivity a = with_net_value(1, "A", 10000);
    std::vector<CustomerActivity> referred;
    for (Id id = 2; id <= 3; ++id) {
        CustomerActivity j = customer(id, "Half a cent");
        j.referred_by = 1;
        buy(j, 1, 5000, days_ago(300)); // 0.01 at 50 %: half a cent each
        referred.push_back(j);
    }
    CHECK(assess_customer(referred[0], {}, Settings{}, kToday).net_own_value.cents == 1);
    CHECK(assess_customer(a, referred, Settings{}, kToday).referral_value.cents == 1);
}

TEST_CASE("handling cost exactly on the watch line is still worth it", "[worth]") {
    CustomerActivity c = customer(14, "On the line");
    buy(c, 20000, 4000, days_ago(300));
    buy(c, 15000, 4000, days_ago(200));
    buy(c, 5000, 3000, days_ago(100)); // 155.00
    handle(c, 155, 0, days_ago(100));  // 77.50: exactly 50 %
    const WorthReport at_line = assess_customer(c, {}, Settings{}, kToday);
    CHECK(at_line.verdict == Verdict::worth_it);
    CHECK(to_key(at_line.verdict) == "worth-it");
    CHECK_THAT(at_line.reason, Contains("50.0 %"));
    CHECK(at_line.next_steps.empty());

    handle(c, 1, 0, days_ago(50));
    CHECK(assess_customer(c, {}, Settings{}, kToday).verdict == Verdict::watch);
}

TEST_CASE("ten thousand customers with long referral chains are assessed quickly", "[worth]") {
    std::vector<CustomerActivity> all;
    all.reserve(10'000);
    for (Id id = 1; id <= 10'000; ++id) {
        CustomerActivity c = with_net_value(id, "Customer", 100 * id);
        if (id > 1)
            c.referred_by = id <= 5'000 ? 1 : id - 1; // a star around 1, then a long chain
        all.push_back(std::move(c));
    }
    const auto start = std::chrono::steady_clock::now();
    const auto reports = assess_portfolio(all, Settings{}, kToday);
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(reports.size() == 10'000);
    // Customer 1 referred 2..5000: Σ 100 × id over those ids.
    std::int64_t expected = 0;
    for (std::int64_t id = 2; id <= 5'000; ++id)
        expected += 100 * id;
    CHECK(reports[0].referral_value.cents == expected);
    CHECK(reports[7'000].referral_value.cents == 100 * 7'002);
    CHECK(reports[9'999].referral_value.cents == 0);
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 1000);
}
