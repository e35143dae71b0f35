// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Explore with demo data": made-up customers in their own file beside the real one, created
// on first use, so demo rows never mix with the owner's records.
#include "store/database.h"

#include <filesystem>

namespace rapport::gui {

// $XDG_DATA_HOME/rapport/demo.db (or ~/.local/share/rapport/demo.db).
std::filesystem::path DemoDatabasePath();

// Opens the demo file, filling it with the demo generator when it has no customers yet.
store::Database OpenDemoDatabase(const std::filesystem::path& path);

} // namespace rapport::gui
