// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dates.h"
#include "core/errors.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

TEST_CASE("dates are strict YYYY-MM-DD days that exist", "[dates]") {
    CHECK(parse_date("2026-11-25") == 2026_y / 11 / 25);
    CHECK(parse_date("2028-02-29") == 2028_y / 2 / 29);
    CHECK_THROWS_AS(parse_date("2026-02-30"), InputError);
    CHECK_THROWS_AS(parse_date("2027-02-29"), InputError);
    CHECK_THROWS_AS(parse_date("2026-13-01"), InputError);
    CHECK_THROWS_AS(parse_date("26-11-25"), InputError);
    CHECK_THROWS_AS(parse_date("2026/11/25"), InputError);
    CHECK_THROWS_AS(parse_date(""), InputError);
    CHECK(format_date(2026_y / 1 / 5) == "2026-01-05");
}

TEST_CASE("times of day are optional and checked", "[dates]") {
    CHECK(format_date_time(parse_date_time("2026-11-25T14:30")) == "2026-11-25T14:30");
    CHECK(format_date_time(parse_date_time("2026-11-25 09:05")) == "2026-11-25T09:05");
    CHECK(parse_date_time("2026-11-25").minutes_of_day == 12 * 60);
    CHECK_THROWS_AS(parse_date_time("2026-11-25T24:00"), InputError);
    CHECK_THROWS_AS(parse_date_time("2026-11-25T1:00"), InputError);
}

TEST_CASE("follow-up dates can be relative to today", "[dates]") {
    const Date today = 2026_y / 12 / 30;
    CHECK(resolve_due_date("+3d", today) == 2027_y / 1 / 2);
    CHECK(resolve_due_date("+2w", today) == 2027_y / 1 / 13);
    CHECK(resolve_due_date("2027-01-04", today) == 2027_y / 1 / 4);
    CHECK_THROWS_AS(resolve_due_date("+3x", today), InputError);
    CHECK_THROWS_AS(resolve_due_date("+d", today), InputError);
    CHECK_THROWS_AS(resolve_due_date("tomorrow", today), InputError);
}

TEST_CASE("a follow-up due Sunday 2027-01-03 is in ISO week 2026-W53", "[weeks]") {
    const WeekSpan w = week_containing(2027_y / 1 / 3);
    CHECK(format_week(w.id) == "2026-W53");
    CHECK(w.first == 2026_y / 12 / 28);
    CHECK(w.last == 2027_y / 1 / 3);
}

TEST_CASE("Monday 2027-01-04 starts ISO week 2027-W01", "[weeks]") {
    const WeekSpan w = week_containing(2027_y / 1 / 4);
    CHECK(format_week(w.id) == "2027-W01");
    CHECK(w.first == 2027_y / 1 / 4);
    CHECK(next_week(week_containing(2027_y / 1 / 3)).id == w.id);
    CHECK(previous_week(w).id == WeekId{2026, 53});
}

TEST_CASE("weeks can start on Sunday", "[weeks]") {
    // Sunday 2027-01-03 begins the week whose Monday is 2027-01-04: 2027-W01.
    const WeekSpan w = week_containing(2027_y / 1 / 3, date::Sunday);
    CHECK(w.first == 2027_y / 1 / 3);
    CHECK(w.last == 2027_y / 1 / 9);
    CHECK(format_week(w.id) == "2027-W01");
    const WeekSpan sat = week_containing(2027_y / 1 / 2, date::Sunday);
    CHECK(sat.first == 2026_y / 12 / 27);
    CHECK(format_week(sat.id) == "2026-W53");
    CHECK(week_span(WeekId{2027, 1}, date::Sunday).first == 2027_y / 1 / 3);
}

TEST_CASE("week names are checked against the year", "[weeks]") {
    CHECK(weeks_in_iso_year(2026) == 53);
    CHECK(weeks_in_iso_year(2027) == 52);
    CHECK(parse_week("2026-W53") == WeekId{2026, 53});
    CHECK(parse_week("2026-w7") == WeekId{2026, 7});
    CHECK_THROWS_AS(parse_week("2027-W53"), InputError);
    CHECK_THROWS_AS(parse_week("2026-W54"), InputError);
    CHECK_THROWS_AS(parse_week("2026-W00"), InputError);
    CHECK_THROWS_AS(parse_week("2026W10"), InputError);
}

TEST_CASE("week start names", "[weeks]") {
    CHECK(parse_weekday("Sunday") == date::Sunday);
    CHECK(format_weekday(date::Monday) == "monday");
    CHECK_THROWS_AS(parse_weekday("funday"), InputError);
}
