// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export all data: the owner's whole history as one CSV file per kind of record in a
// folder, or as one JSON file, so they can always take their data elsewhere.
#include <filesystem>

class wxWindow;

namespace rapport::gui {

class Services;

// Asks where to put a new folder "rapport-data-YYYY-MM-DD", writes the CSV files into it and
// reports how many records of each kind. `into`, when given, is used instead of asking (tests).
void ExportAllDataAsCsv(wxWindow* parent, Services& services,
                        const std::filesystem::path& into = {});
// Asks for a file name, writes the JSON document and reports the counts. `file`, when given,
// is used instead of asking (tests).
void ExportAllDataAsJson(wxWindow* parent, Services& services,
                         const std::filesystem::path& file = {});

} // namespace rapport::gui
