// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The owner's settings: business name, currency, hourly rate, default margin, week start, and
// the usual resolution of each category that the log dialog proposes.
class wxWindow;

namespace rapport::gui {

class Services;

// True when something was saved (views then refresh through Services::changes).
bool ShowSettingsDialog(wxWindow* parent, Services& services);

} // namespace rapport::gui
