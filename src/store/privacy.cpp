// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/privacy.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace rapport::store {

void purge_search_indexes(Database& db) {
    sqlite(db).exec("INSERT INTO customer_fts (customer_fts) VALUES ('optimize')");
    sqlite(db).exec("INSERT INTO interaction_fts (interaction_fts) VALUES ('optimize')");
}

void flush_deleted_pages(Database& db) {
    try {
        sqlite(db).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
        // Busy: another connection is reading. The data is deleted; the WAL shrinks later.
    }
}

} // namespace rapport::store
