// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reads of many rows on a throwaway PostgreSQL server (sql::Rows::many): inside a transaction
// they come through a cursor a batch at a time, so libpq never holds the whole result; several
// can be stepped side by side as on SQLite; a statement left half-read closes its cursor
// without spoiling the transaction; outside a transaction the whole result is read as before.
#include "../support/pg_server.h"
#include "store/postgres/pg_session.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace rapport;
using store::connect_postgres;
using store::sql::ReadSnapshot;
using store::sql::Rows;
using store::sql::Statement;

namespace {

test::PgServer* server_or_skip() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

std::int64_t count(store::sql::Session& s, const std::string& sql) {
    return store::sql::scalar(s, sql).getInt64();
}

// The session's DECLAREd cursors (pg_cursors also lists the portal of the query asking)
std::int64_t open_cursors(store::sql::Session& s) {
    return count(s, "SELECT count(*) FROM pg_cursors WHERE name LIKE 'rapport_rows_%'");
}

constexpr std::int64_t kRows = 20'000; // past the largest batch, so several batches are read

std::unique_ptr<store::PgSession> session_with_rows(test::PgServer& server) {
    auto s = connect_postgres(server.create_database());
    s->exec("CREATE TABLE t (x bigint PRIMARY KEY, label text); INSERT INTO t "
            "SELECT x, 'row ' || x FROM generate_series(1, 20000) AS x");
    return s;
}

} // namespace

TEST_CASE("PostgreSQL: many rows come a batch at a time through a cursor", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = session_with_rows(*server);
    ReadSnapshot snapshot(*s);
    Statement st(*s, "SELECT x, label FROM t WHERE x > ? ORDER BY x", Rows::many);
    st.bind(1, 0);
    CHECK(st.getColumnCount() == 2);
    std::int64_t expected = 0;
    while (st.executeStep()) {
        ++expected;
        if (expected == 1)
            CHECK(open_cursors(*s) == 1); // read through a cursor, not as one result
        REQUIRE(st.getColumn(0).getInt64() == expected);
        REQUIRE(st.getColumn(1).getString() == "row " + std::to_string(expected));
    }
    CHECK(expected == kRows);
    CHECK(open_cursors(*s) == 0); // closed once read to the end
    CHECK_FALSE(st.executeStep());

    // Run again with its bindings, and an empty result
    st.reset();
    st.bind(1, kRows - 3);
    int rows = 0;
    while (st.executeStep())
        ++rows;
    CHECK(rows == 3);
    st.reset();
    st.bind(1, kRows);
    CHECK_FALSE(st.executeStep());
    CHECK(st.getColumnCount() == 2);
}

TEST_CASE("PostgreSQL: reads of many rows can be stepped side by side", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = session_with_rows(*server);
    s->exec("CREATE TABLE child (parent bigint, n int); INSERT INTO child "
            "SELECT x, k FROM generate_series(1, 20000, 7) AS x, generate_series(1, 2) AS k");
    ReadSnapshot snapshot(*s);
    // The history export's join: parents and their children, each in the parent's order
    Statement parents(*s, "SELECT x FROM t ORDER BY x", Rows::many);
    Statement children(*s, "SELECT parent, n FROM child ORDER BY parent, n", Rows::many);
    bool has_child = children.executeStep();
    std::int64_t parents_read = 0, children_read = 0;
    while (parents.executeStep()) {
        const std::int64_t id = parents.getColumn(0).getInt64();
        ++parents_read;
        int mine = 0;
        while (has_child && children.getColumn(0).getInt64() == id) {
            ++mine;
            ++children_read;
            has_child = children.executeStep();
        }
        REQUIRE(mine == ((id - 1) % 7 == 0 ? 2 : 0));
    }
    CHECK(parents_read == kRows);
    CHECK(children_read == count(*s, "SELECT count(*) FROM child"));
}

TEST_CASE("PostgreSQL: a read of many rows left half-way leaves the transaction usable", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = session_with_rows(*server);
    {
        ReadSnapshot snapshot(*s);
        {
            Statement st(*s, "SELECT x FROM t ORDER BY x", Rows::many);
            for (int k = 0; k < 1000; ++k)
                REQUIRE(st.executeStep());
            st.reset(); // closes the cursor; run again from the start
            REQUIRE(st.executeStep());
            CHECK(st.getColumn(0).getInt64() == 1);
        } // destroyed with its cursor open: closed
        CHECK(open_cursors(*s) == 0);
        CHECK(count(*s, "SELECT count(*) FROM t") == kRows);
    }

    // A statement that outlives its transaction: the cursor ended with it, nothing to close
    Statement st(*s, "SELECT x FROM t ORDER BY x", Rows::many);
    {
        ReadSnapshot snapshot(*s);
        REQUIRE(st.executeStep());
    }
    st.reset();
    CHECK(count(*s, "SELECT count(*) FROM t") == kRows);
    {
        ReadSnapshot snapshot(*s);
        std::int64_t rows = 0;
        while (st.executeStep())
            ++rows;
        CHECK(rows == kRows);
    }
}

TEST_CASE("PostgreSQL: many rows outside a transaction are read whole", "[pg]") {
    auto* server = server_or_skip();
    if (!server)
        return;
    auto s = session_with_rows(*server);
    Statement st(*s, "SELECT x FROM t ORDER BY x", Rows::many);
    std::int64_t rows = 0;
    while (st.executeStep()) {
        if (rows++ == 0)
            CHECK(open_cursors(*s) == 0); // a cursor needs a transaction to live in
    }
    CHECK(rows == kRows);
}
