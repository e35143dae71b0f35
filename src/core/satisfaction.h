// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The customer's answer to the follow-up call: how satisfied they are (1-5, optional) and what
// they said; and the figures of many answers the Reports show: follow-ups done on time, the
// share satisfied (4 or 5) and the average, each beside the number it is of.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

inline constexpr int kSatisfactionMin = 1;
inline constexpr int kSatisfactionMax = 5;
inline constexpr int kSatisfiedFrom = 4; // 4 and 5 count as satisfied

// What the customer answered when the follow-up was done.
struct CustomerAnswer {
    std::optional<int> satisfaction; // kSatisfactionMin..kSatisfactionMax; none: not asked
    std::string said;                // what they said, in their words
};

// "1".."5"; InputError with a sentence otherwise ("7", "4.5", "good").
int parse_satisfaction(std::string_view text);
// InputError unless `s` is none or 1..5.
void check_satisfaction(std::optional<int> s);

// The follow-ups done in a period, for one row of a report (all, a category, a resolution).
struct AnswerTally {
    std::int64_t done = 0;      // follow-ups done
    std::int64_t on_time = 0;   // of those, done on or before their due day
    std::int64_t answers = 0;   // of those, with a satisfaction
    std::int64_t satisfied = 0; // of the answers, 4 or 5
    std::int64_t satisfaction_sum = 0;

    void add(bool done_on_time, std::optional<int> satisfaction);
    // Shares from 0 to 1; none when there is nothing to divide by.
    std::optional<double> on_time_share() const;
    std::optional<double> satisfied_share() const;
    std::optional<double> average() const;
    bool operator==(const AnswerTally&) const = default;
};

} // namespace rapport
