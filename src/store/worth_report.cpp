// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/worth_report.h"
#include "store/roles.h"

#include <span>

namespace rapport::store {

const WorthReport* PortfolioWorth::find(Id id) const {
    for (const WorthReport& r : reports)
        if (r.customer_id == id)
            return &r;
    return nullptr;
}

const CustomerActivity& PortfolioWorth::activity_of(const WorthReport& report) const {
    return activity[static_cast<std::size_t>(&report - reports.data())];
}

PortfolioWorth portfolio_worth(Database& db, const Settings& settings, Date today) {
    require_owner(db, tr("see the worth figures"));
    PortfolioWorth p;
    p.activity = WorthQuery(db).all_customers(today);
    p.reports = assess_portfolio(p.activity, settings, today);
    return p;
}

CustomerWorth customer_worth(Database& db, Id id, const Settings& settings, Date today) {
    require_owner(db, tr("see the worth figures"));
    WorthQuery query(db);
    const std::vector<CustomerActivity> activity = query.customer_with_referrals(id, today);
    return CustomerWorth{assess_customer(activity.front(),
                                         std::span<const CustomerActivity>(activity).subspan(1),
                                         settings, today),
                         query.events(id, today, settings.hourly_rate)};
}

} // namespace rapport::store
