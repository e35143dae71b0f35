// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Reports view: incidents, time and money given back over a period, by category and by
// month, and the customers given back the most; and the "is this customer worth it?" portfolio
// (portfolio_view.h) on its own page.
#include "core/records.h"
#include "gui/background_read.h"
#include "gui/services.h"
#include "store/overview.h"
#include "store/won_back.h"

#include <wx/panel.h>

#include <functional>

class wxChoice;
class wxNotebook;
class wxDataViewListCtrl;
class wxStaticText;

namespace rapport::gui {

class GoneList;
class LessonsPage;
class PortfolioView;

class ReportsView : public wxPanel {
public:
    ReportsView(wxWindow* parent, Services& services, std::function<void(Id)> open_customer);
    ~ReportsView() override;

    // Reads the figures on a worker thread and shows them when they arrive; done when the view
    // is shown, not at start-up.
    void Reload();
    // True while figures are being read (tests and screenshots wait for them).
    bool IsReading() const;
    // Marks the figures out of date; the next Reload reads them.
    void Invalidate() { m_stale = true; }
    bool IsStale() const { return m_stale; }
    PortfolioView* Portfolio() { return m_portfolio; }
    // Calls `shown` once, right after the next portfolio read is shown (--measure portfolio).
    void WhenPortfolioShown(std::function<void()> shown);
    // The "Haven't been back" page and its list.
    GoneList* Gone() { return m_gone; }
    void ShowGonePage();
    void ShowWonBackPage();
    void ShowStaffPage();   // "Who did what"
    void ShowLessonsPage(); // "What we learned"

private:
    // The pages of the chosen period, won back, who did what and lessons: read after the
    // portfolio, on the same worker.
    void ReadPeriodPages(Date from, Date to, const Settings& settings, Date today);
    void ShowReport(const store::PeriodReport& report);
    void BuildAnswersPage();
    void ShowAnswers(const store::FollowUpAnswers& answers);
    void BuildWonBackPage();
    void ShowWonBack(const store::WonBackReport& report);
    void BuildStaffPage();
    void ShowStaff(const std::vector<store::StaffTotals>& rows);

    Services& m_services;
    std::function<void(Id)> m_openCustomer;
    ChangeNotifier::Token m_subscription = 0;
    bool m_stale = true;
    wxNotebook* m_tabs = nullptr;
    PortfolioView* m_portfolio = nullptr;
    wxChoice* m_period = nullptr;
    wxStaticText* m_headline = nullptr;
    wxDataViewListCtrl* m_byCategory = nullptr;
    wxDataViewListCtrl* m_byMonth = nullptr;
    wxDataViewListCtrl* m_byMonthCategory = nullptr;
    wxDataViewListCtrl* m_costliest = nullptr;
    wxStaticText* m_answersHeadline = nullptr;
    wxDataViewListCtrl* m_answersByCategory = nullptr;
    wxDataViewListCtrl* m_answersByGiven = nullptr;
    GoneList* m_gone = nullptr;
    int m_gonePage = -1; // -1: no such page (a staff login)
    int m_wonBackPage = 0;
    wxStaticText* m_wonBackHeadline = nullptr;
    wxStaticText* m_wonBackBaseline = nullptr;
    wxDataViewListCtrl* m_wonBackByCategory = nullptr;
    wxDataViewListCtrl* m_wonBackByGiven = nullptr;
    wxDataViewListCtrl* m_byStaff = nullptr; // "Who did what"
    int m_staffPage = 0;
    LessonsPage* m_lessons = nullptr; // "What we learned"
    int m_lessonsPage = 0;
    std::function<void()> m_portfolioShown; // WhenPortfolioShown's, until then
    wxStaticText* m_reading = nullptr;      // "Reading the figures…" while the worker reads
    BackgroundRead m_read;                  // last member: destroyed (and joined) first
};

} // namespace rapport::gui
