// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"

#include "gui/accountant_export_dialog.h"
#include "gui/backup_dialog.h"
#include "gui/customer_dialog.h"
#include "gui/customers_view.h"
#include "gui/daily_backup.h"
#include "gui/followups_view.h"
#include "gui/format.h"
#include "gui/help_desktop.h"
#include "gui/help_window.h"
#include "gui/history_export_ui.h"
#include "gui/import_dialog.h"
#include "gui/keyboard.h"
#include "gui/log_incident_dialog.h"
#include "gui/reports_view.h"
#include "gui/settings_dialog.h"
#include "gui/shop_database.h"
#include "gui/sidebar.h"
#include "gui/today_view.h"
#include "gui/ui.h"
#include "store/change_watch.h"

#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

namespace rapport::gui {
namespace {

enum {
    ID_NewCustomer = wxID_HIGHEST + 100,
    ID_ViewToday,
    ID_ViewCustomers,
    ID_ViewFollowUps,
    ID_ViewReports,
    ID_SwitchData,
    ID_OpenShopDatabase,
    ID_UseLocalFile,
    ID_ExportCalendar,
    ID_BackUpNow,
    ID_RestoreBackup,
    ID_ExportAccountant,
    ID_ExportAllCsv,
    ID_ExportAllJson,
    ID_ImportCustomers,
    ID_ImportPurchases,
    ID_SortCustomers, // and the four after it, one per column of the customer list
    ID_SortCustomersLast = ID_SortCustomers + 4,
};

} // namespace

MainFrame::MainFrame(Services& services, Hooks hooks)
    : wxFrame(nullptr, wxID_ANY, _("Rapport")), m_services(services), m_hooks(std::move(hooks)) {
    SetName("main_frame");
    if (m_hooks.is_demo)
        SetTitle(_("Rapport - demo data"));
    else if (!m_services.settings().business_name.empty())
        SetTitle(wxString::Format(_("Rapport - %s"), Wx(m_services.settings().business_name)));

    auto* root = new wxPanel(this);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    const wxString subtitle = m_hooks.is_demo ? wxString(_("Demo data"))
                              : m_services.settings().business_name.empty()
                                  ? wxString(_("Difficult customers, remembered"))
                                  : Wx(m_services.settings().business_name);
    m_sidebar =
        new Sidebar(root, subtitle, [this](int index) { ShowView(static_cast<View>(index)); });
    m_sidebar->Add(_("Today"));
    m_sidebar->Add(_("Customers"));
    m_sidebar->Add(_("Follow-ups"));
    m_sidebar->Add(_("Reports"));
    columns->Add(m_sidebar, 0, wxEXPAND);

    auto* content = new wxBoxSizer(wxVERTICAL);
    if (m_hooks.is_demo)
        content->Add(BuildDemoBanner(root), 0, wxEXPAND);
    m_book = new wxSimplebook(root);
    TodayView::Hooks today;
    today.log_incident = [this] { LogIncident(); };
    today.open_customer = [this](Id id) { OpenCustomer(id); };
    today.open_demo = [this] {
        if (m_hooks.open_demo)
            m_hooks.open_demo();
    };
    today.show_follow_ups = [this] { ShowView(View::follow_ups); };
    m_today = new TodayView(m_book, m_services, today);
    m_customers = new CustomersView(m_book, m_services, [this](const wxString& m) { Tell(m); });
    FollowUpsView::Hooks follow_ups;
    follow_ups.open_customer = [this](Id id) { OpenCustomer(id); };
    follow_ups.log_incident = [this](Id id) { LogIncident(id); };
    follow_ups.tell = [this](const wxString& m) { Tell(m); };
    m_followUps = new FollowUpsView(m_book, m_services, follow_ups);
    m_reports = new ReportsView(m_book, m_services, [this](Id id) { OpenCustomer(id); });
    m_book->AddPage(m_today, _("Today"));
    m_book->AddPage(m_customers, _("Customers"));
    m_book->AddPage(m_followUps, _("Follow-ups"));
    m_book->AddPage(m_reports, _("Reports"));
    content->Add(m_book, 1, wxEXPAND);
    columns->Add(content, 1, wxEXPAND);
    root->SetSizer(columns);

    BuildMenus();
    CreateStatusBar(2);
    const int widths[] = {-1, FromDIP(360)};
    GetStatusBar()->SetStatusWidths(2, widths);
    SetStatusText(m_hooks.is_demo      ? wxString(_("Demo data: nothing here is real"))
                  : m_services.staff() ? DescribeDataLocation(m_services.db()) + " " + _("(staff)")
                                       : DescribeDataLocation(m_services.db()),
                  1);

    SetMinSize(FromDIP(wxSize(900, 600)));
    SetSize(FromDIP(wxSize(1280, 800)));
    if (m_services.remember_ui)
        wxPersistentRegisterAndRestore(this, "main_frame");

    m_subscription = m_services.changes.subscribe([this] { UpdateBadges(); });
    UpdateBadges();
    ShowView(View::today);

    // Half a second: what a colleague saves is on screen within a second, and a look costs a
    // PRAGMA on a file and nothing on the network on a server (store/change_watch.h).
    m_watch = std::make_unique<store::ChangeWatch>(m_services.db());
    m_watchTimer.SetOwner(this);
    Bind(
        wxEVT_TIMER,
        [this](wxTimerEvent&) {
            if (m_watch->others_saved())
                m_services.changes.notify();
        },
        m_watchTimer.GetId());
    m_watchTimer.Start(500);
}

MainFrame::~MainFrame() {
    m_watchTimer.Stop();
    m_services.changes.unsubscribe(m_subscription);
}

void MainFrame::BuildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&Log incident...\tCtrl+N"), _("Log a difficult call or visit"));
    file->Append(ID_NewCustomer, _("New &customer...\tCtrl+Shift+N"));
    file->AppendSeparator();
    file->Append(ID_SwitchData, m_hooks.is_demo ? _("Back to &my data") : _("Explore de&mo data"),
                 m_hooks.is_demo ? _("Close the demo and open your own data")
                                 : _("Open made-up data in a separate file to look around"));
    if (m_hooks.open_shop_database) {
        file->Append(ID_OpenShopDatabase, _("&Open shop database..."),
                     _("Work on the shop's shared database on a server (PostgreSQL)"));
        if (m_services.db().is_server())
            file->Append(ID_UseLocalFile, _("Use the data file on &this PC"),
                         _("Leave the shop database and work on the file on this PC"));
    }
    file->AppendSeparator();
    file->Append(wxID_PRINT, _("&Print follow-ups of the week...\tCtrl+P"));
    file->Append(wxID_PREVIEW, _("Print pre&view"));
    file->Append(ID_ExportCalendar, _("&Export follow-ups to calendar..."));
    file->Append(ID_ExportAccountant, _("Export for &accountant..."),
                 _("Refunds and other resolutions that cost money, for a period, as CSV or XLSX"));
    auto* all = new wxMenu;
    all->Append(ID_ExportAllCsv, _("As &CSV files..."));
    all->Append(ID_ExportAllJson, _("As one &JSON file..."));
    file->AppendSubMenu(all, _("Export all &data"),
                        _("Everything Rapport knows, to take elsewhere"));
    file->Append(ID_ImportCustomers, _("&Import customers..."));
    file->Append(ID_ImportPurchases, _("Import p&urchases..."));
    file->AppendSeparator();
    file->Append(ID_BackUpNow, _("&Back up now..."));
    file->Append(ID_RestoreBackup, _("&Restore from backup..."));
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Settings...\tCtrl+,"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->AppendSeparator();
    edit->Append(wxID_FIND, _("&Find customer...\tCtrl+F"));

    auto* view = new wxMenu;
    view->Append(ID_ViewToday, _("&Today\tCtrl+1"));
    view->Append(ID_ViewCustomers, _("&Customers\tCtrl+2"));
    view->Append(ID_ViewFollowUps, _("&Follow-ups\tCtrl+3"));
    view->Append(ID_ViewReports, _("&Reports\tCtrl+4"));
    // The list's headers sort on a click only: the same, from the keyboard.
    auto* sort = new wxMenu;
    const wxString sortBy[] = {_("&Name"), _("&Phone"), _("&Complaints"), _("&Last contact"),
                               _("&Given back")};
    for (int i = 0; i <= ID_SortCustomersLast - ID_SortCustomers; ++i)
        sort->Append(ID_SortCustomers + i, sortBy[i]);
    view->AppendSeparator();
    view->AppendSubMenu(sort, _("Sort customers &by"),
                        _("Choosing the same again reverses the order"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("&Help\tF1"));
    help->Append(wxID_ABOUT, _("&About Rapport"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    // A staff login on a shop database (store/roles.h): what only the owner may do stays in the
    // menus, greyed and marked "(owner only)"; its help text says why in a sentence.
    if (m_services.staff()) {
        const std::pair<int, Text> ownerOnly[] = {
            {wxID_PREFERENCES, tr("change the settings")},
            {ID_ExportAccountant, tr("export for the accountant")},
            {ID_ExportAllCsv, tr("export all data")},
            {ID_ExportAllJson, tr("export all data")},
            {ID_BackUpNow, tr("make a backup")},
            {ID_RestoreBackup, tr("restore a backup")},
        };
        for (const auto& [id, doing] : ownerOnly) {
            // GTK shows no help for a greyed item, so its label says it too
            wxString label = bar->GetLabel(id);
            const wxString accel = label.Contains('\t') ? label.AfterFirst('\t') : wxString();
            label = label.BeforeFirst('\t') + " " + _("(owner only)");
            bar->SetLabel(id, accel.empty() ? label : label + '\t' + accel);
            bar->Enable(id, false);
            bar->SetHelpString(id, m_services.OwnerOnly(doing));
        }
    }

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { LogIncident(); }, wxID_NEW);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto id = ShowCustomerDialog(this, m_services))
                OpenCustomer(*id);
        },
        ID_NewCustomer);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            const auto& hook = m_hooks.is_demo ? m_hooks.open_own_data : m_hooks.open_demo;
            if (hook)
                hook();
        },
        ID_SwitchData);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_hooks.open_shop_database)
                m_hooks.open_shop_database();
        },
        ID_OpenShopDatabase);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_hooks.use_local_file)
                m_hooks.use_local_file();
        },
        ID_UseLocalFile);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowSettingsDialog(this, m_services); },
        wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_followUps->Print(); }, wxID_PRINT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_followUps->PrintPreview(); }, wxID_PREVIEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ExportFollowUpsToCalendar(this, m_services); },
        ID_ExportCalendar);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { BackUpNow(this, m_services); }, ID_BackUpNow);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAccountantExportDialog(this, m_services); },
        ID_ExportAccountant);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ExportAllDataAsCsv(this, m_services); },
        ID_ExportAllCsv);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ExportAllDataAsJson(this, m_services); },
        ID_ExportAllJson);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ShowImportDialog(this, m_services, exchange::ImportKind::customers);
        },
        ID_ImportCustomers);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ShowImportDialog(this, m_services, exchange::ImportKind::purchases);
        },
        ID_ImportPurchases);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowRestoreDialog(this, m_services); },
        ID_RestoreBackup);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Undo(); }, wxID_UNDO);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            e.Enable(m_services.undo.can_undo());
            e.SetText(m_services.undo.can_undo()
                          ? wxString::Format(_("&Undo %s\tCtrl+Z"), m_services.undo.next_label())
                          : wxString(_("&Undo\tCtrl+Z")));
        },
        wxID_UNDO);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ShowView(View::customers);
            m_customers->FocusSearch();
        },
        wxID_FIND);
    // A list with the keyboard would take Ctrl+F for its own type-ahead search before the menu
    // sees it; and the views' field labels get their Alt+letters as in the dialogs.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'F')
            ProcessCommand(wxID_FIND);
        else
            e.Skip();
    });
    RouteLabelMnemonics(this);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::today); }, ID_ViewToday);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::customers); }, ID_ViewCustomers);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::follow_ups); }, ID_ViewFollowUps);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::reports); }, ID_ViewReports);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            ShowView(View::customers);
            m_customers->SortBy(static_cast<unsigned>(e.GetId() - ID_SortCustomers));
        },
        ID_SortCustomers, ID_SortCustomersLast);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowHelp(); }, wxID_HELP);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAbout(); }, wxID_ABOUT);
}

wxPanel* MainFrame::BuildDemoBanner(wxWindow* parent) {
    auto* banner = new wxPanel(parent);
    banner->SetBackgroundColour(WarningBackground());
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxStaticText(banner, wxID_ANY,
                                  _("You are exploring demo data: made-up customers in a separate "
                                    "file. Your own data is not touched."));
    text->SetForegroundColour(WarningForeground());
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kMargin));
    auto* back = new wxButton(banner, wxID_ANY, _("Back to &my data"));
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_hooks.open_own_data)
            m_hooks.open_own_data();
    });
    row->Add(back, 0, wxALL, FromDIP(kGap));
    banner->SetSizer(row);
    return banner;
}

void MainFrame::ShowView(View view) {
    m_view = view;
    const int index = static_cast<int>(view);
    if (view == View::reports && m_reports->IsStale())
        m_reports->Reload();
    if (view == View::follow_ups)
        m_followUps->ReloadIfStale();
    m_book->ChangeSelection(static_cast<std::size_t>(index));
    m_sidebar->Select(index);
    // The keyboard follows into the view when it was in the one just hidden (or nowhere), so
    // keys are not lost after Ctrl+2; in the sidebar it stays, for the arrow keys.
    if (wxWindow* focus = FindFocus(); !focus || !focus->IsShownOnScreen())
        m_book->GetPage(static_cast<std::size_t>(index))->SetFocus();
}

void MainFrame::OpenCustomer(Id id) {
    ShowView(View::customers);
    m_customers->ShowCustomer(id);
}

std::optional<Id> MainFrame::LogIncident(std::optional<Id> customer) {
    const auto id = ShowLogIncidentDialog(this, m_services, customer);
    if (id)
        Tell(_("Incident saved."));
    return id;
}

void MainFrame::Undo() {
    if (!m_services.undo.can_undo()) {
        Tell(_("Nothing to undo."));
        return;
    }
    const wxString label = m_services.undo.next_label();
    try {
        m_services.undo.undo();
        Tell(wxString::Format(_("Undone: %s."), label));
    } catch (const std::exception& e) {
        ShowError(this, e, _("Could not undo"));
    }
    m_services.changes.notify();
}

void MainFrame::Tell(const wxString& message) {
    SetStatusText(message, 0);
}

void MainFrame::StartDailyBackup() {
    m_dailyBackup = std::make_unique<WindowDailyBackup>(
        *this, m_services.db(), m_services.today(), [this](const wxString& m) { Tell(m); },
        m_services.headless);
}

void MainFrame::UpdateBadges() {
    const auto overdue = m_services.overview.count_open_follow_ups_due_before(m_services.today());
    m_sidebar->SetBadge(static_cast<int>(View::follow_ups),
                        overdue ? wxString::Format("%lld", static_cast<long long>(overdue))
                                : wxString());
}

void MainFrame::ShowHelp() {
    ShowHelpWindow(this, m_services.settings());
}

void MainFrame::ShowAbout() {
    wxAboutDialogInfo info;
    info.SetName(_("Rapport"));
    info.SetVersion(RAPPORT_VERSION);
    info.SetDescription(_("Remember every difficult customer, what it cost to make it right, "
                          "and know who is worth it."));
    info.SetCopyright(_("(C) 2026 The Rapport developers"));
    info.SetWebSite("https://github.com/rapport/rapport");
    // The notice the GPL asks a program to show; GTK's About box puts it behind "License".
    info.SetLicence(_("Rapport is free software: you can redistribute it and/or modify it under "
                      "the terms of the GNU General Public License as published by the Free "
                      "Software Foundation, either version 3 of the License, or (at your "
                      "option) any later version.\n\nRapport is distributed in the hope that it "
                      "will be useful, but WITHOUT ANY WARRANTY; without even the implied "
                      "warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the "
                      "GNU General Public License for more details.\n\nYou should have received "
                      "a copy of the GNU General Public License along with Rapport. If not, see "
                      "https://www.gnu.org/licenses/."));
    if (const wxIconBundle icons = AppIcons(); !icons.IsEmpty())
        info.SetIcon(icons.GetIcon(FromDIP(wxSize(64, 64))));
    wxAboutBox(info, this);
}

} // namespace rapport::gui
