// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a Database holds: the session every repository runs its SQL on, and, for a file, the
// SQLite connection behind it (for PRAGMAs, the backup API and the checks). For src/store .cpp
// files only.
#include "store/database.h"
#include "store/sql/session.h"

#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace rapport::store::detail {

struct Connection {
    // A SQLite file (or the in-memory database).
    explicit Connection(std::unique_ptr<SQLite::Database> d);
    // A shop's server: `uri` as given, kept to open a second connection for reading.
    Connection(std::unique_ptr<sql::Session> s, std::string uri);
    ~Connection();

    std::unique_ptr<SQLite::Database> db; // null on a server
    std::unique_ptr<sql::Session> session;
    std::string server_uri; // empty for a file
    int write_depth = 0;    // open WriteTransaction scopes; only the outermost begins and commits
};

} // namespace rapport::store::detail
