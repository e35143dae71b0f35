// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/privacy.h"
#include "store/sqlite/connection.h"

namespace rapport::store {

// Both are about the SQLite file's own pages; a server reclaims deleted rows itself (VACUUM).
void purge_search_indexes(Database& db) {
    if (session(db).dialect() != sql::Dialect::sqlite)
        return;
    session(db).exec("INSERT INTO customer_fts (customer_fts) VALUES ('optimize')");
    session(db).exec("INSERT INTO interaction_fts (interaction_fts) VALUES ('optimize')");
}

void flush_deleted_pages(Database& db) {
    if (session(db).dialect() != sql::Dialect::sqlite)
        return;
    try {
        session(db).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const sql::Error&) {
        // Busy: another connection is reading. The data is deleted; the WAL shrinks later.
    }
}

} // namespace rapport::store
