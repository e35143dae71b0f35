// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A shop database reached over the network: TLS is used whenever the server offers it, without
// anything in the address; an address that asks for a checked certificate refuses a server that
// cannot show one, in a sentence; a server that insists on TLS refuses a plain login. A server
// of the tests' own listening on 127.0.0.1 with a self-signed certificate
// (test::PgServer with tls_on_tcp).
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "core/dates.h"
#include "core/errors.h"
#include "store/database.h"
#include "store/open.h"
#include "store/postgres/pg_session.h"
#include "store/server_login.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <string>

using namespace rapport;
using store::ServerLoginError;

namespace {

// One TLS server for this test process (ctest runs each case in a process of its own).
test::PgServer* tls_server_or_skip() {
    static const auto bindir = test::PgServer::find_bindir();
    if (!bindir) {
        WARN("SKIPPED: PostgreSQL's server programs are not installed");
        return nullptr;
    }
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
        WARN("SKIPPED: openssl is not installed, so no certificate for the test server");
        return nullptr;
    }
    static const auto server = std::make_unique<test::PgServer>(*bindir, true);
    return server.get();
}

std::string database_on(test::PgServer& server) {
    const std::string socket_uri = server.create_database();
    return store::server_address(socket_uri).database;
}

store::Database open_uri(const std::string& uri) {
    return store::open_for_use(uri, parse_date("2026-12-06"), store::DailyBackupTiming::later).db;
}

} // namespace

TEST_CASE("PostgreSQL over TCP: a server that offers TLS is used encrypted without being asked",
          "[pg][tls]") {
    test::PgServer* server = tls_server_or_skip();
    if (!server)
        return;
    const std::string name = database_on(*server);

    // libpq's default (sslmode=prefer) is what the window's form and a plain URI give
    store::Database db = open_uri(server->tcp_uri(name));
    const auto connection = store::server_connection(db);
    REQUIRE(connection);
    CHECK(connection->encrypted);
    CHECK(connection->host == "127.0.0.1");
    CHECK(connection->database == name);
    CHECK(store::connect_postgres(server->tcp_uri(name))->info().tls);

    // The same server with encryption turned off in the address: the status bar must not
    // claim it, so this proves `encrypted` comes from the connection
    store::Database plain = open_uri(server->tcp_uri(name, "sslmode=disable"));
    REQUIRE(store::server_connection(plain));
    CHECK_FALSE(store::server_connection(plain)->encrypted);
}

TEST_CASE("PostgreSQL over TCP: an address that pins the server's certificate connects to it and "
          "refuses another server in a sentence",
          "[pg][tls]") {
    test::PgServer* server = tls_server_or_skip();
    if (!server)
        return;
    const std::string name = database_on(*server);
    store::Database pinned = open_uri(
        server->tcp_uri(name, "sslmode=verify-full&sslrootcert=" + server->certificate().string()));
    REQUIRE(store::server_connection(pinned));
    CHECK(store::server_connection(pinned)->encrypted);

    // A certificate from somewhere else: the server cannot prove it is the one trusted
    test::TempDir dir;
    const auto other = dir / "other.crt";
    REQUIRE(std::system(("cd '" + dir.path().string() +
                         "' && openssl req -new -x509 -days 2 -nodes -newkey rsa:2048 "
                         "-subj /CN=elsewhere -keyout other.key -out other.crt >/dev/null 2>&1")
                            .c_str()) == 0);
    const std::string uri =
        server->tcp_uri(name, "sslmode=verify-full&sslrootcert=" + other.string());
    try {
        open_uri(uri);
        FAIL("connected to a server whose certificate was not trusted");
    } catch (const ServerLoginError& e) {
        CHECK(e.reason() == ServerLoginError::Reason::untrusted);
        const std::string said = e.what();
        CHECK(said.find("could not be reached safely") != std::string::npos);
        CHECK(said.find("certificate") != std::string::npos);
    }
}

TEST_CASE("PostgreSQL over TCP: a server that insists on TLS refuses a plain login in a sentence",
          "[pg][tls]") {
    test::PgServer* server = tls_server_or_skip();
    if (!server)
        return;
    const std::string name = database_on(*server);
    server->prepend_hba("hostnossl all all 127.0.0.1/32 reject");
    try {
        open_uri(server->tcp_uri(name, "sslmode=disable"));
        FAIL("a plain login was let in");
    } catch (const ServerLoginError& e) {
        CHECK(e.reason() == ServerLoginError::Reason::refused);
        CHECK(std::string(e.what()).find("refused the connection") != std::string::npos);
    }
    // What the window and the CLI send by default still gets in, encrypted
    store::Database db = open_uri(server->tcp_uri(name));
    CHECK(store::server_connection(db)->encrypted);
}
