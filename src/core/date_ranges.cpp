// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date_ranges.h"

#include <fmt/format.h>

namespace rapport {
namespace {

using date::day;
using date::last;
using date::month;
using date::year;
using date::year_month_day;
using date::year_month_day_last;

Date first_of(year y, month m) {
    return year_month_day{y, m, day{1}};
}
Date last_of(year y, month m) {
    return year_month_day{year_month_day_last{y, m / last}};
}

unsigned quarter_of(month m) {
    return (static_cast<unsigned>(m) - 1) / 3;
} // 0..3

} // namespace

DateRange preset_range(RangePreset preset, Date today) {
    const year y = today.year();
    switch (preset) {
    case RangePreset::last_month: {
        // year_month arithmetic wraps January back to December of the year before.
        const date::year_month prev = date::year_month{y, today.month()} - date::months{1};
        return {first_of(prev.year(), prev.month()), last_of(prev.year(), prev.month())};
    }
    case RangePreset::last_quarter: {
        const unsigned q = quarter_of(today.month());
        const year qy = q == 0 ? y - date::years{1} : y;
        const unsigned prev_q = q == 0 ? 3 : q - 1;
        return {first_of(qy, month{prev_q * 3 + 1}), last_of(qy, month{prev_q * 3 + 3})};
    }
    case RangePreset::last_year:
        return {first_of(y - date::years{1}, date::January),
                last_of(y - date::years{1}, date::December)};
    case RangePreset::this_year:
        return {first_of(y, date::January), today};
    }
    return {today, today};
}

std::string range_label(const DateRange& r) {
    const int fy = static_cast<int>(r.from.year());
    const unsigned fm = static_cast<unsigned>(r.from.month());
    const bool starts_month = r.from.day() == day{1};
    const bool ends_month = r.to == last_of(r.to.year(), r.to.month());
    if (starts_month && ends_month && r.from.year() == r.to.year()) {
        const unsigned tm = static_cast<unsigned>(r.to.month());
        if (fm == tm)
            return fmt::format("{:04}-{:02}", fy, fm);
        if (fm == 1 && tm == 12)
            return fmt::format("{:04}", fy);
        if ((fm - 1) % 3 == 0 && tm == fm + 2)
            return fmt::format("{:04}-Q{}", fy, (fm - 1) / 3 + 1);
    }
    return format_date(r.from) + "_" + format_date(r.to);
}

} // namespace rapport
