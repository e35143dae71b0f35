// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/reports_view.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/gone_list.h"
#include "gui/lessons_page.h"
#include "gui/portfolio_view.h"
#include "gui/ui.h"

#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/notebook.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <utility>

namespace rapport::gui {
namespace {

struct Period {
    Date from;
    Date to;
};

Period PeriodFor(int choice, Date today) {
    switch (choice) {
    case 0:
        return {add_days(today, -29), today};
    case 1:
        return {add_days(today, -89), today};
    case 3:
        return {Date{today.year(), date::January, date::day{1}}, today};
    case 4:
        return {Date{date::year{1900}, date::January, date::day{1}}, today};
    default: // the last twelve months
        return {add_days(today, -364), today};
    }
}

wxString Hours(std::int64_t minutes) {
    if (minutes < 60)
        return wxString::Format(_("%lld min"), static_cast<long long>(minutes));
    return wxString::Format(_("%lld h %02lld min"), static_cast<long long>(minutes / 60),
                            static_cast<long long>(minutes % 60));
}

// The first column names the row and takes the free width; the figures line up at the right.
wxDataViewListCtrl* MakeTable(wxWindow* parent, const wxString& name,
                              std::initializer_list<std::pair<wxString, int>> columns) {
    auto* list = new wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_SINGLE | wxDV_ROW_LINES);
    list->SetName(name);
    std::vector<ColumnSpec> specs;
    for (const auto& [title, width] : columns)
        specs.push_back({title, width, specs.empty() ? wxALIGN_LEFT : wxALIGN_RIGHT});
    AddColumns(list, specs, 0);
    ShowCutTextAsTip(list);
    return list;
}

// Cells are markup: text from the database is escaped.
wxVariant Cell(const wxString& text) {
    return wxVariant(EscapeMarkup(text));
}

// "80 % (4 of 5)": a share with what it is a share of; a dash when there is nothing to divide.
wxString ShareOf(std::int64_t part, std::int64_t whole) {
    if (whole == 0)
        return wxString::FromUTF8("\xE2\x80\x93");
    return wxString::Format(_("%.0f %% (%lld of %lld)"),
                            100.0 * static_cast<double>(part) / static_cast<double>(whole),
                            static_cast<long long>(part), static_cast<long long>(whole));
}

// "4.3 (3 answers)".
wxString AverageOf(const AnswerTally& t) {
    if (!t.average())
        return wxString::FromUTF8("\xE2\x80\x93");
    return wxString::Format(wxPLURAL("%s (%lld answer)", "%s (%lld answers)", t.answers),
                            wxNumberFormatter::ToString(*t.average(), 1),
                            static_cast<long long>(t.answers));
}

void FillAnswers(wxDataViewListCtrl* table, const std::vector<store::AnswersRow>& rows,
                 const std::function<wxString(const std::string&)>& name) {
    table->DeleteAllItems();
    for (const auto& r : rows) {
        wxVector<wxVariant> row;
        row.push_back(Cell(name(r.key)));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(r.tally.done))));
        row.push_back(Cell(ShareOf(r.tally.on_time, r.tally.done)));
        row.push_back(Cell(ShareOf(r.tally.satisfied, r.tally.answers)));
        row.push_back(Cell(AverageOf(r.tally)));
        table->AppendItem(row);
    }
}

} // namespace

ReportsView::ReportsView(wxWindow* parent, Services& services,
                         std::function<void(Id)> open_customer)
    : wxPanel(parent), m_services(services), m_openCustomer(std::move(open_customer)),
      m_read(*this, services.db()) {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    const wxString currency = Wx(m_services.settings().currency);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = MakeHeading(this, _("Reports"), 1.6);
    title->Add(heading, 0, wxALIGN_CENTER_VERTICAL);
    m_reading = new wxStaticText(this, wxID_ANY, wxString());
    m_reading->SetName("reports_reading");
    m_reading->Hide();
    title->Add(m_reading, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, space);
    top->Add(title, 0);

    // Two pages: who is worth it (the portfolio) and what complaints cost over a period.
    m_tabs = new wxNotebook(this, wxID_ANY);
    m_tabs->SetName("report_tabs");
    SetLabelFor(heading, m_tabs);
    // A staff login sees neither the worth figures nor the margins behind "Haven't been back"
    // (store/roles.h): those two pages are left out.
    if (!m_services.staff()) {
        m_portfolio = new PortfolioView(m_tabs, m_services, m_openCustomer);
        m_tabs->AddPage(m_portfolio, _("Worth it? All customers"));
    }
    auto* page = new wxPanel(m_tabs);
    m_tabs->AddPage(page, _("Complaints and costs"));
    top->Add(m_tabs, 1, wxEXPAND | wxTOP, gap);

    auto* inner = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    m_headline = new wxStaticText(page, wxID_ANY, wxString());
    m_headline->SetName("reports_headline");
    WrapToWidth(m_headline); // leaves the period choice its room with big text
    header->Add(m_headline, 1, wxALIGN_CENTER_VERTICAL);
    header->Add(new wxStaticText(page, wxID_ANY, _("&Period:")), 0,
                wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, gap);
    m_period = new wxChoice(page, wxID_ANY);
    m_period->SetName("report_period");
    m_period->Append(_("Last 30 days"));
    m_period->Append(_("Last 90 days"));
    m_period->Append(_("Last 12 months"));
    m_period->Append(_("This year"));
    m_period->Append(_("All time"));
    m_period->SetSelection(2);
    header->Add(m_period, 0, wxALIGN_CENTER_VERTICAL);
    inner->Add(header, 0, wxEXPAND);

    auto* upper = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* byCategoryTitle = MakeSectionTitle(page, _("By category"));
    left->Add(byCategoryTitle, 0);
    m_byCategory = MakeTable(page, "report_by_category",
                             {{_("Category"), 130},
                              {_("Incidents"), 80},
                              {_("Time spent"), 105},
                              {wxString::Format(_("Given back (%s)"), currency), 145},
                              {wxString::Format(_("Pending (%s)"), currency), 120}});
    SetLabelFor(byCategoryTitle, m_byCategory);
    left->Add(m_byCategory, 1, wxEXPAND | wxTOP, gap);
    upper->Add(left, 3, wxEXPAND | wxRIGHT, space);
    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* costliestTitle = MakeSectionTitle(page, _("Given back the most"));
    right->Add(costliestTitle, 0);
    m_costliest = MakeTable(page, "report_costliest",
                            {{_("Customer"), 150},
                             {_("Incidents"), 80},
                             {wxString::Format(_("Given back (%s)"), currency), 145}});
    SetLabelFor(costliestTitle, m_costliest);
    right->Add(m_costliest, 1, wxEXPAND | wxTOP, gap);
    upper->Add(right, 2, wxEXPAND);
    inner->Add(upper, 1, wxEXPAND | wxTOP, space);

    auto* byMonthTitle = MakeSectionTitle(page, _("By month"));
    inner->Add(byMonthTitle, 0, wxTOP, space);
    m_byMonth = MakeTable(page, "report_by_month",
                          {{_("Month"), 150},
                           {_("Incidents"), 80},
                           {_("Time spent"), 105},
                           {wxString::Format(_("Given back (%s)"), currency), 145},
                           {wxString::Format(_("Pending (%s)"), currency), 120}});
    SetLabelFor(byMonthTitle, m_byMonth);
    inner->Add(m_byMonth, 1, wxEXPAND | wxTOP, gap);
    auto* pageSizer = new wxBoxSizer(wxVERTICAL);
    pageSizer->Add(inner, 1, wxEXPAND | wxALL, space);
    page->SetSizer(pageSizer);

    // Complaints by category per month, for the same period: which kinds of trouble grow.
    auto* crossPage = new wxPanel(m_tabs);
    m_tabs->AddPage(crossPage, _("Complaints by category per month"));
    std::vector<ColumnSpec> crossColumns = {{_("Month"), 130}};
    for (const auto& c : all_categories())
        crossColumns.push_back({Label(c.value), 105, wxALIGN_RIGHT});
    m_byMonthCategory = new wxDataViewListCtrl(crossPage, wxID_ANY, wxDefaultPosition,
                                               wxDefaultSize, wxDV_SINGLE | wxDV_ROW_LINES);
    m_byMonthCategory->SetName("report_by_month_category");
    AddColumns(m_byMonthCategory, crossColumns, 0);
    ShowCutTextAsTip(m_byMonthCategory);
    // Read by the name of its tab.
    SetAccessibleName(m_byMonthCategory, _("Complaints by category per month"));
    auto* crossSizer = new wxBoxSizer(wxVERTICAL);
    crossSizer->Add(MakeNote(crossPage, _("Incidents of each category per month, over the period "
                                          "chosen on the Complaints and costs page.")),
                    0, wxALL, space);
    crossSizer->Add(m_byMonthCategory, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, space);
    crossPage->SetSizer(crossSizer);

    BuildAnswersPage();
    BuildWonBackPage();
    BuildStaffPage();
    m_lessonsPage = static_cast<int>(m_tabs->GetPageCount());
    m_lessons = new LessonsPage(m_tabs);
    m_tabs->AddPage(m_lessons, _("What we learned"));

    // The customers who quietly left: all of them, the ones bringing the most first.
    if (!m_services.staff()) {
        auto* gonePage = new wxPanel(m_tabs);
        m_gonePage = static_cast<int>(m_tabs->GetPageCount());
        m_tabs->AddPage(gonePage, _("Haven't been back"));
        auto* goneSizer = new wxBoxSizer(wxVERTICAL);
        auto* goneNote = MakeNote(
            gonePage,
            _("Customers with at least 3 purchases whose last purchase is more than 30 "
              "days ago and more than twice their usual gap (the median of the gaps "
              "between their purchase days); the ones who brought the most margin in the "
              "year up to their last purchase first. The list is as of today; the period does "
              "not change it."));
        WrapToWidth(goneNote);
        goneSizer->Add(goneNote, 0, wxEXPAND | wxALL, space);
        m_gone = new GoneList(gonePage, m_services, "reports_gone", 0, m_openCustomer);
        goneSizer->Add(m_gone, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, space);
        gonePage->SetSizer(goneSizer);
    }

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, FromDIP(kMargin));
    SetSizer(outer);

    m_period->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
    m_costliest->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        const int row = m_costliest->GetSelectedRow();
        if (row != wxNOT_FOUND && m_openCustomer)
            m_openCustomer(static_cast<Id>(m_costliest->GetItemData(m_costliest->RowToItem(row))));
    });
    // Figures over a whole year of a big database take a moment: read them only when shown.
    m_subscription = m_services.changes.subscribe([this] {
        m_stale = true;
        if (IsShownOnScreen())
            Reload();
    });
}

// What the follow-up calls brought: done on time, and the customers' answers, by category and by
// what was given ("which remedy works"), over the period of the Complaints and costs page.
void ReportsView::BuildAnswersPage() {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* page = new wxPanel(m_tabs);
    m_tabs->AddPage(page, _("Follow-ups and answers"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_answersHeadline = new wxStaticText(page, wxID_ANY, wxString());
    m_answersHeadline->SetName("answers_headline");
    sizer->Add(m_answersHeadline, 0, wxALL, space);
    auto* note = MakeNote(page, _("Follow-ups done in the period chosen on the Complaints and "
                                  "costs page. Satisfied means an answer of 4 or 5; each share "
                                  "and average is shown with the number it is of."));
    WrapToWidth(note);
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT, space);
    const auto table = [&](const wxString& title, const char* name, const wxString& first) {
        auto* heading = MakeSectionTitle(page, title);
        sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, space);
        auto* t = MakeTable(page, name,
                            {{first, 170},
                             {_("Done"), 70},
                             {_("On time"), 150},
                             {_("Satisfied (4-5)"), 150},
                             {_("Average (1-5)"), 150}});
        SetLabelFor(heading, t);
        sizer->Add(t, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
        return t;
    };
    m_answersByCategory = table(_("By category"), "answers_by_category", _("Category"));
    m_answersByGiven = table(_("By what was given"), "answers_by_given", _("What was given"));
    sizer->AddSpacer(space);
    page->SetSizer(sizer);
}

void ReportsView::ShowAnswers(const store::FollowUpAnswers& answers) {
    const AnswerTally& all = answers.all;
    if (all.done == 0)
        m_answersHeadline->SetLabelText(_("No follow-up was done in this period."));
    else
        m_answersHeadline->SetLabelText(wxString::Format(
            wxPLURAL("%lld follow-up done, on time: %s; satisfied: %s; average: %s.",
                     "%lld follow-ups done, on time: %s; satisfied: %s; average: %s.", all.done),
            static_cast<long long>(all.done), ShareOf(all.on_time, all.done),
            ShareOf(all.satisfied, all.answers), AverageOf(all)));
    // The calls to customers with no incident have a row of their own in both tables.
    FillAnswers(m_answersByCategory, answers.by_category, [](const std::string& key) {
        return key == store::kNoComplaint ? _("Calls with no complaint")
                                          : Label(parse_category(key));
    });
    FillAnswers(m_answersByGiven, answers.by_given, [](const std::string& key) {
        if (key == store::kNoComplaint)
            return _("Calls with no complaint");
        return key == store::kNothingGiven ? _("Nothing accepted")
                                           : Label(parse_resolution_type(key));
    });
}

bool ReportsView::IsReading() const {
    return m_read.Running() || (m_gone && m_gone->IsReading());
}

// Who did what over the period of the Complaints and costs page: per name saves were stamped
// with (a login on a shop database, the "Logged by" choice on a file).
void ReportsView::BuildStaffPage() {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* page = new wxPanel(m_tabs);
    m_staffPage = static_cast<int>(m_tabs->GetPageCount());
    m_tabs->AddPage(page, _("Who did what"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* note = MakeNote(page, _("Per staff member, over the period chosen on the Complaints "
                                  "and costs page: the incidents they logged and the money given "
                                  "back on them, and the follow-ups they did."));
    WrapToWidth(note);
    sizer->Add(note, 0, wxEXPAND | wxALL, space);
    m_byStaff = MakeTable(page, "report_by_staff",
                          {{_("Staff member"), 170},
                           {_("Incidents"), 90},
                           {_("Given back"), 120},
                           {_("Follow-ups done"), 130},
                           {_("On time"), 150}});
    SetAccessibleName(m_byStaff, _("Who did what"));
    sizer->Add(m_byStaff, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    page->SetSizer(sizer);
}

void ReportsView::ShowStaff(const std::vector<store::StaffTotals>& rows) {
    const std::string& currency = m_services.settings().currency;
    m_byStaff->DeleteAllItems();
    for (const auto& r : rows) {
        wxVector<wxVariant> row;
        row.push_back(Cell(Wx(r.name)));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(r.incidents))));
        row.push_back(Cell(FormatMoney(r.given_back, currency)));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(r.follow_ups_done))));
        row.push_back(Cell(ShareOf(r.follow_ups_on_time, r.follow_ups_done)));
        m_byStaff->AppendItem(row);
    }
}

void ReportsView::ShowGonePage() {
    if (m_gonePage >= 0)
        m_tabs->SetSelection(m_gonePage);
}

void ReportsView::ShowStaffPage() {
    m_tabs->SetSelection(m_staffPage);
}

void ReportsView::ShowLessonsPage() {
    m_tabs->SetSelection(m_lessonsPage);
}

void ReportsView::ShowWonBackPage() {
    m_tabs->SetSelection(m_wonBackPage);
}

// "Did it bring them back?": of the complaints whose 90 days are over, the share after which the
// customer bought again, by category and by what was given, beside the customers who never
// complained. Over the whole history, as of today.
void ReportsView::BuildWonBackPage() {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* page = new wxPanel(m_tabs);
    m_wonBackPage = static_cast<int>(m_tabs->GetPageCount());
    m_tabs->AddPage(page, _("Did it bring them back?"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_wonBackHeadline = new wxStaticText(page, wxID_ANY, wxString());
    m_wonBackHeadline->SetName("won_back_headline");
    WrapToWidth(m_wonBackHeadline);
    sizer->Add(m_wonBackHeadline, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);
    m_wonBackBaseline = new wxStaticText(page, wxID_ANY, wxString());
    m_wonBackBaseline->SetName("won_back_baseline");
    WrapToWidth(m_wonBackBaseline);
    sizer->AddSpacer(gap);
    sizer->Add(m_wonBackBaseline, 0, wxEXPAND | wxLEFT | wxRIGHT, space);
    auto* note = MakeNote(page, _("A complaint counts once its 90 days are over: it brought the "
                                  "customer back when they bought on one of the 90 days after "
                                  "it (not on the day itself). For the customers who never "
                                  "complained, each day they bought is counted the same way. "
                                  "All complaints so far, whatever the period."));
    WrapToWidth(note);
    sizer->AddSpacer(gap);
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT, space);
    const auto table = [&](const wxString& title, const char* name, const wxString& first) {
        auto* heading = MakeSectionTitle(page, title);
        sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, space);
        auto* t =
            MakeTable(page, name, {{first, 170}, {_("Complaints"), 110}, {_("Bought again"), 170}});
        SetLabelFor(heading, t);
        sizer->Add(t, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
        return t;
    };
    m_wonBackByCategory = table(_("By category"), "won_back_by_category", _("Category"));
    m_wonBackByGiven = table(_("By what was given"), "won_back_by_given", _("What was given"));
    sizer->AddSpacer(space);
    page->SetSizer(sizer);
}

void ReportsView::ShowWonBack(const store::WonBackReport& r) {
    if (r.complaints.judged == 0)
        m_wonBackHeadline->SetLabelText(_("No complaint is 90 days old yet: nothing to count."));
    else
        m_wonBackHeadline->SetLabelText(
            wxString::Format(_("After a complaint, customers bought again within 90 days: %s."),
                             ShareOf(r.complaints.bought_again, r.complaints.judged)));
    if (r.never_complained.judged == 0)
        m_wonBackBaseline->SetLabelText(
            _("No customer who never complained has a purchase 90 days old yet."));
    else
        m_wonBackBaseline->SetLabelText(wxString::Format(
            wxPLURAL("Customers who never complained (%lld) bought again within 90 days of a "
                     "purchase: %s.",
                     "Customers who never complained (%lld) bought again within 90 days of a "
                     "purchase: %s.",
                     r.never_complained_customers),
            static_cast<long long>(r.never_complained_customers),
            ShareOf(r.never_complained.bought_again, r.never_complained.judged)));
    const auto fill = [](wxDataViewListCtrl* table, const std::vector<store::WonBackRow>& rows,
                         const std::function<wxString(const std::string&)>& name) {
        table->DeleteAllItems();
        for (const auto& row : rows) {
            wxVector<wxVariant> cells;
            cells.push_back(Cell(name(row.key)));
            cells.push_back(
                Cell(wxString::Format("%lld", static_cast<long long>(row.tally.judged))));
            cells.push_back(Cell(ShareOf(row.tally.bought_again, row.tally.judged)));
            table->AppendItem(cells);
        }
    };
    fill(m_wonBackByCategory, r.by_category,
         [](const std::string& key) { return Label(parse_category(key)); });
    fill(m_wonBackByGiven, r.by_given, [](const std::string& key) {
        return key == store::kNothingGiven ? _("Nothing accepted")
                                           : Label(parse_resolution_type(key));
    });
    Layout();
}

ReportsView::~ReportsView() {
    m_services.changes.unsubscribe(m_subscription);
}

void ReportsView::Reload() {
    m_stale = false;
    // A million interactions take a second or two to sum: read on a worker so the window keeps
    // answering, and show the figures when they arrive. A newer Reload supersedes this one.
    // The portfolio is the first page and reads fastest (kept sums): it is read and drawn
    // first, then the period's pages, so the page the owner sees does not wait for the others.
    const Period p = PeriodFor(m_period->GetSelection(), m_services.today());
    const Settings settings = m_services.settings();
    const Date today = m_services.today();
    m_reading->SetLabelText(_("Reading the figures…"));
    m_reading->Show();
    Layout();
    if (!m_portfolio) { // a staff login: no worth figures to read
        if (m_gone)
            m_gone->Reload(today);
        ReadPeriodPages(p.from, p.to, settings, today);
        return;
    }
    m_read.Start([this, p, settings, today](store::Database& reader) {
        auto portfolio = std::make_shared<std::vector<WorthReport>>(
            PortfolioView::Read(reader, settings, today));
        return std::function<void()>([this, portfolio, p, settings, today] {
            m_portfolio->ShowReports(std::move(*portfolio));
            // Drawn before the other pages' reads start: on two cores, the gone list's worker
            // and the period's would share them with the portfolio's read, then its painting.
            m_portfolio->Update();
            if (auto shown = std::exchange(m_portfolioShown, nullptr))
                shown();
            if (m_gone)
                m_gone->Reload(today);
            ReadPeriodPages(p.from, p.to, settings, today);
        });
    });
}

void ReportsView::WhenPortfolioShown(std::function<void()> shown) {
    m_portfolioShown = std::move(shown);
}

void ReportsView::ReadPeriodPages(Date from, Date to, const Settings& settings, Date today) {
    m_read.Start([this, from, to, settings, today](store::Database& reader) {
        auto report = std::make_shared<store::PeriodReport>(
            store::OverviewQueries(reader).period_report(from, to, 20));
        auto answers = std::make_shared<store::FollowUpAnswers>(
            store::OverviewQueries(reader).follow_up_answers(from, to));
        auto wonBack =
            std::make_shared<store::WonBackReport>(store::won_back_report(reader, today));
        auto staff = std::make_shared<std::vector<store::StaffTotals>>(
            store::OverviewQueries(reader).staff_report(from, to));
        auto lessons = std::make_shared<store::LessonsReport>(
            store::lessons_report(reader, today, kLessonsShown));
        return std::function<void()>(
            [this, report, answers, wonBack, staff, lessons, currency = settings.currency] {
                m_reading->Hide();
                ShowReport(*report);
                ShowAnswers(*answers);
                ShowWonBack(*wonBack);
                ShowStaff(*staff);
                m_lessons->Show(*lessons, currency);
            });
    });
}

void ReportsView::ShowReport(const store::PeriodReport& report) {
    const std::string& currency = m_services.settings().currency;
    std::int64_t incidents = 0, minutes = 0;
    Money given, pending;
    m_byCategory->DeleteAllItems();
    for (const auto& t : report.by_category) {
        incidents += t.incidents;
        minutes += t.minutes;
        given += t.given_back;
        pending += t.pending;
        wxVector<wxVariant> row;
        row.push_back(Cell(Label(parse_category(t.key))));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(t.incidents))));
        row.push_back(Cell(Hours(t.minutes)));
        row.push_back(Cell(FormatAmount(t.given_back)));
        row.push_back(Cell(FormatAmount(t.pending)));
        m_byCategory->AppendItem(row);
    }
    m_headline->SetLabelText(wxString::Format(
        _("%lld incidents, %s of your time, %s given back, %s offered and still pending."),
        static_cast<long long>(incidents), Hours(minutes), FormatMoney(given, currency),
        FormatMoney(pending, currency)));

    m_byMonth->DeleteAllItems();
    for (const auto& t : report.by_month) {
        wxVector<wxVariant> row;
        row.push_back(Cell(FormatMonth(t.key)));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(t.incidents))));
        row.push_back(Cell(Hours(t.minutes)));
        row.push_back(Cell(FormatAmount(t.given_back)));
        row.push_back(Cell(FormatAmount(t.pending)));
        m_byMonth->AppendItem(row);
    }

    m_byMonthCategory->DeleteAllItems();
    for (std::size_t m = 0; m < report.by_month.size() && m < report.by_month_category.size();
         ++m) {
        wxVector<wxVariant> row;
        row.push_back(Cell(FormatMonth(report.by_month[m].key)));
        for (std::int64_t n : report.by_month_category[m])
            row.push_back(Cell(n ? wxString::Format("%lld", static_cast<long long>(n))
                                 : wxString::FromUTF8("\xC2\xB7")));
        m_byMonthCategory->AppendItem(row);
    }

    m_costliest->DeleteAllItems();
    for (const auto& c : report.costliest) {
        wxVector<wxVariant> row;
        row.push_back(Cell(Wx(c.name)));
        row.push_back(Cell(wxString::Format("%lld", static_cast<long long>(c.incidents))));
        row.push_back(Cell(FormatAmount(c.given_back)));
        m_costliest->AppendItem(row, static_cast<wxUIntPtr>(c.customer_id));
    }
    Layout();
}

} // namespace rapport::gui
