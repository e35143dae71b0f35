// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a screen reader says for a control. wxWidgets 3.2 has no accessibility API on GTK, so
// these reach the native widget's accessible object (ATK), which the AT-SPI bridge hands to
// Orca. Plain fields beside their label need nothing: GTK relates them. Lists, drawn panels
// and charts do: without a name they are read as "table" or "panel" and nothing else.
// On other toolkits these do nothing.
#include <wx/string.h>

class wxWindow;
class wxStaticText;

namespace rapport::gui {

enum class AccessibleRole {
    list,      // a column of entries, one of them selected (the sidebar)
    list_item, // one entry of such a list
    chart,     // a drawing of figures: give it a description with them
    table,     // rows and columns
    text,      // a read-only block of text
};

// The name a screen reader speaks when the control gets the keyboard: the text shown above
// or beside it (a list's heading), so what is heard is what is seen.
void SetAccessibleName(wxWindow* control, const wxString& name);
// Read after the name and role, or on request: what a chart shows, in words and figures.
void SetAccessibleDescription(wxWindow* control, const wxString& description);
void SetAccessibleRole(wxWindow* control, AccessibleRole role);
// `label` names `control`: a screen reader reads the label's text for it, and the label's
// Alt+letter moves the keyboard to it. For controls GTK does not pair on its own: lists,
// drawn panels, fields whose label is not just before them.
void SetLabelFor(wxStaticText* label, wxWindow* control);
// For an entry of a hand-drawn list (SetAccessibleRole list_item): whether it is the
// selected one, as it is highlighted on screen. The list announces the newly selected entry.
void SetAccessibleSelected(wxWindow* item, bool selected);

// Large text: a label given the whole width of its column rewraps its text to that width
// whenever it or its text changes, instead of running past the edge and being cut.
void WrapToWidth(wxStaticText* label);

} // namespace rapport::gui
