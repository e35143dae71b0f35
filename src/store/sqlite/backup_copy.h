// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Building blocks shared by backup.cpp and restore.cpp; not for use outside the store.
#include "store/backup.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

struct sqlite3;
namespace SQLite {
class Exception;
}

namespace rapport::store::detail {

// Thrown by write_copy when `verify` finds the copy damaged; the copy is already removed.
struct DamagedCopy {
    std::string finding;
};

// Copies every page `source` sees (its "main" database, WAL included) into `dest` through the
// online backup API, in one step so the copy is one consistent snapshot.
void copy_pages(sqlite3* source, sqlite3* dest);

// Writes what `source` holds to `target` as one self-contained file (rollback journal, so
// reading it later creates no -wal/-shm beside it): temporary name, fsync, rename, 0600.
// With `verify`, the copy must pass PRAGMA quick_check before it takes the name;
// `before_rename` runs once the copy is complete, just before the rename.
void write_copy(sqlite3* source, const std::filesystem::path& target, bool verify,
                const std::function<void()>& before_rename = {});

// A byte-for-byte copy, atomic and 0600 like every other file Rapport writes.
void copy_file_bytes(const std::filesystem::path& from, const std::filesystem::path& to);

// The backups folder, created owner-only; an existing one is tightened to 0700 too, since
// every file in it is a copy of the owner's customers.
void prepare_folder(const std::filesystem::path& folder);

// A fresh name in backup_folder(db_path) for a backup of `kind` taken now.
std::filesystem::path timestamped_name(const std::filesystem::path& db_path, BackupKind kind);

// A shop database's backup (store/postgres/server_backup.cpp): pg_dump's custom format into
// `target`, whole or absent, 0600. DataError when pg_dump is missing or fails.
void write_server_dump(Database& db, const std::filesystem::path& target);

// What a pg_dump copy holds, read with pg_restore (counts of the tables the backup list shows).
struct ServerDumpFacts {
    bool restorable = false;
    Message problem; // why not, when !restorable
    int schema_version = 0;
    std::int64_t customers = 0, interactions = 0, purchases = 0;
};
ServerDumpFacts inspect_server_dump(const std::filesystem::path& file);

// Puts `file` (a pg_dump copy) back into the shop database `live` is connected to, in one
// transaction. DataError, and nothing changed, when pg_restore is missing or fails.
void restore_server_dump(Database& live, const std::filesystem::path& file);

// One phrase for a copy that failed ("the disk is full").
Message copy_failure(const SQLite::Exception& e);

} // namespace rapport::store::detail
