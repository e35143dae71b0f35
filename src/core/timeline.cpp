// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/timeline.h"

#include <algorithm>

namespace rapport {

std::vector<TimelineEntry> build_timeline(std::span<const Interaction> interactions,
                                          std::span<const Purchase> purchases) {
    std::vector<TimelineEntry> out;
    out.reserve(interactions.size() + purchases.size());
    for (const auto& i : interactions)
        out.push_back({TimelineEntry::Kind::interaction, i.at, &i, nullptr});
    for (const auto& p : purchases)
        out.push_back({TimelineEntry::Kind::purchase, LocalDateTime{p.on, 24 * 60 - 1}, nullptr, &p});
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        if (a.when != b.when)
            return a.when > b.when;
        const Id ia = a.interaction ? a.interaction->id : a.purchase->id;
        const Id ib = b.interaction ? b.interaction->id : b.purchase->id;
        return ia > ib;
    });
    return out;
}

} // namespace rapport
