// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/worth.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace rapport {
namespace {

// Exact sums live in a fine unit of 1/30000 cent: a margin in cent×basis-points is 3 fine units
// (10000 bp = 1) and a minute at H cents per hour is H×500 fine units (H/60 cents), so every
// figure of the model is an integer and only the shown Money is rounded.
using Fine = std::int64_t;
constexpr Fine kFinePerCent = 30'000;

// Products of two fine sums (ratios, medians) can pass 2^63 for very large shops; widen them.
__extension__ typedef __int128 Wide;

constexpr int kMinAgeDays = 180;    // "too little data" until the first record is this old
constexpr double kBandWidth = 0.15; // retention band r ± 0.15

Fine fine_of(Money m) {
    return m.cents * kFinePerCent;
}
Money money_of(Fine f) {
    return Money::from_cents(round_div(f, kFinePerCent));
}

// Rounded half away from zero, like round_div, for wide operands.
Wide round_div_wide(Wide num, Wide den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const Wide half = den / 2;
    return num >= 0 ? (num + half) / den : -((-num + half) / den);
}

// The to-date or last-year figures of one customer's own activity, exact.
struct OwnFigures {
    Fine own_margin = 0;
    Fine time_cost = 0;
    Fine given_back = 0;
    Fine handling() const { return time_cost + given_back; }
    Fine net() const { return own_margin - handling(); }
};

OwnFigures own_figures(const ActivityTotals& t, const Settings& s) {
    OwnFigures f;
    f.own_margin = t.margin_cent_bp * 3;
    f.time_cost = s.hourly_rate.cents * t.minutes * 500;
    f.given_back = fine_of(t.accepted);
    return f;
}

// What referred customer j adds to the referrer's CRV: w_j × NV_j + ACQ − reward_j, with
// w_j = 0 when j would have come anyway. NV_j is exact, never a rounded Money.
Fine referral_contribution(const CustomerActivity& j, Fine nv_j, const Settings& s) {
    const Fine weighted = j.came_anyway ? 0 : nv_j;
    return weighted + fine_of(s.acquisition_cost) - fine_of(j.referral_reward);
}

Money money_of_units(double currency_units) {
    return Money::from_cents(std::llround(currency_units * 100.0));
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Tenths of a percent, rounded half away from zero: 516 for 80/155.
std::int64_t tenths_of_percent(Fine part, Fine whole) {
    return static_cast<std::int64_t>(round_div_wide(static_cast<Wide>(part) * 1000, whole));
}

// "51.6" for 516 tenths.
std::string percent_text(std::int64_t t) {
    const std::int64_t a = t < 0 ? -t : t;
    return fmt::format("{}{}.{}", t < 0 ? "-" : "", a / 10, a % 10);
}

struct Judgement {
    Verdict verdict = Verdict::worth_it;
    ReasonParts reason;
    std::vector<NextStep> steps;
};

std::vector<NextStep> steps_before_letting_go(const CustomerActivity& c, const OwnFigures& own,
                                              const Settings& s, bool costing) {
    std::vector<NextStep> steps;
    // Limits first, aimed at whichever part of the handling cost is bigger.
    if (own.given_back > own.time_cost)
        steps.push_back({StepKind::limit_giving_back, money_of(own.given_back), 0, {}});
    else
        steps.push_back(
            {StepKind::limit_time, money_of(own.time_cost), c.to_date.minutes, s.hourly_rate});
    if (c.pending.cents > 0)
        steps.push_back({StepKind::settle_pending, c.pending, 0, {}});
    steps.push_back({StepKind::reprice, money_of(own.handling()), 0, {}});
    steps.push_back({StepKind::frank_talk, {}, 0, {}});
    if (costing)
        steps.push_back({StepKind::let_go, {}, 0, {}});
    return steps;
}

Judgement judge(const CustomerActivity& c, const OwnFigures& own, Fine crv, double projected,
                const Settings& s, Date today) {
    Judgement j;
    const Fine total = own.net() + crv;
    const Fine value = own.own_margin + std::max<Fine>(crv, 0); // what the customer brings
    const Fine hc = own.handling();
    const auto ratio_ppm = static_cast<Wide>(std::llround(s.watch_ratio * 1'000'000.0));
    ReasonParts& p = j.reason;
    p.total_to_date = money_of(total);
    p.net_own_value = money_of(own.net());
    p.handling_cost = money_of(hc);
    p.referral_value = money_of(crv);
    p.own_margin = money_of(own.own_margin);
    p.projected = money_of_units(projected);
    p.horizon_years = s.horizon_years;
    p.purchase_count = c.purchase_count;
    p.min_age_days = kMinAgeDays;
    p.value_brought = money_of(value);
    p.brings_value = value > 0;
    p.handling_share_tenths = value > 0 ? tenths_of_percent(hc, value) : 0;
    p.watch_line = static_cast<BasisPoints>(std::llround(s.watch_ratio * 10'000.0));

    // The order is product.md's: costing, too little data, watch, worth it.
    if (total < 0 && projected <= 0) {
        j.verdict = Verdict::costing;
        p.kind = ReasonKind::costing;
        j.steps = steps_before_letting_go(c, own, s, true);
        return j;
    }
    const std::optional<int> age =
        c.first_record ? std::optional<int>(days_between(*c.first_record, today)) : std::nullopt;
    if (c.purchase_count < 2 && (!age || *age < kMinAgeDays)) {
        j.verdict = Verdict::too_little_data;
        p.kind = age ? ReasonKind::too_young : ReasonKind::nothing_recorded;
        p.age_days = age.value_or(0);
        return j;
    }
    const bool over_line = static_cast<Wide>(hc) * 1'000'000 > ratio_ppm * static_cast<Wide>(value);
    if (total < 0) {
        j.verdict = Verdict::watch;
        p.kind = ReasonKind::may_recover;
        j.steps = steps_before_letting_go(c, own, s, false);
        return j;
    }
    if (over_line) {
        j.verdict = Verdict::watch;
        p.kind = ReasonKind::over_watch_line;
        j.steps = steps_before_letting_go(c, own, s, false);
        return j;
    }
    j.verdict = Verdict::worth_it;
    p.kind = ReasonKind::within_watch_line;
    return j;
}

// The English sentences of the CLI.
std::string english_share(const ReasonParts& p) {
    if (p.brings_value)
        return fmt::format("Handling cost {} is {} % of the value this customer brings ({})",
                           format_amount(p.handling_cost), percent_text(p.handling_share_tenths),
                           format_amount(p.value_brought));
    return fmt::format("Handling cost {} against no value brought ({})",
                       format_amount(p.handling_cost), format_amount(p.value_brought));
}

std::string english_reason(const ReasonParts& p) {
    const std::string total = format_amount(p.total_to_date);
    const std::string horizon = plural(p.horizon_years, "year", "years");
    switch (p.kind) {
    case ReasonKind::costing:
        return fmt::format(
            "Total to date is {} (own value {} after {} handling cost, referrals {}) and the "
            "next {} project to {}, so this customer costs you more than they bring.",
            total, format_amount(p.net_own_value), format_amount(p.handling_cost),
            format_amount(p.referral_value), horizon, format_amount(p.projected));
    case ReasonKind::nothing_recorded:
        return fmt::format("No purchase or interaction is recorded yet, so there is "
                           "nothing to judge (total to date {}).",
                           total);
    case ReasonKind::too_young: {
        const std::string bought =
            p.purchase_count == 0 ? std::string("No purchase yet")
                                  : "Only " + plural(p.purchase_count, "purchase", "purchases");
        return fmt::format("{} and the first record is {} old (a judgement needs {} days); so far "
                           "own margin {}, handling cost {}, total {}.",
                           bought, plural(p.age_days, "day", "days"), p.min_age_days,
                           format_amount(p.own_margin), format_amount(p.handling_cost), total);
    }
    case ReasonKind::may_recover:
        return fmt::format(
            "Total to date is {} (own value {}, referrals {}), but the last year's margin "
            "projects to {} over the next {}, so it may recover; {}.",
            total, format_amount(p.net_own_value), format_amount(p.referral_value),
            format_amount(p.projected), horizon, english_share(p));
    case ReasonKind::over_watch_line:
        return fmt::format("{}, above the {} % watch line; total to date {}.", english_share(p),
                           format_percent(p.watch_line), total);
    case ReasonKind::within_watch_line:
        break;
    }
    return fmt::format("{}, within the {} % watch line; total to date {}.", english_share(p),
                       format_percent(p.watch_line), total);
}

std::string english_step(const NextStep& step) {
    switch (step.kind) {
    case StepKind::limit_giving_back:
        return fmt::format(
            "Set limits on what you give back: {} went back in refunds, replacements and extras; "
            "agree in writing what you offer when something goes wrong, and offer nothing beyond "
            "it.",
            format_amount(step.amount));
    case StepKind::limit_time:
        return fmt::format(
            "Set limits on your time: {} so far cost {} at {} an hour; agree one contact channel, "
            "set hours and a time budget per request.",
            plural(step.minutes, "minute", "minutes"), format_amount(step.amount),
            format_amount(step.hourly_rate));
    case StepKind::settle_pending:
        return fmt::format("Settle the {} still on offer before offering anything more.",
                           format_amount(step.amount));
    case StepKind::reprice:
        return fmt::format(
            "Reprice: charge for the extra handling (a service fee, a higher price or paid "
            "support) so the margin covers the {} handling cost.",
            format_amount(step.amount));
    case StepKind::frank_talk:
        return "Have a frank, calm talk: say what the relationship costs you, what you can "
               "do and what you cannot, and agree how you will work together from now on.";
    case StepKind::let_go:
        break;
    }
    return "Only if limits, new prices and the talk all fail, consider letting the "
           "customer go: tell them politely, finish what you promised and, if you "
           "can, point them to someone better suited.";
}

WorthReport build_report(const CustomerActivity& c, Fine crv, const Settings& s, Date today) {
    const OwnFigures own = own_figures(c.to_date, s);
    const OwnFigures year = own_figures(c.last_365_days, s);
    const double m = static_cast<double>(year.net()) / (100.0 * kFinePerCent);

    WorthReport r;
    r.customer_id = c.id;
    r.name = c.name;
    r.own_margin = money_of(own.own_margin);
    r.time_cost = money_of(own.time_cost);
    r.money_given_back = money_of(own.given_back);
    r.pending = c.pending;
    r.handling_cost = money_of(own.handling());
    r.net_own_value = money_of(own.net());
    r.referral_value = money_of(crv);
    r.total_to_date = money_of(own.net() + crv);

    const double r0 = s.retention;
    const double a =
        project_margin(m, std::clamp(r0 - kBandWidth, 0.0, 1.0), s.discount_rate, s.horizon_years);
    const double b =
        project_margin(m, std::clamp(r0 + kBandWidth, 0.0, 1.0), s.discount_rate, s.horizon_years);
    r.projected.expected = project_margin(m, r0, s.discount_rate, s.horizon_years);
    r.projected.low = std::min(a, b);
    r.projected.high = std::max(a, b);

    Judgement j = judge(c, own, crv, r.projected.expected, s, today);
    r.verdict = j.verdict;
    r.reason = english_reason(j.reason);
    for (const NextStep& step : j.steps)
        r.next_steps.push_back(english_step(step));
    r.reason_parts = j.reason;
    r.steps = std::move(j.steps);
    return r;
}

// Twice the median, so an even count's mean of the two middle values stays an integer.
Wide twice_median(std::vector<Fine> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    if (n % 2 == 1)
        return static_cast<Wide>(values[n / 2]) * 2;
    return static_cast<Wide>(values[n / 2 - 1]) + values[n / 2];
}

} // namespace

std::string_view to_key(Verdict v) {
    switch (v) {
    case Verdict::costing:
        return "costing";
    case Verdict::too_little_data:
        return "too-little-data";
    case Verdict::watch:
        return "watch";
    case Verdict::worth_it:
        return "worth-it";
    }
    return "";
}

std::string_view to_label(Verdict v) {
    switch (v) {
    case Verdict::costing:
        return "Costing you: reprice or set limits";
    case Verdict::too_little_data:
        return "Too little data yet";
    case Verdict::watch:
        return "Mixed: watch";
    case Verdict::worth_it:
        return "Worth it";
    }
    return "";
}

std::string_view to_key(Quadrant q) {
    switch (q) {
    case Quadrant::champion:
        return "champion";
    case Quadrant::affluent:
        return "affluent";
    case Quadrant::advocate:
        return "advocate";
    case Quadrant::miser:
        return "miser";
    }
    return "";
}

std::string_view to_label(Quadrant q) {
    switch (q) {
    case Quadrant::champion:
        return "Champions";
    case Quadrant::affluent:
        return "Affluents";
    case Quadrant::advocate:
        return "Advocates";
    case Quadrant::miser:
        return "Misers";
    }
    return "";
}

double project_margin(double m, double retention, double discount_rate, int years) {
    const double q = retention / (1.0 + discount_rate);
    // Summing the geometric series term by term needs no special case for q == 1.
    double sum = 0;
    double term = 1;
    for (int k = 1; k <= years; ++k) {
        term *= q;
        sum += term;
    }
    return m * sum;
}

WorthReport assess_customer(const CustomerActivity& c,
                            std::span<const CustomerActivity> direct_referrals, const Settings& s,
                            Date today) {
    Fine crv = 0;
    for (const CustomerActivity& j : direct_referrals) {
        if (j.id == c.id || j.referred_by != c.id)
            continue; // only customers this one really referred, never itself
        crv += referral_contribution(j, own_figures(j.to_date, s).net(), s);
    }
    return build_report(c, crv, s, today);
}

std::vector<WorthReport> assess_portfolio(std::span<const CustomerActivity> all, const Settings& s,
                                          Date today) {
    const std::size_t n = all.size();
    std::unordered_map<Id, std::size_t> index_of;
    index_of.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        index_of.emplace(all[i].id, i);

    // One pass over the referred customers credits each referrer: no scan per customer.
    std::vector<Fine> nv(n);
    for (std::size_t i = 0; i < n; ++i)
        nv[i] = own_figures(all[i].to_date, s).net();
    std::vector<Fine> crv(n, 0);
    for (std::size_t j = 0; j < n; ++j) {
        if (!all[j].referred_by || *all[j].referred_by == all[j].id)
            continue;
        const auto it = index_of.find(*all[j].referred_by);
        if (it != index_of.end())
            crv[it->second] += referral_contribution(all[j], nv[j], s);
    }

    std::vector<WorthReport> reports;
    reports.reserve(n);
    std::vector<Fine> member_nv;
    std::vector<Fine> member_crv;
    for (std::size_t i = 0; i < n; ++i) {
        reports.push_back(build_report(all[i], crv[i], s, today));
        if (all[i].first_record) {
            member_nv.push_back(nv[i]);
            member_crv.push_back(crv[i]);
        }
    }
    if (member_nv.empty())
        return reports;

    const Wide nv_line = twice_median(std::move(member_nv));
    const Wide crv_line = twice_median(std::move(member_crv));
    for (std::size_t i = 0; i < n; ++i) {
        if (!all[i].first_record)
            continue;
        const bool high_nv = static_cast<Wide>(nv[i]) * 2 > nv_line;
        const bool high_crv = static_cast<Wide>(crv[i]) * 2 > crv_line;
        reports[i].quadrant = high_nv ? (high_crv ? Quadrant::champion : Quadrant::affluent)
                                      : (high_crv ? Quadrant::advocate : Quadrant::miser);
    }
    return reports;
}

} // namespace rapport
