// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../support/test_database.h"
#include "core/errors.h"
#include "core/timeline.h"
#include "exchange/demo.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/purchases.h"
#include "store/settings_store.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

namespace {

Interaction incident(Id customer, std::string summary, LocalDateTime at) {
    Interaction i;
    i.customer_id = customer;
    i.summary = std::move(summary);
    i.at = at;
    i.category = Category::product_fault;
    return i;
}

} // namespace

TEST_CASE("customers are found by id or by exact name in any letter case", "[customers]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    const Id anna = repo.add(Customer{.name = "Anna Schmidt", .phone = "030 1234"});
    CHECK(repo.resolve(std::to_string(anna)).name == "Anna Schmidt");
    CHECK(repo.resolve("anna SCHMIDT").id == anna);
    CHECK_THROWS_WITH(repo.resolve("Anna"), Catch::Contains("did you mean Anna Schmidt"));
    CHECK_THROWS_AS(repo.resolve("999"), DataError);
}

TEST_CASE("an ambiguous name lists the candidates with their ids", "[customers]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    const Id a = repo.add(Customer{.name = "Sam Lee"});
    const Id b = repo.add(Customer{.name = "sam lee"});
    CHECK_THROWS_WITH(repo.resolve("Sam Lee"),
                      Catch::Contains("more than one") &&
                          Catch::Contains("(id " + std::to_string(a) + ")") &&
                          Catch::Contains("(id " + std::to_string(b) + ")"));
}

TEST_CASE("a customer without a name, or referring themselves, is refused", "[customers]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    CHECK_THROWS_AS(repo.add(Customer{.name = "   "}), InputError);
    CHECK_THROWS_AS(repo.add(Customer{.name = "X", .referred_by = 42}), DataError);
    const Id x = repo.add(Customer{.name = "X"});
    Customer c = repo.get(x);
    c.referred_by = x;
    CHECK_THROWS_AS(repo.update(c), InputError);
    CHECK(repo.count() == 1);
}

TEST_CASE("tags and referrals are kept", "[customers]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    const Id b = repo.add(Customer{.name = "B", .tags = {"regular"}});
    const Id c = repo.add(Customer{
        .name = "C", .tags = {"vip", "Regular"}, .referred_by = b, .referral_reward = Money{1000}});
    CHECK(repo.get(c).tags == std::vector<std::string>{"regular", "vip"});
    REQUIRE(repo.referred_by(b).size() == 1);
    CHECK(repo.referred_by(b)[0].id == c);
    CHECK(repo.get(c).referral_reward.cents == 1000);
}

TEST_CASE("search finds a customer by a word in an incident, a note or a name", "[search]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    store::InteractionRepo interactions(db);
    const Id anna = customers.add(Customer{.name = "Anna Schmidt"});
    const Id bob = customers.add(Customer{.name = "Bob Müller", .note = "Owns the bakery"});
    interactions.add(incident(anna, "Kettle stopped heating after a week",
                              LocalDateTime{2026_y / 11 / 20, 600}));
    auto ids = customers.search_ids("kettle");
    CHECK(ids == std::vector<Id>{anna});
    CHECK(customers.search_ids("bakery") == std::vector<Id>{bob});
    CHECK(customers.search_ids("muller") == std::vector<Id>{bob});
    CHECK(customers.list("kett").size() == 1);
    CHECK(customers.list("\"; DROP TABLE customer; --").empty()); // typed text is never SQL
    CHECK(customers.count() == 2);
}

TEST_CASE("a search lists each customer once in id order however many texts match", "[search]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    store::InteractionRepo interactions(db);
    // The name, the note, the phone and several incidents of one customer all match "kettle".
    const Id carl = customers.add(Customer{.name = "Carl Kettle", .note = "kettle collector"});
    const Id anna = customers.add(Customer{.name = "Anna Schmidt", .phone = "0171 kettle"});
    const Id zoe = customers.add(Customer{.name = "Zoe"});
    for (int day = 1; day <= 3; ++day) {
        interactions.add(incident(zoe, "Kettle leaks", LocalDateTime{2026_y / 11 / day, 600}));
        interactions.add(incident(carl, "Kettle lid", LocalDateTime{2026_y / 11 / day, 660}));
    }
    CHECK(customers.search_ids("kettle") == std::vector<Id>{carl, anna, zoe});
    CHECK(customers.list("kettle").size() == 3);
}

TEST_CASE("an incident is saved with its resolutions and follow-ups, and undo restores it",
          "[interactions]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    store::InteractionRepo repo(db);
    const Id anna = customers.add(Customer{.name = "Anna"});
    Interaction i = incident(anna, "Charged twice", LocalDateTime{2026_y / 11 / 20, 600});
    i.resolutions.push_back(Resolution{
        .type = ResolutionType::refund, .cost = Money{2500}, .status = ResolutionStatus::accepted});
    i.follow_ups.push_back(FollowUp{.due = 2026_y / 11 / 23, .note = "Check the refund arrived"});
    const Id id = repo.add(i);
    const Interaction saved = repo.get(id);
    REQUIRE(saved.resolutions.size() == 1);
    CHECK(saved.resolutions[0].cost.cents == 2500);
    REQUIRE(saved.follow_ups.size() == 1);
    CHECK(saved.follow_ups[0].note == "Check the refund arrived");

    const Interaction removed = repo.remove(id);
    CHECK_FALSE(repo.find(id));
    CHECK(store::sql::scalar(store::session(db), "SELECT count(*) FROM resolution").getInt() == 0);
    repo.restore(removed);
    const Interaction back = repo.get(id);
    CHECK(back.summary == "Charged twice");
    CHECK(back.resolutions[0].id == saved.resolutions[0].id);
    CHECK(back.follow_ups[0].id == saved.follow_ups[0].id);
    CHECK(customers.search_ids("charged") == std::vector<Id>{anna});
}

TEST_CASE("a bad incident is refused and nothing is written", "[interactions]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    store::InteractionRepo repo(db);
    const Id anna = customers.add(Customer{.name = "Anna"});
    Interaction i = incident(anna, "", LocalDateTime{2026_y / 11 / 20, 600});
    CHECK_THROWS_AS(repo.add(i), InputError);
    i.summary = "ok";
    i.severity = 6;
    CHECK_THROWS_AS(repo.add(i), InputError);
    i.severity = 3;
    i.resolutions.push_back(Resolution{.cost = Money{-1}});
    CHECK_THROWS_AS(repo.add(i), InputError);
    i.resolutions.clear();
    i.customer_id = 999;
    CHECK_THROWS_AS(repo.add(i), DataError);
    CHECK(store::sql::scalar(store::session(db), "SELECT count(*) FROM interaction").getInt() == 0);
}

TEST_CASE("the repeat-complainer figures count recent complaints and money given back",
          "[interactions]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    store::InteractionRepo repo(db);
    const Id anna = customers.add(Customer{.name = "Anna"});
    for (int k = 0; k < 3; ++k) {
        Interaction i =
            incident(anna, "again", LocalDateTime{add_days(2026_y / 11 / 20, -50 * k), 600});
        i.resolutions.push_back(Resolution{.type = ResolutionType::refund,
                                           .cost = Money{8000},
                                           .status = ResolutionStatus::accepted});
        repo.add(i);
    }
    const auto recent = repo.recent(anna, add_days(2026_y / 11 / 25, -90));
    CHECK(recent.complaints == 2);
    CHECK(recent.given_back.cents == 24000);
}

TEST_CASE("a customer's history lists incidents and purchases newest first", "[timeline]") {
    auto db = test::fresh_database();
    store::CustomerRepo customers(db);
    const Id anna = customers.add(Customer{.name = "Anna"});
    store::InteractionRepo(db).add(incident(anna, "older", LocalDateTime{2026_y / 10 / 1, 600}));
    store::InteractionRepo(db).add(incident(anna, "newer", LocalDateTime{2026_y / 11 / 1, 600}));
    store::PurchaseRepo(db).add(Purchase{
        .customer_id = anna, .on = 2026_y / 10 / 15, .amount = Money{12000}, .margin = 3500});
    const auto interactions = store::InteractionRepo(db).for_customer(anna);
    const auto purchases = store::PurchaseRepo(db).for_customer(anna);
    const auto t = build_timeline(interactions, purchases);
    REQUIRE(t.size() == 3);
    CHECK(t[0].interaction->summary == "newer");
    CHECK(t[1].purchase->amount.cents == 12000);
    CHECK(t[2].interaction->summary == "older");
}

TEST_CASE("purchases refuse zero amounts and impossible margins", "[purchases]") {
    auto db = test::fresh_database();
    const Id anna = store::CustomerRepo(db).add(Customer{.name = "Anna"});
    store::PurchaseRepo repo(db);
    CHECK_THROWS_AS(
        repo.add(Purchase{.customer_id = anna, .on = 2026_y / 1 / 1, .amount = Money{0}}),
        InputError);
    CHECK_THROWS_AS(
        repo.add(Purchase{
            .customer_id = anna, .on = 2026_y / 1 / 1, .amount = Money{100}, .margin = 20000}),
        InputError);
    CHECK(repo.for_customer(anna).empty());
}

TEST_CASE("settings keep their defaults until changed, and refuse bad values", "[settings]") {
    auto db = test::fresh_database();
    store::SettingsStore s(db);
    CHECK(s.get("hourly_rate") == "30.00");
    s.set("hourly_rate", "42.5");
    CHECK(s.get("hourly_rate") == "42.50");
    CHECK(s.load().hourly_rate.cents == 4250);
    CHECK_THROWS_AS(s.set("retention", "-0.1"), InputError);
    CHECK_THROWS_AS(s.set("nonsense", "1"), InputError);
    s.set_category_default({Category::billing, ResolutionType::refund, Money{1500}});
    REQUIRE(s.category_default(Category::billing));
    CHECK(s.category_default(Category::billing)->cost.cents == 1500);
    CHECK_FALSE(s.category_default(Category::delay));
}

TEST_CASE("demo data fills an empty database and never mixes with real records", "[demo][sqlite]") {
    auto db = test::fresh_database();
    const auto n = exchange::generate_demo(
        db, {.customers = 50, .interactions = 400, .seed = 7, .today = 2026_y / 11 / 25});
    CHECK(n.customers == 50);
    CHECK(n.interactions == 400);
    CHECK(store::sql::scalar(store::session(db), "SELECT count(*) FROM purchase").getInt() >= 100);
    CHECK(store::sql::scalar(store::session(db),
                             "SELECT count(*) FROM customer WHERE referred_by IS NOT NULL")
              .getInt() > 0);
    CHECK(store::sql::scalar(store::session(db),
                             "SELECT count(*) FROM follow_up WHERE done_on IS NULL")
              .getInt() > 0);
    // Some follow-ups done carry the customer's answer, so Reports has answers to show.
    CHECK(store::sql::scalar(store::session(db),
                             "SELECT count(*) FROM follow_up WHERE satisfaction >= 4")
              .getInt() > 0);
    CHECK(store::sql::scalar(store::session(db),
                             "SELECT count(*) FROM follow_up WHERE satisfaction <= 3")
              .getInt() > 0);
    CHECK(sqlite(db)
              .execAndGet("SELECT count(*) FROM interaction_fts WHERE interaction_fts MATCH "
                          "'kettle OR charged OR delivery OR wrong'")
              .getInt() > 0);
    CHECK_THROWS_AS(exchange::generate_demo(db, {}), DataError);
    CHECK(store::sql::scalar(store::session(db), "SELECT count(*) FROM customer").getInt() == 50);
    SQLite::Statement fk(sqlite(db), "PRAGMA foreign_key_check");
    CHECK_FALSE(fk.executeStep());
}

TEST_CASE("the same seed gives the same demo data", "[demo][sqlite]") {
    auto a = test::fresh_database();
    auto b = test::fresh_database();
    exchange::generate_demo(
        a, {.customers = 20, .interactions = 100, .seed = 3, .today = 2026_y / 11 / 25});
    exchange::generate_demo(
        b, {.customers = 20, .interactions = 100, .seed = 3, .today = 2026_y / 11 / 25});
    const char* digest =
        "SELECT group_concat(customer_id || summary || occurred_at, '|') FROM interaction";
    CHECK(sqlite(a).execAndGet(digest).getString() == sqlite(b).execAndGet(digest).getString());
}
