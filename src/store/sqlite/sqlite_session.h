// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The single-file backend of store/sql/session.h: statements on SQLite's C API, over the
// connection a SQLite::Database holds. For src/store only.
#include "store/sql/session.h"

#include <memory>

namespace SQLite {
class Database;
}

namespace rapport::store {

// What a SQLite result code (primary or extended) means in the store's terms.
sql::Failure sqlite_failure(int code);

// `db` must outlive the session.
std::unique_ptr<sql::Session> make_sqlite_session(SQLite::Database& db);

} // namespace rapport::store
