// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Did it bring them back?": the 90-day window after an event, its edges, and the share.
#include "core/won_back.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

TEST_CASE("the window after a complaint runs from the next day to the 90th", "[won-back]") {
    const Date complaint = 2026_y / 1 / 10;
    // 2026-04-10 is the 90th day after 2026-01-10, 04-11 the 91st.
    CHECK(bought_within_window(std::vector<Date>{2026_y / 4 / 10}, complaint));
    CHECK_FALSE(bought_within_window(std::vector<Date>{2026_y / 4 / 11}, complaint));
    // The complaint's own day does not count, nor does a day before it.
    CHECK_FALSE(bought_within_window(std::vector<Date>{2026_y / 1 / 10}, complaint));
    CHECK_FALSE(
        bought_within_window(std::vector<Date>{2025_y / 12 / 1, 2026_y / 1 / 10}, complaint));
    CHECK(bought_within_window(std::vector<Date>{2026_y / 1 / 10, 2026_y / 1 / 11}, complaint));
    CHECK_FALSE(bought_within_window(std::vector<Date>{}, complaint));
}

TEST_CASE("a complaint is judged once its 90 days are over", "[won-back]") {
    const Date complaint = 2026_y / 1 / 10;
    CHECK_FALSE(won_back_window_over(complaint, 2026_y / 4 / 10)); // the 90th day is today
    CHECK(won_back_window_over(complaint, 2026_y / 4 / 11));
    // Across the end of 2026 (which has an ISO week 53, not a day more).
    CHECK(won_back_window_over(2026_y / 12 / 1, 2027_y / 3 / 2));
    CHECK_FALSE(won_back_window_over(2026_y / 12 / 1, 2027_y / 3 / 1));
}

TEST_CASE("the won-back share is of the complaints judged", "[won-back]") {
    WonBackTally t;
    CHECK_FALSE(t.share().has_value());
    t.add(true);
    t.add(false);
    t.add(true);
    CHECK(t.judged == 3);
    CHECK(t.bought_again == 2);
    CHECK(*t.share() == Approx(2.0 / 3.0));
}
