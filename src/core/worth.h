// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Is this customer worth it?": cost to serve (Kaplan & Anderson, time-driven ABC), customer
// referral value and the CLV x CRV quadrants (Kumar, Petersen & Leone), and next steps that
// come before letting anyone go (Mittal, Sarkees & Murshed). The formulas and verdict order are
// those of product.md; the store aggregates the sums with SQL and this file judges them.
#include "core/dates.h"
#include "core/money.h"
#include "core/records.h"
#include "core/settings.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// Sums for one customer over a period, as the store aggregates them with SQL.
struct ActivityTotals {
    std::int64_t margin_cent_bp = 0; // Σ purchase amount (cents) × margin (basis points)
    std::int64_t minutes = 0;        // interaction minutes + follow-up minutes
    Money accepted;                  // Σ cost of accepted resolutions
};

struct CustomerActivity {
    Id id = 0;
    std::string name;
    std::optional<Id> referred_by;
    bool came_anyway = false;
    Money referral_reward;
    std::int64_t purchase_count = 0;
    std::optional<Date> first_record; // earliest purchase or interaction date
    ActivityTotals to_date;           // everything up to today
    // Purchases by date, interactions and their resolutions by interaction date, follow-ups by
    // the day they were done; the window is the 365 days ending today.
    ActivityTotals last_365_days;
    Money pending; // Σ cost of resolutions still "offered"
};

enum class Verdict { costing, too_little_data, watch, worth_it };
enum class Quadrant { champion, affluent, advocate, miser };

std::string_view to_key(Verdict v);    // "costing", "too-little-data", "watch", "worth-it"
std::string_view to_label(Verdict v);  // "Costing you: reprice or set limits", ...
std::string_view to_key(Quadrant q);   // "champion", "affluent", "advocate", "miser"
std::string_view to_label(Quadrant q); // "Champions", "Affluents", "Advocates", "Misers"

// The reason and next steps as parts: which sentence, with which figures. The window writes
// them in the user's language and money from these; `reason` and `next_steps` below are the
// same parts in English, as the CLI prints them.
enum class ReasonKind {
    costing,           // total to date and projection below zero
    nothing_recorded,  // no purchase or interaction yet
    too_young,         // under 2 purchases and the first record younger than min_age_days
    may_recover,       // total to date below zero, but the projection is not
    over_watch_line,   // handling cost above the watch line (verdict watch)
    within_watch_line, // worth it
};
struct ReasonParts {
    ReasonKind kind = ReasonKind::nothing_recorded;
    Money total_to_date;
    Money net_own_value; // own value after handling cost
    Money handling_cost;
    Money referral_value;
    Money own_margin;
    Money projected; // the horizon projection, to the cent
    int horizon_years = 0;
    std::int64_t purchase_count = 0;
    int age_days = 0; // since the first record
    int min_age_days = 0;
    // The handling cost against what the customer brings (own margin + positive referral
    // value); the share in tenths of a percent, meaningful only when brings_value.
    Money value_brought;
    bool brings_value = false;
    std::int64_t handling_share_tenths = 0;
    BasisPoints watch_line = 0;
};
enum class StepKind { limit_giving_back, limit_time, settle_pending, reprice, frank_talk, let_go };
struct NextStep {
    StepKind kind = StepKind::frank_talk;
    // limit_giving_back: given back; limit_time: time cost; settle_pending: still on offer;
    // reprice: handling cost.
    Money amount;
    std::int64_t minutes = 0; // limit_time
    Money hourly_rate;        // limit_time
};

// The horizon projection in currency units (an estimate, so a double). `low` and `high` are
// the band from retention r - 0.15 and r + 0.15 (clamped to [0, 1]), ordered so low <= high
// even when the yearly margin is negative.
struct Projection {
    double expected = 0;
    double low = 0;
    double high = 0;
};

struct WorthReport {
    Id customer_id = 0;
    std::string name;
    // To-date figures, rounded to the cent only here; the verdict uses the exact values.
    Money own_margin;
    Money time_cost;
    Money money_given_back;
    Money pending;
    Money handling_cost;
    Money net_own_value;
    Money referral_value;
    Money total_to_date;
    Projection projected;
    Verdict verdict = Verdict::too_little_data;
    std::string reason;                  // one sentence quoting the numbers
    std::vector<std::string> next_steps; // watch/costing: limits, repricing, a frank talk first
    ReasonParts reason_parts;            // what `reason` says, as parts
    std::vector<NextStep> steps;         // what `next_steps` say, as parts, in the same order
    std::optional<Quadrant> quadrant;    // filled by assess_portfolio only
};

// The yearly margin `m` carried over `years` years with retention r and discount rate d:
// m × Σ_{k=1..N} q^k with q = r / (1 + d), which is m × q × (1 − q^N) / (1 − q) and stays
// defined when q == 1.
double project_margin(double m, double retention, double discount_rate, int years);

// One customer; `direct_referrals` are the customers whose referred_by == this customer's id
// (any other customer in the span is ignored, so a referral chain never counts twice).
WorthReport assess_customer(const CustomerActivity& c,
                            std::span<const CustomerActivity> direct_referrals, const Settings& s,
                            Date today);

// All customers, in input order, with their quadrants. Kumar's "high" is strictly above the
// median over the customers with any record (a purchase or an interaction); the median of an
// even count is the mean of the two middle values. Customers with no record get no quadrant.
// Linear in the number of customers apart from the median sorts.
std::vector<WorthReport> assess_portfolio(std::span<const CustomerActivity> all, const Settings& s,
                                          Date today);

} // namespace rapport
