// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the window shows when a save is refused because someone else saved the same record
// while the dialog was open (store::EditConflict): the store's sentence, then both versions and
// what Save and Cancel now do. The dialog keeps what was typed and starts from their version,
// so a second Save puts it over theirs knowingly.
#include "core/records.h"
#include "store/edit_conflict.h"

#include <wx/string.h>
#include <wx/window.h>

namespace rapport::gui {

void ShowEditConflict(wxWindow* parent, const store::EditConflict& e, const wxString& title,
                      const wxString& details);

// Their incident and the one still in the form, as the conflict's details.
wxString IncidentVersions(const Interaction& theirs, const Interaction& mine);

} // namespace rapport::gui
