// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "What we learned" from the store: lessons by category, newest first, the category's incidents
// and accepted money given back, and the categories that keep coming back (3 or more incidents
// in the 90 days up to today). Every figure counted by hand below.
#include "../support/test_database.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/lessons.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

namespace {

struct Shop {
    store::Database db = test::fresh_database();

    Id customer(const std::string& name) {
        Customer c;
        c.name = name;
        return store::CustomerRepo(db).add(c);
    }

    Id
    incident(Id customer, Date day, Category category, const std::string& lesson,
             std::vector<std::tuple<ResolutionType, std::int64_t, ResolutionStatus>> given = {}) {
        Interaction i;
        i.customer_id = customer;
        i.at = LocalDateTime{day, 23 * 60 + 59};
        i.category = category;
        i.summary = "Complaint";
        i.lesson = lesson;
        for (const auto& [type, cents, status] : given) {
            Resolution r;
            r.type = type;
            r.cost = Money{cents};
            r.status = status;
            i.resolutions.push_back(r);
        }
        return store::InteractionRepo(db).add(i);
    }
};

} // namespace

TEST_CASE("what we learned on 2026-06-30: lessons by category and delays coming back",
          "[lessons][golden]") {
    Shop shop;
    const Id anna = shop.customer("Anna");
    const Id bob = shop.customer("Bob");
    using enum ResolutionStatus;
    // The 90 days up to 2026-06-30 start on 2026-04-02.
    const Id d1 =
        shop.incident(anna, 2026_y / 4 / 2, Category::delay, "Tell the courier the opening hours",
                      {{ResolutionType::refund, 1000, accepted}});
    const Id d2 = shop.incident(
        anna, 2026_y / 5 / 10, Category::delay, "Order stock two weeks earlier",
        {{ResolutionType::discount, 500, accepted}, {ResolutionType::replacement, 2000, offered}});
    shop.incident(anna, 2026_y / 6 / 30, Category::delay, "",
                  {{ResolutionType::store_credit, 750, accepted}});
    const Id d4 = shop.incident(anna, 2026_y / 4 / 1, Category::delay, "Check the delivery slot");
    const Id b1 = shop.incident(bob, 2026_y / 6 / 1, Category::billing, "Print the price list",
                                {{ResolutionType::refund, 1200, declined}});
    shop.incident(bob, 2026_y / 6 / 20, Category::billing, "");
    shop.incident(bob, 2026_y / 1 / 15, Category::product_fault, "   ",
                  {{ResolutionType::refund, 3000, accepted}});
    shop.incident(bob, 2026_y / 7 / 1, Category::delay, "After today");
    const Id h1 = shop.incident(bob, 2026_y / 6 / 25, Category::behaviour, "Stay calm");

    const auto r = store::lessons_report(shop.db, 2026_y / 6 / 30);
    CHECK(r.lessons == 5);
    REQUIRE(r.categories.size() == 4);
    // The category with the newest lesson first.
    CHECK(r.categories[0].category == Category::behaviour);
    CHECK(r.categories[1].category == Category::billing);
    CHECK(r.categories[2].category == Category::delay);
    CHECK(r.categories[3].category == Category::product_fault);
    CHECK(r.coming_back == std::vector<std::size_t>{2}); // delay

    const auto& delay = r.categories[2];
    CHECK(delay.incidents == 4);
    CHECK(delay.recent == 3); // 04-02, 05-10 and 06-30; 04-01 is the 91st day
    CHECK(delay.keeps_coming_back());
    CHECK(delay.given_back == Money{2250}); // 10.00 + 5.00 + 7.50; the offer is not counted
    REQUIRE(delay.lessons.size() == 3);
    CHECK(delay.lessons[0] == store::LessonRow{d2, 2026_y / 5 / 10, "Anna",
                                               "Order stock two weeks earlier", Money{500}});
    CHECK(delay.lessons[1].interaction_id == d1);
    CHECK(delay.lessons[1].given_back == Money{1000});
    CHECK(delay.lessons[2].interaction_id == d4);
    CHECK(delay.lessons[2].given_back == Money{0});

    const auto& billing = r.categories[1];
    CHECK(billing.incidents == 2);
    CHECK(billing.recent == 2);
    CHECK_FALSE(billing.keeps_coming_back());
    CHECK(billing.given_back == Money{0}); // declined
    REQUIRE(billing.lessons.size() == 1);
    CHECK(billing.lessons[0].interaction_id == b1);

    CHECK(r.categories[0].lessons.at(0).interaction_id == h1);
    const auto& fault = r.categories[3];
    CHECK(fault.incidents == 1);
    CHECK(fault.recent == 0);
    CHECK(fault.given_back == Money{3000});
    CHECK(fault.lessons.empty()); // blanks are no lesson
    CHECK(delay.lesson_count == 3);
    CHECK(fault.lesson_count == 0);

    // The window's screenful: the newest two lessons of each category, every one counted.
    const auto shown = store::lessons_report(shop.db, 2026_y / 6 / 30, 2);
    CHECK(shown.lessons == 5);
    REQUIRE(shown.categories.size() == 4);
    CHECK(shown.categories[0].category == Category::behaviour);
    CHECK(shown.categories[2].category == Category::delay);
    CHECK(shown.coming_back == r.coming_back);
    const auto& delay_shown = shown.categories[2];
    CHECK(delay_shown.lesson_count == 3);
    REQUIRE(delay_shown.lessons.size() == 2);
    CHECK(delay_shown.lessons[0] == delay.lessons[0]);
    CHECK(delay_shown.lessons[1] == delay.lessons[1]);
    CHECK(shown.categories[1].lessons == billing.lessons);
    CHECK(shown.categories[3].lessons.empty());
}

TEST_CASE("what we learned with no incidents is empty", "[lessons]") {
    Shop shop;
    const auto r = store::lessons_report(shop.db, 2026_y / 6 / 30);
    CHECK(r.lessons == 0);
    CHECK(r.categories.empty());
}
