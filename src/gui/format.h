#pragma once
// How the window shows and reads values: money and dates in the user's locale, enum labels
// translated, UTF-8 across the wx boundary. Files and the command line stay invariant; only
// the window goes through here.
#include "core/dates.h"
#include "core/enums.h"
#include "core/money.h"

#include <wx/datetime.h>
#include <wx/string.h>

#include <string>
#include <string_view>

class wxWindow;

namespace rapport::gui {

wxString Wx(std::string_view utf8);
std::string Utf8(const wxString& s);

// "1,234.50" with the locale's separators; with a currency: "€1,234.50", "CHF 1,234.50".
wxString FormatAmount(Money m);
wxString FormatMoney(Money m, std::string_view currency);
// Reads an amount as typed in the locale ("1.234,50" where comma is the decimal point) or
// invariantly ("1234.50"); throws InputError naming `what`.
Money ParseAmount(const wxString& text, std::string_view what);

wxDateTime ToWxDate(Date d);
Date FromWxDate(const wxDateTime& dt);
wxString FormatDate(Date d);                     // the locale's short date
wxString FormatDateTime(const LocalDateTime& t); // short date and HH:MM
// "today", "yesterday", "3 days ago", "in 2 days", else the date.
wxString FormatRelativeDay(Date d, Date today);
// Where a due date stands: "today", "in 3 days", "2 days late", "5 weeks late".
wxString FormatDueState(Date due, Date today);
// "2026-03" as "March 2026".
wxString FormatMonth(std::string_view year_month);

wxString Label(Channel v);
wxString Label(Category v);
wxString Label(ResolutionType v);
wxString Label(ResolutionStatus v);
wxString Label(Outcome v);
wxString SeverityLabel(int severity); // "3 – noticeable"

// Text made safe to show in a cell that interprets Pango markup.
wxString EscapeMarkup(const wxString& text);

// "1st", "2nd", "3rd", "11th"...
wxString Ordinal(long n);

// The text of an exception for a message box: the sentence of InputError/DataError, else a
// generic sentence with what() appended.
wxString ErrorText(const std::exception& e);
// Shows `e` in a modal error box over `parent`.
void ShowError(wxWindow* parent, const std::exception& e, const wxString& title = wxString());

} // namespace rapport::gui
