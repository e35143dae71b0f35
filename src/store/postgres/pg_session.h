// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shop-server backend of store/sql/session.h: statements on libpq, PostgreSQL's own C
// client. For src/store only; libpq's header stays in the .cpp, so nothing above the store
// can reach the server except through the store.
#include "store/sql/session.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::store {

// Whom a session is talking to, in the words an error sentence or the window's status needs.
struct PgConnectionInfo {
    std::string host;       // a name, an address, or the socket folder of a local server
    std::string user;       // the role we logged in as
    std::string database;   // the database name on that server
    bool tls = false;       // whether the connection is encrypted
    int server_version = 0; // e.g. 150004 for 15.4
};

class PgSession : public sql::Session {
public:
    virtual PgConnectionInfo info() const = 0;
    // Asks the server to stop the statement running now, from any thread. The statement then
    // fails with Failure::interrupted; a statement timeout (not asked for) is Failure::busy.
    virtual void cancel() noexcept = 0;
    // watch_changes() and others_saved() (sql::Session): every write transaction on the server
    // sends NOTIFY rapport_changes at its commit, and a watching session LISTENs, again after a
    // reconnect; others_saved() is true once after a reconnect, since what was saved while the
    // connection was down was not heard.
};

// Connects to `uri` (postgresql://host/db?... or key=value pairs) and prepares the session:
// statement and lock timeouts, UTF-8, ISO dates. Adds connect_timeout=5 and TCP keepalives when
// the URI does not set them, so a dead server costs seconds, not minutes. Passwords come from
// the URI, ~/.pgpass or PGPASSFILE (libpq reads them). Throws sql::Error: unreachable (no such
// host, no server, timeout) or refused (wrong password, no such role or database, server too
// old).
std::unique_ptr<PgSession> connect_postgres(const std::string& uri);

// Whether --db / RAPPORT_DB names a server rather than a file.
bool is_postgres_uri(std::string_view text);

// What `uri` asks for without connecting, for a sentence when connecting fails ("cannot
// reach HOST"); empty for what the URI leaves to libpq's defaults. Never holds the password.
struct PgTarget {
    std::string host;
    std::string port;
    std::string user;
    std::string database;
};
PgTarget describe_postgres_uri(const std::string& uri);

// The store's SQL, written once for both backends, as PostgreSQL reads it. Outside string
// literals, quoted identifiers, dollar quotes and comments:
// - `?`, SQLite's `?NNN` and `:name` become `$1, $2, ...` (a name used twice is one number,
//   its number goes in `names` at index number - 1);
// - `x COLLATE NOCASE` becomes `lower(x)` for a column or a parameter: the schema gives every
//   text column the "C" collation, where lower() folds ASCII letters only, as NOCASE does;
// - `LIKE` becomes `ILIKE`: SQLite's LIKE ignores the case of ASCII letters.
// - SQLite's planner hint `NOT INDEXED` is dropped.
// `parameters` gets the highest parameter number. Public for its tests.
std::string number_placeholders(std::string_view sql, int& parameters,
                                std::vector<std::string>* names = nullptr);

} // namespace rapport::store
