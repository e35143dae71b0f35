// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/change_watch.h"

#include "store/sqlite/connection.h"

namespace rapport::store {

ChangeWatch::ChangeWatch(Database& db) : m_db(db) {
    try {
        session(m_db).watch_changes();
        m_watching = true;
    } catch (const std::exception&) {
        // A server away at this moment: the first look after it is back starts the watch
    }
}

bool ChangeWatch::others_saved() noexcept {
    try {
        if (!m_watching) {
            session(m_db).watch_changes();
            m_watching = true;
            return true; // what happened before could not be heard
        }
        return session(m_db).others_saved();
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace rapport::store
