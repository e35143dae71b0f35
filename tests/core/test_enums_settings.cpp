// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/enums.h"
#include "core/errors.h"
#include "core/settings.h"

#include <catch2/catch.hpp>

using namespace rapport;

TEST_CASE("every vocabulary round-trips through its key", "[enums]") {
    for (const auto& e : all_categories())
        CHECK(parse_category(e.key) == e.value);
    for (const auto& e : all_resolution_types())
        CHECK(parse_resolution_type(e.key) == e.value);
    CHECK(parse_channel("In Person") == Channel::in_person);
    CHECK(parse_outcome("still_unhappy") == Outcome::still_unhappy);
    CHECK_THROWS_WITH(parse_category("weather"), Catch::Contains("product-fault"));
}

TEST_CASE("settings refuse values that make no sense", "[settings]") {
    Settings s;
    apply_setting(s, "hourly_rate", "45");
    CHECK(s.hourly_rate.cents == 4500);
    apply_setting(s, "retention", "0.7");
    CHECK(setting_value(s, "retention") == "0.7");
    apply_setting(s, "week_start", "sunday");
    CHECK(setting_value(s, "week_start") == "sunday");
    CHECK_THROWS_AS(apply_setting(s, "hourly_rate", "-5"), InputError);
    CHECK_THROWS_AS(apply_setting(s, "retention", "1.5"), InputError);
    CHECK_THROWS_AS(apply_setting(s, "horizon_years", "4"), InputError);
    CHECK_THROWS_AS(apply_setting(s, "colour", "red"), InputError);
    CHECK(s.hourly_rate.cents == 4500); // a refused value changes nothing
}
