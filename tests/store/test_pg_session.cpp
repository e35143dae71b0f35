// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL session on a throwaway server: values travel unchanged, statements are
// prepared once, the server's refusals become the store's failures, writers queue, and a
// session outlives a server restart without the program restarting.
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "store/postgres/pg_session.h"
#include "store/server_login.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <future>
#include <limits>
#include <thread>

#include <sys/stat.h>

using namespace rapport;
using store::connect_postgres;
using store::sql::Error;
using store::sql::Failure;
using store::sql::Statement;
using Clock = std::chrono::steady_clock;

namespace {

test::PgServer* server_or_skip() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

Failure failure_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        UNSCOPED_INFO("message: " << e.what());
        return e.failure();
    }
    FAIL("no sql::Error was thrown");
    return Failure::other;
}

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::int64_t count(store::sql::Session& s, const std::string& sql) {
    return store::sql::scalar(s, sql).getInt64();
}

// Starts the server again if a fault test failed half-way, so later cases still run.
struct RestartAtEnd {
    test::PgServer& server;
    ~RestartAtEnd() {
        if (!server.running())
            server.start();
    }
};

} // namespace

TEST_CASE("placeholders are numbered outside literals identifiers and comments", "[pg]") {
    int n = 0;
    CHECK(store::number_placeholders("SELECT ?, ?", n) == "SELECT $1, $2");
    CHECK(n == 2);
    CHECK(store::number_placeholders("x = '?''?' AND \"a?\" = ? -- ?\n AND y = ?", n) ==
          "x = '?''?' AND \"a?\" = $1 -- ?\n AND y = $2");
    CHECK(n == 2);
    CHECK(store::number_placeholders("/* ? /* ? */ ? */ ? $q$ ? $q$ E'\\' ?' ?", n) ==
          "/* ? /* ? */ ? */ $1 $q$ ? $q$ E'\\' ?' $2");
    CHECK(store::number_placeholders("MATCH ?1 OR x = ?1 AND y = ?", n) ==
          "MATCH $1 OR x = $1 AND y = $2");
    CHECK(n == 2);
    CHECK(store::number_placeholders("SELECT 1", n) == "SELECT 1");
    CHECK(n == 0);
}

TEST_CASE("PostgreSQL: integers texts NULLs and doubles read back as they were bound", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE v (i bigint, t text, d double precision, n text)");
    const std::string awkward = "Zoë's \"café\" — naïve; O'Brien ? $1 \\ 100%";
    const double third = 1.0 / 3.0;
    const auto big = std::numeric_limits<std::int64_t>::max();
    const auto small = std::numeric_limits<std::int64_t>::min();
    Statement ins(*s, "INSERT INTO v (i, t, d, n) VALUES (?, ?, ?, ?)");
    for (const std::int64_t i : {big, small, std::int64_t{0}}) {
        ins.bind(1, i);
        ins.bind(2, awkward);
        ins.bind(3, third);
        ins.bind(4);
        ins.exec();
        ins.reset();
    }
    Statement q(*s, "SELECT i, t, d, n FROM v WHERE t = ? ORDER BY i");
    q.bind(1, awkward);
    CHECK(q.getColumnCount() == 4); // known before the statement runs, as on SQLite
    CHECK(std::string(q.getColumn(1).getName()) == "t");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt64() == small);
    CHECK(q.getColumn(1).getString() == awkward);
    CHECK(q.getColumn(2).getDouble() == third); // every bit of it
    CHECK(q.getColumn(3).isNull());
    CHECK(q.getColumn(3).getString().empty());
    CHECK_FALSE(q.getColumn(0).isNull());
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt64() == 0);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt64() == big);
    CHECK_FALSE(q.executeStep());
    CHECK_FALSE(q.executeStep());

    // reset runs it again with the bindings it has
    q.reset();
    int rows = 0;
    while (q.executeStep())
        ++rows;
    CHECK(rows == 3);

    // numeric sums, booleans and averages read as integers the way SQLite reads them
    Statement agg(*s, "SELECT sum(i) FILTER (WHERE i = 0), count(*) > 2, 7.9::numeric, "
                      "'abc' FROM v");
    REQUIRE(agg.executeStep());
    CHECK(agg.getColumn(0).getInt64() == 0);
    CHECK(agg.getColumn(1).getInt64() == 1);
    CHECK(agg.getColumn(2).getInt64() == 7);
    CHECK(agg.getColumn(2).getDouble() == 7.9);
    CHECK(failure_of([&] { agg.getColumn(3).getInt64(); }) == Failure::other);

    CHECK(failure_of([&] { ins.bind(5, 1); }) == Failure::other); // no such parameter
    CHECK(failure_of([&] { ins.bind(2, std::string("a\0b", 3)); }) == Failure::other);
}

TEST_CASE("PostgreSQL: a question mark inside a string literal is not a parameter", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    Statement q(*s, "SELECT 'why?' || ?, ? -- really?\n");
    q.bind(1, " because");
    q.bind(2, 42);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "why? because");
    CHECK(q.getColumn(1).getInt64() == 42);
}

TEST_CASE("PostgreSQL: the same SQL text twice is prepared once", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    const char* text = "SELECT ? + 1";
    const auto prepared = [&] {
        return count(*s, "SELECT count(*) FROM pg_prepared_statements "
                         "WHERE statement = 'SELECT $1 + 1'");
    };
    Statement a(*s, text);
    Statement b(*s, text);
    a.bind(1, 1);
    b.bind(1, 2);
    REQUIRE(a.executeStep());
    REQUIRE(b.executeStep());
    CHECK(a.getColumn(0).getInt64() == 2);
    CHECK(b.getColumn(0).getInt64() == 3);
    CHECK(prepared() == 1);
    { Statement c(*s, text); }
    CHECK(prepared() == 1);
}

TEST_CASE("PostgreSQL: a refused UNIQUE or CHECK is a constraint failure", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE tag (name text UNIQUE CHECK (length(name) > 0))");
    s->exec("INSERT INTO tag VALUES ('vip')");
    Statement ins(*s, "INSERT INTO tag VALUES (?)");
    ins.bind(1, "vip");
    CHECK(failure_of([&] { ins.exec(); }) == Failure::constraint);
    ins.reset();
    ins.bind(1, "");
    CHECK(failure_of([&] { ins.exec(); }) == Failure::constraint);
    CHECK(failure_of([&] { Statement(*s, "SELEKT 1"); }) == Failure::other);
}

TEST_CASE("PostgreSQL: a rolled back transaction leaves nothing", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE t (x bigint)");
    s->begin_write();
    Statement ins(*s, "INSERT INTO t VALUES (?)");
    ins.bind(1, 1);
    ins.exec();
    s->rollback();
    CHECK(count(*s, "SELECT count(*) FROM t") == 0);
    s->rollback(); // nothing to roll back: harmless

    s->begin_write();
    ins.reset();
    ins.exec();
    s->commit();
    CHECK(count(*s, "SELECT count(*) FROM t") == 1);
}

TEST_CASE("PostgreSQL: a commit after a failed statement does not claim success", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE t (x bigint PRIMARY KEY)");
    s->begin_write();
    s->exec("INSERT INTO t VALUES (1)");
    CHECK(failure_of([&] { s->exec("INSERT INTO t VALUES (1)"); }) == Failure::constraint);
    // the server aborted the transaction: COMMIT answers ROLLBACK, which must not pass
    CHECK_THROWS_AS(s->commit(), Error);
    CHECK(count(*s, "SELECT count(*) FROM t") == 0);
}

TEST_CASE("PostgreSQL: a second writer waits for the first", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    const std::string uri = server->create_database();
    auto first = connect_postgres(uri);
    auto second = connect_postgres(uri);
    first->exec("CREATE TABLE t (x bigint)");

    first->begin_write();
    auto waiting = std::async(std::launch::async, [&] {
        second->begin_write();
        second->exec("INSERT INTO t VALUES (2)");
        second->commit();
    });
    CHECK(waiting.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout);
    first->exec("INSERT INTO t VALUES (1)");
    first->commit();
    REQUIRE(waiting.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    waiting.get();
    CHECK(count(*first, "SELECT count(*) FROM t") == 2);

    // past the lock timeout (5 s in the session; shortened here) the waiter gives up: busy,
    // as a writer does on a SQLite file past its busy timeout
    second->exec("SET lock_timeout = '200ms'");
    first->begin_write();
    CHECK(failure_of([&] { second->begin_write(); }) == Failure::busy);
    first->rollback();
    second->begin_write(); // the failed attempt left no transaction behind
    second->commit();
}

TEST_CASE("PostgreSQL: a cancelled statement is interrupted and a timed out one is busy", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    auto canceller = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        s->cancel();
    });
    const auto t0 = Clock::now();
    CHECK(failure_of([&] { s->exec("SELECT pg_sleep(10)"); }) == Failure::interrupted);
    CHECK(seconds_since(t0) < 5);
    canceller.get();

    s->exec("SET statement_timeout = '200ms'");
    CHECK(failure_of([&] { s->exec("SELECT pg_sleep(5)"); }) == Failure::busy);
    CHECK(count(*s, "SELECT 1") == 1); // the session goes on
}

TEST_CASE("PostgreSQL: the session says where it is connected", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = connect_postgres(server->create_database());
    const auto info = s->info();
    CHECK(info.host == server->socket_dir().string());
    CHECK(info.user == "rapport");
    CHECK(info.database.starts_with("t"));
    CHECK_FALSE(info.tls); // a Unix socket needs none
    CHECK(info.server_version >= 120000);
    CHECK(s->dialect() == store::sql::Dialect::postgres);
    CHECK(count(*s, "SELECT count(*) FROM pg_settings WHERE name = 'DateStyle' "
                    "AND setting LIKE 'ISO%'") == 1);

    const auto target = store::describe_postgres_uri(
        "postgresql://clerk:secret@shop.example:5433/rapport?sslmode=require");
    CHECK(target.host == "shop.example");
    CHECK(target.port == "5433");
    CHECK(target.user == "clerk");
    CHECK(target.database == "rapport");
    CHECK(failure_of([] { connect_postgres("postgresql://x/y?no_such_option=1"); }) ==
          Failure::other); // the URI's own mistake, not an unreachable server
    CHECK(store::is_postgres_uri("postgres://x/y"));
    CHECK_FALSE(store::is_postgres_uri("/home/me/rapport.db"));
}

TEST_CASE("PostgreSQL: after the server is killed a statement fails fast and the same session "
          "works again once it is back",
          "[pg][faults]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    RestartAtEnd restart{*server};
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE t (x bigint)");
    Statement ins(*s, "INSERT INTO t VALUES (?)");
    ins.bind(1, 1);
    ins.exec();

    server->stop_immediately();
    auto t0 = Clock::now();
    ins.reset();
    CHECK(failure_of([&] { ins.exec(); }) == Failure::unreachable);
    const double first = seconds_since(t0);
    CHECK(first < 3);
    t0 = Clock::now();
    CHECK(failure_of([&] { s->exec("SELECT 1"); }) == Failure::unreachable); // still down
    const double again = seconds_since(t0);
    CHECK(again < 3);
    WARN("unreachable after the kill: " << first << " s; while down: " << again << " s");

    server->start();
    ins.reset();
    ins.bind(1, 2);
    ins.exec(); // prepared again on the new backend
    CHECK(count(*s, "SELECT count(*) FROM t") == 2);
}

TEST_CASE("PostgreSQL: a transaction cut by a restart is not finished on the new connection",
          "[pg][faults]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    RestartAtEnd restart{*server};
    auto s = connect_postgres(server->create_database());
    s->exec("CREATE TABLE t (x bigint)");
    s->begin_write();
    s->exec("INSERT INTO t VALUES (1)");
    server->stop_immediately();
    server->start();
    // the rest of the transaction must not run alone in autocommit on a new connection
    CHECK(failure_of([&] { s->exec("INSERT INTO t VALUES (2)"); }) == Failure::unreachable);
    CHECK(failure_of([&] { s->commit(); }) == Failure::unreachable);
    s->rollback();
    CHECK(count(*s, "SELECT count(*) FROM t") == 0);
}

TEST_CASE("PostgreSQL: a wrong password is refused and the right one from a pgpass file works",
          "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    // A role that must give a password even on the socket, where everyone else is trusted
    server->admin_exec("DROP ROLE IF EXISTS clerk");
    server->admin_exec("CREATE ROLE clerk LOGIN PASSWORD 'right horse'");
    server->prepend_hba("local all clerk scram-sha-256");
    const std::string uri = server->uri("postgres", "clerk");

    CHECK(failure_of([&] { connect_postgres(uri + "&password=wrong"); }) == Failure::refused);
    CHECK(failure_of([&] { connect_postgres(uri + "&passfile=/nonexistent"); }) ==
          Failure::password_needed); // no password at all

    // The window's password, from the keyring or the form, kept in memory for that address
    store::use_server_password(uri, "right horse");
    CHECK(connect_postgres(uri + "&passfile=/nonexistent")->info().user == "clerk");
    // One written in the URI still wins
    CHECK(failure_of([&] { connect_postgres(uri + "&password=wrong"); }) == Failure::refused);
    store::use_server_password(uri, "");
    CHECK(failure_of([&] { connect_postgres(uri + "&passfile=/nonexistent"); }) ==
          Failure::password_needed);

    test::TempDir dir;
    const auto pgpass = dir / "pgpass";
    std::ofstream(pgpass) << "*:*:*:clerk:right horse\n";
    ::chmod(pgpass.c_str(), 0600); // libpq ignores a file others can read
    auto s = connect_postgres(uri + "&passfile=" + pgpass.string());
    CHECK(s->info().user == "clerk");
}

TEST_CASE("PostgreSQL: the window's form becomes a URI that reads back the same", "[pg]") {
    const store::ServerAddress typed{"/tmp/shop server", "5433", "shop & co", "zoë@home"};
    const std::string uri = store::server_uri(typed);
    CHECK(uri == "postgresql://zo%C3%AB%40home@%2Ftmp%2Fshop%20server:5433/shop%20%26%20co");
    const store::ServerAddress read = store::server_address(uri);
    CHECK(read.host == typed.host);
    CHECK(read.port == typed.port);
    CHECK(read.database == typed.database);
    CHECK(read.user == typed.user);
    CHECK(store::server_uri({"192.168.1.20", "", "shop", "sam"}) ==
          "postgresql://sam@192.168.1.20/shop");
    CHECK(store::server_address(store::server_uri({"fe80::1", "", "shop", "sam"})).host ==
          "fe80::1");
}

TEST_CASE("PostgreSQL: an unknown database is refused", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    try {
        connect_postgres(server->uri("no_such_database"));
        FAIL("connected");
    } catch (const Error& e) {
        CHECK(e.failure() == Failure::refused);
        CHECK(std::string(e.what()).find("no_such_database") != std::string::npos);
    }
}

TEST_CASE("PostgreSQL: an unknown host is unreachable and fast", "[pg]") {
    // No server needed: libpq fails before any connection
    const auto t0 = Clock::now();
    CHECK(failure_of([] { connect_postgres("postgresql://no-such-host.invalid/x"); }) ==
          Failure::unreachable);
    const double took = seconds_since(t0);
    CHECK(took < 6);
    WARN("unknown host: " << took << " s");
    // A socket folder with no server in it
    test::TempDir empty;
    CHECK(failure_of([&] { connect_postgres("postgresql:///x?host=" + empty.path().string()); }) ==
          Failure::unreachable);
}
