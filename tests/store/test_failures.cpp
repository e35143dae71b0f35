// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// When the disk is full or another program holds the database, every save says so in a
// sentence and what was saved before stays; a deleted customer leaves no trace in the files.
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "exchange/demo.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/log_incident.h"
#include "store/purchases.h"
#include "store/settings_store.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <sys/stat.h>

using namespace rapport;
using namespace date::literals;
using rapport::test::read_all;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

Interaction incident(Id customer, std::string summary) {
    Interaction i;
    i.customer_id = customer;
    i.summary = std::move(summary);
    i.at = LocalDateTime{2026_y / 3 / 2, 600};
    return i;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Both the database file and its WAL, lower-cased: the search index keeps words lower-case.
std::string all_bytes_lower(const fs::path& db) {
    return lower(read_all(db) + read_all(db.string() + "-wal"));
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("a full disk stops each save with a sentence, and everything saved before stays",
          "[failures][full]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    store::CustomerRepo customers(db);
    store::InteractionRepo incidents(db);
    const Id anna = customers.add(Customer{.name = "Anna", .note = "Regular"});
    const Id first = incidents.add(incident(anna, "The first complaint"));
    // The database may not grow by a single page any more, as on a full disk.
    const int pages = sqlite(db).execAndGet("PRAGMA page_count").getInt();
    sqlite(db).exec("PRAGMA max_page_count = " + std::to_string(pages));
    const std::string big(20000, 'x');

    CHECK_THROWS_WITH(customers.add(Customer{.name = "Bob", .note = big}),
                      Catch::Contains("disk is full") && Catch::Contains("Nothing was changed"));
    Customer changed = customers.get(anna);
    changed.note = big;
    CHECK_THROWS_WITH(customers.update(changed), Catch::Contains("disk is full"));
    CHECK_THROWS_WITH(incidents.add(incident(anna, big)), Catch::Contains("disk is full"));
    Interaction edited = incidents.get(first);
    edited.lesson = big;
    CHECK_THROWS_WITH(incidents.update(edited), Catch::Contains("disk is full"));

    CHECK(customers.count() == 1);
    CHECK(customers.get(anna).note == "Regular");
    CHECK(incidents.get(first).lesson.empty());
    CHECK(sqlite(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
    // With space again, saving works at once.
    sqlite(db).exec("PRAGMA max_page_count = 1000000");
    CHECK(customers.add(Customer{.name = "Bob", .note = big}) > anna);
}

TEST_CASE("a database another program holds for writing makes a save fail with a sentence, and "
          "saves work once it lets go",
          "[failures][locked]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto db = store::Database::open(path);
    store::CustomerRepo customers(db);
    const Id anna = customers.add(Customer{.name = "Anna"});
    sqlite(db).setBusyTimeout(200); // the real 5 s would only slow the test down

    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("INSERT INTO customer (name) VALUES ('Held by the other program')");
    CHECK_THROWS_WITH(customers.add(Customer{.name = "Bob"}),
                      Catch::Contains("busy in another window or program") &&
                          Catch::Contains("Nothing was changed"));
    CHECK_THROWS_WITH(store::InteractionRepo(db).add(incident(anna, "Late delivery")),
                      Catch::Contains("busy"));
    CHECK_THROWS_WITH(store::SettingsStore(db).set("hourly_rate", "40"), Catch::Contains("busy"));
    // Reading still works while the other program writes (WAL).
    CHECK(customers.count() == 1);
    other.exec("COMMIT");
    CHECK(customers.add(Customer{.name = "Bob"}) > anna);
    CHECK(customers.count() == 3);
}

TEST_CASE("deleting a customer erases their name, note and incidents from the file and the WAL, "
          "search index included",
          "[failures][privacy]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto db = store::Database::open(path);
    store::CustomerRepo customers(db);
    store::InteractionRepo incidents(db);
    for (int i = 0; i < 30; ++i)
        customers.add(Customer{.name = "Neighbour " + std::to_string(i), .note = "Ordinary"});
    const Id zed = customers.add(Customer{.name = "Zebulonia Quixwright",
                                          .phone = "0311 555 0199",
                                          .email = "zq@hiddenmail.example",
                                          .note = "Allergicmarmalade person"});
    Interaction i = incident(zed, "Xylophonist complained loudly");
    i.asked_for = "Refundabilities";
    i.lesson = "Lessonqwerty";
    incidents.add(i);
    store::PurchaseRepo(db).add(Purchase{.customer_id = zed,
                                         .on = 2026_y / 3 / 1,
                                         .amount = Money::from_cents(1234),
                                         .margin = 4000});
    for (int n = 0; n < 30; ++n)
        customers.add(Customer{.name = "Later " + std::to_string(n), .note = "Ordinary"});
    const std::vector<std::string> secrets = {
        "zebulonia",         "quixwright",  "0311 555 0199",   "hiddenmail",
        "allergicmarmalade", "xylophonist", "refundabilities", "lessonqwerty"};
    for (const auto& s : secrets)
        REQUIRE(all_bytes_lower(path).find(s) != std::string::npos);

    customers.remove(zed);
    // While the window still has the database open...
    for (const auto& s : secrets) {
        INFO(s);
        CHECK(all_bytes_lower(path).find(s) == std::string::npos);
    }
    CHECK(customers.search_ids("Zebulonia").empty());
    CHECK(customers.search_ids("Neighbour").size() == 30);
    CHECK(sqlite(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(mode_of(path.string() + "-wal") == 0600);
}

TEST_CASE("A failure after the new customer's row and before the incident's leaves neither") {
    TempDir dir;
    store::Database db = store::Database::open(dir / "shop.db");
    // The incident's INSERT fails as a full disk would, after the customer's has run.
    store::sqlite(db).exec("CREATE TEMP TRIGGER fail_incident BEFORE INSERT ON interaction "
                        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    Customer walk_in;
    walk_in.name = "Nora Neu";
    Interaction i = incident(0, "Kettle leaks");
    CHECK_THROWS_AS(store::log_incident(db, i, walk_in), DataError);
    CHECK(store::CustomerRepo(db).count() == 0);
    CHECK(store::sqlite(db).execAndGet("SELECT count(*) FROM interaction").getInt() == 0);

    // Without the failure the same call saves both, and taking it back removes both.
    store::sqlite(db).exec("DROP TRIGGER fail_incident");
    const store::LoggedIncident logged = store::log_incident(db, i, walk_in);
    REQUIRE(logged.new_customer_id);
    CHECK(store::InteractionRepo(db).get(logged.interaction_id).customer_id ==
          *logged.new_customer_id);
    store::unlog_incident(db, logged);
    CHECK(store::CustomerRepo(db).count() == 0);
}

TEST_CASE("A cancelled read stops with ReadCancelled, a Rapport error, not a SQLite one") {
    TempDir dir;
    store::Database db = store::Database::open(dir / "shop.db");
    // Enough rows that the list runs past SQLite's first progress check (every 1000 steps).
    exchange::generate_demo(db, {.customers = 200, .interactions = 1000});
    store::Database reader = store::Database::open_reader(db);
    std::atomic<bool> cancel{true};
    store::Database stopped = store::Database::open_cancellable_reader(db, cancel);
    CHECK_THROWS_AS(store::CustomerRepo(stopped).list(), store::ReadCancelled);
    CHECK(store::CustomerRepo(reader).list().size() == 200);
}
