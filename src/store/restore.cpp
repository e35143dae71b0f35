// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring a backup (declared in store/backup.h). The replacement goes through the online
// backup API into the live file rather than renaming the backup over it, because:
//  - it is one write transaction of the live database: a crash or kill during the restore
//    leaves the old contents (the WAL frames of an unfinished transaction are ignored), never
//    half of the new;
//  - the live file keeps its inode, mode and WAL: a rename would leave the database's -wal
//    beside a file it does not belong to, and SQLite would replay those frames onto the
//    restored pages; a window that has the file open would keep writing to the unlinked old
//    one;
//  - other connections see the restore like any other commit (SQLite bumps the schema cookie).
// Only a live file SQLite cannot read at all (its header is gone) is replaced by renaming a
// complete copy over it, after its -wal and -shm are removed; the safety copy holds both.
#include "store/backup.h"

#include "store/sqlite/backup_copy.h"

#include "core/errors.h"
#include "core/folder_sync.h"
#include "store/roles.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace rapport::store {
namespace fs = std::filesystem;
using namespace detail;

namespace {

constexpr int kBusyTimeoutMs = 5000;

bool unreadable_as_sqlite(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

// The current file as it is, before anything is replaced: a consistent copy through the backup
// API when SQLite can read it, else its bytes (and its -wal) exactly.
fs::path make_safety_copy(const fs::path& db_path) {
    prepare_folder(backup_folder(db_path));
    const fs::path dest = timestamped_name(db_path, BackupKind::before_restore);
    try {
        SQLite::Database source(db_path.string(), SQLite::OPEN_READONLY);
        source.setBusyTimeout(kBusyTimeoutMs);
        write_copy(source.getHandle(), dest, false);
        return dest;
    } catch (const SQLite::Exception& e) {
        if (!unreadable_as_sqlite(e))
            throw DataError(tr("Could not make a safety copy of {} before restoring ({}); "
                               "nothing was changed."),
                            db_path.string(), copy_failure(e));
    }
    copy_file_bytes(db_path, dest);
    const fs::path wal = db_path.string() + "-wal";
    std::error_code ec;
    if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0)
        copy_file_bytes(wal, dest.string() + "-wal");
    return dest;
}

// Puts a complete copy of `source` in place of the unreadable file at `db_path`. The old
// file's WAL and shared memory must not meet the new file, so they go just before the rename.
void replace_unreadable_file(sqlite3* source, const fs::path& db_path) {
    write_copy(source, db_path, false, [&] {
        std::error_code ec;
        fs::remove(db_path.string() + "-wal", ec);
        fs::remove(db_path.string() + "-shm", ec);
    });
}

} // namespace

RestoreResult restore_backup(Database& live, const fs::path& backup_file) {
    if (!live.is_server())
        return restore_backup(live.path(), backup_file);
    require_owner(live, tr("restore a backup"));
    RestoreResult result;
    result.restored = inspect_backup(backup_file);
    if (!result.restored.restorable)
        throw DataError(tr("{} cannot be restored: {}. Nothing was changed."), backup_file.string(),
                        result.restored.problem);
    // The safety copy first: without it, nothing is replaced
    prepare_folder(backup_folder(live.path()));
    result.safety_copy = timestamped_name(live.path(), BackupKind::before_restore);
    write_server_dump(live, result.safety_copy);
    restore_server_dump(live, backup_file);
    return result;
}

RestoreResult restore_backup(const fs::path& db_path, const fs::path& backup_file) {
    if (is_server_location(db_path.string())) {
        Database live = Database::open(db_path);
        return restore_backup(live, backup_file);
    }
    RestoreResult result;
    result.restored = inspect_backup(backup_file);
    std::error_code ec;
    if (fs::exists(db_path, ec) && fs::equivalent(db_path, backup_file, ec))
        throw DataError(tr("{} is the database itself, not a backup of it."), backup_file.string());
    if (!result.restored.restorable)
        throw DataError(tr("{} cannot be restored: {}. Nothing was changed."), backup_file.string(),
                        result.restored.problem);

    SQLite::Database source(backup_file.string(), SQLite::OPEN_READONLY);
    source.setBusyTimeout(kBusyTimeoutMs);
    {
        std::string finding;
        try {
            SQLite::Statement st(source, "PRAGMA integrity_check(1)");
            if (st.executeStep() && st.getColumn(0).getString() != "ok")
                finding = st.getColumn(0).getString();
        } catch (const SQLite::Exception& e) {
            finding = e.what();
        }
        if (!finding.empty())
            throw DataError(tr("The backup {} is damaged ({}); choose another one. "
                               "Nothing was changed."),
                            backup_file.string(), finding);
    }

    const bool has_data = fs::exists(db_path, ec) && fs::file_size(db_path, ec) > 0;
    if (has_data) {
        result.safety_copy = make_safety_copy(db_path);
    } else {
        ensure_private_directory(db_path.parent_path());
        ensure_private_file(db_path);
    }

    try {
        SQLite::Database live(db_path.string(), SQLite::OPEN_READWRITE);
        live.setBusyTimeout(kBusyTimeoutMs);
        copy_pages(source.getHandle(), live.getHandle());
        // The copy carries the backup's rollback-journal header; the live file stays in WAL.
        live.exec("PRAGMA journal_mode = WAL");
        try {
            live.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
            // Another connection is reading; the restore is committed, the WAL shrinks later.
        }
        // Restored into a file made just now: its name is flushed too (SQLite flushes the
        // folder for its journals, not for the database file), as Database::open does.
        if (!has_data)
            sync_parent_folder(db_path);
        return result;
    } catch (const SQLite::Exception& e) {
        if (!unreadable_as_sqlite(e))
            rethrow_as_data_error(e, tr("restore the backup"));
    }
    try {
        replace_unreadable_file(source.getHandle(), db_path);
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, tr("restore the backup"));
    }
    return result;
}

} // namespace rapport::store
