// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// How a customer likes to be dealt with, in the window: set in the customer dialog, then seen
// in the log dialog's banner when that customer is typed.
#include "gui_support.h"

#include "gui/customer_dialog.h"
#include "gui/log_incident_dialog.h"

#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

// Picks entry `index` of the choice named `name` as a click in its list would: the selection
// and the event the dialog hears.
ModalScript::Step Choose(const wxString& name, int index) {
    return [name, index] {
        auto* choice = Find<wxChoice>(ActiveModalDialog(), name);
        if (!choice)
            return false;
        choice->SetSelection(index);
        wxCommandEvent picked(wxEVT_CHOICE, choice->GetId());
        picked.SetEventObject(choice);
        picked.SetInt(index);
        choice->GetEventHandler()->ProcessEvent(picked);
        return true;
    };
}

} // namespace

TEST_CASE("How a customer likes to be dealt with is set in the customer dialog and shows in the "
          "log dialog banner") {
    TempDir dir;
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Anna Kowalski";
    c.phone = "+49 170 555";
    const Id anna = services->customers.add(c);

    Window window;
    {
        ModalScript script({
            DialogReady("name"),
            Choose("preferred_channel", 2), // Phone
            TypeInto("preferred_time", "mornings"),
            Choose("wants_when_wrong", 2), // Reassurance
            [] {
                wxUIActionSimulator().Char(WXK_RETURN); // Save is the default button
                return true;
            },
        });
        const auto saved = ShowCustomerDialog(window.frame, *services, anna);
        INFO(script.Failure());
        REQUIRE(script.Finished());
        REQUIRE(script.Failure().empty());
        CHECK(saved == anna);
    }
    const ContactProfile kept = services->customers.get(anna).profile;
    CHECK(kept.channel == PreferredChannel::phone);
    CHECK(kept.time == "mornings");
    CHECK(kept.wants == WantsWhenWrong::reassurance);
    CHECK(services->customers.get(anna).phone == "+49 170 555"); // the rest kept

    auto banner = std::make_shared<wxString>();
    ModalScript script({
        DialogReady(),
        TypeInto("customer", "anna kowalski"),
        [banner] {
            auto* text = Find<wxStaticText>(ActiveModalDialog(), "profile_banner");
            if (!text || !text->IsShownOnScreen())
                return false;
            *banner = text->GetLabel();
            ActiveModalDialog()->EndModal(wxID_CANCEL);
            return true;
        },
    });
    ShowLogIncidentDialog(window.frame, *services);
    INFO(script.Failure());
    REQUIRE(script.Finished());
    CHECK(*banner == wxString::FromUTF8("Prefers: Phone, mornings \xC2\xB7 Wants: Reassurance"));
}
