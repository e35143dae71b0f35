// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/open.h"

#include "store/backup.h"

namespace rapport::store {

DailyBackupOutcome take_daily_backup(Database& db, Date today) {
    DailyBackupOutcome outcome;
    try {
        const DailyBackupResult r = maybe_daily_backup(db, today);
        outcome.made = r.made;
        outcome.file = r.file;
    } catch (const DamagedDatabaseError&) {
        throw;
    } catch (const DataError& e) {
        // The store's own sentence when the copy failed ("Today's backup ... could not be
        // written: the disk is full."); a folder problem found before it gets the same start.
        if (e.message().text().rfind("Today's backup", 0) == 0)
            outcome.warning = e.message();
        else
            outcome.warning =
                Message(tr("Today's backup could not be written: {}"), e.message().continuing());
    }
    return outcome;
}

OpenedDatabase open_for_use(const std::filesystem::path& path, Date today,
                            DailyBackupTiming timing) {
    OpenedDatabase opened{Database::open(path), {}};
    if (timing == DailyBackupTiming::now)
        opened.backup = take_daily_backup(opened.db, today);
    return opened;
}

DailyBackupInBackground::DailyBackupInBackground(const Database& db, Date today, Done done) {
    if (db.path() == ":memory:")
        return; // nothing on disk to back up
    m_reader = std::make_unique<Database>(Database::open_reader(db));
    m_thread = std::thread([reader = m_reader.get(), today, done = std::move(done)] {
        DailyBackupOutcome outcome;
        std::string damage;
        try {
            outcome = take_daily_backup(*reader, today);
        } catch (const DamagedDatabaseError& e) {
            damage = e.finding();
        } catch (const SentenceError& e) {
            outcome.warning = e.message();
        } catch (const std::exception& e) {
            outcome.warning = Message(std::string(e.what()));
        }
        done(outcome, damage);
    });
}

DailyBackupInBackground::~DailyBackupInBackground() {
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace rapport::store
