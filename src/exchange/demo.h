// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Realistic synthetic data for trying Rapport out, screenshots, tests and benchmarks.
#include "core/dates.h"
#include "store/database.h"

#include <cstdint>

namespace rapport::exchange {
using store::Database;

struct DemoOptions {
    int customers = 200;
    std::int64_t interactions = 1500;
    std::int64_t purchases = -1; // -1: one fifth of the interactions, at least two per customer
    std::uint64_t seed = 1;
    Date today = today_local();
};

struct DemoCounts {
    std::int64_t customers = 0, interactions = 0, resolutions = 0, follow_ups = 0, purchases = 0;
};

// Fills an EMPTY database (refuses one that already has customers, so demo rows never mix
// with real ones) in one transaction with prepared statements.
DemoCounts generate_demo(Database& db, const DemoOptions& options);

} // namespace rapport::exchange
