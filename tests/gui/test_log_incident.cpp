// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The log dialog driven as a person would: keys typed through the X server (wxUIActionSimulator)
// into the real dialog, then the database checked.
#include "gui_support.h"
#include "store/sqlite/connection.h"

#include "gui/log_incident_dialog.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <functional>
#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

// A step that presses the dialog's button `button` by keyboard (the focus on it, then space),
// once, and is done when `done` sees the press took effect.
ModalScript::Step PressByKeyboard(const wxString& button, std::function<bool(wxDialog*)> done) {
    auto pressed = std::make_shared<bool>(false);
    return [=] {
        wxDialog* d = ActiveModalDialog();
        if (done(d))
            return true;
        if (!*pressed) {
            Find<wxButton>(d, button)->SetFocus();
            wxUIActionSimulator().Char(' ');
            *pressed = true;
        }
        return false;
    };
}

Id AddCustomer(Services& s, const std::string& name) {
    Customer c;
    c.name = name;
    return s.customers.add(c);
}

Id AddIncident(Services& s, Id customer, int days_ago, std::int64_t accepted_cents) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{add_days(s.today(), -days_ago), 10 * 60};
    i.category = Category::delay;
    i.summary = "Order late again";
    if (accepted_cents) {
        Resolution r;
        r.type = ResolutionType::discount;
        r.cost = Money{accepted_cents};
        r.status = ResolutionStatus::accepted;
        i.resolutions.push_back(r);
    }
    return s.interactions.add(i);
}

} // namespace

TEST_CASE("Typing a new customer and what happened and a refund then Ctrl+Enter saves the "
          "incident") {
    TempDir dir;
    auto services = MakeServices(dir);
    Window window;
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "Marta Nowak"),
        // The inline note says a new customer will be added.
        [] {
            auto* state = Find<wxStaticText>(ActiveModalDialog(), "customer_state");
            return state && state->GetLabel().Contains("New customer");
        },
        TypeInto("summary", "Zip broke after two days"),
        TypeInto("asked_for", "Money back"),
        // "Add what was given" by keyboard: focus the button and press space.
        PressByKeyboard("add_resolution",
                        [](wxDialog* d) { return Find<wxTextCtrl>(d, "resolution_cost0"); }),
        TypeInto("resolution_cost0", "12.50"),
        PressCtrlEnter(),
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    REQUIRE(id);

    const Interaction saved = services->interactions.get(*id);
    CHECK(saved.summary == "Zip broke after two days");
    CHECK(saved.asked_for == "Money back");
    CHECK(services->customers.get(saved.customer_id).name == "Marta Nowak");
    REQUIRE(saved.resolutions.size() == 1);
    CHECK(saved.resolutions[0].cost == Money{1250});
    CHECK(saved.resolutions[0].status == ResolutionStatus::accepted);
    CHECK(saved.at.day == services->today());
}

TEST_CASE(
    "A repeat complainer gets a banner and the usual resolution of the category is proposed") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    AddIncident(*services, anna, 10, 15000);
    AddIncident(*services, anna, 40, 9000);
    AddIncident(*services, anna, 400, 0); // outside the 90 days
    services->settings_store.set_category_default(
        store::CategoryDefault{Category::product_fault, ResolutionType::replacement, Money{2500}});

    Window window;
    auto banner = std::make_shared<wxString>();
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "anna kowalski"),
        [banner] {
            auto* text = Find<wxStaticText>(ActiveModalDialog(), "banner");
            if (!text || !text->IsShownOnScreen())
                return false;
            *banner = text->GetLabel();
            return true;
        },
        TypeInto("summary", "Kettle stopped heating"),
        PressCtrlEnter(),
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    CHECK(banner->Contains("3rd complaint in 90 days"));
    CHECK(banner->Contains("240.00 given back so far"));
    REQUIRE(id);
    const Interaction saved = services->interactions.get(*id);
    CHECK(saved.customer_id == anna); // matched in any letter case, not a new customer
    CHECK(saved.category == Category::product_fault);
    REQUIRE(saved.resolutions.size() == 1);
    CHECK(saved.resolutions[0].type == ResolutionType::replacement);
    CHECK(saved.resolutions[0].cost == Money{2500});
}

TEST_CASE("A save that fails on a read-only database shows why and keeps what was typed") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    // The connection refuses every write, as a read-only file does; reads still work.
    store::sqlite(services->db()).exec("PRAGMA query_only = ON");

    Window window;
    MessageBoxAnswerer answerer(wxID_YES);
    auto kept_summary = std::make_shared<wxString>();
    auto kept_customer = std::make_shared<wxString>();
    auto still_open = std::make_shared<bool>(false);
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "Anna Kowalski"),
        TypeInto("summary", "Screen cracked on delivery"),
        PressCtrlEnter(),
        [&answerer, kept_summary, kept_customer, still_open] {
            if (answerer.messages.empty())
                return false;
            *still_open = ActiveModalDialog() != nullptr;
            if (*still_open) {
                *kept_summary = Field("summary")->GetValue();
                *kept_customer = Field("customer")->GetValue();
            }
            return true;
        },
        // Escape asks before throwing the text away; the answerer says "Discard".
        [] {
            wxUIActionSimulator().Char(WXK_ESCAPE);
            return true;
        },
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    CHECK_FALSE(id);
    REQUIRE(answerer.messages.size() >= 1);
    CHECK(answerer.messages.front().Contains("read-only"));
    CHECK(*still_open);
    CHECK(*kept_summary == "Screen cracked on delivery");
    CHECK(*kept_customer == "Anna Kowalski");
    CHECK(services->interactions.for_customer(anna).empty());
}

TEST_CASE("A known customer typed in any letter case is recognised and Tab moves on") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Annabel Kowalski");
    AddCustomer(*services, "Bruno Weber");

    Window window;
    auto new_state = std::make_shared<wxString>();
    auto rows_fit = std::make_shared<bool>(false);
    auto moved_on = std::make_shared<bool>(false);
    auto tabbed = std::make_shared<bool>(false);
    const auto state = [] { return Find<wxStaticText>(ActiveModalDialog(), "customer_state"); };
    ModalScript script({
        DialogReady(),
        // While the name is unknown, the new-customer phone row appears and the dialog grows
        // to hold it.
        TypeInto("customer", "Annab"),
        [state, new_state, rows_fit] {
            if (!state() || !state()->GetLabel().StartsWith("New customer"))
                return false;
            *new_state = state()->GetLabel();
            // Everything the dialog holds fits in it: rows cannot overlap or be cut off.
            wxDialog* d = ActiveModalDialog();
            *rows_fit = d->GetClientSize().y >= d->GetSizer()->GetMinSize().y;
            return true;
        },
        TypeInto("customer", "el kowalski", "Annabel kowalski"),
        [state] { return state() && state()->GetLabel().StartsWith("Known customer"); },
        [tabbed, moved_on] {
            if (!*tabbed) {
                wxUIActionSimulator().Char(WXK_TAB);
                *tabbed = true;
                return false;
            }
            *moved_on = wxWindow::FindFocus() != Field("customer");
            return true;
        },
        TypeInto("summary", "Wrong size again"),
        PressCtrlEnter(),
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    CHECK(new_state->StartsWith("New customer"));
    CHECK(*rows_fit);
    CHECK(*moved_on);
    REQUIRE(id);
    CHECK(services->interactions.get(*id).customer_id == anna);
    CHECK(services->customers.count() == 2); // no duplicate made
}

TEST_CASE("Editing an incident keeps its follow-up and undo puts the old text back") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    Interaction original;
    original.customer_id = anna;
    original.at = LocalDateTime{add_days(services->today(), -2), 15 * 60};
    original.category = Category::billing;
    original.summary = "Charged twice";
    FollowUp f;
    f.due = add_days(services->today(), 3);
    f.note = "Check the refund arrived";
    original.follow_ups.push_back(f);
    const Id id = services->interactions.add(original);
    original = services->interactions.get(id);

    Window window;
    ModalScript script({
        DialogReady("summary"),
        ReplaceText("summary", "Charged twice for one order"),
        PressCtrlEnter(),
    });
    // Focus starts on the customer field; DialogReady moves it to the summary.
    const bool saved = ShowEditIncidentDialog(window.frame, *services, id);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    REQUIRE(saved);
    const Interaction edited = services->interactions.get(id);
    CHECK(edited.summary == "Charged twice for one order");
    CHECK(edited.category == Category::billing);
    CHECK(edited.at == original.at);
    REQUIRE(edited.follow_ups.size() == 1);
    CHECK(edited.follow_ups[0].id == original.follow_ups[0].id);
    CHECK(edited.follow_ups[0].note == "Check the refund arrived");

    REQUIRE(services->undo.can_undo());
    services->undo.undo();
    CHECK(services->interactions.get(id).summary == "Charged twice");
}

TEST_CASE("A failing save for a new customer leaves no customer and keeps what was typed") {
    TempDir dir;
    auto services = MakeServices(dir);
    // The incident's row fails as a full disk would, after the new customer's row is written:
    // the two are one transaction, so neither stays.
    store::sqlite(services->db())
        .exec("CREATE TEMP TRIGGER fail_incident BEFORE INSERT ON interaction "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

    Window window;
    MessageBoxAnswerer answerer(wxID_YES);
    auto kept_summary = std::make_shared<wxString>();
    auto kept_customer = std::make_shared<wxString>();
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "Nora Neumann"),
        TypeInto("summary", "Kettle leaks at the seam"),
        PressCtrlEnter(),
        [&answerer, kept_summary, kept_customer] {
            if (answerer.messages.empty() || !ActiveModalDialog())
                return false;
            *kept_summary = Field("summary")->GetValue();
            *kept_customer = Field("customer")->GetValue();
            return true;
        },
        [] {
            wxUIActionSimulator().Char(WXK_ESCAPE);
            return true;
        },
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    CHECK_FALSE(id);
    REQUIRE(answerer.messages.size() >= 1);
    CHECK(answerer.messages.front().Contains("injected failure"));
    CHECK(*kept_summary == "Kettle leaks at the seam");
    CHECK(*kept_customer == "Nora Neumann");
    CHECK(services->customers.count() == 0);
}

TEST_CASE("Removing what was given in an edit saves the rest with who offered it") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    services->db().set_actor("Ola");
    Interaction original;
    original.customer_id = anna;
    original.at = LocalDateTime{add_days(services->today(), -2), 15 * 60};
    original.category = Category::billing;
    original.summary = "Charged twice";
    Resolution apology;
    apology.type = ResolutionType::apology_only;
    original.resolutions.push_back(apology);
    Resolution refund;
    refund.type = ResolutionType::refund;
    refund.cost = Money{1999};
    refund.status = ResolutionStatus::accepted;
    original.resolutions.push_back(refund);
    const Id id = services->interactions.add(original);
    // Someone else edits it: a resolution they add would be theirs, the ones there stay Ola's.
    services->db().set_actor("Ben");

    Window window;
    ModalScript script({
        DialogReady("summary"),
        // Remove the first row by keyboard: focus its button and press space.
        PressByKeyboard("resolution_remove0",
                        [](wxDialog* d) { return !Find<wxButton>(d, "resolution_remove0"); }),
        // The removed button had the keyboard: the next row's type takes it, so Ctrl+Enter
        // saves with no click.
        [] {
            wxDialog* d = ActiveModalDialog();
            return wxWindow::FindFocus() == Find<wxWindow>(d, "resolution_type1");
        },
        PressCtrlEnter(),
    });
    const bool saved = ShowEditIncidentDialog(window.frame, *services, id);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    REQUIRE(saved);
    const Interaction edited = services->interactions.get(id);
    REQUIRE(edited.resolutions.size() == 1);
    CHECK(edited.resolutions[0].type == ResolutionType::refund);
    CHECK(edited.resolutions[0].cost == Money{1999});
    CHECK(edited.resolutions[0].status == ResolutionStatus::accepted);
    CHECK(edited.resolutions[0].added.by == "Ola");
}

TEST_CASE("Removing the only thing given by keyboard leaves the add button focused and Ctrl+Enter "
          "saves") {
    TempDir dir;
    auto services = MakeServices(dir);
    Window window;
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "Lena Vogel"),
        TypeInto("summary", "Lid missing"),
        PressByKeyboard("add_resolution",
                        [](wxDialog* d) { return Find<wxButton>(d, "resolution_remove0"); }),
        PressByKeyboard("resolution_remove0",
                        [](wxDialog* d) { return !Find<wxButton>(d, "resolution_remove0"); }),
        // No row is left: the add button has the keyboard, not nothing.
        [] {
            return wxWindow::FindFocus() == Find<wxWindow>(ActiveModalDialog(), "add_resolution");
        },
        PressCtrlEnter(),
    });
    const auto id = ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    REQUIRE(script.Failure().empty());
    REQUIRE(id);
    const Interaction saved = services->interactions.get(*id);
    CHECK(saved.summary == "Lid missing");
    CHECK(saved.resolutions.empty());
}
