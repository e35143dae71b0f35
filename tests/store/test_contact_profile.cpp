// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// How a customer likes to be dealt with (schema version 6): kept with the customer, shown
// beside their follow-ups, carried by the history export and the move to a server, refused
// when it is not one of the known values, and brought in by the migration from version 5.
#include "../support/old_schema.h"
#include "../support/temp_dir.h"
#include "../support/test_database.h"
#include "core/errors.h"
#include "exchange/history_export.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace rapport;
using namespace date::literals;
using test::TempDir;

namespace {

ContactProfile phone_mornings() {
    return {PreferredChannel::phone, "mornings", WantsWhenWrong::reassurance};
}

// A customer with a profile and one incident whose follow-up is due on 2026-11-09.
Id customer_with_follow_up(store::Database& db, const ContactProfile& profile) {
    Customer c;
    c.name = "Zoë Martin";
    c.phone = "+49 170 555";
    c.profile = profile;
    const Id id = store::CustomerRepo(db).add(c);
    Interaction i;
    i.customer_id = id;
    i.at = LocalDateTime{2026_y / 11 / 2, 10 * 60};
    i.summary = "Kettle stopped working";
    const Id incident = store::InteractionRepo(db).add(i);
    store::FollowUpRepo(db).schedule(incident, 2026_y / 11 / 9, "ask about the new kettle");
    return id;
}

std::int64_t customers(store::Database& db) {
    return store::sql::scalar(store::session(db), "SELECT count(*) FROM customer").getInt64();
}

} // namespace

TEST_CASE("a customer's profile is kept and read back and an edit changes only what it names",
          "[profile]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    Customer c;
    c.name = "Anna";
    const Id plain = repo.add(c);
    CHECK(repo.get(plain).profile.empty()); // nothing said: not known

    c.name = "Ben";
    c.profile = phone_mornings();
    c.profile.time = "  mornings  "; // trimmed as the name is
    const Id ben = repo.add(c);
    CHECK(repo.get(ben).profile == phone_mornings());

    Customer edited = repo.get(ben);
    edited.profile.channel = PreferredChannel::text_message;
    edited.profile.wants = WantsWhenWrong::quick_fix;
    repo.update(edited);
    const ContactProfile now = repo.get(ben).profile;
    CHECK(now.channel == PreferredChannel::text_message);
    CHECK(now.time == "mornings");
    CHECK(now.wants == WantsWhenWrong::quick_fix);
}

TEST_CASE("a preferred time of 41 characters is refused and nothing is saved", "[profile]") {
    auto db = test::fresh_database();
    store::CustomerRepo repo(db);
    Customer c;
    c.name = "Anna";
    // 40 characters, umlauts counted once: accepted.
    c.profile.time = "Vormittags, nicht Montags, gern früh ab8";
    REQUIRE(c.profile.time.size() > 40);
    const Id anna = repo.add(c);
    CHECK(repo.get(anna).profile.time == c.profile.time);

    c.name = "Ben";
    c.profile.time += "!";
    CHECK_THROWS_AS(repo.add(c), InputError);
    c.profile.time = "mornings\nand evenings";
    CHECK_THROWS_AS(repo.add(c), InputError);
    CHECK(customers(db) == 1);
}

TEST_CASE("the database refuses a channel or a wish no program knows", "[profile]") {
    auto db = test::fresh_database();
    Customer c;
    c.name = "Anna";
    store::CustomerRepo(db).add(c);
    const auto refused = [&](const char* sql) {
        try {
            store::session(db).exec(sql);
        } catch (const store::sql::Error& e) {
            return e.failure() == store::sql::Failure::constraint;
        }
        return false;
    };
    CHECK(refused("UPDATE customer SET preferred_channel = 'fax'"));
    CHECK(refused("UPDATE customer SET wants_when_wrong = 'a refund'"));
    CHECK(refused("UPDATE customer SET preferred_time = "
                  "'12345678901234567890123456789012345678901'"));
    CHECK(store::CustomerRepo(db).get(1).profile.empty());
}

TEST_CASE("the follow-up list and Today show how the customer likes to be dealt with",
          "[profile]") {
    auto db = test::fresh_database();
    customer_with_follow_up(db, phone_mornings());
    const auto agenda = store::FollowUpRepo(db).agenda(2026_y / 11 / 10, std::nullopt);
    REQUIRE(agenda.overdue.size() == 1);
    CHECK(agenda.overdue[0].customer_prefers == phone_mornings());
    CHECK(describe(agenda.overdue[0].customer_prefers) ==
          "prefers phone, mornings; wants reassurance");
    const auto today = store::OverviewQueries(db).open_follow_ups(2026_y / 11 / 10, 10);
    REQUIRE(today.size() == 1);
    CHECK(today[0].prefers == phone_mornings());
    CHECK(store::FollowUpRepo(db).all_open().at(0).customer_prefers == phone_mornings());
}

TEST_CASE("the history export carries the profile with not known as empty", "[profile]") {
    auto db = test::fresh_database();
    customer_with_follow_up(db, phone_mornings());
    Customer plain;
    plain.name = "Anna";
    store::CustomerRepo(db).add(plain);
    TempDir dir;
    exchange::export_history_json(db, dir / "history.json", "2026-11-25T10:46:00Z");
    std::ifstream in(dir / "history.json");
    const auto doc = nlohmann::json::parse(in);
    REQUIRE(doc["customers"].size() == 2);
    CHECK(doc["customers"][0]["preferred_channel"] == "phone");
    CHECK(doc["customers"][0]["preferred_time"] == "mornings");
    CHECK(doc["customers"][0]["wants_when_wrong"] == "reassurance");
    CHECK(doc["customers"][1]["preferred_channel"] == "");
    CHECK(doc["customers"][1]["wants_when_wrong"] == "");
}

TEST_CASE("a version 5 file gets every customer's profile as not known and keeps the rest",
          "[profile][sqlite]") {
    TempDir dir;
    const auto path = dir / "v5.db";
    {
        auto db = store::Database::open(path);
        customer_with_follow_up(db, {});
        sqlite(db).exec(test::back_to_version_5());
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    store::CustomerRepo repo(db);
    Customer c = repo.get(1);
    CHECK(c.name == "Zoë Martin");
    CHECK(c.phone == "+49 170 555");
    CHECK(c.profile.empty());
    c.profile = phone_mornings();
    repo.update(c);
    CHECK(repo.get(1).profile == phone_mornings());
}
