// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Did it bring them back?" (core/won_back.h) over the whole database: of the complaints whose
// 90 days are over, the share after which the customer bought again, by category and by what
// was given; beside it, the same share after a purchase for the customers who never
// complained.
#include "core/won_back.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace rapport::store {

// One row: a category key, or a resolution type key (or kNothingGiven, store/overview.h).
struct WonBackRow {
    std::string key;
    WonBackTally tally;
    bool operator==(const WonBackRow&) const = default;
};

struct WonBackReport {
    // Every complaint (incident) whose window is over on `today`, of every customer, archived
    // ones too: several complaints of one customer each count.
    WonBackTally complaints;
    // By the incident's category, in the vocabulary's order; categories with none left out.
    std::vector<WonBackRow> by_category;
    // By each accepted resolution type of the incident (two refunds count once), in the
    // vocabulary's order, then kNothingGiven for incidents with nothing accepted.
    std::vector<WonBackRow> by_given;
    // The customers with no incident up to `today`: each of their purchase days (several
    // purchases on one day are one) whose window is over, and whether they bought again in it.
    WonBackTally never_complained;
    std::int64_t never_complained_customers = 0; // customers with at least one day judged
};

// Purchases and incidents after `today` are not counted.
WonBackReport won_back_report(Database& db, Date today);

} // namespace rapport::store
