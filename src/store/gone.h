// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "Haven't been back" list: customers who quietly left (core/gone.h), most valuable first,
// with how to reach them and whether the last we heard of them was a complaint.
#include "core/gone.h"
#include "core/records.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rapport::store {

struct GoneCustomer {
    Id customer_id = 0;
    std::string name;
    std::string phone;
    std::string email;
    int purchases = 0;
    Date last_purchase;
    int days_since_last = 0;
    double usual_gap_days = 0;
    // Σ amount × margin of their purchases in the 365 days up to the last one.
    Money own_margin_last_year;
    // The day of their newest incident, when it is on or after their last purchase: the last
    // contact with us was a complaint.
    std::optional<Date> complaint_after_last_purchase;
    // Their newest incident up to today (0 when they never complained): a follow-up call is
    // scheduled on it, or for them alone when there is none (plan_gone_call).
    Id newest_incident = 0;
    // The earliest open follow-up of any of their incidents: a call is already planned.
    std::optional<Date> call_planned;
};

// Customers not archived who are gone on `today` (purchases after `today` are not counted),
// sorted by own_margin_last_year (highest first), then name, then id.
std::vector<GoneCustomer> gone_customers(Database& db, Date today);

// Schedules a follow-up call for customer `customer_id` on `due` with `note`, on their newest
// incident, or for the customer alone when they never complained (schema version 6), so the
// follow-up list and Today show it. Returns the follow-up's id (FollowUpRepo::remove undoes
// it). DataError when there is no such customer.
Id plan_gone_call(Database& db, Id customer_id, Date due, const std::string& note);

} // namespace rapport::store
