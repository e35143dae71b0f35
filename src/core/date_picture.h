// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Date patterns in Windows' own notation (GetDateFormatEx pictures: "dddd, d. MMMM yyyy").
// On Windows wxWidgets sets the thread's locale but not the C runtime's, so strftime there
// writes US dates and English names whatever the user chose; the window asks Windows instead
// (gui/windows_locale.cpp), and these pure conversions are what it hands over.
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// The strftime pattern of a date (%A %a %B %b %h %d %-d %#d %e %m %-m %#m %Y %y %%, anything
// else literal) as a Windows date picture with the literal text quoted: "%A, %-d. %B %Y" ->
// "dddd', 'd'. 'MMMM' 'yyyy". nullopt for a specifier a date picture cannot say (%H, %j...).
std::optional<std::string> windows_date_picture(std::string_view strftime_pattern);

// The picture with one-digit day and month fields made two-digit ("d.M.yyyy" -> "dd.MM.yyyy"),
// quoted text left alone. Wine's date picker draws every number field two digits wide, so a
// one-digit day stands apart from its dot: "6 .12.2026".
std::string two_digit_day_and_month(std::string_view picture);

} // namespace rapport
