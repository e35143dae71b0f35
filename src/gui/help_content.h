// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The built-in guide, compiled into the program: no help files to install or lose. Every
// paragraph is its own translatable string, so the guide follows the window's language, and
// the figures it quotes (hourly rate, retention, watch ratio...) are the owner's own settings.
#include "core/settings.h"

#include <wx/string.h>

#include <vector>

namespace rapport::gui {

struct HelpChapter {
    wxString anchor; // "worth": the page links to "#worth"
    wxString title;  // translated
};

// The chapters in reading order.
std::vector<HelpChapter> HelpChapters();

// The guide as the inside of an HTML <body> for wxHtmlWindow: a contents list linking to each
// chapter, then the chapters.
wxString HelpBodyHtml(const Settings& settings);

} // namespace rapport::gui
