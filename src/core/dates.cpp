// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dates.h"

#include "core/errors.h"

#include <date/iso_week.h>
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>
#include <ctime>

namespace rapport {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Date from_sys(date::sys_days d) { return Date{d}; }

constexpr std::array<const char*, 7> kWeekdayNames = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

} // namespace

Date parse_date(std::string_view text, Text what) {
    const bool shape_ok = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                          all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2)) &&
                          all_digits(text.substr(8, 2));
    if (!shape_ok) {
        throw InputError(
            tr("The {} \"{}\" is not in the form YYYY-MM-DD (for example 2026-11-25)."), what,
            text);
    }
    const Date d{date::year{to_int(text.substr(0, 4))},
                 date::month{static_cast<unsigned>(to_int(text.substr(5, 2)))},
                 date::day{static_cast<unsigned>(to_int(text.substr(8, 2)))}};
    if (!d.ok() || int(d.year()) < 1900)
        throw InputError(tr("The {} \"{}\" is not a day on the calendar."), what, text);
    return d;
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

LocalDateTime parse_date_time(std::string_view text, Text what) {
    if (text.size() == 10)
        return LocalDateTime{parse_date(text, what), 12 * 60};
    const bool shape_ok = text.size() == 16 && (text[10] == 'T' || text[10] == ' ') &&
                          text[13] == ':' && all_digits(text.substr(11, 2)) &&
                          all_digits(text.substr(14, 2));
    if (!shape_ok) {
        throw InputError(tr("The {} \"{}\" is not in the form YYYY-MM-DD or YYYY-MM-DDTHH:MM."),
                         what, text);
    }
    const Date d = parse_date(text.substr(0, 10), what);
    const int h = to_int(text.substr(11, 2));
    const int m = to_int(text.substr(14, 2));
    if (h > 23 || m > 59)
        throw InputError(tr("The {} \"{}\" has a time that does not exist."), what, text);
    return LocalDateTime{d, h * 60 + m};
}

std::string format_date_time(const LocalDateTime& t) {
    return fmt::format("{}T{:02}:{:02}", format_date(t.day), t.minutes_of_day / 60,
                       t.minutes_of_day % 60);
}

Date resolve_due_date(std::string_view text, Date today) {
    if (!text.empty() && text.front() == '+') {
        const std::string_view n = text.substr(1, text.size() >= 2 ? text.size() - 2 : 0);
        const char unit = text.size() >= 3 ? static_cast<char>(std::tolower(text.back())) : '?';
        if (all_digits(n) && n.size() <= 4 && (unit == 'd' || unit == 'w')) {
            const int count = to_int(n);
            return add_days(today, unit == 'w' ? count * 7 : count);
        }
        throw InputError(
            tr("The follow-up \"{}\" is not a date; use YYYY-MM-DD, +Nd (days) or +Nw (weeks)."),
            text);
    }
    return parse_date(text, "follow-up date");
}

Date today_local() { return now_local().day; }

LocalDateTime now_local() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    const Date d{date::year{tm.tm_year + 1900}, date::month{static_cast<unsigned>(tm.tm_mon + 1)},
                 date::day{static_cast<unsigned>(tm.tm_mday)}};
    return LocalDateTime{d, tm.tm_hour * 60 + tm.tm_min};
}

Date add_days(Date d, int days) { return from_sys(date::sys_days{d} + date::days{days}); }

int days_between(Date from, Date to) {
    return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

unsigned weeks_in_iso_year(int year) {
    const auto last = iso_week::year_lastweek_weekday{iso_week::year{year}, iso_week::sat};
    return unsigned(last.weeknum());
}

WeekId parse_week(std::string_view text) {
    const auto fail = [&] {
        return InputError(
            tr("The week \"{}\" is not a week of the year; use the form YYYY-Www, like 2026-W48."),
            text);
    };
    if (text.size() < 7 || text.size() > 8 || text[4] != '-' ||
        (text[5] != 'W' && text[5] != 'w') || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(6)))
        throw fail();
    const WeekId id{to_int(text.substr(0, 4)), static_cast<unsigned>(to_int(text.substr(6)))};
    if (id.year < 1900 || id.number < 1 || id.number > weeks_in_iso_year(id.year))
        throw fail();
    return id;
}

std::string format_week(WeekId w) { return fmt::format("{:04}-W{:02}", w.year, w.number); }

WeekSpan week_containing(Date d, date::weekday first_day) {
    const date::sys_days day{d};
    const date::sys_days first = day - (date::weekday{day} - first_day);
    // The Monday inside this seven-day span names the week.
    const date::sys_days monday = first + (date::Monday - first_day);
    const iso_week::year_weeknum_weekday iso{monday};
    return WeekSpan{WeekId{int(iso.year()), unsigned(iso.weeknum())}, Date{first},
                    Date{first + date::days{6}}};
}

WeekSpan week_span(WeekId id, date::weekday first_day) {
    const date::sys_days monday{
        iso_week::year_weeknum_weekday{iso_week::year{id.year}, iso_week::weeknum{id.number},
                                       iso_week::mon}};
    const date::sys_days first = monday - (date::Monday - first_day);
    return WeekSpan{id, Date{first}, Date{first + date::days{6}}};
}

WeekSpan next_week(const WeekSpan& w, date::weekday first_day) {
    return week_containing(add_days(w.first, 7), first_day);
}

WeekSpan previous_week(const WeekSpan& w, date::weekday first_day) {
    return week_containing(add_days(w.first, -7), first_day);
}

date::weekday parse_weekday(std::string_view text) {
    const std::string l = lower(text);
    for (unsigned i = 0; i < kWeekdayNames.size(); ++i)
        if (l == kWeekdayNames[i])
            return date::weekday{i};
    throw InputError(
        tr("The week start \"{}\" is not a day of the week; use monday, sunday or another day."),
        text);
}

std::string format_weekday(date::weekday wd) { return kWeekdayNames[wd.c_encoding()]; }

} // namespace rapport
