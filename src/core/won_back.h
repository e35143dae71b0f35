// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Did it bring them back?": whether a customer bought again in the kWonBackDays days after a
// complaint, and the same question after a purchase for the customers who never complained,
// so the owner sees whether handling complaints well pays. The window of an event on day D is
// the days D+1 to D+90; a purchase on D itself does not count (it is often the purchase the
// complaint was about). An event is judged only once its window is over: D + 90 < today.
#include "core/dates.h"

#include <cstdint>
#include <optional>
#include <span>

namespace rapport {

inline constexpr int kWonBackDays = 90;

// Whether the window after `event` is over on `today` (event + 90 days is before today).
bool won_back_window_over(Date event, Date today);

// Whether `days` (ascending) holds a day from event + 1 to event + kWonBackDays.
bool bought_within_window(std::span<const Date> days, Date event);

// Events judged, and of those, the ones followed by a purchase in their window.
struct WonBackTally {
    std::int64_t judged = 0;
    std::int64_t bought_again = 0;

    void add(bool bought) {
        ++judged;
        if (bought)
            ++bought_again;
    }
    // From 0 to 1; none when nothing was judged.
    std::optional<double> share() const;
    bool operator==(const WonBackTally&) const = default;
};

} // namespace rapport
