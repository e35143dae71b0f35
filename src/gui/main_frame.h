// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window: sidebar navigation between Today, Customers, Follow-ups and Reports, the
// menus with their standard ids and accelerators, the status bar and undo.
#include "core/records.h"
#include "gui/services.h"

#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <optional>

class wxSimplebook;
namespace rapport::store {
class ChangeWatch;
}
class wxPanel;

namespace rapport::gui {

class CustomersView;
class FollowUpsView;
class ReportsView;
class Sidebar;
class TodayView;
class WindowDailyBackup;

class MainFrame : public wxFrame {
public:
    enum class View { today, customers, follow_ups, reports };

    // What the window asks of the application: switching between real and demo data means a
    // new database and new services, which only the composition root can build.
    struct Hooks {
        std::function<void()> open_demo;
        std::function<void()> open_own_data;
        // File > Open shop database and back to this PC's file; unset where this build has no
        // shop database server (the Windows build), which hides both.
        std::function<void()> open_shop_database;
        std::function<void()> use_local_file;
        bool is_demo = false;
    };

    MainFrame(Services& services, Hooks hooks);
    ~MainFrame() override;

    void ShowView(View view);
    View CurrentView() const { return m_view; }
    void OpenCustomer(Id id);
    std::optional<Id> LogIncident(std::optional<Id> customer = std::nullopt);
    void Undo();
    void Tell(const wxString& message);
    // Takes today's backup once the window is on screen (own data only, not the demo).
    void StartDailyBackup();
    WindowDailyBackup* DailyBackup() { return m_dailyBackup.get(); }

    TodayView* Today() { return m_today; }
    CustomersView* Customers() { return m_customers; }
    FollowUpsView* FollowUps() { return m_followUps; }
    ReportsView* Reports() { return m_reports; }

protected:
    // Lists would ask for room for all their rows; the window is happy at its minimum size, so
    // a remembered smaller size is restored as it was.
    wxSize DoGetBestSize() const override { return GetMinSize(); }

private:
    void BuildMenus();
    wxPanel* BuildDemoBanner(wxWindow* parent);
    void UpdateBadges();
    void ShowHelp();
    void ShowAbout();

    Services& m_services;
    Hooks m_hooks;
    ChangeNotifier::Token m_subscription = 0;
    // What others save (rapport-cli, another window, another PC) shows without a click: the
    // timer asks the watch, and a yes refreshes every list as a save here does.
    std::unique_ptr<store::ChangeWatch> m_watch;
    wxTimer m_watchTimer;
    View m_view = View::today;
    Sidebar* m_sidebar = nullptr;
    wxSimplebook* m_book = nullptr;
    TodayView* m_today = nullptr;
    CustomersView* m_customers = nullptr;
    FollowUpsView* m_followUps = nullptr;
    ReportsView* m_reports = nullptr;
    std::unique_ptr<WindowDailyBackup> m_dailyBackup;
};

} // namespace rapport::gui
