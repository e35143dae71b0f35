// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// customers gone: the "Haven't been back" list (store/gone.h).
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "store/gone.h"

#include <fmt/format.h>

#include <iostream>
#include <iterator>

namespace rapport::cli {
namespace {

using nlohmann::json;

std::string days_text(double days) {
    return days == static_cast<double>(static_cast<long long>(days))
               ? fmt::format("{}", static_cast<long long>(days))
               : fmt::format("{:.1f}", days);
}

json gone_json(const store::GoneCustomer& g) {
    return {{"id", g.customer_id},
            {"name", g.name},
            {"phone", g.phone},
            {"email", g.email},
            {"purchases", g.purchases},
            {"last_purchase", format_date(g.last_purchase)},
            {"days_since_last", g.days_since_last},
            {"usual_gap_days", g.usual_gap_days},
            {"own_margin_last_year", money_json(g.own_margin_last_year)},
            {"last_contact_complaint", g.complaint_after_last_purchase.has_value()},
            {"complaint_on", g.complaint_after_last_purchase
                                 ? json(format_date(*g.complaint_after_last_purchase))
                                 : json(nullptr)},
            {"call_planned", g.call_planned ? json(format_date(*g.call_planned)) : json(nullptr)}};
}

} // namespace

void add_customers_commands(CLI::App& app, CliContext& ctx) {
    auto* customers = app.add_subcommand("customers", "Lists of customers that need you");
    customers->require_subcommand(1);
    auto* gone = customers->add_subcommand(
        "gone", "Haven't been back: customers who quietly stopped buying, most valuable first");
    gone->footer(fmt::format(
        "Listed: customers not archived with at least {} purchases whose days since the last "
        "purchase are more than {} and more than twice their usual gap (the median gap between "
        "their purchase days). Sorted by the own margin of the 365 days up to their last "
        "purchase; marked when the last contact was a complaint.",
        kGoneMinPurchases, kGoneMinDays));
    on_run(gone, ctx, [&ctx] {
        const Date today = ctx.today();
        const auto list = store::gone_customers(ctx.db(), today);
        if (ctx.json) {
            json arr = json::array();
            for (const auto& g : list)
                arr.push_back(gone_json(g));
            print_json({{"today", format_date(today)}, {"customers", arr}});
            return;
        }
        std::string out = list.empty() ? std::string("Nobody has quietly stopped coming.\n")
                                       : fmt::format("Haven't been back ({}):\n", list.size());
        for (const auto& g : list) {
            fmt::format_to(std::back_inserter(out),
                           "{:>8}  {} | last bought {} ({} days ago, usually every {} days) | "
                           "own margin in their last year {}",
                           g.customer_id, g.name, format_date(g.last_purchase), g.days_since_last,
                           days_text(g.usual_gap_days), format_amount(g.own_margin_last_year));
            if (g.complaint_after_last_purchase)
                out += " | last contact a complaint on " +
                       format_date(*g.complaint_after_last_purchase);
            if (!g.phone.empty() || !g.email.empty())
                out += " | " + g.phone + (g.phone.empty() || g.email.empty() ? "" : ", ") + g.email;
            out += '\n';
        }
        std::cout << out;
    });
}

} // namespace rapport::cli
