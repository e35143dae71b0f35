// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a shop's shared database (PostgreSQL, a throwaway server of the tests' own):
// File > Open shop database driven with simulated keys, the password kept out of rapport.conf
// (in the keyring when the run has one: tests/gui/with_keyring.sh), the move-in offer, and a
// save while the server is down.
#include "gui_support.h"
#include "live_refresh_check.h"
#include "support/pg_server.h"

#include "gui/backup_dialog.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/keyring.h"
#include "gui/log_incident_dialog.h"
#include "gui/main_frame.h"
#include "gui/reports_view.h"
#include "gui/screenshot.h"
#include "gui/shop_database.h"
#include "gui/today_view.h"
#include "store/backup.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/open.h"
#include "store/purchases.h"
#include "store/roles.h"
#include "store/server_login.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/fileconf.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;
using rapport::test::PgServer;

namespace {

PgServer* ServerOrSkip() {
    std::string why;
    PgServer* server = rapport::test::shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

// rapport.conf in the test's folder for the length of a test, as the window keeps it.
class ConfigInFolder {
public:
    explicit ConfigInFolder(const TempDir& dir) : m_file(dir / "rapport.conf") {
        m_old = wxConfigBase::Set(new wxFileConfig("rapport", wxString(), m_file.string(),
                                                   wxString(), wxCONFIG_USE_LOCAL_FILE));
    }
    ~ConfigInFolder() { delete wxConfigBase::Set(m_old); }
    std::string Text() const {
        std::ifstream in(m_file);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private:
    std::filesystem::path m_file;
    wxConfigBase* m_old = nullptr;
};

ModalScript::Step PressEnter() {
    return [] {
        wxUIActionSimulator().Char(WXK_RETURN);
        return true;
    };
}

// What secret-tool, the keyring's own command, finds for the address: an independent reader.
std::string SecretToolLookup(const store::ServerAddress& a) {
    const std::string command = "secret-tool lookup server '" + a.host + "' port 5432 database '" +
                                a.database + "' user '" + a.user + "' 2>/dev/null";
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p))
            out += buf;
        ::pclose(p);
    }
    return out;
}

} // namespace

TEST_CASE("Open shop database refuses a wrong password in the form and then connects and "
          "remembers the address but not the password") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    TempDir dir;
    ConfigInFolder config(dir);
    const std::string database = store::server_address(pg->create_database()).database;
    pg->admin_exec("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sam') THEN "
                   "CREATE ROLE sam LOGIN PASSWORD 'right horse'; END IF; END$$");
    pg->admin_exec("ALTER DATABASE " + database + " OWNER TO sam");
    pg->prepend_hba("local all sam scram-sha-256");
    const store::ServerAddress address{pg->socket_dir().string(), "", database, "sam"};

    Window window;
    auto problem = std::make_shared<wxString>();
    auto kept_database = std::make_shared<wxString>();
    ModalScript script(
        {
            DialogReady("password"),
            TypeInto("password", "wrong horse"),
            PressEnter(),
            [problem, kept_database] {
                auto* label = Find<wxStaticText>(ActiveModalDialog(), "problem");
                if (!label || !label->GetLabel().Contains("refused"))
                    return false;
                *problem = label->GetLabel();
                *kept_database = Field("database")->GetValue();
                return true;
            },
            ReplaceText("password", "right horse"),
            PressEnter(),
        },
        120, 40000);
    ShopDatabaseChoice choice = ShowShopDatabaseDialog(window.frame, address);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    CHECK(problem->Contains("password"));
    CHECK(*kept_database == wxString(database));
    REQUIRE(choice.kind == ShopDatabaseChoice::Kind::connected);
    REQUIRE(choice.db);
    CHECK(store::CustomerRepo(*choice.db).count() == 0);
    CHECK(DescribeDataLocation(*choice.db) ==
          wxString::Format("Shop database %s on localhost, as sam", database));

    const auto remembered = RememberedShopDatabase();
    REQUIRE(remembered);
    CHECK(remembered->host == address.host);
    CHECK(remembered->database == database);
    CHECK(remembered->user == "sam");
    const std::string conf = config.Text();
    CHECK(conf.find(database) != std::string::npos);
    CHECK(conf.find("horse") == std::string::npos);

    // The next start: nothing in memory, so the password comes from the keyring or is asked.
    store::use_server_password(store::server_uri(address), "");
    if (std::getenv("RAPPORT_TEST_KEYRING")) {
        CHECK(choice.note.empty());
        CHECK(keyring::Lookup(address) == std::optional<std::string>("right horse"));
        CHECK(SecretToolLookup(address) == "right horse");
        store::Database again = OpenShopDatabase(address);
        CHECK(store::CustomerRepo(again).count() == 0);
        keyring::Forget(address);
        CHECK(SecretToolLookup(address).empty());
    } else {
        // No Secret Service in this run: said in the window, and nothing written elsewhere.
        CHECK(choice.note.Contains("keyring"));
        try {
            OpenShopDatabase(address);
            FAIL("connected without a password");
        } catch (const store::ServerLoginError& e) {
            CHECK(e.reason() == store::ServerLoginError::Reason::password_needed);
        }
    }
    StopUsingShopDatabase();
    CHECK_FALSE(RememberedShopDatabase());
}

TEST_CASE("A save while the shop database is down keeps what was typed and works once the "
          "server is back") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    const std::string uri = pg->create_database();
    Services services(store::open_for_use(uri, today_local(), store::DailyBackupTiming::later).db);
    services.remember_ui = false;

    Window window;
    MessageBoxAnswerer answerer;
    auto still_open = std::make_shared<bool>(false);
    auto kept_summary = std::make_shared<wxString>();
    ModalScript script({
                           DialogReady(),
                           TypeInto("customer", "Anna Kowalski"),
                           TypeInto("summary", "Kettle leaks after the repair"),
                           [pg] {
                               pg->stop_immediately();
                               return true;
                           },
                           PressCtrlEnter(),
                           [&answerer, still_open, kept_summary] {
                               if (answerer.messages.empty())
                                   return false;
                               *still_open = ActiveModalDialog() != nullptr;
                               if (*still_open)
                                   *kept_summary = Field("summary")->GetValue();
                               return true;
                           },
                           [pg] {
                               pg->start();
                               return true;
                           },
                           PressCtrlEnter(),
                       },
                       120, 60000);
    const auto id = ShowLogIncidentDialog(window.frame, services);
    if (!pg->running())
        pg->start(); // for the cases after this one, whatever happened
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(answerer.messages.size() >= 1);
    INFO(answerer.messages.front());
    CHECK(answerer.messages.front().Contains("cannot be reached"));
    CHECK(answerer.messages.front().Contains("try again once the server is back"));
    CHECK(*still_open);
    CHECK(*kept_summary == "Kettle leaks after the repair");
    REQUIRE(id);
    const Customer anna = services.customers.resolve("Anna Kowalski");
    const auto history = services.interactions.for_customer(anna.id);
    REQUIRE(history.size() == 1);
    CHECK(history.front().summary == "Kettle leaks after the repair");
}

TEST_CASE("Connecting to an empty shop database offers to move this PC's file in and shows "
          "the same rows and sums") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    TempDir dir;
    {
        auto local = MakeServices(dir, "rapport.db");
        for (const char* name : {"Anna Kowalski", "Zoë Brandt"}) {
            Customer c;
            c.name = name;
            const Id id = local->customers.add(c);
            Interaction i;
            i.customer_id = id;
            i.at = LocalDateTime{local->today(), 9 * 60};
            i.summary = "Delivery late";
            Resolution r;
            r.type = ResolutionType::refund;
            r.cost = Money{1250};
            r.status = ResolutionStatus::accepted;
            i.resolutions.push_back(r);
            local->interactions.add(i);
        }
    }
    store::Database server = store::Database::open(pg->create_database());
    Window window;
    MessageBoxAnswerer answerer(wxID_YES);
    CHECK(OfferMoveIn(window.frame, server, dir / "rapport.db"));
    REQUIRE(answerer.messages.size() == 2);
    CHECK(answerer.messages[0].Contains("Move the 2 customers"));
    INFO(answerer.messages[1]);
    CHECK(answerer.messages[1].Contains("same rows and sums"));
    CHECK(answerer.messages[1].Contains("Customers: 2\n"));
    CHECK(answerer.messages[1].Contains("Resolutions: 2, worth 25.00\n"));
    CHECK(store::CustomerRepo(server).count() == 2);
    // Not empty any more: no second offer.
    CHECK_FALSE(OfferMoveIn(window.frame, server, dir / "rapport.db"));
    CHECK(answerer.messages.size() == 2);
}

TEST_CASE("Restore from backup on a shop database puts back the chosen copy after a safety "
          "copy") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    TempDir dir; // this PC's data folder, where the shop database's copies are kept
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string kept = old ? old : "";
    ::setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    Services services(
        store::open_for_use(pg->create_database(), today_local(), store::DailyBackupTiming::later)
            .db);
    const auto add = [&](const char* name) {
        Customer c;
        c.name = name;
        services.customers.add(c);
    };
    add("Anna Kowalski");
    const auto copy = store::make_backup(services.db());
    CHECK(copy.extension() == ".dump");
    add("Ben Nowak");

    Window window;
    MessageBoxAnswerer answers(wxID_OK);
    auto listed = std::make_shared<wxString>();
    ModalScript script({[listed] {
        auto* dlg = ActiveModalDialog();
        if (!dlg || dlg->GetName() != "restore_dialog")
            return false;
        auto* list = Find<wxDataViewListCtrl>(dlg, "backup_list");
        if (!list || list->GetItemCount() != 1)
            return false;
        *listed = list->GetTextValue(0, 2); // its customers, read back with pg_restore
        list->SelectRow(0);
        dlg->UpdateWindowUI(wxUPDATE_UI_RECURSE);
        auto* restore = Find<wxButton>(dlg, "backup_restore");
        wxCommandEvent click(wxEVT_BUTTON, restore->GetId());
        click.SetEventObject(restore);
        restore->ProcessWindowEvent(click);
        return true;
    }});
    const bool restored = ShowRestoreDialog(window.frame, services);
    INFO(script.Failure());
    CHECK(script.Failure().empty());
    CHECK(*listed == "1");
    for (const auto& m : answers.messages)
        UNSCOPED_INFO(m.utf8_string());
    CHECK(restored);
    REQUIRE(answers.messages.size() == 2);
    CHECK(answers.messages[0].Contains("customers: 1,"));
    // The same connection reads the restored data: one customer, and the next id is 2 again
    CHECK(services.customers.count() == 1);
    const auto safety = store::list_backups(services.db().path());
    CHECK(std::any_of(safety.begin(), safety.end(), [](const store::BackupInfo& b) {
        return b.kind == store::BackupKind::before_restore && b.customers == 2;
    }));
    old ? ::setenv("XDG_DATA_HOME", kept.c_str(), 1) : ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("A customer another PC adds to the shop database shows in the window within 2 seconds "
          "with the selection kept") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    const std::string uri = pg->create_database();
    Services services(store::open_for_use(uri, today_local(), store::DailyBackupTiming::later).db);
    services.remember_ui = false;
    // The other PC: a connection of its own, as another Rapport would have
    store::Database other =
        store::open_for_use(uri, today_local(), store::DailyBackupTiming::later).db;
    CheckOthersSavesShow(services, "shop database", [&other](const std::string& name) {
        Customer c;
        c.name = name;
        store::CustomerRepo(other).add(c);
    });
}

namespace {

// The File menu's item whose label (without mnemonic and accelerator) starts with `label`.
wxMenuItem* FileItem(wxFrame* frame, const wxString& label) {
    wxMenu* file = frame->GetMenuBar()->GetMenu(0);
    for (wxMenuItem* item : file->GetMenuItems()) {
        if (item->GetItemLabelText().StartsWith(label))
            return item;
        if (item->IsSubMenu())
            for (wxMenuItem* sub : item->GetSubMenu()->GetMenuItems())
                if (sub->GetItemLabelText().StartsWith(label))
                    return sub;
    }
    return nullptr;
}

} // namespace

TEST_CASE("The window on a staff login hides or greys what only the owner may do and says why") {
    PgServer* pg = ServerOrSkip();
    if (!pg)
        return;
    const std::string name = store::server_address(pg->create_database()).database;
    const std::string owner_login = "owner_" + name, staff_login = "staff_" + name;
    pg->admin_exec("CREATE ROLE " + owner_login + " LOGIN CREATEROLE");
    pg->admin_exec("ALTER DATABASE " + name + " OWNER TO " + owner_login);
    Id anna = 0;
    {
        store::Database owner = store::Database::open(pg->uri(name, owner_login));
        store::set_up_server_roles(owner);
        store::add_to_server_role(owner, staff_login, store::ServerRole::staff);
        Customer c;
        c.name = "Anna Kowalski";
        anna = store::CustomerRepo(owner).add(c);
        Purchase p;
        p.customer_id = anna;
        p.on = today_local();
        p.amount = Money{120050};
        p.margin = 3500;
        store::PurchaseRepo(owner).add(p);
    }

    for (const bool staff : {true, false}) {
        INFO((staff ? "staff" : "owner") << " login");
        Services services(store::open_for_use(pg->uri(name, staff ? staff_login : owner_login),
                                              today_local(), store::DailyBackupTiming::later)
                              .db);
        services.remember_ui = false;
        CHECK(services.staff() == staff);
        auto* frame = new MainFrame(services, {});
        frame->SetSize(0, 0, 1280, 800);
        frame->Show();
        Pump(200);

        // The owner's menu items stay in their place, greyed, and their help says why
        for (const char* label :
             {"Settings...", "Export for accountant...", "As CSV files...", "As one JSON file...",
              "Back up now...", "Restore from backup..."}) {
            INFO(label);
            wxMenuItem* item = FileItem(frame, label);
            REQUIRE(item);
            CHECK(item->IsEnabled() == !staff);
            CHECK(item->GetItemLabelText().Contains("(owner only)") == staff);
            if (staff)
                CHECK(item->GetHelp().Contains("Only the shop's owner may"));
        }
        CHECK(FileItem(frame, "Log incident...")->IsEnabled());
        CHECK(FileItem(frame, "New customer...")->IsEnabled());
        // No worth figures and no margins: Today's and Reports' "Haven't been back" and the
        // portfolio are not built
        CHECK((frame->Today()->Gone() == nullptr) == staff);
        CHECK((frame->Reports()->Portfolio() == nullptr) == staff);
        CHECK((frame->Reports()->Gone() == nullptr) == staff);

        // The customer page: no "Worth it?" tab, no margin, and a purchase cannot be deleted
        frame->OpenCustomer(anna);
        Pump(200);
        auto* tabs = Find<wxNotebook>(frame, "customer_tabs");
        REQUIRE(tabs);
        CHECK(tabs->GetPageCount() == (staff ? 1u : 2u));
        auto* timeline = Find<wxDataViewListCtrl>(frame, "timeline");
        REQUIRE(timeline);
        REQUIRE(timeline->GetItemCount() == 1);
        CHECK(timeline->GetTextValue(0, 1).Contains("margin") == !staff);
        timeline->SelectRow(0);
        wxDataViewEvent changed(wxEVT_DATAVIEW_SELECTION_CHANGED, timeline, timeline->RowToItem(0));
        timeline->ProcessWindowEvent(changed);
        auto* del = Find<wxButton>(frame, "entry_delete");
        REQUIRE(del);
        CHECK(del->IsEnabled() == !staff);
        if (staff) {
            CHECK(del->GetToolTipText().Contains("Only the shop's owner may delete a purchase"));
            CHECK(del->GetToolTipText().Contains(staff_login));
        }
        frame->Raise();
        frame->Refresh();
        frame->Update();
        Pump(500);
        // To look at: the staff login's customer page
        const char* shots = std::getenv("RAPPORT_GUI_SCREENSHOT_DIR");
        if (shots && staff) {
            wxString error;
            CHECK(CaptureWindowToPng(frame, wxString(shots) + "/staff-customer-page.png", &error));
            frame->ShowView(MainFrame::View::reports);
            Pump(1500);
            CHECK(CaptureWindowToPng(frame, wxString(shots) + "/staff-reports.png", &error));
            INFO(error);
        }
        frame->Destroy();
        Pump(50);
    }
}
