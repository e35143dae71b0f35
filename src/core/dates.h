// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Calendar dates (Howard Hinnant `date`), local times of day, and weeks that follow ISO 8601
// unless the owner chooses another first day of the week.
#include "core/text.h"

#include <date/date.h>

#include <string>
#include <string_view>

namespace rapport {

using Date = date::year_month_day;

// A wall-clock moment in the shop's own time zone, to the minute.
struct LocalDateTime {
    Date day;
    int minutes_of_day = 0; // 0..1439
    // date::year_month_day has no <=>, so the order is spelt out.
    friend bool operator==(const LocalDateTime& a, const LocalDateTime& b) {
        return a.day == b.day && a.minutes_of_day == b.minutes_of_day;
    }
    friend bool operator<(const LocalDateTime& a, const LocalDateTime& b) {
        return a.day < b.day || (a.day == b.day && a.minutes_of_day < b.minutes_of_day);
    }
    friend bool operator>(const LocalDateTime& a, const LocalDateTime& b) { return b < a; }
};

// Strict "YYYY-MM-DD" that must name a real day ("2026-02-30" is refused).
Date parse_date(std::string_view text, Text what = tr("date"));
std::string format_date(Date d); // "2026-11-25"

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a space works instead of 'T'); a bare date means noon,
// so it stays on the same day whatever the time zone of whoever reads it.
LocalDateTime parse_date_time(std::string_view text, Text what = tr("date"));
std::string format_date_time(const LocalDateTime& t); // "2026-11-25T14:30"

// A follow-up date: "YYYY-MM-DD", "+3d" (days) or "+2w" (weeks) after `today`.
Date resolve_due_date(std::string_view text, Date today);

// Today and now on this machine's clock, in local time.
Date today_local();
LocalDateTime now_local();

Date add_days(Date d, int days);
int days_between(Date from, Date to); // to - from, in days

// A week as people name it: ISO year and week number ("2026-W53").
struct WeekId {
    int year = 0;
    unsigned number = 0;
    auto operator<=>(const WeekId&) const = default;
};

// The seven days of one week, first to last inclusive.
struct WeekSpan {
    WeekId id;
    Date first;
    Date last;
    bool contains(Date d) const { return first <= d && d <= last; }
};

// Parses "2026-W07" or "2026-w7"; refuses a week the year does not have ("2026-W54", "W00").
WeekId parse_week(std::string_view text);
std::string format_week(WeekId w); // "2026-W07"
unsigned weeks_in_iso_year(int year);

// The week holding `d` when weeks begin on `first_day` (Monday for ISO 8601). A week that
// begins on another day is named after the ISO week of the Monday it contains.
WeekSpan week_containing(Date d, date::weekday first_day = date::Monday);
WeekSpan week_span(WeekId id, date::weekday first_day = date::Monday);
WeekSpan next_week(const WeekSpan& w, date::weekday first_day = date::Monday);
WeekSpan previous_week(const WeekSpan& w, date::weekday first_day = date::Monday);

// "monday" .. "sunday" (case-insensitive), for the week-start setting.
date::weekday parse_weekday(std::string_view text);
std::string format_weekday(date::weekday wd); // "monday"

} // namespace rapport
