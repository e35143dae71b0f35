// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way into a Rapport database, for the window and the command line alike, so every
// promise made at opening is kept once: the file is opened (created 0600 when missing), checked,
// refused untouched when it is not ours, damaged or newer, migrated in one transaction, and
// backed up on the first use of each day. A daily backup that cannot be written (full disk,
// read-only folder) is a warning, not a failure: the owner can still work.
#include "core/dates.h"
#include "store/database.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace rapport::store {

// How the day's backup went.
struct DailyBackupOutcome {
    bool made = false;          // false: today's exists already, or there is nothing to back up
    std::filesystem::path file; // today's backup
    Message warning;            // the sentence to show when it could not be written; else empty
};

enum class DailyBackupTiming {
    now,   // before open_for_use returns (the command line: each command is short)
    later, // the caller starts DailyBackupInBackground once it has drawn (the window)
};

struct OpenedDatabase {
    Database db;
    DailyBackupOutcome backup; // filled with DailyBackupTiming::now
};

// Opens `path` for use. Throws DamagedDatabaseError (the file, or today's backup copy of it, is
// damaged: nothing was written) and DataError (not ours, newer, cannot be opened).
OpenedDatabase open_for_use(const std::filesystem::path& path, Date today,
                            DailyBackupTiming timing = DailyBackupTiming::now);

// Today's backup of `db` with the owner's rotation settings: a copy that cannot be written comes
// back as a warning; a copy that shows damage throws DamagedDatabaseError.
DailyBackupOutcome take_daily_backup(Database& db, Date today);

// The window's daily backup: a copy of a big file and its check take seconds (1M interactions:
// about 1.5 s), so it runs on a worker thread with a read-only connection of its own while the
// window is already on screen. `done` runs on the worker when it has finished, with the outcome,
// or with the damage found (then `damage` is SQLite's finding and the outcome is empty).
class DailyBackupInBackground {
public:
    using Done = std::function<void(const DailyBackupOutcome& outcome, const std::string& damage)>;
    // Opens the reader here, on the caller's thread, while `db` is sure to be open.
    DailyBackupInBackground(const Database& db, Date today, Done done);
    // Waits for the backup to finish: a half-written copy never takes the backup's name anyway
    // (temporary name, then rename), but the thread must not outlive its connection.
    ~DailyBackupInBackground();
    DailyBackupInBackground(const DailyBackupInBackground&) = delete;
    DailyBackupInBackground& operator=(const DailyBackupInBackground&) = delete;

private:
    std::unique_ptr<Database> m_reader;
    std::thread m_thread;
};

} // namespace rapport::store
