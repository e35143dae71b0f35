// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Periods people ask an export for ("last month", "last quarter"...), worked out from today,
// and a short name for a period to put in a file name. Pure arithmetic: the window's export
// dialog shows these, tests pin the edges (month ends, leap years, January).
#include "core/dates.h"

#include <string>

namespace rapport {

// An inclusive range of days.
struct DateRange {
    Date from;
    Date to;
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

enum class RangePreset {
    last_month,   // the whole calendar month before today's
    last_quarter, // the whole calendar quarter (Jan-Mar, Apr-Jun, ...) before today's
    last_year,    // the whole calendar year before today's
    this_year,    // 1 January up to and including today
};

DateRange preset_range(RangePreset preset, Date today);

// "2026-10" for a whole month, "2026-Q3" for a whole quarter, "2025" for a whole year,
// else "2026-01-05_2026-02-10": short, sortable and safe in a file name.
std::string range_label(const DateRange& range);

} // namespace rapport
