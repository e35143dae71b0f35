// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/edit_conflict_view.h"

#include "core/staff.h"
#include "gui/format.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace rapport::gui {

void ShowEditConflict(wxWindow* parent, const store::EditConflict& e, const wxString& title,
                      const wxString& details) {
    wxMessageDialog tell(parent, Translate(e.message()), title, wxOK | wxICON_WARNING);
    tell.SetExtendedMessage(details);
    tell.ShowModal();
}

wxString IncidentVersions(const Interaction& theirs, const Interaction& mine) {
    const auto version = [](const Interaction& i) {
        wxString text = Wx(i.summary);
        if (!i.asked_for.empty())
            text += "\n" + wxString::Format(_("Asked for: %s"), Wx(i.asked_for));
        if (!i.lesson.empty())
            text += "\n" + wxString::Format(_("Lesson: %s"), Wx(i.lesson));
        return text;
    };
    return wxString::Format(_("Their version (%s):"), Wx(describe_stamp(theirs.changed))) + "\n" +
           version(theirs) + "\n\n" + _("Your version, still in the form:") + "\n" + version(mine) +
           "\n\n" + _("Save again to put yours over theirs, or Cancel to keep theirs.");
}

} // namespace rapport::gui
