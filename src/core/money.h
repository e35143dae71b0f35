// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Money is whole minor units (cents) in a 64-bit integer; never floating point.
#include "core/text.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace rapport {

struct Money {
    std::int64_t cents = 0;

    static constexpr Money from_cents(std::int64_t c) { return Money{c}; }
    constexpr auto operator<=>(const Money&) const = default;
    constexpr Money operator+(Money o) const { return Money{cents + o.cents}; }
    constexpr Money operator-(Money o) const { return Money{cents - o.cents}; }
    constexpr Money operator-() const { return Money{-cents}; }
    constexpr Money& operator+=(Money o) { cents += o.cents; return *this; }
    constexpr Money& operator-=(Money o) { cents -= o.cents; return *this; }
};

enum class AllowNegative { no, yes };

// Parses "12", "12.5", "12.50", "1234.56" (and "-3.00" when allowed). Rejects more than two
// decimals, letters, empty text and amounts too large to hold, with a sentence naming `what`.
Money parse_money(std::string_view text, AllowNegative allow = AllowNegative::no,
                  Text what = tr("amount"));

// Invariant form for files and the CLI: "1234.50", "-3.00". Never locale-dependent.
std::string format_amount(Money m);

// Percentages are kept in basis points (40 % = 4000) so margins stay exact integers.
using BasisPoints = std::int32_t;

// Parses "40", "40%", "37.5" into basis points, in [min_bp, max_bp].
BasisPoints parse_percent(std::string_view text, Text what, BasisPoints min_bp, BasisPoints max_bp);
std::string format_percent(BasisPoints bp); // "40", "37.5"

// Rounds a value held in 1/`scale` cents to whole cents, half away from zero.
std::int64_t round_div(std::int64_t numerator, std::int64_t denominator);

} // namespace rapport
