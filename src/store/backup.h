// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Backups of the database file, and restoring one. Copies go through SQLite's online backup API,
// so they are consistent while the window or a script keeps writing, and are written to a
// temporary name, flushed to disk and renamed: a backup file is whole or absent. Every backup
// is owner-only (0600) in an owner-only folder (0700), whatever the umask.
//
// Where: <folder of the database>/backups/, named after the database file ("rapport.db" gives
//   rapport-2026-11-25.db                          the automatic daily backup of that day
//   rapport-2026-11-25-143005-manual.db            `rapport-cli backup`, the window's command
//   rapport-2026-11-25-143005-before-update.db     taken before a migration to a newer schema
//   rapport-2026-11-25-143005-before-restore.db    the safety copy made before a restore
// Only daily backups are rotated; the others are kept until the owner deletes them.
#include "core/dates.h"
#include "core/message.h"
#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::store {

enum class BackupKind { daily, manual, before_update, before_restore };

// "daily", "manual", "before-update", "before-restore": the key in file names and JSON.
std::string_view backup_kind_key(BackupKind kind);

// What the backup list shows for one file, read through a read-only connection.
struct BackupInfo {
    std::filesystem::path file;
    BackupKind kind = BackupKind::daily;
    Date day;             // from the file name
    std::string taken_at; // "2026-11-25" (daily) or "2026-11-25 14:30:05"
    std::uintmax_t bytes = 0;
    bool restorable = false; // a Rapport database this version can open
    Message problem;         // why not, when !restorable
    int schema_version = 0;
    std::int64_t customers = 0;
    std::int64_t interactions = 0;
    std::int64_t purchases = 0;
};

// <folder of the database>/backups
std::filesystem::path backup_folder(const std::filesystem::path& db_path);

// Writes a consistent copy of `db` to `dest`: temporary name, fsync, rename, 0600; the folder
// of `dest` must exist. Throws DataError with a sentence (folder missing or read-only, disk
// full); `dest` is then left as it was.
void write_backup(Database& db, const std::filesystem::path& dest);

// A manual backup into backup_folder(), named with the current date and time; returns its path.
std::filesystem::path make_backup(Database& db);

// Backs up the file at `db_path` before Database::open migrates it (kind before_update). Reads
// through its own read-only connection; throws DataError when the copy cannot be made, so the
// migration does not run without one.
std::filesystem::path backup_before_update(const std::filesystem::path& db_path);

// How many automatic backups to keep: the `keep_daily` newest, plus the newest of each of the
// `keep_weekly` most recent weeks that have one (the rule restic and borg call keep-daily /
// keep-weekly; a backup can count for both).
struct RotationPolicy {
    int keep_daily = 7;
    int keep_weekly = 4;
    date::weekday week_start = date::Monday;
};

// The days among `days` (one daily backup each) that `policy` keeps, newest first.
std::vector<Date> daily_backups_to_keep(std::vector<Date> days, const RotationPolicy& policy);

struct DailyBackupResult {
    bool made = false;                          // false: today's exists, or nothing to back up
    std::filesystem::path file;                 // today's backup
    std::vector<std::filesystem::path> removed; // daily backups rotated out
};

// Call right after opening the database (the CLI does on every command, the window at start):
// on the first open of `today` it writes today's daily backup, verifies the copy with
// PRAGMA quick_check (the full check the open itself is too slow for on big files), and
// rotates old daily backups. An empty database (no customer yet) is not backed up; both keep
// settings at 0 turn automatic backups off. The policy comes from the settings
// backup_keep_daily / backup_keep_weekly / week_start.
// Throws DamagedDatabaseError when the copy shows the database is damaged (the copy is
// discarded, so a damaged backup never pushes a good one out), DataError when the copy
// cannot be written (folder, disk).
DailyBackupResult maybe_daily_backup(Database& db, Date today);
DailyBackupResult maybe_daily_backup(Database& db, Date today, const RotationPolicy& policy);

// Every backup of the database at `db_path`, newest first, with record counts. Files that
// cannot be read are listed with restorable = false and the reason.
std::vector<BackupInfo> list_backups(const std::filesystem::path& db_path);

// What one backup file holds; throws DataError when the file is missing.
BackupInfo inspect_backup(const std::filesystem::path& file);

struct RestoreResult {
    std::filesystem::path safety_copy; // the file as it was before; empty if there was none
    BackupInfo restored;
};

// Replaces the contents of the database at `db_path` with `backup_file`:
//   1. the backup must be a Rapport database this version can open and pass integrity_check;
//   2. a safety copy of the current file goes to backup_folder() (kind before_restore) -
//      through the backup API, or byte for byte (with its -wal) when SQLite cannot read it;
//   3. the contents are replaced through the backup API in the other direction, inside one
//      write transaction of the live file: a crash leaves the old contents, never half of the
//      new, and other connections see the change like any commit. Only when the live file is
//      not readable as SQLite at all is it replaced by renaming a complete copy over it.
// Does not need (or want) the database to be open: a damaged file can be restored. Throws
// DataError with a sentence and changes nothing when a step before the replacement fails.
// A `db_path` naming a shop database (a postgresql:// URI) opens it and restores as below.
RestoreResult restore_backup(const std::filesystem::path& db_path,
                             const std::filesystem::path& backup_file);

// The window's restore, on the database it has open. A file is restored as above; a shop
// database from a pg_dump copy (.dump): the copy is read with pg_restore first (it must be a
// Rapport shop database this version knows), a safety copy of the shop database as it is now
// is written (before-restore), then pg_restore --clean puts the copy back in one transaction.
// Everyone connected sees the restored data at their next read.
RestoreResult restore_backup(Database& live, const std::filesystem::path& backup_file);

} // namespace rapport::store
