// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A customer's history as one list, newest first: incidents and purchases interleaved.
#include "core/records.h"

#include <span>
#include <vector>

namespace rapport {

struct TimelineEntry {
    enum class Kind { interaction, purchase } kind;
    LocalDateTime when;
    const Interaction* interaction = nullptr; // set when kind == interaction
    const Purchase* purchase = nullptr;       // set when kind == purchase
};

// Entries point into the given spans, which must outlive the result. A purchase (which has
// only a day) sorts as if at the end of that day, so on the same day it shows above incidents.
std::vector<TimelineEntry> build_timeline(std::span<const Interaction> interactions,
                                          std::span<const Purchase> purchases);

} // namespace rapport
