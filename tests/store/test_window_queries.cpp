// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The queries behind the window: the customer list read in two steps (ordered ids, then the
// figures of the rows on screen), type-ahead, what is due today, and the period report.
#include "../support/test_database.h"
#include "store/category_defaults.h"
#include "store/customer_table.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/settings_store.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace rapport::store;

namespace {

Date D(const char* text) {
    return parse_date(text);
}

Id add_customer(Database& db, const std::string& name, const std::string& phone = {},
                const std::string& note = {}) {
    Customer c;
    c.name = name;
    c.phone = phone;
    c.note = note;
    return CustomerRepo(db).add(c);
}

Id add_incident(Database& db, Id customer, const char* at, const std::string& summary,
                Category category, int minutes,
                std::vector<std::pair<std::int64_t, ResolutionStatus>> resolutions = {},
                std::optional<Date> follow_up = std::nullopt) {
    Interaction i;
    i.customer_id = customer;
    i.at = parse_date_time(at);
    i.summary = summary;
    i.category = category;
    i.minutes = minutes;
    for (const auto& [cents, status] : resolutions) {
        Resolution r;
        r.type = ResolutionType::refund;
        r.cost = Money{cents};
        r.status = status;
        i.resolutions.push_back(r);
    }
    if (follow_up) {
        FollowUp f;
        f.due = *follow_up;
        f.note = "Call back";
        i.follow_ups.push_back(f);
    }
    return InteractionRepo(db).add(i);
}

// Three customers: Berta complains most, Anna has been given back the most, Carl never
// complained and has no phone.
struct Shop {
    Database db = test::fresh_database();
    Id anna = add_customer(db, "Anna Kowalski", "+49 30 1111", "Prefers email");
    Id berta = add_customer(db, "berta Smith", "+49 30 2222");
    Id carl = add_customer(db, "Carl Anders");
    Shop() {
        add_incident(db, anna, "2026-03-02T10:00", "Espresso machine leaked",
                     Category::product_fault, 30,
                     {{12000, ResolutionStatus::accepted}, {5000, ResolutionStatus::offered}});
        add_incident(db, berta, "2026-03-05T09:00", "Late delivery", Category::delay, 10,
                     {{1000, ResolutionStatus::accepted}}, D("2026-03-07"));
        add_incident(db, berta, "2026-04-01T09:00", "Late again", Category::delay, 15,
                     {{2000, ResolutionStatus::declined}}, D("2026-04-10"));
        add_incident(db, berta, "2026-04-20T16:30", "Invoice wrong", Category::billing, 20, {},
                     D("2026-04-22"));
    }
};

} // namespace

TEST_CASE("The customer list is ordered by the chosen column, ties by name") {
    Shop shop;
    CustomerTable table(shop.db);
    using C = CustomerColumn;
    CHECK(table.ordered_ids("", C::name, true) ==
          std::vector<Id>{shop.anna, shop.berta, shop.carl});
    CHECK(table.ordered_ids("", C::name, false) ==
          std::vector<Id>{shop.carl, shop.berta, shop.anna});
    CHECK(table.ordered_ids("", C::complaints, false) ==
          std::vector<Id>{shop.berta, shop.anna, shop.carl});
    CHECK(table.ordered_ids("", C::given_back, false) ==
          std::vector<Id>{shop.anna, shop.berta, shop.carl});
    CHECK(table.ordered_ids("", C::last_contact, false) ==
          std::vector<Id>{shop.berta, shop.anna, shop.carl});
    // Customers without a phone or without any contact go last both ways.
    CHECK(table.ordered_ids("", C::phone, false).back() == shop.carl);
    CHECK(table.ordered_ids("", C::last_contact, true).back() == shop.carl);
}

TEST_CASE("Searching the customer list finds words from incidents, notes and phone numbers") {
    Shop shop;
    CustomerTable table(shop.db);
    CHECK(table.ordered_ids("espresso", CustomerColumn::name, true) == std::vector<Id>{shop.anna});
    CHECK(table.ordered_ids("invoice", CustomerColumn::name, true) == std::vector<Id>{shop.berta});
    CHECK(table.ordered_ids("email", CustomerColumn::name, true) == std::vector<Id>{shop.anna});
    CHECK(table.ordered_ids("2222", CustomerColumn::name, true) == std::vector<Id>{shop.berta});
    CHECK(table.ordered_ids("nothing-like-this", CustomerColumn::name, true).empty());

    CustomerRepo(shop.db).set_archived(shop.carl, true);
    CHECK(table.ordered_ids("", CustomerColumn::name, true, false).size() == 2);
    CHECK(table.ordered_ids("", CustomerColumn::name, true, true).size() == 3);
}

TEST_CASE("The figures of listed rows come back in the order asked, without deleted customers") {
    Shop shop;
    CustomerTable table(shop.db);
    const std::vector<Id> ids{shop.berta, 999, shop.anna};
    const auto rows = table.summaries(ids);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == shop.berta);
    CHECK(rows[0].complaints == 3);
    CHECK(rows[0].given_back == Money{1000}); // the declined 20.00 does not count
    CHECK(rows[0].last_contact == std::optional<std::string>("2026-04-20T16:30"));
    CHECK(rows[1].id == shop.anna);
    CHECK(rows[1].given_back == Money{12000}); // the offered 50.00 is not given yet
}

TEST_CASE("Type-ahead offers names that start with the text, then names with a word that does") {
    Shop shop;
    CustomerTable table(shop.db);
    CHECK(table.name_completions("an") == std::vector<std::string>{"Anna Kowalski", "Carl Anders"});
    CHECK(table.name_completions("BER") == std::vector<std::string>{"berta Smith"});
    CHECK(table.name_completions("smi") == std::vector<std::string>{"berta Smith"});
    CHECK(table.name_completions("  ").empty());
    CHECK(table.named("ANNA KOWALSKI ").size() == 1);
    CHECK(table.named("Anna").empty());
}

TEST_CASE("Today lists open follow-ups due up to today and counts the overdue ones") {
    Shop shop;
    OverviewQueries overview(shop.db);
    const Date today = D("2026-04-10");
    const auto due = overview.open_follow_ups(today, 50);
    REQUIRE(due.size() == 2);
    CHECK(due[0].due == D("2026-03-07"));
    CHECK(due[0].customer_name == "berta Smith");
    CHECK(due[0].summary == "Late delivery");
    CHECK(due[1].due == D("2026-04-10"));
    CHECK(overview.count_open_follow_ups_due_before(today) == 1);
    CHECK(overview.count_open_follow_ups_due_on(today) == 1);
    CHECK(overview.open_follow_ups(std::nullopt, 100).size() == 3);
    CHECK(overview.open_follow_ups(std::nullopt, 50).size() == 3);

    const auto recent = overview.recent_incidents(2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].summary == "Invoice wrong");
    CHECK(recent[1].summary == "Late again");
    CHECK_FALSE(overview.is_empty());
    Database empty = test::fresh_database();
    CHECK(OverviewQueries(empty).is_empty());
}

TEST_CASE("The period report sums incidents, minutes and money by category, month and customer") {
    Shop shop;
    OverviewQueries overview(shop.db);
    // March to April 20th inclusive: the 16:30 incident on the last day counts.
    const PeriodReport r = overview.period_report(D("2026-03-01"), D("2026-04-20"), 10);

    REQUIRE(r.by_category.size() == all_categories().size());
    const auto category = [&](std::string_view key) {
        for (const auto& t : r.by_category)
            if (t.key == key)
                return t;
        FAIL("no category " << key);
        return IncidentTotals{};
    };
    CHECK(category("product-fault").incidents == 1);
    CHECK(category("product-fault").given_back == Money{12000});
    CHECK(category("product-fault").pending == Money{5000});
    CHECK(category("delay").incidents == 2);
    CHECK(category("delay").minutes == 25);
    CHECK(category("delay").given_back == Money{1000});
    CHECK(category("billing").incidents == 1);
    CHECK(category("behaviour").incidents == 0);

    REQUIRE(r.by_month.size() == 2);
    CHECK(r.by_month[0].key == "2026-03");
    CHECK(r.by_month[0].incidents == 2);
    CHECK(r.by_month[0].given_back == Money{13000});
    CHECK(r.by_month[1].key == "2026-04");
    CHECK(r.by_month[1].minutes == 35);
    // Complaints by category per month add up both ways.
    REQUIRE(r.by_month_category.size() == r.by_month.size());
    for (std::size_t m = 0; m < r.by_month.size(); ++m) {
        REQUIRE(r.by_month_category[m].size() == all_categories().size());
        std::int64_t sum = 0;
        for (std::int64_t n : r.by_month_category[m])
            sum += n;
        CHECK(sum == r.by_month[m].incidents);
    }
    for (std::size_t c = 0; c < all_categories().size(); ++c) {
        std::int64_t sum = 0;
        for (const auto& month : r.by_month_category)
            sum += month[c];
        CHECK(sum == r.by_category[c].incidents);
    }

    REQUIRE(r.costliest.size() == 2);
    CHECK(r.costliest[0].name == "Anna Kowalski");
    CHECK(r.costliest[0].given_back == Money{12000});
    CHECK(r.costliest[1].name == "berta Smith");
    CHECK(r.costliest[1].incidents == 3);

    // A period that ends the day before leaves the last incident out.
    const PeriodReport shorter = overview.period_report(D("2026-03-01"), D("2026-04-19"), 10);
    CHECK(shorter.by_month[1].incidents == 1);
}

TEST_CASE("A category's usual resolution can be forgotten") {
    Database db = test::fresh_database();
    SettingsStore settings(db);
    settings.set_category_default({Category::billing, ResolutionType::discount, Money{500}});
    REQUIRE(settings.category_default(Category::billing));
    clear_category_default(db, Category::billing);
    CHECK_FALSE(settings.category_default(Category::billing));
    clear_category_default(db, Category::billing); // forgetting twice is fine
}
