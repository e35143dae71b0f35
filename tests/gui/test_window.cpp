// The window as a whole: the first-run screen, and the real `rapport` binary rendering each
// view to a PNG file.
#include "gui_support.h"

#include "gui/main_frame.h"
#include "gui/today_view.h"
#include "store/demo.h"

#include <catch2/catch.hpp>

#include <wx/image.h>

#include <cstdlib>
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

TEST_CASE("The screenshot option writes a 1280x800 picture of each view") {
    TempDir dir;
    {
        store::Database db = store::Database::open(dir / "demo.db");
        store::DemoOptions demo;
        demo.customers = 60;
        demo.interactions = 400;
        store::generate_demo(db, demo);
    }
    wxInitAllImageHandlers();
    // Configuration and runtime files go to the test's folder, not the user's.
    const std::string env = "XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_DATA_HOME='" +
                            (dir / "data").string() + "' ";
    for (const std::string view :
         {"today", "customers", "customer:1", "log", "followups", "reports"}) {
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
