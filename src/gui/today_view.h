// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Today view: what needs doing now (follow-ups due and overdue), what happened lately, and
// the big "Log incident" action. On an empty database it is the welcome screen instead.
#include "core/records.h"
#include "gui/services.h"

#include <wx/panel.h>

#include <functional>
#include <vector>

class wxDataViewListCtrl;
class wxSimplebook;
class wxStaticText;

namespace rapport::gui {

class GoneList;

class TodayView : public wxPanel {
public:
    struct Hooks {
        std::function<void()> log_incident;
        std::function<void(Id)> open_customer;
        std::function<void()> open_demo;
        std::function<void()> show_follow_ups;
    };

    TodayView(wxWindow* parent, Services& services, Hooks hooks);
    ~TodayView() override;

    void Reload();
    bool ShowsWelcome() const;
    // The "Haven't been back" list, read in the background.
    GoneList* Gone() { return m_gone; }
    bool IsReading() const;

private:
    wxWindow* BuildWelcome(wxWindow* parent);
    wxWindow* BuildDashboard(wxWindow* parent);

    Services& m_services;
    Hooks m_hooks;
    ChangeNotifier::Token m_subscription = 0;
    wxSimplebook* m_book = nullptr;
    wxStaticText* m_date = nullptr;
    wxStaticText* m_business = nullptr;
    wxStaticText* m_dueSummary = nullptr;
    wxStaticText* m_overdueSummary = nullptr;
    wxDataViewListCtrl* m_followUps = nullptr;
    std::vector<wxString> m_contactTips; // per row of m_followUps: its tooltip
    wxDataViewListCtrl* m_recent = nullptr;
    wxStaticText* m_noFollowUps = nullptr;
    GoneList* m_gone = nullptr;
};

} // namespace rapport::gui
