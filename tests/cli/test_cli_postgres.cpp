// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The shop's shared database through the real rapport-cli: the same shop, built command by
// command on a file and on a throwaway PostgreSQL server (support/pg_server.h), prints the same
// bytes, ids included; and a server the CLI cannot use is one sentence and exit 1.
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "cli_runner.h"
#include "store/postgres/pg_session.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace rapport::test;

namespace {

constexpr const char* kToday = "2026-11-25";

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& a : v)
        out += (out.empty() ? "" : " ") + a;
    return out;
}

// Everything the owner and the accountant read, keyed by what produced it.
using Outputs = std::map<std::string, std::string>;

// Runs rapport-cli on `db` with the tests' --today; the command must succeed.
std::string ok_on(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--today", kToday});
    // A shop database stamps saves with the login (the tests' superuser "rapport"); the file
    // is told the same name, so who did what prints the same on both.
    if (db.rfind("postgresql:", 0) != 0)
        args.insert(args.begin(), {"--by", "rapport"});
    const CliResult r = run_cli(std::filesystem::path(db), args);
    INFO(db << ": rapport-cli " << join(args) << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

void build_shop(const std::string& db) {
    const auto ok = [&](std::vector<std::string> args) { return ok_on(db, std::move(args)); };
    ok({"customer", "add", "Anna Kowalski", "--phone", "+48 601 200 300", "--email",
        "anna@example.org", "--tag", "regular", "--tag", "Wholesale"});
    ok({"customer", "add", "Zoë Müller", "--referred-by", "Anna Kowalski", "--reward", "10",
        "--note", "Prefers e-mail; café owner"});
    ok({"customer", "add", "bob o'Brien \"the builder\"", "--tag", "REGULAR"});
    ok({"purchase", "add", "Anna Kowalski", "--amount", "1200.50", "--margin", "35", "--date",
        "2026-03-14"});
    ok({"purchase", "add", "Zoë Müller", "--amount", "89.99", "--margin", "40", "--date",
        "2026-11-02"});
    ok({"purchase", "add", "Zoë Müller", "--amount", "15", "--margin", "40", "--date",
        "2025-12-01"});
    ok({"log",          "Anna Kowalski",
        "--summary",    "Kettle leaked on the first day",
        "--category",   "product-fault",
        "--minutes",    "25",
        "--at",         "2026-11-03T09:15",
        "--resolution", "replacement",
        "--cost",       "34.90",
        "--resolution", "discount",
        "--cost",       "5",
        "--status",     "offered",
        "--follow-up",  "2026-11-24",
        "--lesson",     "Test kettles before they go out"});
    ok({"log",          "Zoë Müller",
        "--summary",    "Delivery two weeks late",
        "--category",   "delay",
        "--minutes",    "40",
        "--at",         "2026-11-20T16:40",
        "--resolution", "refund",
        "--cost",       "12.50",
        "--follow-up",  "2026-11-27",
        "--done",       "listened",
        "--done",       "apologised"});
    ok({"log", "bob o'Brien \"the builder\"", "--summary", "Charged twice", "--category", "billing",
        "--at", "2026-10-30T11:00", "--resolution", "refund", "--cost", "80", "--status",
        "declined", "--follow-up", "2026-12-02"});
    ok({"followup", "done", "1", "--outcome", "satisfied", "--note", "Happy now", "--minutes",
        "5"});
}

Outputs read_outputs(const std::string& db, const std::filesystem::path& out_dir) {
    const auto ok = [&](std::vector<std::string> args) { return ok_on(db, std::move(args)); };

    Outputs o;
    o["customer show 1 --json"] = ok({"customer", "show", "1", "--json"});
    o["customer show Zoë"] = ok({"customer", "show", "Zoë Müller"});
    o["customer list --search kettle"] = ok({"customer", "list", "--search", "kettle"});
    o["customer list --search zoe"] = ok({"customer", "list", "--search", "zoe"});
    o["followups --json"] = ok({"followups", "--json"});
    o["followups --week 2026-W49 --json"] = ok({"followups", "--week", "2026-W49", "--json"});
    o["worth --all --json"] = ok({"worth", "--all", "--json"});
    o["worth --all --csv"] = ok({"worth", "--all", "--csv"});
    o["worth 1 --json"] = ok({"worth", "1", "--json"});
    ok({"export", "accountant", "--from", "2026-01-01", "--to", "2026-11-30", "--out",
        (out_dir / "accountant.csv").string()});
    o["accountant CSV"] = read_file(out_dir / "accountant.csv");
    ok({"export", "history", "--out", (out_dir / "history.json").string()});
    std::string history = read_file(out_dir / "history.json");
    // The moment of the export is the one line that may differ.
    std::istringstream lines(history);
    std::string line, kept;
    while (std::getline(lines, line))
        if (line.find("\"exported_at\"") == std::string::npos)
            kept += line + "\n";
    o["history JSON"] = kept;
    return o;
}

// Every output read from the file is there, and the server printed exactly the same bytes.
// A customer's created_at is the clock's minute when it was added (the schema's default): two
// shops built one after the other on a slow machine can straddle a minute. The history export
// writes it as a JSON member and as the last CSV column; only that value is set aside.
// The same holds for the minute each save was stamped with (who did what, schema version 4):
// as JSON members and after "by NAME" in the text.
std::string without_created_at(std::string text) {
    static const std::regex stamps(R"re("(logged|changed|done|added)_at"\s*:\s*"[^"]*")re");
    static const std::regex stamp_text(R"re((by [^,;\n]+), \d{4}-\d{2}-\d{2}T\d{2}:\d{2})re");
    text = std::regex_replace(text, stamps, "\"$1_at\":\"-\"");
    text = std::regex_replace(text, stamp_text, "$1, -");
    static const std::regex json(R"re("created_at"\s*:\s*"[^"]*")re");
    static const std::regex csv(R"re(,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(\r?)$)re",
                                std::regex::multiline);
    text = std::regex_replace(text, json, "\"created_at\":\"-\"");
    return std::regex_replace(text, csv, ",-$1");
}

void check_same(const Outputs& on_file, const Outputs& on_server) {
    for (const auto& [what, text] : on_file) {
        INFO(what);
        CHECK(!text.empty());
        CHECK(without_created_at(on_server.at(what)) == without_created_at(text));
    }
}

// The run's throwaway server, or null after a warning ctest reads as "skipped" when
// PostgreSQL is not installed.
PgServer* server_or_skip() {
    // Every command on a shop database backs it up to this PC's data folder (pg_dump): the
    // tests' copies go to a folder of their own, not the home of whoever runs them.
    static const TempDir data;
    ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
    std::string why;
    PgServer* server = shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

// A new file and a new empty shop database, each with a folder for its exports.
struct TwoShops {
    explicit TwoShops(PgServer& server) : shop(server.create_database()) {
        std::filesystem::create_directories(dir / "file");
        std::filesystem::create_directories(dir / "server");
        file = (dir / "file" / "shop.db").string();
    }
    TempDir dir;
    std::string shop;
    std::string file;
};

} // namespace

TEST_CASE("the same shop on a file and on PostgreSQL prints byte-identical reports", "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    const TwoShops two(*server);
    const std::string& file = two.file;
    const std::string& shop = two.shop;
    build_shop(file);
    build_shop(shop);
    const Outputs on_file = read_outputs(file, two.dir / "file");
    const Outputs on_server = read_outputs(shop, two.dir / "server");
    check_same(on_file, on_server);
}

TEST_CASE("a server the CLI cannot use is one sentence and exit 1", "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    SECTION("no such database") {
        const CliResult r = run_cli(server->uri("no_such_shop"), {"customer", "list"});
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("refused the connection") != std::string::npos);
    }
    SECTION("no server listening there") {
        const CliResult r =
            run_cli(std::filesystem::path("postgresql://rapport@/shop?host=/nonexistent-folder"),
                    {"customer", "list"});
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("cannot be reached") != std::string::npos);
    }
    SECTION("a database of another program is left untouched") {
        const std::string uri = server->create_database();
        rapport::store::connect_postgres(uri)->exec("CREATE TABLE invoice (id integer)");
        const CliResult r = run_cli(std::filesystem::path(uri), {"customer", "list"});
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("another program") != std::string::npos);
        auto after = rapport::store::connect_postgres(uri);
        CHECK(rapport::store::sql::scalar(*after, "SELECT count(*) FROM pg_catalog.pg_tables "
                                                  "WHERE schemaname = 'public'")
                  .getInt64() == 1);
    }
    SECTION("a newer Rapport's database is left untouched") {
        const std::string uri = server->create_database();
        REQUIRE(run_cli(std::filesystem::path(uri), {"customer", "list"}).exit_code == 0);
        rapport::store::connect_postgres(uri)->exec(
            "UPDATE rapport_meta SET value = '99' WHERE key = 'schema_version'");
        const CliResult r = run_cli(std::filesystem::path(uri), {"customer", "list"});
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("newer version of Rapport") != std::string::npos);
    }
}

TEST_CASE("the server stopped in the middle of a run of logs loses no reported incident",
          "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::filesystem::path uri = server->create_database();
    REQUIRE(run_cli(uri, {"customer", "add", "Anna Kowalski"}).exit_code == 0);
    std::vector<std::string> printed_ids;
    int refused_while_down = 0;
    for (int n = 0; n < 30; ++n) {
        if (n == 10)
            server->stop_immediately(); // no checkpoint, connections cut: a crash of the server
        if (n == 20)
            server->start();
        const CliResult r =
            run_cli(uri, {"log", "Anna Kowalski", "--summary", "Call " + std::to_string(n),
                          "--resolution", "refund", "--cost", "1", "--follow-up", "2026-12-24"});
        if (n >= 10 && n < 20) {
            INFO("call " << n << ": " << r.err);
            CHECK(r.exit_code == 1);
            CHECK(r.err.find("cannot be reached") != std::string::npos);
            CHECK(r.out.empty()); // no id printed for what was not saved
            refused_while_down += r.exit_code == 1 ? 1 : 0;
        } else {
            INFO("call " << n << ": " << r.err);
            REQUIRE(r.exit_code == 0);
            printed_ids.push_back(trimmed(r.out));
        }
    }
    CHECK(refused_while_down == 10);
    REQUIRE(printed_ids.size() == 20);
    // Every id the CLI printed is there after the crash and restart, with its resolution and
    // follow-up; nothing else was saved.
    auto check = rapport::store::connect_postgres(uri.string());
    for (const auto& id : printed_ids) {
        INFO("incident " << id);
        rapport::store::sql::Statement st(*check, "SELECT (SELECT count(*) FROM resolution WHERE "
                                                  "interaction_id = i.id), (SELECT count(*) FROM "
                                                  "follow_up WHERE interaction_id = i.id) "
                                                  "FROM interaction i WHERE i.id = ?");
        st.bind(1, static_cast<std::int64_t>(std::stoll(id)));
        REQUIRE(st.executeStep());
        CHECK(st.getColumn(0).getInt64() == 1);
        CHECK(st.getColumn(1).getInt64() == 1);
    }
    CHECK(rapport::store::sql::scalar(*check, "SELECT count(*) FROM interaction").getInt64() == 20);
}

TEST_CASE("server import moves a whole file into the shop database with its ids and proves it",
          "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    const TwoShops two(*server);
    const std::string& file = two.file;
    const std::string& shop = two.shop;
    build_shop(file);
    ok_on(file, {"settings", "set", "hourly_rate", "42"});

    const CliResult moved = run_cli(std::filesystem::path(shop), {"server", "import", file});
    INFO(moved.err);
    REQUIRE(moved.exit_code == 0);
    CHECK(moved.out.find("the counts and sums above are equal") != std::string::npos);
    CHECK(moved.out.find("interaction") != std::string::npos);

    // Everything reads back the same, ids and the owner's settings included
    const Outputs on_file = read_outputs(file, two.dir / "file");
    const Outputs on_server = read_outputs(shop, two.dir / "server");
    check_same(on_file, on_server);
    CHECK(trimmed(ok_on(shop, {"settings", "get", "hourly_rate"})) ==
          trimmed(ok_on(file, {"settings", "get", "hourly_rate"})));
    // The server numbers new records after the moved ones
    CHECK(trimmed(ok_on(shop, {"log", "Anna Kowalski", "--summary", "New call"})) == "4");

    // A second move would mix two shops: refused, nothing written
    const CliResult again = run_cli(std::filesystem::path(shop), {"server", "import", file});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already holds records") != std::string::npos);
    CHECK(trimmed(ok_on(shop, {"log", "Anna Kowalski", "--summary", "Next call"})) == "5");

    // --db must name a server
    const CliResult not_a_server = run_cli(std::filesystem::path(file), {"server", "import", file});
    CHECK(not_a_server.exit_code == 2);
}

TEST_CASE("a shop database is backed up by pg_dump on this PC and pg_restore brings it back "
          "whole",
          "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::filesystem::path data = std::getenv("XDG_DATA_HOME"); // server_or_skip's
    const std::string shop = server->create_database();
    build_shop(shop);
    const std::string database = rapport::store::describe_postgres_uri(shop).database;
    const auto folder = data / "rapport" / "backups";
    // The first command of the day that found customers took the daily copy
    CHECK(std::filesystem::exists(folder /
                                  (database + "-on-localhost-" + std::string(kToday) + ".dump")));

    const CliResult made = run_cli(shop, {"backup"});
    REQUIRE(made.exit_code == 0);
    const auto start = made.out.find(folder.string());
    REQUIRE(start != std::string::npos);
    const std::filesystem::path dump = made.out.substr(start, made.out.find(".dump") + 5 - start);
    REQUIRE(std::filesystem::exists(dump));
    CHECK((std::filesystem::status(dump).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    const CliResult listed = run_cli(shop, {"backup", "--list"});
    CHECK(listed.exit_code == 0);
    // read back with pg_restore: the counts of what it holds
    CHECK(listed.out.find("manual          3 customers, 3 interactions, 3 purchases") !=
          std::string::npos);

    // PostgreSQL's own tool reads it back into an empty database: the same shop, byte for byte
    const std::string back = server->create_database();
    const auto bindir = PgServer::find_bindir();
    REQUIRE(bindir);
    const std::string command = (*bindir / "pg_restore").string() +
                                " --no-owner --exit-on-error -d '" + back + "' '" + dump.string() +
                                "' 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    TempDir out;
    std::filesystem::create_directories(out.path() / "a");
    std::filesystem::create_directories(out.path() / "b");
    const Outputs at_backup = read_outputs(shop, out.path() / "a");
    check_same(at_backup, read_outputs(back, out.path() / "b"));

    // Rapport's own restore: a later change is undone, and kept in a safety copy first
    ok_on(shop, {"log", "Anna Kowalski", "--summary", "Called again about the kettle"});
    const std::filesystem::path garbage = folder / "shop-on-localhost-2026-01-01.dump";
    std::ofstream(garbage) << "not a dump";
    const CliResult refused = run_cli(shop, {"restore", garbage.string(), "--yes"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("not a copy made by pg_dump") != std::string::npos);
    const CliResult restored = run_cli(shop, {"restore", dump.string(), "--yes"});
    INFO(restored.err);
    REQUIRE(restored.exit_code == 0);
    CHECK(restored.out.find("before-restore.dump") != std::string::npos);
    std::filesystem::create_directories(out.path() / "c");
    check_same(at_backup, read_outputs(shop, out.path() / "c"));
}

TEST_CASE("check compares the kept figures on a server too and --recount repairs them",
          "[postgres]") {
    PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::string shop = server->create_database();
    build_shop(shop);
    CHECK(ok_on(shop, {"check"}) == "The database is healthy.\n");
    rapport::store::connect_postgres(shop)->exec(
        "UPDATE customer_figures SET complaints = complaints + 3 WHERE customer_id = 1");
    const CliResult r = run_cli(std::filesystem::path(shop), {"--today", kToday, "check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("customer 1: complaints kept") != std::string::npos);
    CHECK(r.err.find("check --recount") != std::string::npos);
    ok_on(shop, {"check", "--recount"});
    CHECK(ok_on(shop, {"check"}) == "The database is healthy.\n");
}
