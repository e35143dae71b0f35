// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The guide window (Help > Help, F1): the compiled-in guide in a wxHtmlWindow beside the main
// window, not modal, so the owner can read and work at the same time.
#include "core/settings.h"

#include <wx/string.h>

class wxWindow;

namespace rapport::gui {

// Opens the guide, or brings the open one to the front with the figures of `settings`.
// `chapter` is an anchor of HelpChapters() ("worth") to scroll to, or empty for the top.
void ShowHelpWindow(wxWindow* parent, const Settings& settings, const wxString& chapter = {});

// The name the guide window has, for finding it (tests, a second F1).
inline constexpr const char* kHelpWindowName = "rapport_help";

} // namespace rapport::gui
