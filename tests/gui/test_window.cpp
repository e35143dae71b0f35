// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a whole: the first-run screen, and the real `rapport` binary rendering each
// view to a PNG file.
#include "gui_support.h"

#include "exchange/demo.h"
#include "gui/customers_view.h"
#include "gui/daily_backup.h"
#include "gui/demo_data.h"
#include "gui/main_frame.h"
#include "gui/today_view.h"
#include "store/backup.h"

#include <catch2/catch.hpp>

#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/fileconf.h>
#include <wx/image.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

TEST_CASE("An empty database opens on the welcome screen") {
    TempDir dir;
    auto services = MakeServices(dir);
    MainFrame* frame = new MainFrame(*services, {});
    frame->Show();
    Pump(100);
    CHECK(frame->CurrentView() == MainFrame::View::today);
    CHECK(frame->Today()->ShowsWelcome());
    CHECK(Find<wxWindow>(frame, "log_first") != nullptr);
    CHECK(Find<wxWindow>(frame, "explore_demo") != nullptr);

    // The first customer ends the welcome.
    Customer c;
    c.name = "First Customer";
    services->customers.add(c);
    services->changes.notify();
    CHECK_FALSE(frame->Today()->ShowsWelcome());
    frame->Destroy();
    Pump(50);
}

TEST_CASE("The window size and the customer list column widths are remembered") {
    TempDir dir;
    wxConfigBase* previous =
        wxConfigBase::Set(new wxFileConfig("rapport-tests", wxString(), (dir / "ui.conf").string(),
                                           wxString(), wxCONFIG_USE_LOCAL_FILE));
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Anna Kowalski";
    services->customers.add(c);
    services->remember_ui = true;
    const auto open = [&] {
        MainFrame* frame = new MainFrame(*services, {});
        frame->Show();
        frame->ShowView(MainFrame::View::customers);
        Pump(200);
        return frame;
    };

    MainFrame* first = open();
    first->SetSize(40, 30, 1000, 700);
    Find<wxDataViewCtrl>(first, "customer_list")->GetColumn(0)->SetWidth(first->FromDIP(222));
    Pump(200);
    first->Destroy(); // saves the geometry as it closes
    Pump(100);

    MainFrame* second = open();
    INFO(second->GetSize().x << "x" << second->GetSize().y);
    CHECK(second->GetSize() == wxSize(1000, 700));
    CHECK(Find<wxDataViewCtrl>(second, "customer_list")->GetColumn(0)->GetWidth() ==
          second->FromDIP(222));
    second->Destroy();
    Pump(50);
    delete wxConfigBase::Set(previous);
}

TEST_CASE("On a first start at 1280x800 every customer list column is in sight") {
    // The money given back is the last column: it used to end off the list's right edge.
    TempDir dir;
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Anna Kowalski";
    services->customers.add(c);
    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(frame->FromDIP(wxSize(1280, 800)));
    frame->Show();
    frame->ShowView(MainFrame::View::customers);
    Pump(300);
    auto* list = Find<wxDataViewCtrl>(frame, "customer_list");
    int columns = 0;
    for (unsigned i = 0; i < list->GetColumnCount(); ++i)
        columns += list->GetColumn(i)->GetWidth();
    INFO("columns " << columns << ", list " << list->GetClientSize().x);
    CHECK(columns <= list->GetClientSize().x);
    // ...and the customer's page beside it keeps its room.
    CHECK(list->GetClientSize().x < frame->GetClientSize().x * 3 / 5);
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Demo data is made once in its own file") {
    TempDir dir;
    const auto path = dir / "demo.db";
    std::int64_t customers = 0;
    {
        store::Database db = OpenDemoDatabase(path);
        customers = store::CustomerRepo(db).count();
        CHECK(customers > 0);
    }
    store::Database again = OpenDemoDatabase(path);
    CHECK(store::CustomerRepo(again).count() == customers);
}

TEST_CASE("The screenshot option writes a 1280x800 picture of each view") {
    TempDir dir;
    {
        store::Database db = store::Database::open(dir / "demo.db");
        exchange::DemoOptions demo;
        demo.customers = 60;
        demo.interactions = 400;
        exchange::generate_demo(db, demo);
    }
    wxInitAllImageHandlers();
    // Configuration and runtime files go to the test's folder, not the user's.
    const std::string env = "XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_DATA_HOME='" +
                            (dir / "data").string() + "' ";
    for (const std::string view :
         {"today", "customers", "customer:1", "log", "settings", "followups", "reports"}) {
        INFO(view);
        const auto png = dir / ("shot-" + std::to_string(std::hash<std::string>{}(view)) + ".png");
        const std::string command = env + "'" RAPPORT_GUI_PATH "' --db '" +
                                    (dir / "demo.db").string() + "' --screenshot '" + png.string() +
                                    "' --view " + view;
        REQUIRE(std::system(command.c_str()) == 0);
        wxImage image;
        REQUIRE(image.LoadFile(png.string(), wxBITMAP_TYPE_PNG));
        CHECK(image.GetWidth() == 1280);
        CHECK(image.GetHeight() == 800);
    }
    // A view the program does not know is refused as a usage error.
    const std::string bad = env + "'" RAPPORT_GUI_PATH "' --db '" + (dir / "demo.db").string() +
                            "' --screenshot '" + (dir / "x.png").string() +
                            "' --view nowhere 2>/dev/null";
    const int status = std::system(bad.c_str());
    CHECK(WEXITSTATUS(status) == 2);
}

TEST_CASE("The window never loads OpenGL, which it does not use") {
    // GTK 3 on X11 loads the GL stack (Mesa, LLVM) at start to pick a visual unless told not
    // to: 54 MB and 65 ms for nothing in a program that draws with Cairo. Watch the real
    // program's memory map while it shows a view.
    TempDir dir;
    const std::string env = "XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_DATA_HOME='" +
                            (dir / "data").string() + "' ";
    const std::string command = env + "'" RAPPORT_GUI_PATH "' --db '" + (dir / "shop.db").string() +
                                "' --screenshot '" + (dir / "shot.png").string() +
                                "' --view today & echo $!";
    FILE* launched = ::popen(command.c_str(), "r");
    REQUIRE(launched);
    long pid = 0;
    REQUIRE(std::fscanf(launched, "%ld", &pid) == 1);
    ::pclose(launched);
    const std::string maps = "/proc/" + std::to_string(pid) + "/maps";
    bool saw_wx = false, saw_gl = false;
    for (int k = 0; k < 200; ++k) { // up to 10 s; the screenshot run lasts about 1.5 s
        std::ifstream in(maps);
        if (!in)
            break; // the program has finished
        std::string line;
        while (std::getline(in, line)) {
            saw_wx = saw_wx || line.find("libwx_gtk3u_core") != std::string::npos;
            saw_gl = saw_gl || line.find("libGLX") != std::string::npos ||
                     line.find("libLLVM") != std::string::npos ||
                     line.find("_dri.so") != std::string::npos;
        }
        wxMilliSleep(50);
    }
    CHECK(saw_wx); // the map was read while the window was up
    CHECK_FALSE(saw_gl);
}

namespace {

std::filesystem::path TodaysBackup(Services& services) {
    const auto& db = services.db().path();
    return store::backup_folder(db) /
           (db.stem().string() + "-" + format_date(services.today()) + ".db");
}

MainFrame* ShowWindowAndBackUp(Services& services) {
    MainFrame* frame = new MainFrame(services, {});
    frame->Show();
    frame->StartDailyBackup();
    REQUIRE(WaitFor([&] { return frame->DailyBackup()->Finished(); }, 20000));
    return frame;
}

} // namespace

TEST_CASE("The window takes today's backup once it is on screen and says so when it cannot") {
    TempDir dir;
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Anna Kowalski";
    services->customers.add(c);

    SECTION("the newest backup is from an earlier day: today's is written") {
        const auto folder = store::backup_folder(services->db().path());
        std::filesystem::create_directories(folder);
        store::write_backup(services->db(), folder / "test-2026-12-01.db");
        REQUIRE_FALSE(std::filesystem::exists(TodaysBackup(*services)));

        MainFrame* frame = ShowWindowAndBackUp(*services);
        CHECK(std::filesystem::exists(TodaysBackup(*services)));
        CHECK(std::filesystem::exists(folder / "test-2026-12-01.db"));
        CHECK(frame->GetStatusBar()->GetStatusText(0) == "Today's backup is written.");
        frame->Destroy();
    }
    SECTION("the backups folder cannot be made: the status bar says so and work goes on") {
        // A file where the folder should be: even root cannot write a backup into it.
        std::ofstream(store::backup_folder(services->db().path())) << "not a folder";

        MainFrame* frame = ShowWindowAndBackUp(*services);
        const wxString said = frame->GetStatusBar()->GetStatusText(0);
        INFO(said.utf8_string());
        CHECK(said.Contains("could not be written"));
        CHECK(said.Contains("Your changes are still saved as usual."));
        Customer other;
        other.name = "Bernd Vogel";
        CHECK(services->customers.add(other) > 0);
        CHECK(frame->IsShown());
        frame->Destroy();
    }
    Pump(50);
}
