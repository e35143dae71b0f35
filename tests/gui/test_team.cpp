// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A team on one file, in the window (issue 16): the "Logged by" name is stamped on the save and
// remembered on this PC; an edit someone else saved over while the dialog was open is refused
// with both versions shown and the typed text kept, and a second Save puts it over knowingly.
#include "gui_support.h"

#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/log_incident_dialog.h"
#include "gui/logged_by.h"
#include "gui/main_frame.h"
#include "store/database.h"
#include "store/interactions.h"

#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/fileconf.h>
#include <wx/frame.h>
#include <wx/uiaction.h>

#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

Id AddCustomer(Services& s, const std::string& name) {
    Customer c;
    c.name = name;
    return s.customers.add(c);
}

// rapport.conf in the test's folder for the length of a test, as the window's own settings.
struct ConfigInFolder {
    explicit ConfigInFolder(const TempDir& dir)
        : previous(wxConfigBase::Set(new wxFileConfig("rapport", wxString(),
                                                      (dir / "rapport.conf").string(), wxString(),
                                                      wxCONFIG_USE_LOCAL_FILE))) {}
    ~ConfigInFolder() { delete wxConfigBase::Set(previous); }
    wxConfigBase* previous;
};

} // namespace

TEST_CASE("The Logged by name chosen in the log dialog is stamped on the incident and "
          "remembered on this PC") {
    TempDir dir;
    ConfigInFolder config(dir);
    auto services = MakeServices(dir);
    services->remember_ui = true; // as the real window, which keeps its settings
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    CHECK(services->db().actor() == "owner");

    Window window;
    ModalScript script({
        DialogReady("summary"),
        TypeInto("summary", "Kettle leaks at the seam"),
        [] {
            auto* who = Find<wxComboBox>(ActiveModalDialog(), "logged_by");
            if (!who)
                return false;
            FocusForTyping(who);
            who->SelectAll();
            wxUIActionSimulator().Text("Sam");
            return true;
        },
        [] {
            auto* who = Find<wxComboBox>(ActiveModalDialog(), "logged_by");
            return who && who->GetValue() == "Sam";
        },
        PressCtrlEnter(),
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services, anna);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(id);
    CHECK(services->interactions.get(*id).logged.by == "Sam");
    CHECK(services->db().actor() == "Sam");
    wxString remembered;
    CHECK(wxConfigBase::Get()->Read("/Staff/LoggedBy", &remembered));
    CHECK(remembered == "Sam");

    // The next start on this PC saves as Sam, and the field offers the names used before.
    services.reset();
    auto again = MakeServices(dir);
    again->remember_ui = true;
    RestoreLoggedBy(*again); // as app.cpp does at start
    CHECK(again->db().actor() == "Sam");
    wxComboBox* field = MakeLoggedByField(window.frame, *again);
    CHECK(field->GetValue() == "Sam");
    CHECK(field->FindString("Sam", true) != wxNOT_FOUND);
}

TEST_CASE("An incident someone else saved while it was open is not overwritten and both "
          "versions are shown") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    Interaction original;
    original.customer_id = anna;
    original.at = LocalDateTime{add_days(services->today(), -1), 9 * 60};
    original.category = Category::product_fault;
    original.summary = "Kettle leaks";
    const Id id = services->interactions.add(original);

    // Sam, on the same file from another program, saves while the owner's dialog is open.
    auto sam = store::Database::open(dir / "test.db");
    sam.set_actor("Sam");
    const auto sam_saves = [&sam, id] {
        Interaction his = store::InteractionRepo(sam).get(id);
        his.summary = "Kettle leaks - Sam ordered a new one";
        store::InteractionRepo(sam).update(his);
        return true;
    };

    Window window;
    MessageBoxAnswerer answerer(wxID_OK);
    auto kept = std::make_shared<wxString>();
    ModalScript script({
        DialogReady("summary"), ReplaceText("summary", "Kettle leaks - refunded in full"),
        sam_saves, PressCtrlEnter(),
        [&answerer, kept] {
            if (answerer.messages.empty() || !ActiveModalDialog())
                return false;
            *kept = Field("summary")->GetValue();
            return true;
        },
        PressCtrlEnter(), // having seen both, the owner saves theirs over Sam's
    });
    const bool saved = ShowEditIncidentDialog(window.frame, *services, id);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(answerer.messages.size() == 1);
    const wxString& told = answerer.messages.front();
    INFO(told.utf8_string());
    CHECK(told.StartsWith("Sam changed this incident at "));
    CHECK(told.Contains("Their version (Sam, "));
    CHECK(told.Contains("Kettle leaks - Sam ordered a new one"));
    CHECK(told.Contains("Your version, still in the form:"));
    CHECK(*kept == "Kettle leaks - refunded in full");
    REQUIRE(saved);
    const Interaction now = services->interactions.get(id);
    CHECK(now.summary == "Kettle leaks - refunded in full");
    CHECK(now.version == 3);
}

TEST_CASE("A customer's history shows one staff member's entries when chosen in Show") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    const auto log = [&](const char* summary, int days_ago) {
        Interaction i;
        i.customer_id = anna;
        i.at = LocalDateTime{add_days(services->today(), -days_ago), 10 * 60};
        i.summary = summary;
        services->interactions.add(i);
    };
    log("Kettle leaks", 3); // the owner's
    services->db().set_actor("Sam");
    log("Lid broken", 2);
    log("Late delivery", 1);

    struct OpenFrame { // destroyed even when a REQUIRE stops the test
        MainFrame* frame;
        ~OpenFrame() {
            frame->Destroy();
            Pump(50);
        }
    } open{new MainFrame(*services, {})};
    MainFrame* frame = open.frame;
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    Pump(200);
    frame->OpenCustomer(anna);
    auto* timeline = Find<wxDataViewListCtrl>(frame, "timeline");
    auto* show = Find<wxChoice>(frame, "history_staff");
    REQUIRE(timeline);
    REQUIRE(show);
    REQUIRE(WaitFor([&] { return timeline->GetItemCount() == 3; }));
    CHECK(show->IsShown());
    CHECK(show->GetCount() == 3); // everyone's, then the names: owner and Sam
    const int sam = show->FindString("Sam", true);
    REQUIRE(sam > 0);

    // Chosen as GTK reports a pick from the list.
    FocusForTyping(show);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() == show; }));
    show->SetSelection(sam);
    wxCommandEvent chosen(wxEVT_CHOICE, show->GetId());
    chosen.SetInt(sam);
    chosen.SetEventObject(show);
    show->GetEventHandler()->ProcessEvent(chosen);
    REQUIRE(WaitFor([&] { return timeline->GetItemCount() == 2; }));
    // The choice stays when the history is read again, as after a save.
    frame->OpenCustomer(anna);
    Pump(100);
    CHECK(show->GetStringSelection() == "Sam");
    CHECK(timeline->GetItemCount() == 2);
}
