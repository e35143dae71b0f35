// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/format.h"

#include "core/errors.h"
#include "gui/windows_locale.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/numformatter.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <algorithm>
#include <climits>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

namespace rapport::gui {
namespace {

// The C locale's short date ("03/14/26") reads badly and is ambiguous; people running without
// a configured locale get an unambiguous "14 Mar 2026" instead.
bool locale_is_plain_c() {
    const wxString name = wxUILocale::GetCurrent().GetName();
    return name.empty() || name == "C" || name == "POSIX" || name.StartsWith("C.");
}

} // namespace

wxString Wx(std::string_view utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}

std::string Utf8(const wxString& s) {
    return s.utf8_string();
}

namespace {

// Where the locale puts the currency and the sign (POSIX localeconv, LC_MONETARY as set by
// wxUILocale::UseDefault; on Windows the user's regional settings, gui/windows_locale.h). The C
// locale leaves them unset (CHAR_MAX): English placement then.
struct MoneyPlacement {
    bool symbol_first = true;
    bool spaced = false;   // a space between currency and number
    int sign_position = 1; // 0 parentheses, 1 before all, 2 after all, 3 before the currency,
                           // 4 after the currency
};

MoneyPlacement Placement(bool negative) {
#ifdef _WIN32
    const auto w = windows_locale::Currency(negative);
    return MoneyPlacement{w.symbol_first, w.spaced, w.sign_position};
#else
    const std::lconv* lc = std::localeconv();
    const char precedes = negative ? lc->n_cs_precedes : lc->p_cs_precedes;
    const char sep = negative ? lc->n_sep_by_space : lc->p_sep_by_space;
    const char position = negative ? lc->n_sign_posn : lc->p_sign_posn;
    MoneyPlacement p;
    if (precedes != CHAR_MAX)
        p.symbol_first = precedes != 0;
    if (sep != CHAR_MAX)
        p.spaced = sep == 1;
    if (position != CHAR_MAX && position >= 0 && position <= 4)
        p.sign_position = position;
    return p;
#endif
}

wxString NegativeSign() {
#ifdef _WIN32
    return windows_locale::Currency(true).negative_sign;
#else
    const char* sign = std::localeconv()->negative_sign;
    return sign && *sign ? wxString(sign) : wxString("-");
#endif
}

// The sign of a currency code: the locale's own symbol for its own currency, the common signs
// of a few others, else the code itself ("CHF").
wxString CurrencySymbol(std::string_view code) {
#ifdef _WIN32
    if (const auto w = windows_locale::Currency(false); w.code == Wx(code) && !w.symbol.empty())
        return w.symbol;
#else
    const std::lconv* lc = std::localeconv();
    if (code.size() == 3 && std::string_view(lc->int_curr_symbol).substr(0, 3) == code &&
        *lc->currency_symbol)
        return wxString(lc->currency_symbol);
#endif
    if (code == "EUR")
        return wxString::FromUTF8("\xE2\x82\xAC");
    if (code == "USD")
        return "$";
    if (code == "GBP")
        return wxString::FromUTF8("\xC2\xA3");
    return Wx(code);
}

// The one composer behind every amount of the window. The space that joins number and
// currency does not break, so a wrapped sentence never leaves "€" alone on a line.
wxString ComposeMoney(std::int64_t cents, std::string_view currency, bool with_cents,
                      bool explicit_plus) {
    const bool negative = cents < 0;
    const std::uint64_t abs_cents =
        negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    wxString number = wxNumberFormatter::ToString(static_cast<wxULongLong_t>(abs_cents / 100),
                                                  wxNumberFormatter::Style_WithThousandsSep);
    if (with_cents)
        number += wxString(wxNumberFormatter::GetDecimalSeparator()) +
                  wxString::Format("%02d", static_cast<int>(abs_cents % 100));
    const wxString sign = negative                     ? NegativeSign()
                          : explicit_plus && cents > 0 ? wxString("+")
                                                       : wxString();
    if (currency.empty())
        return sign + number;

    const MoneyPlacement p = Placement(negative);
    const wxString symbol = CurrencySymbol(currency);
    const bool word = std::any_of(symbol.begin(), symbol.end(),
                                  [](wxUniChar c) { return c.IsAscii() && wxIsalpha(c); });
    const wxString space = p.spaced || word ? wxString(wxUniChar(0xA0)) : wxString();
    wxString marked = symbol; // the currency with the sign when the sign sits beside it
    if (p.sign_position == 3)
        marked = sign + symbol;
    else if (p.sign_position == 4)
        marked = symbol + sign;
    const wxString body = p.symbol_first ? marked + space + number : number + space + marked;
    switch (p.sign_position) {
    case 0:
        return negative ? "(" + body + ")" : sign + body;
    case 2:
        return body + sign;
    case 3:
    case 4:
        return body;
    default:
        return sign + body;
    }
}

} // namespace

wxString FormatAmount(Money m) {
    return ComposeMoney(m.cents, {}, true, false);
}

wxString FormatMoney(Money m, std::string_view currency) {
    return ComposeMoney(m.cents, currency, true, false);
}

wxString FormatSignedMoney(Money m, std::string_view currency) {
    return ComposeMoney(m.cents, currency, true, true);
}

wxString FormatWholeAmount(double units) {
    return ComposeMoney(std::llround(units) * 100, {}, false, false);
}

namespace {

// The amount if `text` is one, negative ones included: tells "negative" from "not a number".
std::optional<Money> parse_money_or_none(const std::string& text) {
    try {
        return parse_money(text, AllowNegative::yes);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

} // namespace

wxString FormatPercentNumber(BasisPoints bp) {
    const int decimals = bp % 100 == 0 ? 0 : (bp % 10 == 0 ? 1 : 2);
    return wxNumberFormatter::ToString(bp / 100.0, decimals, wxNumberFormatter::Style_None);
}

Money ParseAmount(const wxString& text, const wxString& what) {
    const wxChar dec = wxNumberFormatter::GetDecimalSeparator();
    wxChar thousands = 0;
    const bool has_thousands = wxNumberFormatter::GetThousandsSeparatorIfUsed(&thousands);
    wxString t;
    for (wxChar ch : text) {
        // Spaces (also the no-break spaces some locales group digits with) and currency signs
        // are decoration.
        if (wxIsspace(ch) || ch == 0xA0 || ch == 0x202F || ch == 0x20AC || ch == '$' || ch == 0xA3)
            continue;
        t += ch;
    }
    if (dec != '.' && t.Find(dec) != wxNOT_FOUND) {
        if (has_thousands)
            t.Replace(wxString(thousands), "");
        t.Replace(wxString(dec), ".");
    } else if (has_thousands && thousands != '.') {
        t.Replace(wxString(thousands), "");
    }
    // The core checks the amount; its English sentence is replaced by one in the user's
    // language, with an example written the way they type amounts.
    try {
        return parse_money(Utf8(t), AllowNegative::no);
    } catch (const InputError&) {
        const wxString example = FormatAmount(Money{1250});
        const wxString typed = text.Strip(wxString::both);
        if (typed.empty())
            throw InputError(Utf8(
                wxString::Format(_("The %s is empty; type a number like %s."), what, example)));
        if (!t.empty() && parse_money_or_none(Utf8(t)))
            throw InputError(
                Utf8(wxString::Format(_("The %s cannot be negative (got \"%s\")."), what, typed)));
        throw InputError(Utf8(wxString::Format(_("The %s \"%s\" is not a valid amount; use a "
                                                 "number with at most two decimals, like %s."),
                                               what, typed, example)));
    }
}

BasisPoints ParsePercent(const wxString& text, const wxString& what, BasisPoints min_bp,
                         BasisPoints max_bp) {
    wxString t = text.Strip(wxString::both);
    const wxChar dec = wxNumberFormatter::GetDecimalSeparator();
    if (dec != '.')
        t.Replace(wxString(dec), ".");
    BasisPoints bp = 0;
    try {
        bp = parse_percent(Utf8(t), "percentage", std::numeric_limits<BasisPoints>::min(),
                           std::numeric_limits<BasisPoints>::max());
    } catch (const InputError&) {
        throw InputError(Utf8(wxString::Format(
            _("The %s \"%s\" is not a valid percentage; type a number like 40 or %s."), what,
            text.Strip(wxString::both), FormatPercentNumber(3750))));
    }
    if (bp < min_bp || bp > max_bp)
        throw InputError(
            Utf8(wxString::Format(_("The %s must be between %s %% and %s %% (got "
                                    "\"%s\")."),
                                  what, FormatPercentNumber(min_bp), FormatPercentNumber(max_bp),
                                  text.Strip(wxString::both))));
    return bp;
}

wxDateTime ToWxDate(Date d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(unsigned(d.day())),
                      static_cast<wxDateTime::Month>(unsigned(d.month()) - 1), int(d.year()));
}

Date FromWxDate(const wxDateTime& dt) {
    return Date{date::year{dt.GetYear()}, date::month{static_cast<unsigned>(dt.GetMonth()) + 1},
                date::day{static_cast<unsigned>(dt.GetDay())}};
}

namespace {

// `d` by a strftime pattern with the locale's names. On Windows the C runtime's strftime knows
// neither the user's language nor "%-d" (gui/windows_locale.h): Windows writes it there.
wxString FormatByPattern(Date d, const wxString& pattern) {
    const wxDateTime dt = ToWxDate(d);
#ifdef _WIN32
    if (const wxString text = windows_locale::Date(dt, pattern); !text.empty())
        return text;
#endif
    return dt.Format(pattern);
}

} // namespace

wxString FormatDate(Date d) {
    const wxDateTime dt = ToWxDate(d);
#ifdef _WIN32
    if (const wxString text = windows_locale::ShortDate(dt); !text.empty())
        return text;
#endif
    return locale_is_plain_c() ? dt.Format("%d %b %Y") : dt.FormatDate();
}

// wxWidgets 3.2 knows no long date on GTK (wxLOCALE_LONG_DATE_FMT gives "%a %d %b %Y"), so the
// patterns below come with the translation, in strftime notation; the day and month names
// are the locale's.
wxString FormatLongDate(Date d) {
    // TRANSLATORS: strftime pattern of a heading's long date, "%-d" is the day without a
    // leading zero: "Wednesday 25 November 2026". German: "%A, %-d. %B %Y".
    // xgettext:no-c-format
    return FormatByPattern(d, _("%A %-d %B %Y"));
}

wxString FormatDayMonth(Date d, bool abbreviated) {
    if (abbreviated) {
        // TRANSLATORS: strftime pattern of a short day and month: "Wed 25 Nov".
        // xgettext:no-c-format
        return FormatByPattern(d, _("%a %-d %b"));
    }
    // TRANSLATORS: strftime pattern of a day and month: "Wednesday 25 November".
    // xgettext:no-c-format
    return FormatByPattern(d, _("%A %-d %B"));
}

wxString FormatDateTime(const LocalDateTime& t) {
    return wxString::Format("%s %02d:%02d", FormatDate(t.day), t.minutes_of_day / 60,
                            t.minutes_of_day % 60);
}

wxString FormatRelativeDay(Date d, Date today) {
    const int days = days_between(d, today);
    if (days == 0)
        return _("today");
    if (days == 1)
        return _("yesterday");
    if (days == -1)
        return _("tomorrow");
    if (days > 1 && days < 7)
        return wxString::Format(wxPLURAL("%d day ago", "%d days ago", days), days);
    if (days < -1 && days > -7)
        return wxString::Format(wxPLURAL("in %d day", "in %d days", -days), -days);
    return FormatDate(d);
}

wxString FormatDueState(Date due, Date today) {
    const int late = days_between(due, today);
    if (late == 0)
        return _("today");
    if (late < 0)
        return wxString::Format(wxPLURAL("in %d day", "in %d days", -late), -late);
    if (late < 14)
        return wxString::Format(wxPLURAL("%d day late", "%d days late", late), late);
    if (late < 9 * 7)
        return wxString::Format(_("%d weeks late"), late / 7);
    if (late < 365)
        return wxString::Format(_("%d months late"), late / 30);
    return wxString::Format(wxPLURAL("over %d year late", "over %d years late", late / 365),
                            late / 365);
}

wxString FormatMonth(std::string_view year_month) {
    if (year_month.size() != 7)
        return Wx(year_month);
    const int year = std::atoi(std::string(year_month.substr(0, 4)).c_str());
    const int month = std::atoi(std::string(year_month.substr(5, 2)).c_str());
    if (month < 1 || month > 12)
        return Wx(year_month);
    return wxString::Format("%s %d", MonthName(month), year);
}

wxString MonthName(int month) {
    const auto m = static_cast<wxDateTime::Month>(month - 1);
#ifdef _WIN32
    if (const wxString name = windows_locale::MonthName(m); !name.empty())
        return name;
#endif
    return wxDateTime::GetMonthName(m);
}

wxString WeekdayName(int c_weekday) {
    const auto day = static_cast<wxDateTime::WeekDay>(c_weekday);
#ifdef _WIN32
    if (const wxString name = windows_locale::WeekdayName(day); !name.empty())
        return name;
#endif
    return wxDateTime::GetWeekDayName(day);
}

wxString Label(Channel v) {
    return wxGetTranslation(Wx(to_label(v)));
}
wxString Label(Category v) {
    return wxGetTranslation(Wx(to_label(v)));
}
wxString Label(ResolutionType v) {
    return wxGetTranslation(Wx(to_label(v)));
}
wxString Label(ResolutionStatus v) {
    return wxGetTranslation(Wx(to_label(v)));
}
wxString Label(Outcome v) {
    return wxGetTranslation(Wx(to_label(v)));
}

wxString Label(Verdict v) {
    return wxGetTranslation(Wx(to_label(v)));
}
wxString Label(Quadrant q) {
    return wxGetTranslation(Wx(to_label(q)));
}

wxString SeverityLabel(int severity) {
    switch (severity) {
    case 1:
        return _("1 - minor");
    case 2:
        return _("2 - small");
    case 3:
        return _("3 - noticeable");
    case 4:
        return _("4 - serious");
    case 5:
        return _("5 - severe");
    default:
        return wxString::Format("%d", severity);
    }
}

namespace {

// "Refund €25.00 (accepted)": the type, the cost when there is one, and the status.
wxString OfferedResolution(const Resolution& r, std::string_view currency) {
    wxString text = Label(r.type);
    if (r.cost.cents != 0)
        text += " " + FormatMoney(r.cost, currency);
    switch (r.status) {
    case ResolutionStatus::offered:
        return wxString::Format(_("%s (offered)"), text);
    case ResolutionStatus::accepted:
        return wxString::Format(_("%s (accepted)"), text);
    case ResolutionStatus::declined:
        return wxString::Format(_("%s (declined)"), text);
    }
    return text;
}

} // namespace

wxString FormatOfferedResolutions(const std::vector<Resolution>& resolutions,
                                  std::string_view currency) {
    wxString out;
    for (const Resolution& r : resolutions) {
        if (!out.empty())
            out += "; ";
        out += OfferedResolution(r, currency);
    }
    return out;
}

wxString EscapeMarkup(const wxString& text) {
    wxString out;
    out.reserve(text.length());
    for (wxUniChar ch : text) {
        switch (ch.GetValue()) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += ch;
        }
    }
    return out;
}

wxString Ordinal(long n) {
    const long tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return wxString::Format(_("%ldth"), n);
    switch (n % 10) {
    case 1:
        return wxString::Format(_("%ldst"), n);
    case 2:
        return wxString::Format(_("%ldnd"), n);
    case 3:
        return wxString::Format(_("%ldrd"), n);
    default:
        return wxString::Format(_("%ldth"), n);
    }
}

wxString Translate(const Message& m) {
    return Wx(
        m.render([](std::string_view english) { return Utf8(wxGetTranslation(Wx(english))); }));
}

wxString ErrorText(const std::exception& e) {
    if (const auto* sentence = dynamic_cast<const SentenceError*>(&e))
        return Translate(sentence->message());
    return wxString::Format(_("Something went wrong: %s"), Wx(e.what()));
}

void ShowError(wxWindow* parent, const std::exception& e, const wxString& title) {
    wxMessageDialog dlg(parent, ErrorText(e), title.empty() ? _("Rapport") : title,
                        wxOK | wxICON_ERROR);
    dlg.ShowModal();
}

MessageLanguage UiMessageLanguage() {
    wxTranslations* translations = wxTranslations::Get();
    if (!translations || !translations->IsLoaded("rapport"))
        return MessageLanguage::english;
    return message_language_of_locale(
        Utf8(translations->GetBestTranslation("rapport", wxLANGUAGE_ENGLISH_US)));
}

wxString SatisfactionLabel(int satisfaction) {
    switch (satisfaction) {
    case 1:
        return _("1 - very unhappy");
    case 2:
        return _("2 - unhappy");
    case 3:
        return _("3 - so-so");
    case 4:
        return _("4 - satisfied");
    case 5:
        return _("5 - very satisfied");
    default:
        return wxString::Format("%d", satisfaction);
    }
}

} // namespace rapport::gui
