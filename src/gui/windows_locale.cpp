// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef _WIN32
#include "gui/windows_locale.h"

#include "core/date_picture.h"

#include <wx/datectrl.h>
#include <wx/msw/wrapwin.h>

#include <commctrl.h>

#include <iterator>

namespace rapport::gui::windows_locale {
namespace {

SYSTEMTIME SystemTime(const wxDateTime& d) {
    SYSTEMTIME st{};
    st.wYear = static_cast<WORD>(d.GetYear());
    st.wMonth = static_cast<WORD>(d.GetMonth() + 1);
    st.wDay = static_cast<WORD>(d.GetDay());
    st.wDayOfWeek = static_cast<WORD>(d.GetWeekDay());
    return st;
}

// GetDateFormatEx for the user's locale (LOCALE_NAME_USER_DEFAULT: the one
// wxUILocale::UseDefault chose, with the user's own changes), by flags or by a picture.
wxString FormatByWindows(const wxDateTime& d, DWORD flags, const wchar_t* picture) {
    const SYSTEMTIME st = SystemTime(d);
    wchar_t buffer[256];
    const int n = ::GetDateFormatEx(LOCALE_NAME_USER_DEFAULT, flags, &st, picture, buffer,
                                    static_cast<int>(std::size(buffer)), nullptr);
    return n > 0 ? wxString(buffer) : wxString();
}

wxString LocaleText(LCTYPE what) {
    wchar_t buffer[128];
    const int n = ::GetLocaleInfoEx(LOCALE_NAME_USER_DEFAULT, what, buffer,
                                    static_cast<int>(std::size(buffer)));
    return n > 0 ? wxString(buffer) : wxString();
}

int LocaleNumber(LCTYPE what, int fallback) {
    DWORD value = 0;
    const int n =
        ::GetLocaleInfoEx(LOCALE_NAME_USER_DEFAULT, what | LOCALE_RETURN_NUMBER,
                          reinterpret_cast<wchar_t*>(&value), sizeof(value) / sizeof(wchar_t));
    return n > 0 ? static_cast<int>(value) : fallback;
}

} // namespace

wxString ShortDate(const wxDateTime& d) {
    return FormatByWindows(d, DATE_SHORTDATE, nullptr);
}

wxString Date(const wxDateTime& d, const wxString& strftime_pattern) {
    const auto picture = windows_date_picture(strftime_pattern.utf8_string());
    if (!picture)
        return wxString();
    return FormatByWindows(d, 0, wxString::FromUTF8(*picture).wc_str());
}

wxString WeekdayName(wxDateTime::WeekDay day) {
    // LOCALE_SDAYNAME1 is Monday; wxDateTime counts from Sunday.
    return LocaleText(LOCALE_SDAYNAME1 + (static_cast<int>(day) + 6) % 7);
}

wxString MonthName(wxDateTime::Month month) {
    return LocaleText(LOCALE_SMONTHNAME1 + static_cast<int>(month));
}

CurrencyPlacement Currency(bool negative) {
    CurrencyPlacement p;
    p.symbol = LocaleText(LOCALE_SCURRENCY);
    p.code = LocaleText(LOCALE_SINTLSYMBOL);
    p.negative_sign = LocaleText(LOCALE_SNEGATIVESIGN);
    if (p.negative_sign.empty())
        p.negative_sign = "-";
    if (!negative) {
        // LOCALE_ICURRENCY: 0 "$1.1", 1 "1.1$", 2 "$ 1.1", 3 "1.1 $".
        const int format = LocaleNumber(LOCALE_ICURRENCY, 0);
        p.symbol_first = format == 0 || format == 2;
        p.spaced = format >= 2;
        return p;
    }
    // LOCALE_INEGCURR's 16 patterns as (symbol first, spaced, sign position): 0 parentheses,
    // 1 before all, 2 after all, 3 just before the currency, 4 just after it.
    struct Negative {
        bool symbol_first, spaced;
        int sign_position;
    };
    static constexpr Negative kPatterns[16] = {
        {true, false, 0},  // ($1.1)
        {true, false, 1},  // -$1.1
        {true, false, 4},  // $-1.1
        {true, false, 2},  // $1.1-
        {false, false, 0}, // (1.1$)
        {false, false, 1}, // -1.1$
        {false, false, 3}, // 1.1-$
        {false, false, 2}, // 1.1$-
        {false, true, 1},  // -1.1 $
        {true, true, 1},   // -$ 1.1
        {false, true, 2},  // 1.1 $-
        {true, true, 2},   // $ 1.1-
        {true, true, 4},   // $ -1.1
        {false, true, 3},  // 1.1- $
        {true, true, 0},   // ($ 1.1)
        {false, true, 0},  // (1.1 $)
    };
    const int format = LocaleNumber(LOCALE_INEGCURR, 1);
    const Negative n = kPatterns[format >= 0 && format < 16 ? format : 1];
    p.symbol_first = n.symbol_first;
    p.spaced = n.spaced;
    p.sign_position = n.sign_position;
    return p;
}

void FitDatePickerFields(wxDatePickerCtrl* picker) {
    const wxString picture =
        wxString::FromUTF8(two_digit_day_and_month(LocaleText(LOCALE_SSHORTDATE).utf8_string()));
    if (!picture.empty())
        DateTime_SetFormat(static_cast<HWND>(picker->GetHWND()), picture.wc_str());
}

} // namespace rapport::gui::windows_locale
#endif
