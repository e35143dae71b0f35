// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/satisfaction.h"

#include "core/errors.h"

#include <charconv>

namespace rapport {

int parse_satisfaction(std::string_view text) {
    int v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc{} || ptr != end)
        throw InputError(tr("The satisfaction \"{}\" is not a whole number from {} to {}."), text,
                         kSatisfactionMin, kSatisfactionMax);
    check_satisfaction(v);
    return v;
}

void check_satisfaction(std::optional<int> s) {
    if (s && (*s < kSatisfactionMin || *s > kSatisfactionMax))
        throw InputError(tr("The satisfaction must be from {} (very unhappy) to {} (very happy) "
                            "(got {})."),
                         kSatisfactionMin, kSatisfactionMax, *s);
}

void AnswerTally::add(bool done_on_time, std::optional<int> satisfaction) {
    ++done;
    on_time += done_on_time ? 1 : 0;
    if (!satisfaction)
        return;
    ++answers;
    satisfied += *satisfaction >= kSatisfiedFrom ? 1 : 0;
    satisfaction_sum += *satisfaction;
}

std::optional<double> AnswerTally::on_time_share() const {
    if (done == 0)
        return std::nullopt;
    return static_cast<double>(on_time) / static_cast<double>(done);
}

std::optional<double> AnswerTally::satisfied_share() const {
    if (answers == 0)
        return std::nullopt;
    return static_cast<double>(satisfied) / static_cast<double>(answers);
}

std::optional<double> AnswerTally::average() const {
    if (answers == 0)
        return std::nullopt;
    return static_cast<double>(satisfaction_sum) / static_cast<double>(answers);
}

} // namespace rapport
