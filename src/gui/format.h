// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the window shows and reads values: money and dates in the user's locale, enum labels
// translated, UTF-8 across the wx boundary. Files and the command line stay invariant; only
// the window goes through here.
#include "core/dates.h"
#include "core/enums.h"
#include "core/followup_message.h"
#include "core/message.h"
#include "core/money.h"
#include "core/records.h"
#include "core/worth.h"

#include <wx/datetime.h>
#include <wx/string.h>

#include <string>
#include <string_view>
#include <vector>

class wxWindow;

namespace rapport::gui {

wxString Wx(std::string_view utf8);
// The language the window speaks (the catalog in use): the follow-up message is drafted in it.
MessageLanguage UiMessageLanguage();
std::string Utf8(const wxString& s);

// Every amount the window shows goes through one composer (format.cpp): digits with the
// locale's grouping and decimal separator, sign and currency where the locale's monetary
// conventions (localeconv) put them. English: "€1,234.50", "-€31,235.95", "CHF 1,234.50";
// German: "1.234,50 €", "-31.235,95 €", "1.234,50 CHF".
wxString FormatAmount(Money m); // no currency: "1,234.50" / "1.234,50", also for text fields
wxString FormatMoney(Money m, std::string_view currency);
// With an explicit "+" on gains: "+€104.00" / "+104,00 €".
wxString FormatSignedMoney(Money m, std::string_view currency);
// Whole currency units without a currency, for chart axes: "12,000" / "-1.500".
wxString FormatWholeAmount(double units);
// Reads an amount as typed in the locale ("1.234,50" where comma is the decimal point) or
// invariantly ("1234.50"); throws InputError naming `what` (already translated) in the user's
// language, with an example amount written the locale's way.
Money ParseAmount(const wxString& text, const wxString& what);
// A percentage's number as the locale writes numbers, without the sign: 3750 -> "37.5" / "37,5".
wxString FormatPercentNumber(BasisPoints bp);
// Reads a percentage ("40", "37,5 %") within [min_bp, max_bp]; InputError in the user's language.
BasisPoints ParsePercent(const wxString& text, const wxString& what, BasisPoints min_bp,
                         BasisPoints max_bp);

wxDateTime ToWxDate(Date d);
Date FromWxDate(const wxDateTime& dt);
wxString FormatDate(Date d); // the locale's short date
// The long date of a heading: "Wednesday 25 November 2026", German "Mittwoch, 25. November 2026".
wxString FormatLongDate(Date d);
// A day of the current year: "Wednesday 25 November" / "Mittwoch, 25. November"; abbreviated
// "Wed 25 Nov" / "Mi, 25. Nov".
wxString FormatDayMonth(Date d, bool abbreviated = false);
wxString FormatDateTime(const LocalDateTime& t); // short date and HH:MM
// "today", "yesterday", "3 days ago", "in 2 days", else the date.
wxString FormatRelativeDay(Date d, Date today);
// Where a due date stands: "today", "in 3 days", "2 days late", "5 weeks late".
wxString FormatDueState(Date due, Date today);
// "2026-03" as "March 2026".
wxString FormatMonth(std::string_view year_month);
// The locale's names: MonthName(3) "March" / "März"; WeekdayName(1) "Monday" / "Montag"
// (0 is Sunday, as in C and date::weekday::c_encoding).
wxString MonthName(int month);
wxString WeekdayName(int c_weekday);

wxString Label(Channel v);
wxString Label(Category v);
wxString Label(ResolutionType v);
wxString Label(ResolutionStatus v);
wxString Label(Outcome v);
wxString Label(Verdict v);  // the core's worth labels (src/core/worth.cpp), translated
wxString Label(Quadrant q); // "Champions" / "Champions", "Misers" / "Knauser"
wxString SeverityLabel(int severity);
wxString SatisfactionLabel(int satisfaction); // "4 - satisfied"
// The resolutions of an incident (a follow-up's line) in the user's language and money:
// "Erstattung 85,00 € (angenommen); Nur Entschuldigung (angeboten)".
wxString FormatOfferedResolutions(const std::vector<Resolution>& resolutions,
                                  std::string_view currency);

// Text made safe to show in a cell that interprets Pango markup.
wxString EscapeMarkup(const wxString& text);

// "1st", "2nd", "3rd", "11th"...
wxString Ordinal(long n);

// A sentence of the core or the store (core/message.h) in the user's language: the template
// and each translatable argument looked up in the catalog, the other arguments as they are.
wxString Translate(const Message& m);
// The text of an exception for a message box: the sentence of InputError/DataError in the
// user's language, else a generic sentence with what() appended.
wxString ErrorText(const std::exception& e);
// Shows `e` in a modal error box over `parent`.
void ShowError(wxWindow* parent, const std::exception& e, const wxString& title = wxString());

} // namespace rapport::gui
