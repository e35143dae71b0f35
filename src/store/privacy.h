// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deleting personal data for good. secure_delete (set on every connection) zeroes the bytes
// SQLite frees, but two places keep copies it does not reach:
//  - FTS5 indexes: a delete only adds a tombstone segment; the deleted words stay in the older
//    segments until they are merged. 'optimize' merges every segment into one, dropping them
//    (measured on 1M interactions: 0.4 s; a no-op when nothing was deleted).
//  - the WAL: it holds earlier images of the pages until a checkpoint copies them back and the
//    file is truncated.
#include "store/database.h"

namespace rapport::store {

// Merges the full-text indexes so deleted words leave them. Call inside the write transaction
// that deleted the rows, so the deletion and the purge commit together.
void purge_search_indexes(Database& db);

// After that transaction committed: checkpoints the WAL into the file and truncates it, so no
// earlier image of a deleted row remains in the -wal. Best effort: a reader in another window
// may hold the WAL for now; it is truncated when the last connection closes.
void flush_deleted_pages(Database& db);

} // namespace rapport::store
