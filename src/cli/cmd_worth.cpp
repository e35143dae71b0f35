// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// worth CUSTOMER [--json] | worth --all [--json|--csv]: "is this customer worth it?"
// The store sums the records and core judges them (store/worth_report.h, core/worth.h); this
// file only chooses and prints.
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/csv_writer.h"
#include "core/errors.h"
#include "core/worth.h"
#include "store/customers.h"
#include "store/settings_store.h"
#include "store/worth_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace rapport::cli {
namespace {

using nlohmann::json;

struct WorthOptions {
    std::string customer;
    bool all = false;
    bool csv = false;
};

// The projection is an estimate in currency units; shown to the cent like every amount.
Money money_of_units(double units) {
    return Money::from_cents(std::llround(units * 100.0));
}

std::string percent_of_fraction(double f) {
    return format_percent(static_cast<BasisPoints>(std::llround(f * 10'000.0)));
}

// Keys in nlohmann's (sorted) order: the writer checks it.
void write_json(exchange::JsonWriter& w, const WorthReport& r) {
    w.begin_object()
        .field("handling_cost", r.handling_cost)
        .field("id", r.customer_id)
        .field("money_given_back", r.money_given_back)
        .field("name", r.name)
        .field("net_own_value", r.net_own_value)
        .key("next_steps")
        .begin_array();
    for (const auto& s : r.next_steps)
        w.value(s);
    w.end_array()
        .field("own_margin", r.own_margin)
        .field("pending", r.pending)
        .field("projected", money_of_units(r.projected.expected))
        .field("projected_high", money_of_units(r.projected.high))
        .field("projected_low", money_of_units(r.projected.low))
        .key("quadrant");
    if (r.quadrant)
        w.value(to_key(*r.quadrant));
    else
        w.null();
    w.field("reason", r.reason)
        .field("referral_value", r.referral_value)
        .field("time_cost", r.time_cost)
        .field("total_to_date", r.total_to_date)
        .field("verdict", to_key(r.verdict))
        .end_object();
}

std::string quadrant_sentence(const std::optional<Quadrant>& q) {
    if (!q)
        return "not placed yet: nothing is recorded for this customer.";
    switch (*q) {
    case Quadrant::champion:
        return "Champions: net own value and referral value both above the median.";
    case Quadrant::affluent:
        return "Affluents: net own value above the median, referral value not.";
    case Quadrant::advocate:
        return "Advocates: referral value above the median, net own value not.";
    case Quadrant::miser:
        return "Misers: neither net own value nor referral value above the median.";
    }
    return "";
}

void print_report_text(const WorthReport& r, const CustomerActivity& a, const Settings& s,
                       Date today) {
    const auto line = [](std::string_view sign, std::string_view label, Money m,
                         std::string_view note = {}) {
        std::cout << fmt::format("  {} {:<18}{:>12}{}{}\n", sign, label, format_amount(m),
                                 note.empty() ? "" : "   ", note);
    };
    std::cout << fmt::format("Is {} worth it?\nCustomer {}, figures up to {}, amounts in {}.\n\n",
                             r.name, r.customer_id, format_date(today), s.currency);
    std::cout << "To date\n";
    line("+", "own margin", r.own_margin, "what their purchases left after costs");
    line("+", "referral value", r.referral_value, "from the customers they brought");
    line("-", "time cost", r.time_cost,
         fmt::format("{} minutes at {} an hour", a.to_date.minutes, format_amount(s.hourly_rate)));
    line("-", "money given back", r.money_given_back, "accepted refunds, discounts and extras");
    line("=", "total to date", r.total_to_date);
    line(" ", "handling cost", r.handling_cost, "time cost + money given back");
    line(" ", "net own value", r.net_own_value, "own margin - handling cost");
    if (r.pending.cents != 0)
        line(" ", "pending", r.pending, "offered, not accepted yet: not counted above");

    std::cout << fmt::format("\nVerdict: {}\n  {}\n", to_label(r.verdict), r.reason);
    if (!r.next_steps.empty()) {
        std::cout << "\nSteps to try first\n";
        for (std::size_t k = 0; k < r.next_steps.size(); ++k)
            std::cout << fmt::format("  {}. {}\n", k + 1, r.next_steps[k]);
    }

    const double low_r = std::clamp(s.retention - 0.15, 0.0, 1.0);
    const double high_r = std::clamp(s.retention + 0.15, 0.0, 1.0);
    std::cout << fmt::format(
        "\nEstimate for the next {} {} (a projection, not a promise)\n"
        "  ~ {:<18}{:>12}   likely between {} and {}\n"
        "  From the last 365 days, assuming a {} % chance each year that the customer stays\n"
        "  (retention, an assumption: the band uses {} % to {} %) and a {} % yearly discount "
        "rate.\n",
        s.horizon_years, s.horizon_years == 1 ? "year" : "years", "projected",
        format_amount(money_of_units(r.projected.expected)),
        format_amount(money_of_units(r.projected.low)),
        format_amount(money_of_units(r.projected.high)), percent_of_fraction(s.retention),
        percent_of_fraction(low_r), percent_of_fraction(high_r),
        percent_of_fraction(s.discount_rate));
    std::cout << fmt::format("\nPortfolio: {}\n", quadrant_sentence(r.quadrant));
}

void print_table_text(const std::vector<const WorthReport*>& rows, const Settings& s, Date today) {
    std::cout << fmt::format(
        "Is each customer worth it? {} {}, figures up to {}, amounts in {},\n"
        "highest total to date first; 'projected' is an estimate for the next {} {}.\n\n",
        rows.size(), rows.size() == 1 ? "customer" : "customers", format_date(today), s.currency,
        s.horizon_years, s.horizon_years == 1 ? "year" : "years");
    std::cout << fmt::format("{:>7} {:>12} {:>12} {:>12} {:>12} {:>12}  {:<15}  {:<9}  {}\n", "id",
                             "total", "net own", "referral", "handling", "projected", "verdict",
                             "quadrant", "name");
    int counts[4] = {0, 0, 0, 0};
    for (const WorthReport* r : rows) {
        ++counts[static_cast<int>(r->verdict)];
        std::cout << fmt::format(
            "{:>7} {:>12} {:>12} {:>12} {:>12} {:>12}  {:<15}  {:<9}  {}\n", r->customer_id,
            format_amount(r->total_to_date), format_amount(r->net_own_value),
            format_amount(r->referral_value), format_amount(r->handling_cost),
            format_amount(money_of_units(r->projected.expected)), to_key(r->verdict),
            r->quadrant ? to_label(*r->quadrant) : std::string_view("-"), r->name);
    }
    std::cout << fmt::format("\n{} worth it, {} to watch, {} costing you, {} with too little "
                             "data.\n",
                             counts[static_cast<int>(Verdict::worth_it)],
                             counts[static_cast<int>(Verdict::watch)],
                             counts[static_cast<int>(Verdict::costing)],
                             counts[static_cast<int>(Verdict::too_little_data)]);
}

// RFC 4180 with CRLF and a header row. No byte order mark: this goes to standard output, which
// scripts read, and a BOM would become part of the first header name for them.
void print_table_csv(const std::vector<const WorthReport*>& rows) {
    CsvWriterOptions options;
    options.byte_order_mark = false;
    CsvWriter csv(std::cout, options);
    csv.header({"id", "name", "own_margin", "time_cost", "money_given_back", "pending",
                "handling_cost", "net_own_value", "referral_value", "total_to_date", "projected",
                "projected_low", "projected_high", "verdict", "quadrant", "reason"});
    for (const WorthReport* r : rows) {
        csv.number(r->customer_id)
            .text(r->name)
            .amount(r->own_margin)
            .amount(r->time_cost)
            .amount(r->money_given_back)
            .amount(r->pending)
            .amount(r->handling_cost)
            .amount(r->net_own_value)
            .amount(r->referral_value)
            .amount(r->total_to_date)
            .amount(money_of_units(r->projected.expected))
            .amount(money_of_units(r->projected.low))
            .amount(money_of_units(r->projected.high))
            .text(to_key(r->verdict))
            .text(r->quadrant ? to_key(*r->quadrant) : std::string_view())
            .text(r->reason)
            .end_row();
    }
    csv.finish();
}

// Usage is checked before the database is opened, so a mistyped command touches nothing.
void check_usage(const WorthOptions& o, bool json_out) {
    if (o.all && !o.customer.empty())
        throw InputError("Give either a CUSTOMER or --all, not both.");
    if (!o.all && o.customer.empty())
        throw InputError("Give a CUSTOMER (an id or exact name) or --all.");
    if (o.csv && !o.all)
        throw InputError("--csv works with --all; use --json for one customer.");
    if (o.csv && json_out)
        throw InputError("Choose either --json or --csv, not both.");
}

void run_worth(CliContext& ctx, const WorthOptions& o) {
    check_usage(o, ctx.json);
    const Date today = ctx.today();
    std::optional<Id> wanted;
    if (!o.all)
        wanted = store::CustomerRepo(ctx.db()).resolve(o.customer).id;
    const Settings settings = store::SettingsStore(ctx.db()).load();
    // The quadrant compares a customer with everyone, so even one customer needs the portfolio.
    const store::PortfolioWorth portfolio = store::portfolio_worth(ctx.db(), settings, today);
    const std::vector<WorthReport>& reports = portfolio.reports;

    if (wanted) {
        const WorthReport* report = portfolio.find(*wanted);
        if (!report)
            throw DataError(fmt::format("No customer has id {}.", *wanted));
        if (ctx.json)
            print_json_streamed([&](exchange::JsonWriter& w) { write_json(w, *report); });
        else
            print_report_text(*report, portfolio.activity_of(*report), settings, today);
        return;
    }

    std::vector<const WorthReport*> rows;
    rows.reserve(reports.size());
    for (const auto& r : reports)
        rows.push_back(&r);
    std::sort(rows.begin(), rows.end(), [](const WorthReport* a, const WorthReport* b) {
        if (a->total_to_date != b->total_to_date)
            return a->total_to_date > b->total_to_date;
        return a->customer_id < b->customer_id;
    });
    if (o.csv) {
        print_table_csv(rows);
    } else if (ctx.json) {
        print_json_array(rows,
                         [](exchange::JsonWriter& w, const WorthReport* r) { write_json(w, *r); });
    } else {
        print_table_text(rows, settings, today);
    }
}

} // namespace

void add_worth_command(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<WorthOptions>();
    auto* worth = app.add_subcommand(
        "worth", "Is this customer worth it? What they bring against what they cost");
    worth->add_option("CUSTOMER", o->customer, "Id or exact name");
    worth->add_flag("--all", o->all, "Every customer, highest total to date first");
    worth->add_flag("--csv", o->csv, "With --all: CSV (RFC 4180) instead of a table");
    on_run(worth, ctx, [&ctx, o] { run_worth(ctx, *o); });
}

} // namespace rapport::cli
