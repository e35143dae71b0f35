// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date_picture.h"

#include <catch2/catch.hpp>

using namespace rapport;

TEST_CASE("the window's strftime date patterns become Windows date pictures", "[dates]") {
    // The English and German long dates of a heading (po/de.po).
    CHECK(windows_date_picture("%A %-d %B %Y") == "dddd' 'd' 'MMMM' 'yyyy");
    CHECK(windows_date_picture("%A, %-d. %B %Y") == "dddd', 'd'. 'MMMM' 'yyyy");
    CHECK(windows_date_picture("%a %-d %b") == "ddd' 'd' 'MMM");
    CHECK(windows_date_picture("%d %b %Y") == "dd' 'MMM' 'yyyy");
    CHECK(windows_date_picture("%#d.%m.%y") == "d'.'MM'.'yy");
    // Letters and quotes of the pattern stay text, not fields.
    CHECK(windows_date_picture("de %B") == "'de 'MMMM");
    CHECK(windows_date_picture("%B 'y'") == "MMMM' ''y'''");
    CHECK(windows_date_picture("100%%") == "'100%'");
    // What a date picture cannot say is refused, so the caller falls back.
    CHECK_FALSE(windows_date_picture("%H:%M").has_value());
    CHECK_FALSE(windows_date_picture("%-").has_value());
    CHECK_FALSE(windows_date_picture("50%").has_value());
}

TEST_CASE("a date picker's one-digit day and month fields get two digits", "[dates]") {
    CHECK(two_digit_day_and_month("d.M.yyyy") == "dd.MM.yyyy");
    CHECK(two_digit_day_and_month("dd.MM.yyyy") == "dd.MM.yyyy");
    CHECK(two_digit_day_and_month("M/d/yyyy") == "MM/dd/yyyy");
    CHECK(two_digit_day_and_month("dddd, d MMMM yyyy") == "dddd, dd MMMM yyyy");
    CHECK(two_digit_day_and_month("d 'de' MMMM") == "dd 'de' MMMM");
    CHECK(two_digit_day_and_month("yyyy-MM-dd") == "yyyy-MM-dd");
}
