// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sums the worth model judges (core/worth.h), aggregated by SQLite: one customer with the
// customers they referred, every customer for the portfolio, and one customer's day-by-day
// events for the cumulative value-versus-cost chart.
//
// What counts, as product.md defines it: only records dated up to `today`; purchases by their
// date; interactions and their resolutions by the interaction's date; follow-ups by the day they
// were done (an open follow-up has cost nothing yet); minutes are interaction minutes plus
// follow-up minutes; money given back is the cost of accepted resolutions, "pending" the cost
// of those still offered, declined ones count nowhere. The last-year window is the 365 days
// ending today, today - 364 .. today inclusive, as in core/worth.h.
#include "core/records.h"
#include "core/worth.h"
#include "store/database.h"

#include <vector>

namespace rapport::store {

// The first day of the 365-day window that ends on `today` (today - 364).
Date last_year_start(Date today);

// One day of a customer's history as the chart draws it. The amounts are positive: the chart
// adds `margin` and subtracts `time_cost` and `given_back`. Each day's amounts are the change
// in the customer's running totals rounded to the cent, so the running sums of the events equal
// the to-date figures of the report exactly, with no drift from rounding day by day.
struct WorthEvent {
    Date day;
    Money margin;     // purchases that day: amount x margin
    Money time_cost;  // interactions that day and follow-ups done that day, at the hourly rate
    Money given_back; // accepted resolutions of that day's interactions
};

class WorthQuery {
public:
    explicit WorthQuery(Database& db) : m_db(db) {}

    // The customer `id` first, then every customer whose referred_by is `id`, in id order: what
    // assess_customer needs. Throws DataError when there is no such customer.
    std::vector<CustomerActivity> customer_with_referrals(Id id, Date today);

    // Every customer (archived ones too: their history is real), in id order, for
    // assess_portfolio. A handful of GROUP BY queries; no per-interaction work outside SQLite.
    std::vector<CustomerActivity> all_customers(Date today);

    // The days up to `today` on which anything happened to customer `id`, oldest first.
    std::vector<WorthEvent> events(Id customer_id, Date today, Money hourly_rate);

private:
    std::vector<CustomerActivity> load(Date today, const Id* focus);
    Database& m_db;
};

} // namespace rapport::store
