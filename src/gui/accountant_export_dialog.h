// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export for accountant: a period (last month, last quarter, last year, this year or
// two chosen days), CSV (for spreadsheets in English or German, remembered in the csv_dialect
// setting) or XLSX, where to save; the totals are shown before anything is written, and again
// once the file is saved.
class wxWindow;

namespace rapport::gui {

class Services;

// True when a file was written.
bool ShowAccountantExportDialog(wxWindow* parent, Services& services);

} // namespace rapport::gui
