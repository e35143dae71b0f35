// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/won_back.h"

#include <algorithm>

namespace rapport {

bool won_back_window_over(Date event, Date today) {
    return add_days(event, kWonBackDays) < today;
}

bool bought_within_window(std::span<const Date> days, Date event) {
    const auto next = std::upper_bound(days.begin(), days.end(), event);
    return next != days.end() && *next <= add_days(event, kWonBackDays);
}

std::optional<double> WonBackTally::share() const {
    if (judged == 0)
        return std::nullopt;
    return static_cast<double>(bought_again) / static_cast<double>(judged);
}

} // namespace rapport
