// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Import customers / Import purchases: pick a CSV file, see its first rows as read
// (delimiter, header), say which column holds what, see every bad row with its line number
// and what would be new or matched, then import: everything, or only the good rows when the
// owner ticks that. Nothing is written before Import, and an import is all or nothing.
#include "exchange/importer.h"

#include <filesystem>

class wxWindow;

namespace rapport::gui {

class Services;

// `file`, when given, is read at once instead of asking for one first (tests, screenshots).
// True when rows were imported.
bool ShowImportDialog(wxWindow* parent, Services& services, exchange::ImportKind kind,
                      const std::filesystem::path& file = {});

} // namespace rapport::gui
