// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Haven't been back": the customers who quietly left, the ones the seed advice says are truly
// lost because they never complained. A customer is gone on a day when they have at least
// kGoneMinPurchases purchases, and the days since their last purchase exceed both
// kGoneMinDays and twice their usual gap: the median of the gaps between their purchase days
// (several purchases on one day are one purchase day). A customer whose purchases are all on
// one day has no usual gap and is not judged.
#include "core/dates.h"

#include <optional>
#include <vector>

namespace rapport {

inline constexpr int kGoneMinPurchases = 3;
inline constexpr int kGoneMinDays = 30;

// The median gap in days between consecutive distinct days of `days` (any order, repeats
// allowed); none with fewer than two distinct days. An even number of gaps gives the mean of
// the middle two (30 and 45: 37.5).
std::optional<double> usual_gap_days(std::vector<Date> days);

struct GoneJudgement {
    bool gone = false;
    int days_since_last = 0;
    std::optional<double> usual_gap; // days
};

// `purchase_days`: one entry per purchase (so the count is the number of purchases).
GoneJudgement judge_gone(const std::vector<Date>& purchase_days, Date today);

} // namespace rapport
