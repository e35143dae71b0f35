// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checks of the keyboard shared by the GUI tests and the German desktop test: every field
// label's Alt+letter, unique in its dialog and reaching its field, walked through every dialog.
#include "gui_support.h"

#include <wx/stattext.h>

#include <optional>
#include <string>
#include <vector>

namespace rapport::gui::test {

std::string Str(const wxString& s);
// The lower-cased letter after '&' in a label: its Alt+letter.
std::optional<wxUniChar> MnemonicOf(const wxString& label);
// Fields a person types into or picks from: what a label names.
bool IsField(wxWindow* w);
// Every window inside `w` (not other top-level windows), parents before children.
void Descendants(wxWindow* w, std::vector<wxWindow*>& out);
// True when the keyboard is in `field` or in a part of it (a date picker's text, say).
bool HasFocusIn(wxWindow* field);
// Which of `stops` has the keyboard, asking GTK (see the .cpp).
wxWindow* StopWithFocus(wxWindow* top, const std::vector<wxWindow*>& stops);
// What is wrong with the Alt+letters of `dialog`, one sentence each; empty when all is well.
std::vector<std::string> MnemonicProblems(wxWindow* dialog);

// Opens every dialog of the window in turn over a database in `dir`: checks its Alt+letters,
// presses each field label's letter and sees its field take the keyboard. Returns what is
// wrong, one sentence each.
std::vector<std::string> WalkEveryDialog(const TempDir& dir);

} // namespace rapport::gui::test
