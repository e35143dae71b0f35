// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What others save, for a window that shows it without a click: on a file, rapport-cli or a
// second window writing to it; on a shop database, every other PC. The window asks on a timer
// and refreshes its lists when the answer is yes (gui/main_frame.cpp).
#include "store/database.h"

namespace rapport::store {

class ChangeWatch {
public:
    // Starts watching `db`, which must outlive the watch. Its own saves never count: the
    // window already refreshes after them.
    explicit ChangeWatch(Database& db);
    // Whether another connection saved a change since the last call (or since the watch
    // began). Never throws: a database that cannot be asked now says no, and the next read
    // reports why in its own sentence.
    bool others_saved() noexcept;

private:
    Database& m_db;
    bool m_watching = false;
};

} // namespace rapport::store
