// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/lessons_page.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/ui.h"

#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::gui {
namespace {

wxVariant Cell(const wxString& text) {
    return wxVariant(EscapeMarkup(text));
}

// A lesson written over several lines, on one line of the list.
wxString OneLine(const std::string& text) {
    wxString out = Wx(text);
    out.Replace("\r\n", " ");
    out.Replace("\n", " ");
    out.Replace("\r", " ");
    return out;
}

wxString Count(std::int64_t n) {
    return wxString::Format("%lld", static_cast<long long>(n));
}

} // namespace

LessonsPage::LessonsPage(wxWindow* parent) : wxPanel(parent) {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_headline = new wxStaticText(this, wxID_ANY, wxString());
    m_headline->SetName("lessons_headline");
    WrapToWidth(m_headline);
    sizer->Add(m_headline, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);
    auto* note = MakeNote(
        this, wxString::Format(_("What was learned from each incident (its root cause or "
                                 "lesson), by category. A category keeps coming back with %lld "
                                 "or more incidents in the %d days up to today. All incidents "
                                 "so far, whatever the period; money given back counts accepted "
                                 "resolutions."),
                               static_cast<long long>(store::kComingBackIncidents),
                               store::kComingBackDays));
    WrapToWidth(note);
    sizer->AddSpacer(gap);
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT, space);

    auto* byCategory = MakeSectionTitle(this, _("By category"));
    sizer->Add(byCategory, 0, wxLEFT | wxRIGHT | wxTOP, space);
    m_categories = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxDV_SINGLE | wxDV_ROW_LINES);
    m_categories->SetName("lessons_by_category");
    AddColumns(m_categories,
               {{_("Category"), 170},
                {_("Incidents"), 90, wxALIGN_RIGHT},
                {_("Last 90 days"), 110, wxALIGN_RIGHT},
                {_("Given back"), 120, wxALIGN_RIGHT},
                {_("Lessons"), 80, wxALIGN_RIGHT},
                {_("Keeps coming back"), 150}},
               0);
    ShowCutTextAsTip(m_categories);
    SetLabelFor(byCategory, m_categories);
    sizer->Add(m_categories, 2, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    auto* lessonsTitle = MakeSectionTitle(this, _("Lessons, newest first"));
    sizer->Add(lessonsTitle, 0, wxLEFT | wxRIGHT | wxTOP, space);
    m_lessons = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxDV_SINGLE | wxDV_ROW_LINES);
    m_lessons->SetName("lessons_list");
    AddColumns(m_lessons,
               {{_("Category"), 150},
                {_("Date"), 100},
                {_("Customer"), 160},
                {_("Lesson"), 300},
                {_("Given back"), 110, wxALIGN_RIGHT}},
               3);
    ShowCutTextAsTip(m_lessons);
    SetLabelFor(lessonsTitle, m_lessons);
    sizer->Add(m_lessons, 3, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->AddSpacer(space);
    SetSizer(sizer);
}

void LessonsPage::Show(const store::LessonsReport& r, const std::string& currency) {
    wxString again;
    for (const std::size_t k : r.coming_back)
        again += (again.empty() ? "" : ", ") +
                 wxString::Format(_("%s (%lld)"), Label(r.categories[k].category),
                                  static_cast<long long>(r.categories[k].recent));
    wxString headline =
        r.lessons == 0
            ? _("No lesson has been written on an incident yet.")
            : wxString::Format(wxPLURAL("%lld lesson learned.", "%lld lessons learned.", r.lessons),
                               static_cast<long long>(r.lessons));
    if (!again.empty())
        headline += " " + wxString::Format(_("Keeps coming back: %s."), again);
    m_headline->SetLabelText(headline);

    m_categories->DeleteAllItems();
    m_lessons->DeleteAllItems();
    for (const auto& c : r.categories) {
        wxVector<wxVariant> row;
        row.push_back(Cell(Label(c.category)));
        row.push_back(Cell(Count(c.incidents)));
        row.push_back(Cell(Count(c.recent)));
        row.push_back(Cell(FormatMoney(c.given_back, currency)));
        row.push_back(Cell(Count(c.lesson_count)));
        row.push_back(Cell(c.keeps_coming_back() ? _("Yes") : wxString()));
        m_categories->AppendItem(row);
        for (const auto& l : c.lessons) {
            wxVector<wxVariant> line;
            line.push_back(Cell(Label(c.category)));
            line.push_back(Cell(FormatDate(l.on)));
            line.push_back(Cell(Wx(l.customer)));
            line.push_back(Cell(OneLine(l.lesson)));
            line.push_back(Cell(FormatMoney(l.given_back, currency)));
            m_lessons->AppendItem(line);
        }
        const auto older = c.lesson_count - static_cast<std::int64_t>(c.lessons.size());
        if (older > 0) {
            wxVector<wxVariant> line;
            line.push_back(Cell(Label(c.category)));
            line.push_back(Cell(wxString()));
            line.push_back(Cell(wxString()));
            line.push_back(Cell(
                wxString::Format(wxPLURAL("and %lld older lesson", "and %lld older lessons", older),
                                 static_cast<long long>(older))));
            line.push_back(Cell(wxString()));
            m_lessons->AppendItem(line);
        }
    }
    Layout();
}

} // namespace rapport::gui
