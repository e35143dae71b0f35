// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/errors.h"
#include "core/money.h"

#include <catch2/catch.hpp>

using namespace rapport;

TEST_CASE("amounts people type are read to the cent", "[money]") {
    CHECK(parse_money("12").cents == 1200);
    CHECK(parse_money("12.5").cents == 1250);
    CHECK(parse_money("12.50").cents == 1250);
    CHECK(parse_money(" 0.05 ").cents == 5);
    CHECK(parse_money("1234567.89").cents == 123456789);
    CHECK(parse_money("-3.00", AllowNegative::yes).cents == -300);
}

TEST_CASE("bad amounts are refused with a sentence", "[money]") {
    CHECK_THROWS_AS(parse_money("12.345"), InputError);
    CHECK_THROWS_AS(parse_money("abc"), InputError);
    CHECK_THROWS_AS(parse_money(""), InputError);
    CHECK_THROWS_AS(parse_money("12."), InputError);
    CHECK_THROWS_AS(parse_money("."), InputError);
    CHECK_THROWS_AS(parse_money("1,5"), InputError);
    CHECK_THROWS_AS(parse_money("99999999999999999999999"), InputError);
    CHECK_THROWS_WITH(parse_money("-5", AllowNegative::no, "cost"),
                      Catch::Contains("cost cannot be negative"));
}

TEST_CASE("amounts are written with a '.' and two decimals", "[money]") {
    CHECK(format_amount(Money{0}) == "0.00");
    CHECK(format_amount(Money{5}) == "0.05");
    CHECK(format_amount(Money{123456}) == "1234.56");
    CHECK(format_amount(Money{-250}) == "-2.50");
}

TEST_CASE("margins are exact basis points", "[money]") {
    CHECK(parse_percent("40", "margin", 0, 10000) == 4000);
    CHECK(parse_percent("37.5%", "margin", 0, 10000) == 3750);
    CHECK(format_percent(3750) == "37.5");
    CHECK(format_percent(4000) == "40");
    CHECK_THROWS_AS(parse_percent("140", "margin", 0, 10000), InputError);
    CHECK_THROWS_AS(parse_percent("x", "margin", 0, 10000), InputError);
}

TEST_CASE("rounding is half away from zero", "[money]") {
    CHECK(round_div(5, 10) == 1);
    CHECK(round_div(-5, 10) == -1);
    CHECK(round_div(4, 10) == 0);
    CHECK(round_div(14, 10) == 1);
}
