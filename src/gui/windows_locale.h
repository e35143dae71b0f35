// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Dates and money as the Windows user's regional settings write them, read from Windows itself.
// wxUILocale::UseDefault sets only the thread's locale on Windows, not the C runtime's, so
// strftime and localeconv there stay "C": US dates ("11/19/26"), English names, "€104,00" in
// German, and no date at all for a "%-d" pattern. gui/format.cpp asks these functions instead;
// they also honour what the user changed in the Region settings, which the C runtime ignores.
#ifdef _WIN32
#include <wx/datetime.h>
#include <wx/string.h>

class wxDatePickerCtrl;

namespace rapport::gui::windows_locale {

// The user's short date: "19.11.2026" in German, "11/19/2026" in US English.
wxString ShortDate(const wxDateTime& d);
// `d` written by a strftime pattern (core/date_picture.h) with Windows' names for days and
// months; empty when the pattern has a specifier a date picture cannot say.
wxString Date(const wxDateTime& d, const wxString& strftime_pattern);
wxString WeekdayName(wxDateTime::WeekDay day); // "Montag"
wxString MonthName(wxDateTime::Month month);   // "März"

// Where the currency and the sign go, in localeconv's terms (gui/format.cpp).
struct CurrencyPlacement {
    bool symbol_first = true;
    bool spaced = false;
    int sign_position = 1;
    wxString symbol;        // the user's own currency's sign, "€"
    wxString code;          // its ISO 4217 code, "EUR"
    wxString negative_sign; // "-"
};
CurrencyPlacement Currency(bool negative);

// The picker shows the user's short date with two-digit day and month fields (Wine draws a
// one-digit field two digits wide: "6 .12.2026").
void FitDatePickerFields(wxDatePickerCtrl* picker);

} // namespace rapport::gui::windows_locale
#endif
