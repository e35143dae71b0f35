// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gone.h"

#include <algorithm>

namespace rapport {

std::optional<double> usual_gap_days(std::vector<Date> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.size() < 2)
        return std::nullopt;
    std::vector<int> gaps;
    for (std::size_t k = 1; k < days.size(); ++k)
        gaps.push_back(days_between(days[k - 1], days[k]));
    std::sort(gaps.begin(), gaps.end());
    const std::size_t mid = gaps.size() / 2;
    if (gaps.size() % 2 == 1)
        return gaps[mid];
    return (gaps[mid - 1] + gaps[mid]) / 2.0;
}

GoneJudgement judge_gone(const std::vector<Date>& purchase_days, Date today) {
    GoneJudgement j;
    if (purchase_days.empty())
        return j;
    const Date last = *std::max_element(purchase_days.begin(), purchase_days.end());
    j.days_since_last = days_between(last, today);
    j.usual_gap = usual_gap_days(purchase_days);
    j.gone = static_cast<int>(purchase_days.size()) >= kGoneMinPurchases && j.usual_gap &&
             j.days_since_last > kGoneMinDays && j.days_since_last > 2 * *j.usual_gap;
    return j;
}

} // namespace rapport
