#include "gui/format.h"

#include "core/errors.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/numformatter.h>
#include <wx/uilocale.h>

#include <cstdlib>

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

wxString FormatAmount(Money m) {
    const std::int64_t abs_cents = m.cents < 0 ? -m.cents : m.cents;
    const wxString whole = wxNumberFormatter::ToString(static_cast<wxLongLong_t>(abs_cents / 100),
                                                       wxNumberFormatter::Style_WithThousandsSep);
    return wxString::Format("%s%s%s%02d", m.cents < 0 ? "-" : "", whole,
                            wxString(wxNumberFormatter::GetDecimalSeparator()),
                            static_cast<int>(abs_cents % 100));
}

wxString FormatMoney(Money m, std::string_view currency) {
    const wxString amount = FormatAmount(m);
    if (currency == "EUR")
        return wxString::FromUTF8("\xE2\x82\xAC") + amount;
    if (currency == "USD")
        return "$" + amount;
    if (currency == "GBP")
        return wxString::FromUTF8("\xC2\xA3") + amount;
    return Wx(currency) + " " + amount;
}

Money ParseAmount(const wxString& text, std::string_view what) {
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
    return parse_money(Utf8(t), AllowNegative::no, what);
}

wxDateTime ToWxDate(Date d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(unsigned(d.day())),
                      static_cast<wxDateTime::Month>(unsigned(d.month()) - 1), int(d.year()));
}

Date FromWxDate(const wxDateTime& dt) {
    return Date{date::year{dt.GetYear()}, date::month{static_cast<unsigned>(dt.GetMonth()) + 1},
                date::day{static_cast<unsigned>(dt.GetDay())}};
}

wxString FormatDate(Date d) {
    const wxDateTime dt = ToWxDate(d);
    return locale_is_plain_c() ? dt.Format("%d %b %Y") : dt.FormatDate();
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
    return wxString::Format(
        "%s %d", wxDateTime::GetMonthName(static_cast<wxDateTime::Month>(month - 1)), year);
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

wxString ErrorText(const std::exception& e) {
    if (dynamic_cast<const InputError*>(&e) || dynamic_cast<const DataError*>(&e))
        return Wx(e.what());
    return wxString::Format(_("Something went wrong: %s"), Wx(e.what()));
}

void ShowError(wxWindow* parent, const std::exception& e, const wxString& title) {
    wxMessageDialog dlg(parent, ErrorText(e), title.empty() ? _("Rapport") : title,
                        wxOK | wxICON_ERROR);
    dlg.ShowModal();
}

} // namespace rapport::gui
