// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// rapport-cli end to end: the command-line contract of product.md, through the real binary.
#include "../support/old_schema.h"
#include "cli_runner.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;

namespace {

// A database with Anna (id 1) and Bob (id 2), made through the CLI itself.
void make_shop(const std::filesystem::path& db) {
    REQUIRE(run_cli(db, {"customer", "add", "Anna Schmidt", "--phone", "030 123", "--email",
                         "anna@example.org"})
                .exit_code == 0);
    REQUIRE(run_cli(db, {"customer", "add", "Bob Müller", "--referred-by", "Anna Schmidt",
                         "--reward", "10"})
                .exit_code == 0);
}

} // namespace

TEST_CASE("init creates the database and says where", "[cli]") {
    TempDir dir;
    const auto r = run_cli(dir / "shop.db", {"init"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("shop.db") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "shop.db"));
}

TEST_CASE("customer add prints the new id, and global options work after the command", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    CHECK(trimmed(run_cli(db, {"customer", "add", "Anna"}).out) == "1");
    const auto r = run_cli({"customer", "add", "Bob", "--db", db.string(), "--json"});
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["id"] == 2);
}

TEST_CASE("log records an incident with a resolution and a follow-up, show lists it", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    const auto logged = run_cli(db, {"--today",
                                     "2026-11-25",
                                     "log",
                                     "anna schmidt",
                                     "--summary",
                                     "Kettle stopped heating",
                                     "--category",
                                     "product-fault",
                                     "--severity",
                                     "4",
                                     "--channel",
                                     "in-person",
                                     "--asked",
                                     "A new kettle",
                                     "--minutes",
                                     "20",
                                     "--resolution",
                                     "replacement",
                                     "--cost",
                                     "35.50",
                                     "--status",
                                     "accepted",
                                     "--follow-up",
                                     "+3d",
                                     "--follow-up-note",
                                     "Check it works",
                                     "--lesson",
                                     "Test before selling",
                                     "--at",
                                     "2026-11-24T10:15"});
    REQUIRE(logged.exit_code == 0);
    CHECK(trimmed(logged.out) == "1");
    run_cli(db,
            {"purchase", "add", "1", "--amount", "120", "--date", "2026-11-01", "--margin", "35"});

    const auto shown = run_cli(db, {"customer", "show", "1", "--json"});
    REQUIRE(shown.exit_code == 0);
    const auto j = nlohmann::json::parse(shown.out);
    CHECK(j["customer"]["name"] == "Anna Schmidt");
    REQUIRE(j["timeline"].size() == 2);
    CHECK(j["timeline"][0]["kind"] == "interaction"); // newest first
    CHECK(j["timeline"][0]["category"] == "product-fault");
    CHECK(j["timeline"][0]["resolutions"][0]["cost"].get<double>() == Approx(35.50));
    CHECK(j["timeline"][0]["follow_ups"][0]["due"] == "2026-11-28");
    CHECK(j["timeline"][1]["kind"] == "purchase");
    CHECK(j["referrals"][0]["name"] == "Bob Müller");
    // Money prints with exactly two decimals.
    CHECK(shown.out.find("\"cost\": 35.50") != std::string::npos);

    const auto text = run_cli(db, {"customer", "show", "Anna Schmidt"});
    CHECK(text.out.find("Kettle stopped heating") != std::string::npos);
    CHECK(text.out.find("replacement 35.50 (accepted)") != std::string::npos);
    CHECK(text.out.find("Referred: Bob Müller") != std::string::npos);
}

TEST_CASE("customer list searches names and incident text", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    run_cli(db, {"log", "2", "--summary", "Invoice shows the wrong VAT"});
    const auto r = run_cli(db, {"customer", "list", "--search", "invoice", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["name"] == "Bob Müller");
    CHECK(j[0]["complaints"] == 1);
}

TEST_CASE("bad input exits 2 with one sentence and writes nothing", "[cli][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    run_cli(db, {"init"}); // settle the WAL so the fingerprint is stable
    const std::string before = file_bytes(db);
    const std::vector<std::vector<std::string>> bad = {
        {"log", "1", "--summary", "x", "--at", "2026-02-30"},
        {"log", "1", "--summary", "x", "--resolution", "refund", "--cost", "12.345"},
        {"log", "1", "--summary", "x", "--resolution", "refund", "--cost", "-5"},
        {"log", "1", "--summary", "x", "--resolution", "refund", "--cost", "abc"},
        {"log", "1", "--summary", "x", "--severity", "9"},
        {"log", "1", "--summary", "x", "--minutes", "ten"},
        {"log", "1", "--summary", "x", "--category", "weather"},
        {"log", "1", "--summary", "x", "--follow-up", "next tuesday"},
        {"purchase", "add", "1", "--amount", "0"},
        {"purchase", "add", "1", "--amount", "10", "--margin", "150"},
        {"purchase", "add", "1", "--amount", "10", "--date", "2026-13-01"},
        {"customer", "add", "Carl", "--reward", "-3", "--referred-by", "1"},
        {"customer", "list", "--bogus"},
        {"--today", "yesterday", "customer", "list"},
        {"settings", "set", "retention", "1.5"},
        {"settings", "set", "colour", "blue"},
        {"frobnicate"},
        {},
    };
    for (const auto& args : bad) {
        INFO("args: " << (args.empty() ? std::string("(none)")
                                       : args[0] + " " + (args.size() > 1 ? args[1] : "")));
        const auto r = run_cli(db, args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("rapport-cli: ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.empty());
    }
    CHECK(file_bytes(db) == before);
}

TEST_CASE("an unknown or ambiguous customer exits 1 and writes nothing", "[cli][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    run_cli(db, {"customer", "add", "anna schmidt"});
    run_cli(db, {"init"});
    const std::string before = file_bytes(db);

    auto r = run_cli(db, {"log", "Nobody Here", "--summary", "x"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("No customer is named \"Nobody Here\"") != std::string::npos);

    r = run_cli(db, {"log", "Anna Schmidt", "--summary", "x"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("more than one customer") != std::string::npos);
    CHECK(r.err.find("(id 1)") != std::string::npos);
    CHECK(r.err.find("(id 3)") != std::string::npos);

    r = run_cli(db, {"purchase", "add", "99", "--amount", "10"});
    CHECK(r.exit_code == 1);
    CHECK(file_bytes(db) == before);
}

TEST_CASE("a file that is not a Rapport database is refused with exit 1, untouched",
          "[cli][errors]") {
    TempDir dir;
    const auto path = dir / "notes.txt";
    {
        std::ofstream out(path);
        out << "Shopping list: milk, eggs\n";
    }
    const std::string before = file_bytes(path);
    const auto r = run_cli(path, {"customer", "list"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("not a Rapport database") != std::string::npos);
    CHECK(file_bytes(path) == before);
}

TEST_CASE("settings get and set round-trip through the database", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    CHECK(trimmed(run_cli(db, {"settings", "get", "hourly_rate"}).out) == "30.00");
    CHECK(run_cli(db, {"settings", "set", "hourly_rate", "45"}).exit_code == 0);
    CHECK(trimmed(run_cli(db, {"settings", "get", "hourly_rate"}).out) == "45.00");
    CHECK(run_cli(db, {"settings", "set", "week_start", "Sunday"}).exit_code == 0);
    CHECK(trimmed(run_cli(db, {"settings", "get", "week_start"}).out) == "sunday");
    const auto r = run_cli(db, {"settings", "get", "colour"});
    CHECK(r.exit_code == 2);
}

TEST_CASE("check reports a healthy database", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    const auto r = run_cli(db, {"check", "--json"});
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["ok"] == true);
}

namespace {

std::string bytes_of(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec) ? read_all(p) : std::string("(none)");
}

std::size_t files_in(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::exists(folder, ec))
        return 0;
    const auto it = std::filesystem::directory_iterator(folder);
    return static_cast<std::size_t>(std::distance(it, std::filesystem::directory_iterator{}));
}

} // namespace

TEST_CASE("check only looks at a sound file: its -wal stays beside it and no backup is taken",
          "[cli][check]") {
    TempDir dir, copy;
    const auto db = dir / "shop.db";
    make_shop(db);
    {
        // A change still in the -wal, as a crash leaves it: copied while the writer is open.
        SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
        conn.exec("PRAGMA wal_autocheckpoint = 0");
        conn.exec("UPDATE customer SET note = 'moved to Bonn' WHERE id = 1");
        std::filesystem::copy_file(db, copy / "shop.db");
        std::filesystem::copy_file(db.string() + "-wal", copy / "shop.db-wal");
    }
    const auto copied = copy / "shop.db";
    const std::string before = bytes_of(copied), wal = bytes_of(copied.string() + "-wal");
    REQUIRE(wal.size() > 32);
    // Another day: opening for use would take that day's backup.
    const auto r = run_cli(copied, {"--today", "2031-01-02", "check"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "The database is healthy.\n");
    CHECK(bytes_of(copied) == before);
    CHECK(bytes_of(copied.string() + "-wal") == wal);
    CHECK(files_in(copy / "backups") == 0);
    // The change in the -wal is there for the commands that use the file.
    CHECK(run_cli(copied, {"customer", "show", "1"}).out.find("moved to Bonn") !=
          std::string::npos);
}

TEST_CASE("check on an older Rapport's file says it is brought up to date on its next use and "
          "leaves it as it was",
          "[cli][check]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    {
        // A version 2 file: today's schema without what versions 4 and 3 added (issues 16, 18).
        SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
        conn.exec(rapport::test::kBackToVersion3);
        conn.exec("DROP INDEX follow_up_done_by_day; "
                  "ALTER TABLE follow_up DROP COLUMN customer_said; "
                  "ALTER TABLE follow_up DROP COLUMN satisfaction; PRAGMA user_version = 2;");
    }
    const std::string before = bytes_of(db);
    const std::size_t backups = files_in(dir / "backups");
    auto r = run_cli(db, {"--today", "2031-01-02", "check"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("data version 2") != std::string::npos);
    CHECK(r.out.find("'rapport-cli init'") != std::string::npos);
    CHECK(bytes_of(db) == before);
    CHECK(files_in(dir / "backups") == backups);
    r = run_cli(db, {"--json", "check"});
    CHECK(nlohmann::json::parse(r.out)["update_needed"] == true);
    REQUIRE(run_cli(db, {"init"}).exit_code == 0);
    r = run_cli(db, {"--json", "check"});
    CHECK(nlohmann::json::parse(r.out)["update_needed"] == false);
    CHECK(nlohmann::json::parse(r.out)["ok"] == true);
}

TEST_CASE("check finds a customer's figure changed by hand and --recount puts it right", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    REQUIRE(run_cli(db, {"demo", "--customers", "20", "--interactions", "150", "--seed", "3"})
                .exit_code == 0);
    REQUIRE(run_cli(db, {"check"}).exit_code == 0);
    {
        SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
        conn.exec(
            "UPDATE customer_figures SET given_back = given_back + 100 WHERE customer_id = 7");
    }
    auto r = run_cli(db, {"check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("customer 7: money given back kept") != std::string::npos);
    CHECK(r.err.find("check --recount") != std::string::npos);
    const std::string listed = run_cli(db, {"customer", "list", "--json"}).out;
    r = run_cli(db, {"check", "--recount"});
    CHECK(r.exit_code == 0);
    CHECK(run_cli(db, {"customer", "list", "--json"}).out != listed); // the list shows the count
}

TEST_CASE("check finds a worth month changed by hand and --recount puts worth right", "[cli]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    REQUIRE(run_cli(db, {"--today", "2026-11-25", "demo", "--customers", "20", "--interactions",
                         "150", "--seed", "3"})
                .exit_code == 0);
    const std::string worth = run_cli(db, {"--today", "2026-11-25", "worth", "--all", "--csv"}).out;
    {
        SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
        conn.exec("UPDATE customer_worth_month SET minutes = minutes + 600 WHERE customer_id = 7 "
                  "AND month = (SELECT max(month) FROM customer_worth_month "
                  "WHERE customer_id = 7 AND month <= '2026-11')");
    }
    CHECK(run_cli(db, {"--today", "2026-11-25", "worth", "--all", "--csv"}).out != worth);
    auto r = run_cli(db, {"check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("customer 7, 2026-") != std::string::npos);
    CHECK(r.out.find(": minutes kept ") != std::string::npos);
    CHECK(r.err.find("check --recount") != std::string::npos);
    REQUIRE(run_cli(db, {"check", "--recount"}).exit_code == 0);
    CHECK(run_cli(db, {"--today", "2026-11-25", "worth", "--all", "--csv"}).out == worth);
}

TEST_CASE("demo fills a new database and refuses one with real customers", "[cli][demo]") {
    TempDir dir;
    const auto r = run_cli(dir / "demo.db", {"demo", "--customers", "30", "--interactions", "200",
                                             "--seed", "4", "--json"});
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["interactions"] == 200);
    const auto shop = dir / "shop.db";
    make_shop(shop);
    const auto refused = run_cli(shop, {"demo"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("empty database") != std::string::npos);
    CHECK(run_cli(shop, {"demo", "--customers", "many"}).exit_code == 2);
}

TEST_CASE("asking for the version or for help exits 0", "[cli]") {
    CHECK(run_cli({"--version"}).exit_code == 0);
    const auto help = run_cli({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("customer") != std::string::npos);
}

#ifdef _WIN32
// The runner says why a program did not start (the Windows error), rather than an exit code of
// -1 and an empty stderr, as "200 single-byte flips" once reported under wine.
TEST_CASE("a program that cannot be started is reported with the Windows error", "[cli]") {
    TempDir dir;
    const auto r = run_program((dir / "missing.exe").string(), {"--version"});
    INFO(r.err);
    CHECK(r.exit_code == -1);
    CHECK(r.err.find("run_cli: CreateProcessW failed: Windows error 2") != std::string::npos);
}
#endif
