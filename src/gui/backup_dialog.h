// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's side of data safety (store/backup.h): File > Back up now, File > Restore from
// backup (the backups with their dates and record counts; a safety copy of the current data is
// made before anything is replaced), and what happens when the file is found damaged at start.
#include "gui/services.h"

#include <filesystem>

class wxWindow;

namespace rapport::gui {

// Writes a manual backup and says where it went.
void BackUpNow(wxWindow* parent, Services& services);

// Shows the backups; after the owner picks one and confirms, restores it and tells every view
// to reload. Returns whether a backup was restored.
bool ShowRestoreDialog(wxWindow* parent, Services& services);

// At start-up, `db_path` was refused as damaged (`finding` is SQLite's first finding). Says so
// and offers the newest backup that passes its checks. Returns true when it was restored (open
// the file again), false when the owner declined or there is no good backup; the damaged file
// is never written to unless the owner accepts the restore.
bool OfferRestoreOfDamaged(wxWindow* parent, const std::filesystem::path& db_path,
                           const wxString& finding);

} // namespace rapport::gui
