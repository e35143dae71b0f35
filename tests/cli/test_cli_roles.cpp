// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Owner and staff on a shop database through the real rapport-cli (store/roles.h): `server
// init` run by the owner's login, `server add-staff`, then the staff login doing what it may and
// refused, in one sentence and exit 1, what only the owner may do.
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "cli_runner.h"
#include "store/customer_figures.h"
#include "store/database.h"
#include "store/server_login.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace rapport::test;

namespace {

constexpr const char* kToday = "2026-11-25";

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& a : v)
        out += (out.empty() ? "" : " ") + a;
    return out;
}

CliResult on(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--today", kToday});
    return run_cli(std::filesystem::path(db), args);
}

std::string ok_on(const std::string& db, std::vector<std::string> args) {
    const CliResult r = on(db, args);
    INFO(db << ": rapport-cli " << join(args) << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// The command must be refused with exit 1 and one sentence naming what only the owner may do.
void refused(const std::string& db, std::vector<std::string> args, const std::string& doing) {
    const CliResult r = on(db, args);
    INFO("rapport-cli " << join(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Only the shop's owner may " + doing) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1); // one sentence, one line
}

} // namespace

TEST_CASE("a staff login is refused what only the owner may do through rapport-cli", "[pg]") {
    std::string why;
    PgServer* server = shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return;
    }
    const std::string name = rapport::store::server_address(server->create_database()).database;
    const std::string owner_login = "owner_" + name, staff_login = "staff_" + name;
    server->admin_exec("CREATE ROLE " + owner_login + " LOGIN CREATEROLE");
    server->admin_exec("ALTER DATABASE " + name + " OWNER TO " + owner_login);
    const std::string owner = server->uri(name, owner_login);
    const std::string staff = server->uri(name, staff_login);

    CHECK(ok_on(owner, {"server", "init"}).find("this login is its owner") != std::string::npos);
    const std::string added = ok_on(owner, {"server", "add-staff", staff_login});
    CHECK(added.find(staff_login + " is now staff") != std::string::npos);
    CHECK(added.find("without a password") != std::string::npos);
    // Again: nothing to create, the login stays staff
    CHECK(ok_on(owner, {"server", "add-staff", staff_login}).find("without a password") ==
          std::string::npos);

    ok_on(owner, {"customer", "add", "Anna Kowalski"});
    ok_on(owner, {"purchase", "add", "Anna Kowalski", "--amount", "1200.50", "--margin", "35",
                  "--date", "2026-03-14"});

    // What staff may do
    CHECK(trimmed(ok_on(staff, {"customer", "add", "Bob Brown"})) == "2");
    ok_on(staff, {"purchase", "add", "Bob Brown", "--amount", "40", "--date", "2026-11-02"});
    ok_on(staff, {"log", "Anna Kowalski", "--summary", "Kettle leaked", "--category",
                  "product-fault", "--at", "2026-11-03T09:15", "--resolution", "refund", "--cost",
                  "34.90", "--status", "accepted", "--follow-up", "2026-11-24"});
    ok_on(staff, {"followup", "done", "1", "--outcome", "satisfied", "--minutes", "5"});
    const std::string shown = ok_on(staff, {"customer", "show", "Anna Kowalski"});
    CHECK(shown.find("purchase #1: ") != std::string::npos);
    CHECK(shown.find("margin") == std::string::npos); // staff sees no margins
    CHECK(ok_on(owner, {"customer", "show", "Anna Kowalski"}).find("35 % margin") !=
          std::string::npos);
    CHECK(ok_on(staff, {"purchase", "list", "Anna Kowalski"}).find('%') == std::string::npos);
    CHECK(ok_on(owner, {"purchase", "list", "Anna Kowalski"}).find("35") != std::string::npos);
    const std::string json = ok_on(staff, {"purchase", "list", "Anna Kowalski", "--json"});
    CHECK(json.find("null") != std::string::npos); // margin_percent
    CHECK(json.find("35") == std::string::npos);

    // What only the owner may do: one sentence, exit 1, nothing sent
    TempDir dir;
    const auto out = dir.path() / "accountant.csv";
    refused(staff, {"settings", "set", "hourly_rate", "40"}, "change the settings");
    refused(staff, {"purchase", "delete", "1"}, "delete a purchase");
    refused(staff, {"worth", "Anna Kowalski"}, "see the worth figures");
    refused(staff, {"worth", "--all"}, "see the worth figures");
    refused(staff, {"customers", "gone"}, "see the worth figures");
    refused(staff,
            {"export", "accountant", "--from", "2026-01-01", "--to", "2026-12-31", "--out",
             out.string()},
            "export for the accountant");
    CHECK_FALSE(std::filesystem::exists(out));
    refused(staff, {"restore", (dir.path() / "backup.dump").string(), "--yes"}, "restore a backup");
    refused(staff, {"server", "add-owner", staff_login}, "add an owner");

    // What the server itself refuses (no check before it) is a sentence too, not libpq's text
    const CliResult recount = on(staff, {"check", "--recount"});
    INFO(recount.err);
    CHECK(recount.exit_code == 1);
    CHECK(recount.err.find("only the shop's owner may do that") != std::string::npos);
    CHECK(recount.err.find("permission denied") == std::string::npos);

    // The owner may; the figures stayed right through staff's changes
    ok_on(owner, {"settings", "set", "hourly_rate", "40"});
    ok_on(owner, {"worth", "Anna Kowalski"});
    ok_on(owner, {"check"});
    ok_on(owner, {"purchase", "delete", "2"});
}
