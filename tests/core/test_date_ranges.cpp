// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date_ranges.h"

#include <catch2/catch.hpp>

using namespace rapport;

namespace {
DateRange range(const char* from, const char* to) {
    return {parse_date(from), parse_date(to)};
}
} // namespace

TEST_CASE("Last month on the 31st of March is the whole of February") {
    CHECK(preset_range(RangePreset::last_month, parse_date("2026-03-31")) ==
          range("2026-02-01", "2026-02-28"));
    // A leap year's February has 29 days.
    CHECK(preset_range(RangePreset::last_month, parse_date("2028-03-01")) ==
          range("2028-02-01", "2028-02-29"));
}

TEST_CASE("Last month in January is December of the year before") {
    CHECK(preset_range(RangePreset::last_month, parse_date("2026-01-15")) ==
          range("2025-12-01", "2025-12-31"));
}

TEST_CASE("Last quarter is the whole calendar quarter before today's") {
    CHECK(preset_range(RangePreset::last_quarter, parse_date("2026-01-15")) ==
          range("2025-10-01", "2025-12-31"));
    CHECK(preset_range(RangePreset::last_quarter, parse_date("2026-03-31")) ==
          range("2025-10-01", "2025-12-31"));
    CHECK(preset_range(RangePreset::last_quarter, parse_date("2026-04-01")) ==
          range("2026-01-01", "2026-03-31"));
    CHECK(preset_range(RangePreset::last_quarter, parse_date("2026-08-20")) ==
          range("2026-04-01", "2026-06-30"));
    CHECK(preset_range(RangePreset::last_quarter, parse_date("2026-11-25")) ==
          range("2026-07-01", "2026-09-30"));
}

TEST_CASE("Last year is 1 January to 31 December of the year before") {
    CHECK(preset_range(RangePreset::last_year, parse_date("2026-01-01")) ==
          range("2025-01-01", "2025-12-31"));
}

TEST_CASE("This year runs from 1 January up to today") {
    CHECK(preset_range(RangePreset::this_year, parse_date("2026-11-25")) ==
          range("2026-01-01", "2026-11-25"));
    CHECK(preset_range(RangePreset::this_year, parse_date("2026-01-01")) ==
          range("2026-01-01", "2026-01-01"));
}

TEST_CASE("A period's name in a file name is its month, quarter or year when it is whole") {
    CHECK(range_label(range("2026-10-01", "2026-10-31")) == "2026-10");
    CHECK(range_label(range("2028-02-01", "2028-02-29")) == "2028-02");
    CHECK(range_label(range("2025-10-01", "2025-12-31")) == "2025-Q4");
    CHECK(range_label(range("2026-01-01", "2026-03-31")) == "2026-Q1");
    CHECK(range_label(range("2025-01-01", "2025-12-31")) == "2025");
    // Not whole: both days.
    CHECK(range_label(range("2026-02-01", "2026-02-27")) == "2026-02-01_2026-02-27");
    CHECK(range_label(range("2026-02-01", "2026-03-31")) == "2026-02-01_2026-03-31");
    CHECK(range_label(range("2025-12-01", "2026-01-31")) == "2025-12-01_2026-01-31");
    CHECK(range_label(range("2026-01-01", "2026-11-25")) == "2026-01-01_2026-11-25");
}
