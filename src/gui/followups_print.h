// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The weekly follow-up list on paper: the same overdue section and days as the Follow-ups view,
// as HTML that wxHtmlEasyPrinting lays out to the page width, so it fits A4 and Letter alike.
#include "store/followups.h"

#include <wx/bitmap.h>
#include <wx/string.h>

#include <string_view>

namespace rapport::gui {

// The printable page: a title with the ISO week and its dates, the overdue follow-ups, then
// each day of the week with its follow-ups (customer, incident, what was offered, note) and a
// box to tick. Amounts are written in `currency` the locale's way.
wxString WeeklyReviewHtml(const store::FollowUpAgenda& agenda, const wxString& business,
                          std::string_view currency);

// Lays `html` out on an A4 page at 96 dots per inch, as the printer would, and draws page
// `page` (from 1) into a white bitmap; `pages` receives the page count. For tests and for
// looking at the page without a printer.
wxBitmap RenderPrintPage(const wxString& html, int page, int* pages = nullptr);

// wx's print preview shows its page buttons as pictures, its page number field and its page
// without a label, so a screen reader hears "button" and "panel": names every open preview's
// controls for what they do, and the page by the window's title.
void NamePreviewControls();

} // namespace rapport::gui
