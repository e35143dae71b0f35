// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who saves, in the window (issue 16). On a file several people share one PC, so the log
// dialog has a "Logged by" field: the name chosen there is stamped on every save of this window
// (store::Database::set_actor) and remembered on this PC for the next start (rapport.conf,
// /Staff/LoggedBy). On a shop database the login is who saves: the field shows it, read-only.
#include <wx/combobox.h>

namespace rapport::gui {

class Services;

// The field, filled with the names incidents were logged by and set to the current one.
wxComboBox* MakeLoggedByField(wxWindow* parent, Services& services);
// Makes the field's name the window's actor and remembers it (unless the window remembers
// nothing: Services::remember_ui); InputError (nothing changed) for
// an empty name, one too long or with a line break.
void ApplyLoggedBy(wxComboBox* field, Services& services);
// At start (app.cpp): the name remembered on this PC, for a file (a bad one is ignored).
void RestoreLoggedBy(Services& services);

} // namespace rapport::gui
