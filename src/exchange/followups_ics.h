// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open follow-ups as an iCalendar file, for the owner's calendar. One writer for both the
// command line (`export followups --format ics`) and the window (File > Export follow-ups to
// calendar), so the two files are the same.
#include "core/ics_writer.h"
#include "store/database.h"
#include "store/followups.h"

#include <cstddef>
#include <filesystem>

namespace rapport::exchange {
using store::Database;
using store::FollowUpItem;

// One all-day event for an open follow-up; its UID comes from the follow-up id, so importing a
// newer file updates the event instead of adding a second one.
IcsEvent follow_up_calendar_event(const FollowUpItem& item);

// Writes every open follow-up of `db` to `out` (atomically, owner-only); done follow-ups are
// left out. The calendar is named after the business. Returns how many events were written.
// Throws DataError when the file cannot be written.
std::size_t export_follow_ups_ics(Database& db, const std::filesystem::path& out);

} // namespace rapport::exchange
