// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Alt+letter for field labels that works whatever the widget: GTK gives a label's mnemonic to
// the next focusable sibling only when that sibling is a plain widget, so choices, date pickers
// and fields followed by a unit label were missed or given the wrong label's letter.
#include <wx/string.h>

#include <optional>
#include <vector>

class wxStaticText;
class wxWindow;

namespace rapport::gui {

// The lower-cased character after '&' in a control's label (its Alt+letter), if any.
std::optional<wxUniChar> MnemonicOf(const wxString& label);

// Alt+letter of a label in `top` (a dialog) puts the keyboard on the field made right after the
// label, in a part of it that takes the keyboard (the text of a date picker, say). Keys with no
// such label go on to the buttons and check boxes, which GTK handles itself.
void RouteLabelMnemonics(wxWindow* top);

// Gives each of `labels` an Alt+letter that no other control in `top` uses, for labels whose
// text comes from elsewhere (the store, the core's category names) in any language.
void AddFreeMnemonics(wxWindow* top, const std::vector<wxStaticText*>& labels);

} // namespace rapport::gui
