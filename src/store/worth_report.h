// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Is this customer worth it?", assembled once for the window and `rapport-cli worth`: the store
// sums the records (store/worth_query.h) and the core judges them with the owner's settings
// (core/worth.h).
#include "core/settings.h"
#include "core/worth.h"
#include "store/database.h"
#include "store/worth_query.h"

#include <optional>
#include <vector>

namespace rapport::store {

// Every customer judged against the others (the quadrant compares a customer with everyone),
// in id order; activity[k] is what reports[k] was judged on.
struct PortfolioWorth {
    std::vector<CustomerActivity> activity;
    std::vector<WorthReport> reports;

    // The report of customer `id`, or nullptr.
    const WorthReport* find(Id id) const;
    const CustomerActivity& activity_of(const WorthReport& report) const;
};
PortfolioWorth portfolio_worth(Database& db, const Settings& settings, Date today);

// One customer with the customers they referred, and their history day by day for the chart.
// DataError when there is no such customer.
struct CustomerWorth {
    WorthReport report;
    std::vector<WorthEvent> events;
};
CustomerWorth customer_worth(Database& db, Id id, const Settings& settings, Date today);

} // namespace rapport::store
