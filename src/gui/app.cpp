// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root of the desktop window: reads the command line, opens the database,
// builds the services once and hands them to the main window. Also the headless modes:
// --screenshot renders one view to a PNG file, --measure-startup times the customer list.
#include "core/errors.h"
#include "core/utf8_path.h"
#include "gui/accountant_export_dialog.h"
#include "gui/backup_dialog.h"
#include "gui/customer_dialog.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/demo_data.h"
#include "gui/followups_print.h"
#include "gui/followups_view.h"
#include "gui/format.h"
#include "gui/help_desktop.h"
#include "gui/import_dialog.h"
#include "gui/log_incident_dialog.h"
#include "gui/logged_by.h"
#include "gui/main_frame.h"
#include "gui/reports_view.h"
#include "gui/screenshot.h"
#include "gui/services.h"
#include "gui/settings_dialog.h"
#include "gui/shop_database.h"
#include "gui/single_instance.h"
#include "gui/today_view.h"
#include "store/log_incident.h"
#include "store/open.h"
#include "store/server_login.h"

#include <wx/app.h>
#include <wx/busyinfo.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/fileconf.h>
#include <wx/filefn.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/timer.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace rapport::gui {
namespace {

// Milliseconds since this process started, from the kernel's record of its start time
// (/proc/self/stat field 22, in clock ticks since boot), so library loading counts too.
#ifdef _WIN32
// Windows keeps the creation time of the process; both times count 100 ns since 1601.
long MillisecondsSinceProcessStart() {
    FILETIME created{}, exited{}, kernel{}, user{}, now{};
    if (!::GetProcessTimes(::GetCurrentProcess(), &created, &exited, &kernel, &user))
        return -1;
    ::GetSystemTimeAsFileTime(&now);
    const auto ticks = [](const FILETIME& t) {
        return (static_cast<unsigned long long>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
    };
    return static_cast<long>((ticks(now) - ticks(created)) / 10000);
}
#else
long MillisecondsSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Fields after the command name, which is in parentheses and may contain spaces.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int i = 3; i <= 22 && rest >> field; ++i)
        if (i == 22)
            start_ticks = std::stoull(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double now_ms = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    const double start_ms = start_ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<long>(now_ms - start_ms);
}
#endif

// Headless runs (screenshots, timing) write to the terminal; a person gets a dialog.
void Report(bool headless, const wxString& message) {
    if (headless)
        std::fprintf(stderr, "rapport: %s\n", message.utf8_str().data());
    else
        wxMessageBox(message, _("Rapport"), wxOK | wxICON_ERROR);
}

// Window geometry and the shop database's address (never data, never a password). wx 3.2's
// wxFileConfig ignores the XDG layout and would write ~/.rapport/rapport.conf, so the file is
// named here: $XDG_CONFIG_HOME/rapport/rapport.conf, else ~/.config/rapport/rapport.conf. A
// file an older Rapport left in ~/.rapport moves there once. Windows keeps wx's own place
// (%APPDATA%\rapport\rapport.ini).
wxFileConfig* OpenSettingsFile() {
    const long style = wxCONFIG_USE_LOCAL_FILE | wxCONFIG_USE_SUBDIR;
#ifdef _WIN32
    return new wxFileConfig("rapport", wxString(), wxString(), wxString(), style);
#else
    wxString base;
    if (!wxGetEnv("XDG_CONFIG_HOME", &base) || !wxIsAbsolutePath(base))
        base = wxGetHomeDir() + "/.config";
    const wxFileName file(base + "/rapport", "rapport.conf");
    file.Mkdir(0700, wxPATH_MKDIR_FULL);
    const wxString old = wxFileConfig::GetLocalFileName("rapport", style);
    if (!file.FileExists() && wxFileExists(old) && wxRenameFile(old, file.GetFullPath(), false))
        wxRmdir(wxFileName(old).GetPath()); // only when empty
    return new wxFileConfig("rapport", wxString(), file.GetFullPath(), wxString(),
                            wxCONFIG_USE_LOCAL_FILE);
#endif
}

} // namespace

// Rapport draws with Cairo and never uses OpenGL, but GTK 3 on X11 loads the GL stack at start
// to choose a visual (Mesa, and with it LLVM: 54 MB of the window's 115 MB with an empty file,
// and 65 ms of its start). Turn that off unless the user set GDK_GL.
void SkipUnusedOpenGl() {
#ifndef _WIN32 // no GTK there
    ::setenv("GDK_GL", "disable", 0);
#endif
}

class RapportApp : public wxApp {
public:
    RapportApp() {
        SkipUnusedOpenGl(); // before GTK starts: wxEntry makes the app object first
        SetDesktopProgramName();
    }
    bool OnInit() override;
    int OnRun() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    bool Headless() const { return !m_screenshot.empty() || m_measure || !m_measureAction.empty(); }
    bool OpenWindow(const std::filesystem::path& path, bool demo);
    void SwitchTo(std::unique_ptr<Services> services, bool demo);
    void OpenDemo();
    void OpenOwnData();
    bool OpenRememberedShop(const store::ServerAddress& address);
    void OpenShopDatabaseFromMenu();
    void UseLocalFile();
    void OpenConnectedShop(ShopDatabaseChoice choice);
    std::filesystem::path LocalFile() const;
    void RaiseWindow();
    void StartScreenshot();
    void CaptureAndFinish();
    void StartMeasuring();
    void StartMeasuringAction();
    void RunMeasuredAction();
    void ReleaseRetiredServices();

    std::filesystem::path m_ownPath;
    // --db or RAPPORT_DB named the data: a shop database remembered by the window is not used.
    bool m_locationGiven = false;
    wxString m_screenshot;
    wxString m_view = "today";
    bool m_measure = false;
    // --measure: open-customer:ID, search:TEXT, sort:N, save-incident:ID, portfolio
    wxString m_measureAction;
    bool m_handedOver = false; // another instance was asked to show its window
    int m_exitCode = 0;

    SingleInstance m_instance;
    std::unique_ptr<Services> m_services;
    MainFrame* m_frame = nullptr;
    // Services of windows being closed: kept until the window is really gone, because its
    // views unsubscribe from them as they are destroyed.
    std::vector<std::pair<wxWindow*, std::unique_ptr<Services>>> m_retired;
    wxTimer m_captureTimer{this};
};

void RapportApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddLongOption("db", _("the database file (default: $RAPPORT_DB, else "
                                 "~/.local/share/rapport/rapport.db)"));
    parser.AddLongOption("screenshot",
                         _("render the window to this PNG file at 1280x800 and exit"));
    parser.AddLongOption("view",
                         _("with --screenshot: today, customers, customer:ID, worth:ID, log, "
                           "log:ID, settings, edit:ID, purchase:ID, export, import:FILE, "
                           "import-purchases:FILE, followups, print, reports, reports:gone, "
                           "reports:won-back, reports:staff, reports:lessons or shop-database"));
    parser.AddLongOption("measure",
                         _("print the milliseconds one action takes once the window is shown, "
                           "until it is drawn, and exit: open-customer:ID, search:TEXT (typed "
                           "into the customer search), sort:COLUMN (a click on that column of "
                           "the customer list, 0 to 4), save-incident:ID (log one for that "
                           "customer with every list refreshed, then take it back) or "
                           "portfolio (the Reports view's worth of every customer)"));
    parser.AddLongSwitch("measure-startup",
                         _("print the milliseconds from start until the customer list is "
                           "shown, and exit"));
}

bool RapportApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser))
        return false;
    wxString value;
    m_locationGiven = parser.Found("db", &value);
    m_ownPath =
        m_locationGiven ? path_from_utf8(value.utf8_string()) : store::default_database_path();
    if (const char* env = std::getenv("RAPPORT_DB"); env && *env)
        m_locationGiven = true;
    parser.Found("screenshot", &m_screenshot);
    parser.Found("view", &m_view);
    m_measure = parser.FoundSwitch("measure-startup") == wxCMD_SWITCH_ON;
    parser.Found("measure", &m_measureAction);
    return true;
}

bool RapportApp::OnInit() {
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    SetAppName("rapport");
    SetAppDisplayName(_("Rapport"));
    wxUILocale::UseDefault();
    AddCatalogLookupPaths();
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->AddStdCatalog();
    translations->AddCatalog("rapport");
    if (!wxApp::OnInit())
        return false;

    wxConfigBase::Set(OpenSettingsFile());

    if (!Headless()) {
        wxString message;
        if (!m_instance.Acquire([this] { CallAfter([this] { RaiseWindow(); }); }, &message)) {
            // Handing over to the open window is a success: exit 0 without a window.
            std::fprintf(stderr, "rapport: %s\n", message.utf8_str().data());
            m_handedOver = true;
            return true;
        }
    }
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        ReleaseRetiredServices();
        e.Skip();
    });
    const auto shop = Headless() || m_locationGiven || !store::server_databases_supported()
                          ? std::nullopt
                          : RememberedShopDatabase();
    if (!(shop ? OpenRememberedShop(*shop) : OpenWindow(m_ownPath, false)))
        return false;
    if (!m_screenshot.empty())
        StartScreenshot();
    else if (m_measure)
        StartMeasuring();
    else if (!m_measureAction.empty())
        StartMeasuringAction();
    return true;
}

int RapportApp::OnRun() {
    if (m_handedOver)
        return 0;
    const int rc = wxApp::OnRun();
    return m_exitCode != 0 ? m_exitCode : rc;
}

bool RapportApp::OpenWindow(const std::filesystem::path& path, bool demo) {
    std::unique_ptr<Services> services;
    try {
        // The window's way into the store is the command line's (store/open.h); only the day's
        // backup waits until the window is on screen (MainFrame::StartDailyBackup).
        services = std::make_unique<Services>(
            demo ? OpenDemoDatabase(path)
                 : store::open_for_use(path, today_local(), store::DailyBackupTiming::later).db);
    } catch (const store::DamagedDatabaseError& e) {
        // Never write to a damaged file: say so, and offer the newest good backup instead.
        // The offer itself says what is wrong, so no second message follows it.
        if (Headless() || demo)
            Report(Headless(), ErrorText(e));
        else if (OfferRestoreOfDamaged(m_frame, path, Wx(e.finding())))
            return OpenWindow(path, demo);
        m_exitCode = 1;
        return false;
    } catch (const std::exception& e) {
        Report(Headless(), ErrorText(e));
        m_exitCode = 1;
        return false;
    }
    SwitchTo(std::move(services), demo);
    if (!demo)
        m_frame->StartDailyBackup();
    return true;
}

void RapportApp::SwitchTo(std::unique_ptr<Services> services, bool demo) {
    services->remember_ui = !Headless();
    services->headless = Headless();
    if (services->remember_ui)
        RestoreLoggedBy(*services); // who saves on this PC, when a name was chosen before
    MainFrame::Hooks hooks;
    hooks.is_demo = demo;
    hooks.open_demo = [this] { CallAfter([this] { OpenDemo(); }); };
    hooks.open_own_data = [this] { CallAfter([this] { OpenOwnData(); }); };
    if (!demo && !Headless() && store::server_databases_supported()) {
        hooks.open_shop_database = [this] { CallAfter([this] { OpenShopDatabaseFromMenu(); }); };
        hooks.use_local_file = [this] { CallAfter([this] { UseLocalFile(); }); };
    }
    auto* frame = new MainFrame(*services, hooks);
    if (const wxIconBundle icons = AppIcons(); !icons.IsEmpty())
        frame->SetIcons(icons);
    MainFrame* old = m_frame;
    if (old) {
        frame->SetSize(old->GetRect());
        m_retired.emplace_back(old, std::move(m_services));
        old->Destroy();
    }
    m_services = std::move(services);
    m_frame = frame;
    SetTopWindow(frame);
    frame->Show();
}

void RapportApp::OpenDemo() {
    std::unique_ptr<Services> services;
    try {
        const auto path = DemoDatabasePath();
        if (path == m_ownPath)
            throw DataError(Utf8(_("Your own data is in the demo file's place; demo data would "
                                   "mix with it, so it was not opened.")));
        wxBusyInfo busy(_("Making up some customers..."), m_frame);
        services = std::make_unique<Services>(OpenDemoDatabase(path));
    } catch (const std::exception& e) {
        ShowError(m_frame, e, _("The demo data could not be opened"));
        return;
    }
    SwitchTo(std::move(services), true);
}

void RapportApp::OpenOwnData() {
    const auto shop = m_locationGiven ? std::nullopt : RememberedShopDatabase();
    if (shop)
        OpenRememberedShop(*shop);
    else
        OpenWindow(m_ownPath, false);
}

std::filesystem::path RapportApp::LocalFile() const {
    if (!store::is_server_location(m_ownPath.string()))
        return m_ownPath;
    return path_from_utf8(Utf8(wxStandardPaths::Get().GetUserDataDir())) / "rapport.db";
}

// At start: the shop database the owner chose last time, with the keyring's password. When it
// cannot be opened, the form says why, keeps the address, and offers this PC's file instead.
bool RapportApp::OpenRememberedShop(const store::ServerAddress& address) {
    wxString problem;
    try {
        ShopDatabaseChoice choice;
        choice.kind = ShopDatabaseChoice::Kind::connected;
        choice.db = OpenShopDatabase(address);
        OpenConnectedShop(std::move(choice));
        return true;
    } catch (const std::exception& e) {
        problem = ErrorText(e);
    }
    ShopDatabaseChoice choice = ShowShopDatabaseDialog(m_frame, address, problem, true);
    switch (choice.kind) {
    case ShopDatabaseChoice::Kind::connected:
        OpenConnectedShop(std::move(choice));
        return true;
    case ShopDatabaseChoice::Kind::use_local_file:
        StopUsingShopDatabase();
        return OpenWindow(LocalFile(), false);
    case ShopDatabaseChoice::Kind::cancelled:
        break;
    }
    return m_frame != nullptr; // at start, cancelling closes Rapport; later the window stays
}

void RapportApp::OpenShopDatabaseFromMenu() {
    store::ServerAddress start = LastShopDatabaseAddress();
    if (m_services && m_services->db().is_server())
        start = store::server_address(m_services->db().path().string());
    ShopDatabaseChoice choice = ShowShopDatabaseDialog(m_frame, start);
    if (choice.kind == ShopDatabaseChoice::Kind::connected)
        OpenConnectedShop(std::move(choice));
}

// The move-in offer comes before the window is rebuilt, so the new window shows the moved data
// and the business name that came with it.
void RapportApp::OpenConnectedShop(ShopDatabaseChoice choice) {
    store::Database& db = *choice.db;
    OfferMoveIn(m_frame, db, LocalFile());
    SwitchTo(std::make_unique<Services>(std::move(db)), false);
    m_frame->StartDailyBackup();
    if (!choice.note.empty())
        m_frame->Tell(choice.note);
}

void RapportApp::UseLocalFile() {
    StopUsingShopDatabase();
    OpenWindow(LocalFile(), false);
}

void RapportApp::RaiseWindow() {
    if (!m_frame)
        return;
    if (m_frame->IsIconized())
        m_frame->Iconize(false);
    m_frame->Show();
    m_frame->Raise();
    m_frame->RequestUserAttention(wxUSER_ATTENTION_INFO);
}

void RapportApp::ReleaseRetiredServices() {
    std::erase_if(m_retired,
                  [](const auto& entry) { return !wxTopLevelWindows.Find(entry.first); });
}

void RapportApp::StartScreenshot() {
    m_frame->SetSize(wxRect(0, 0, 1280, 800));
    // The pointer of a headless display rests mid-screen, where a chart's tooltip would come up
    // and be drawn into the picture: park it in the status bar's corner. (GTK 3 ignores
    // wxToolTip::Enable.)
    m_frame->WarpPointer(1270, 790);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { CaptureAndFinish(); }, m_captureTimer.GetId());
    const wxString view = m_view.Lower();
    long id = 0;
    if (view == "customers") {
        m_frame->ShowView(MainFrame::View::customers);
    } else if (view.StartsWith("customer:") && view.AfterFirst(':').ToLong(&id)) {
        m_frame->OpenCustomer(id);
    } else if (view.StartsWith("worth:") && view.AfterFirst(':').ToLong(&id)) {
        m_frame->OpenCustomer(id);
        m_frame->Customers()->Page()->ShowWorth();
    } else if (view == "followups") {
        m_frame->ShowView(MainFrame::View::follow_ups);
    } else if (view == "reports") {
        m_frame->ShowView(MainFrame::View::reports);
    } else if (view == "reports:gone") {
        m_frame->ShowView(MainFrame::View::reports);
        m_frame->Reports()->ShowGonePage();
    } else if (view == "reports:won-back") {
        m_frame->ShowView(MainFrame::View::reports);
        m_frame->Reports()->ShowWonBackPage();
    } else if (view == "reports:staff") {
        m_frame->ShowView(MainFrame::View::reports);
        m_frame->Reports()->ShowStaffPage();
    } else if (view == "reports:lessons") {
        m_frame->ShowView(MainFrame::View::reports);
        m_frame->Reports()->ShowLessonsPage();
    } else if (view == "print") {
        // The first printed page of this week's follow-up list (A4 at 96 dpi), not the window.
        wxInitAllImageHandlers();
        if (!RenderPrintPage(m_frame->FollowUps()->PrintHtml(), 1)
                 .SaveFile(m_screenshot, wxBITMAP_TYPE_PNG)) {
            Report(true, "the print page could not be saved");
            m_exitCode = 1;
        }
        m_frame->Destroy();
        return;
    } else if (view == "log" || view.StartsWith("log:")) {
        std::optional<Id> customer;
        if (view.AfterFirst(':').ToLong(&id)) {
            customer = id;
        } else {
            // The customer with the most complaints shows the repeat-complainer banner.
            const auto ids = m_services->customer_table.ordered_ids(
                "", store::CustomerColumn::complaints, false, false);
            if (!ids.empty())
                customer = ids.front();
        }
        CallAfter([this, customer] {
            m_captureTimer.StartOnce(1200);
            ShowLogIncidentDialog(m_frame, *m_services, customer);
        });
        return;
    } else if (view == "settings") {
        CallAfter([this] {
            m_captureTimer.StartOnce(1200);
            ShowSettingsDialog(m_frame, *m_services);
        });
        return;
    } else if (view == "shop-database") {
        CallAfter([this] {
            m_captureTimer.StartOnce(1200);
            ShowShopDatabaseDialog(m_frame, LastShopDatabaseAddress());
        });
        return;
    } else if (view == "export") {
        CallAfter([this] {
            m_captureTimer.StartOnce(1200);
            ShowAccountantExportDialog(m_frame, *m_services);
        });
        return;
    } else if (view.StartsWith("import:") || view.StartsWith("import-purchases:")) {
        // The file's name as typed: only the view's name is case-insensitive.
        const auto kind = view.StartsWith("import:") ? exchange::ImportKind::customers
                                                     : exchange::ImportKind::purchases;
        const std::filesystem::path file(m_view.AfterFirst(':').utf8_string());
        CallAfter([this, kind, file] {
            m_captureTimer.StartOnce(1200);
            ShowImportDialog(m_frame, *m_services, kind, file);
        });
        return;
    } else if (view.StartsWith("edit:") && view.AfterFirst(':').ToLong(&id)) {
        m_frame->OpenCustomer(id);
        CallAfter([this, id] {
            m_captureTimer.StartOnce(1200);
            ShowCustomerDialog(m_frame, *m_services, id);
        });
        return;
    } else if (view.StartsWith("purchase:") && view.AfterFirst(':').ToLong(&id)) {
        m_frame->OpenCustomer(id);
        CallAfter([this, id] {
            m_captureTimer.StartOnce(1200);
            ShowPurchaseDialog(m_frame, *m_services, id);
        });
        return;
    } else if (view != "today") {
        Report(true,
               wxString::Format("unknown view \"%s\"; use today, customers, customer:ID, "
                                "log, log:ID, settings, edit:ID, purchase:ID, followups or reports",
                                m_view));
        m_exitCode = 2;
        m_frame->Destroy();
        return;
    }
    m_captureTimer.StartOnce(1200);
}

void RapportApp::CaptureAndFinish() {
    // Figures still being read: wait for them.
    if (m_frame->Reports()->IsReading() || m_frame->Today()->IsReading()) {
        m_captureTimer.StartOnce(200);
        return;
    }
    m_frame->Update(); // what the last result changed is drawn before the screen is copied
    wxString error;
    if (!CaptureWindowToPng(m_frame, m_screenshot, &error)) {
        Report(true, wxString::Format("the screenshot could not be saved: %s", error));
        m_exitCode = 1;
    }
    // Close a dialog the view opened, then the window; the app ends with its last window.
    for (wxWindow* w : wxTopLevelWindows) {
        if (auto* dlg = dynamic_cast<wxDialog*>(w); dlg && dlg->IsModal())
            dlg->EndModal(wxID_CANCEL);
    }
    CallAfter([this] { m_frame->Destroy(); });
}

void RapportApp::StartMeasuring() {
    m_frame->ShowView(MainFrame::View::customers);
    // The first idle after the window is shown is when the list is on screen and the user
    // could act; paint what is pending first so drawing the rows counts too.
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        e.Skip();
        if (!m_frame || !m_frame->IsShownOnScreen() || !m_measure)
            return;
        m_measure = false;
        m_frame->Update();
        const long ms = MillisecondsSinceProcessStart();
        std::printf("%ld\n", ms);
        std::fprintf(stderr, "rapport: customer list of %zu shown %ld ms after start\n",
                     m_frame->Customers()->ListedCount(), ms);
        std::fflush(stdout);
        CallAfter([this] { m_frame->Destroy(); });
    });
}

// --measure ACTION: waits until the window is on screen and idle, then does what the owner would
// and prints the milliseconds until the result is drawn (the next idle after it, after a forced
// paint), so the benchmark (tests/bench/bench.py) can time the window's everyday steps.
void RapportApp::StartMeasuringAction() {
    CallAfter([this] {
        Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
            e.Skip();
            if (!m_frame || !m_frame->IsShownOnScreen() || m_measureAction.empty())
                return;
            // The search box and the column headers are on the Customers view, so the owner
            // is looking at it before they type or click: show it and let it settle first,
            // and time only what follows the action.
            const bool onCustomers =
                m_measureAction.StartsWith("search:") || m_measureAction.StartsWith("sort:");
            if (onCustomers && m_frame->CurrentView() != MainFrame::View::customers) {
                m_frame->ShowView(MainFrame::View::customers);
                m_frame->Update();
                e.RequestMore();
                return;
            }
            RunMeasuredAction();
        });
    });
}

namespace {
double MillisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}
} // namespace

void RapportApp::RunMeasuredAction() {
    const wxString action = m_measureAction;
    m_measureAction.clear();
    const wxString arg = action.AfterFirst(':');
    long id = 0;
    const auto started = std::chrono::steady_clock::now();
    if (action.StartsWith("open-customer:") && arg.ToLong(&id)) {
        m_frame->OpenCustomer(id);
    } else if (action.StartsWith("search:")) {
        m_frame->Customers()->Search(arg); // the search as it runs after the typing pause
        m_frame->Update();
        // First the results drawn, then (on the next line, "page MS") the first one's page.
        std::printf("%.1f\n", MillisecondsSince(started));
        m_frame->Customers()->ShowPendingPage();
        m_frame->Update();
        std::printf("page %.1f\n", MillisecondsSince(started));
        std::fflush(stdout);
        CallAfter([this] { m_frame->Destroy(); });
        return;
    } else if (action.StartsWith("sort:") && arg.ToLong(&id) && id >= 0 && id < 5) {
        m_frame->Customers()->SortBy(static_cast<unsigned>(id)); // a click on column `id`
    } else if (action == "portfolio") {
        // Every customer's worth, read on the worker and drawn: the Reports view's first page.
        ReportsView* reports = m_frame->Reports();
        if (!reports->Portfolio()) {
            Report(true, "a staff login has no portfolio to measure");
            m_exitCode = 2;
            m_frame->Destroy();
            return;
        }
        reports->WhenPortfolioShown([this, started] {
            m_frame->Update();
            std::printf("%.1f\n", MillisecondsSince(started));
            std::fflush(stdout);
            CallAfter([this] { m_frame->Destroy(); });
        });
        m_frame->ShowView(MainFrame::View::reports);
        return;
    } else if (action.StartsWith("save-incident:") && arg.ToLong(&id)) {
        Interaction incident;
        incident.customer_id = id;
        incident.summary = "Benchmark: kettle stopped heating";
        incident.at = now_local();
        const auto logged = store::log_incident(m_services->db(), incident);
        m_services->changes.notify(); // every list refreshes, as after the dialog's Save
        m_frame->Update();
        const double ms = MillisecondsSince(started);
        store::unlog_incident(m_services->db(), logged);
        m_services->changes.notify();
        std::printf("%.1f\n", ms);
        std::fflush(stdout);
        CallAfter([this] { m_frame->Destroy(); });
        return;
    } else {
        Report(true, wxString::Format("unknown --measure action \"%s\"", action));
        m_exitCode = 2;
        m_frame->Destroy();
        return;
    }
    m_frame->Update();
    std::printf("%.1f\n", MillisecondsSince(started));
    std::fflush(stdout);
    CallAfter([this] { m_frame->Destroy(); });
}

bool RapportApp::OnExceptionInMainLoop() {
    // An error nobody caught closer to where it happened: say it, and keep the window open
    // (every change is its own transaction, so nothing is half-saved).
    try {
        throw;
    } catch (const std::exception& e) {
        if (Headless())
            Report(true, ErrorText(e));
        else
            ShowError(GetTopWindow(), e, _("Something went wrong"));
    } catch (...) {
        Report(Headless(), _("Something went wrong that Rapport did not expect."));
    }
    return true;
}

void RapportApp::OnUnhandledException() {
    try {
        throw;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rapport: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "rapport: unexpected error\n");
    }
}

} // namespace rapport::gui

wxIMPLEMENT_APP(rapport::gui::RapportApp);
