#include "store/privacy.h"

namespace rapport::store {

void purge_search_indexes(Database& db) {
    db.sql().exec("INSERT INTO customer_fts (customer_fts) VALUES ('optimize')");
    db.sql().exec("INSERT INTO interaction_fts (interaction_fts) VALUES ('optimize')");
}

void flush_deleted_pages(Database& db) {
    try {
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
        // Busy: another connection is reading. The data is deleted; the WAL shrinks later.
    }
}

} // namespace rapport::store
