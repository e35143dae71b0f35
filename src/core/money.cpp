// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money.h"

#include "core/errors.h"

#include <fmt/format.h>
#include <limits>

namespace rapport {
namespace {

// Largest amount we accept: far above any shop's figures, far below int64 overflow when summed.
constexpr std::int64_t kMaxCents = 1'000'000'000'000'00; // one trillion

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Parses "digits[.digits]" into a value scaled by 10^decimals. Returns false on any bad char.
bool parse_fixed(std::string_view s, int decimals, std::int64_t limit, std::int64_t& out) {
    std::int64_t whole = 0;
    std::size_t i = 0;
    bool any_digit = false;
    for (; i < s.size() && s[i] != '.'; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        any_digit = true;
        whole = whole * 10 + (s[i] - '0');
        if (whole > limit)
            return false;
    }
    std::int64_t frac = 0;
    int frac_digits = 0;
    if (i < s.size()) { // at '.'
        ++i;
        if (i == s.size())
            return false; // "12." is a typo, not an amount
        for (; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9')
                return false;
            if (++frac_digits > decimals)
                return false;
            any_digit = true;
            frac = frac * 10 + (s[i] - '0');
        }
    }
    if (!any_digit)
        return false;
    for (int d = frac_digits; d < decimals; ++d)
        frac *= 10;
    std::int64_t scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    out = whole * scale + frac;
    return out <= limit;
}

} // namespace

Money parse_money(std::string_view text, AllowNegative allow, Text what) {
    std::string_view s = trim(text);
    if (s.empty())
        throw InputError(tr("The {} is empty; type a number like 12.50."), what);
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::int64_t cents = 0;
    if (!parse_fixed(s, 2, kMaxCents, cents)) {
        throw InputError(tr("The {} \"{}\" is not a valid amount; use a number with at most two "
                            "decimals, like 12.50."),
                         what, text);
    }
    if (negative && cents != 0 && allow == AllowNegative::no)
        throw InputError(tr("The {} cannot be negative (got \"{}\")."), what, text);
    return Money{negative ? -cents : cents};
}

std::string format_amount(Money m) {
    const std::int64_t c = m.cents;
    const std::uint64_t abs = c < 0 ? static_cast<std::uint64_t>(-(c + 1)) + 1
                                    : static_cast<std::uint64_t>(c);
    return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", abs / 100, abs % 100);
}

BasisPoints parse_percent(std::string_view text, Text what, BasisPoints min_bp,
                          BasisPoints max_bp) {
    std::string_view s = trim(text);
    if (!s.empty() && s.back() == '%')
        s = trim(s.substr(0, s.size() - 1));
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    std::int64_t bp = 0;
    if (s.empty() || !parse_fixed(s, 2, 1'000'000, bp)) {
        throw InputError(
            tr("The {} \"{}\" is not a valid percentage; type a number like 40 or 37.5."), what,
            text);
    }
    if (negative)
        bp = -bp;
    if (bp < min_bp || bp > max_bp) {
        // xgettext:no-c-format ("%" is the percent sign, the placeholders are "{}")
        throw InputError(tr("The {} must be between {} % and {} % (got \"{}\")."), what,
                         format_percent(min_bp), format_percent(max_bp), text);
    }
    return static_cast<BasisPoints>(bp);
}

std::string format_percent(BasisPoints bp) {
    const bool negative = bp < 0;
    const std::int64_t a = negative ? -static_cast<std::int64_t>(bp) : bp;
    std::string out = fmt::format("{}{}", negative ? "-" : "", a / 100);
    if (a % 100 != 0) {
        out += fmt::format(".{:02}", a % 100);
        if (out.back() == '0')
            out.pop_back();
    }
    return out;
}

std::int64_t round_div(std::int64_t numerator, std::int64_t denominator) {
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const std::int64_t half = denominator / 2;
    if (numerator >= 0)
        return (numerator + half) / denominator;
    return -((-numerator + half) / denominator);
}

} // namespace rapport
