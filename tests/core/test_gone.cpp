// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Haven't been back": the usual gap between purchase days and when a customer is gone.
#include "core/gone.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

namespace {
// G6 of product.md: a purchase every 30 days, the last on 2026-04-10.
const std::vector<Date> kG6 = {2026_y / 1 / 10, 2026_y / 2 / 9, 2026_y / 3 / 11, 2026_y / 4 / 10};
} // namespace

TEST_CASE("G6: a purchase every 30 days is gone on 2026-06-15 and not on 2026-05-05", "[gone]") {
    CHECK(usual_gap_days(kG6) == 30.0);
    const auto june = judge_gone(kG6, 2026_y / 6 / 15);
    CHECK(june.gone);
    CHECK(june.days_since_last == 66);
    const auto may = judge_gone(kG6, 2026_y / 5 / 5);
    CHECK_FALSE(may.gone);
    CHECK(may.days_since_last == 25);
    // The edges: 60 days is not more than twice 30; 61 is.
    CHECK_FALSE(judge_gone(kG6, 2026_y / 6 / 9).gone);
    CHECK(judge_gone(kG6, 2026_y / 6 / 10).gone);
}

TEST_CASE("gone needs 3 purchases on 2 days at least and more than 30 days", "[gone]") {
    // Two purchases only: never judged, however long ago.
    CHECK_FALSE(judge_gone({2025_y / 1 / 1, 2025_y / 1 / 11}, 2026_y / 6 / 1).gone);
    // Three purchases all on one day: no usual gap.
    const std::vector<Date> one_day = {2026_y / 1 / 5, 2026_y / 1 / 5, 2026_y / 1 / 5};
    CHECK_FALSE(usual_gap_days(one_day).has_value());
    CHECK_FALSE(judge_gone(one_day, 2026_y / 6 / 1).gone);
    // A weekly buyer away 25 days: more than twice 7 but not more than 30.
    const std::vector<Date> weekly = {2026_y / 3 / 1, 2026_y / 3 / 8, 2026_y / 3 / 15};
    CHECK_FALSE(judge_gone(weekly, 2026_y / 4 / 9).gone);
    CHECK(judge_gone(weekly, 2026_y / 4 / 15).gone); // 31 days
    // Two purchases on one day and one later: the days are 1 apart, three purchases.
    CHECK(judge_gone({2026_y / 3 / 1, 2026_y / 3 / 1, 2026_y / 3 / 2}, 2026_y / 4 / 2).gone);
}

TEST_CASE("the usual gap is the median gap and the mean of the middle two for an even count",
          "[gone]") {
    // Gaps 10, 49, 20 (days given unsorted): median 20.
    CHECK(usual_gap_days({2026_y / 3 / 21, 2026_y / 1 / 1, 2026_y / 1 / 11, 2026_y / 3 / 1}) ==
          20.0);
    // Gaps 30 and 45: 37.5.
    CHECK(usual_gap_days({2026_y / 1 / 1, 2026_y / 1 / 31, 2026_y / 3 / 17}) == 37.5);
}
