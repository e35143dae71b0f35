// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Everything by keyboard: each field label's Alt+letter, the Tab order of the log dialog, the
// views from their accelerators and the sidebar, and a customer opened from the list with Enter.
// Keys go through the X server (wxUIActionSimulator), as a person would press them.
#include "gui_support.h"
#include "keyboard_checks.h"

#include "gui/accountant_export_dialog.h"
#include "gui/backup_dialog.h"
#include "gui/customer_dialog.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/followups_view.h"
#include "gui/import_dialog.h"
#include "gui/log_incident_dialog.h"
#include "gui/main_frame.h"
#include "gui/settings_dialog.h"
#include "gui/sidebar.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>
#include <wx/uiaction.h>

#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

struct OpenWindow {
    MainFrame* frame;
    explicit OpenWindow(Services& services) : frame(new MainFrame(services, {})) {
        frame->SetSize(0, 0, 1280, 800);
        frame->Show();
        Pump(200);
    }
    ~OpenWindow() {
        frame->Destroy();
        Pump(50);
    }
};

Id AddCustomer(Services& s, const std::string& name) {
    Customer c;
    c.name = name;
    return s.customers.add(c);
}

Id AddIncident(Services& s, Id customer, const std::string& summary) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{s.today(), 10 * 60};
    i.category = Category::delay;
    i.summary = summary;
    return s.interactions.add(i);
}

// "name(label), ..." of each window, "?" for none: what a failed comparison shows.
std::string Names(const std::vector<wxWindow*>& windows) {
    std::string out;
    for (wxWindow* w : windows)
        out += (out.empty() ? "" : ", ") +
               (w ? Str(w->GetName() + "(" + w->GetLabel() + ")") : std::string("?"));
    return out;
}

} // namespace

TEST_CASE("Every field label of every dialog has its own Alt+letter and it reaches the field") {
    TempDir dir;
    const auto problems = WalkEveryDialog(dir);
    for (const auto& p : problems)
        UNSCOPED_INFO(p);
    CHECK(problems.empty());
}

TEST_CASE("Tab moves through the log incident dialog in the order its fields are laid out") {
    TempDir dir;
    auto services = MakeServices(dir);
    // A usual resolution, so the dialog opens with one row of what was given.
    services->settings_store.set_category_default(
        {all_categories()[0].value, ResolutionType::refund, Money{2500}});
    Window window;
    auto expected = std::make_shared<std::vector<wxWindow*>>();
    auto visited = std::make_shared<std::vector<wxWindow*>>();
    auto error = std::make_shared<std::string>();
    auto has_row = std::make_shared<bool>(false);
    auto laid_out = std::make_shared<std::string>();
    auto tabbed = std::make_shared<std::string>();
    ModalScript script(
        {
            [] {
                wxDialog* d = ActiveModalDialog();
                auto* customer = d ? Find<wxTextCtrl>(d, "customer") : nullptr;
                if (!customer)
                    return false;
                FocusForTyping(customer);
                return wxWindow::FindFocus() == customer;
            },
            [expected, has_row] {
                // Where each field sits on screen: rows from top to bottom, in a row from left
                // to right. A radio group is one stop, at its chosen button.
                wxDialog* d = ActiveModalDialog();
                *has_row = Find<wxChoice>(d, "resolution_type0") != nullptr;
                std::vector<wxWindow*> all;
                Descendants(d, all);
                std::vector<wxWindow*> stops;
                for (wxWindow* w : all) {
                    if (!w->IsShownOnScreen() || !w->IsEnabled())
                        continue;
                    // Fields (some made of parts) and the single controls that take the keyboard;
                    // panels only hold them.
                    const bool single = w->GetChildren().empty() && w->AcceptsFocusFromKeyboard() &&
                                        !dynamic_cast<wxStaticText*>(w);
                    if (!IsField(w) && !single)
                        continue;
                    if (auto* r = dynamic_cast<wxRadioButton*>(w); r && !r->GetValue())
                        continue;
                    bool inside_field = false;
                    for (wxWindow* up = w->GetParent(); up && up != d; up = up->GetParent())
                        inside_field = inside_field || IsField(up);
                    if (!inside_field)
                        stops.push_back(w);
                }
                std::stable_sort(stops.begin(), stops.end(), [](wxWindow* a, wxWindow* b) {
                    const wxRect ra = a->GetScreenRect(), rb = b->GetScreenRect();
                    const int ca = ra.y + ra.height / 2, cb = rb.y + rb.height / 2;
                    const int tolerance = std::min(ra.height, rb.height) / 2;
                    if (std::abs(ca - cb) > tolerance)
                        return ca < cb;
                    return ra.x < rb.x;
                });
                *expected = stops;
                return true;
            },
            [expected, visited, error] {
                // Tab once, then note which stop took the keyboard; end back at the start.
                wxWindow* at = StopWithFocus(ActiveModalDialog(), *expected);
                if (visited->empty() || visited->back() != at) {
                    visited->push_back(at);
                    if (visited->size() > 1 && at == visited->front())
                        return true;
                    if (visited->size() > expected->size() + 3) {
                        *error = "Tab never came back to the customer field";
                        return true;
                    }
                }
                wxUIActionSimulator().Char(WXK_TAB);
                return false;
            },
            [expected, visited, laid_out, tabbed] {
                // The names now: the windows go with the dialog.
                if (!visited->empty())
                    visited->pop_back(); // the customer field again
                *laid_out = Names(*expected);
                *tabbed = Names(*visited);
                if (wxDialog* d = ActiveModalDialog())
                    d->EndModal(wxID_CANCEL);
                return true;
            },
        },
        120, 60000);
    ShowLogIncidentDialog(window.frame, *services);
    REQUIRE(script.Failure().empty());
    INFO(*error);
    REQUIRE(error->empty());
    INFO("laid out: " << *laid_out);
    INFO("tabbed:   " << *tabbed);
    // The dialog had its row of what was given, and more than a handful of stops.
    CHECK(*has_row);
    CHECK(expected->size() > 15);
    CHECK(*tabbed == *laid_out);
}

TEST_CASE("Each view opens from the keyboard with Ctrl+1 to Ctrl+4 and the sidebar's arrow keys") {
    TempDir dir;
    auto services = MakeServices(dir);
    AddCustomer(*services, "Anna Kowalski");
    OpenWindow window(*services);
    MainFrame* frame = window.frame;
    FocusForTyping(frame);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));
    wxUIActionSimulator sim;
    const auto press = [&](int key, int modifiers, MainFrame::View view) {
        sim.Char(key, modifiers);
        const bool reached = WaitFor([&] { return frame->CurrentView() == view; }, 3000);
        wxWindow* focus = wxWindow::FindFocus();
        UNSCOPED_INFO("key " << key << ": keyboard in "
                             << (focus ? Str(focus->GetName()) : std::string("nothing")));
        return reached;
    };
    CHECK(press('2', wxMOD_CONTROL, MainFrame::View::customers));
    CHECK(press('3', wxMOD_CONTROL, MainFrame::View::follow_ups));
    // A view's own labels have their Alt+letters too.
    sim.Char('w', wxMOD_ALT);
    CHECK(WaitFor([&] { return HasFocusIn(Find<wxWindow>(frame, "week_picker")); }));
    CHECK(press('4', wxMOD_CONTROL, MainFrame::View::reports));
    Find<wxNotebook>(frame, "report_tabs")->SetSelection(1); // complaints and costs
    Pump(100);
    sim.Char('p', wxMOD_ALT);
    CHECK(WaitFor([&] { return HasFocusIn(Find<wxWindow>(frame, "report_period")); }));
    CHECK(press('1', wxMOD_CONTROL, MainFrame::View::today));

    // The sidebar is a stop of its own: the arrows move between the views.
    auto* sidebar = Find<Sidebar>(frame, "sidebar");
    REQUIRE(sidebar);
    sidebar->SetFocus();
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() == sidebar; }));
    CHECK(press(WXK_DOWN, wxMOD_NONE, MainFrame::View::customers));
    CHECK(press(WXK_DOWN, wxMOD_NONE, MainFrame::View::follow_ups));
    CHECK(press(WXK_END, wxMOD_NONE, MainFrame::View::reports));
    CHECK(press(WXK_UP, wxMOD_NONE, MainFrame::View::follow_ups));
    CHECK(press(WXK_HOME, wxMOD_NONE, MainFrame::View::today));
    CHECK(wxWindow::FindFocus() == sidebar);

    // Ctrl+F goes to the customers with the keyboard in their search box.
    sim.Char('f', wxMOD_CONTROL);
    CHECK(WaitFor([&] { return frame->CurrentView() == MainFrame::View::customers; }));
    CHECK(WaitFor([&] { return HasFocusIn(Find<wxSearchCtrl>(frame, "customer_search")); }));
}

TEST_CASE("Enter on a customer in the list opens their page with the keyboard on their history") {
    TempDir dir;
    auto services = MakeServices(dir);
    AddCustomer(*services, "Anna Kowalski");
    const Id ben = AddCustomer(*services, "Ben Nowak");
    AddIncident(*services, ben, "Parcel came late");
    OpenWindow window(*services);
    MainFrame* frame = window.frame;
    FocusForTyping(frame);
    wxUIActionSimulator sim;
    sim.Char('2', wxMOD_CONTROL);
    REQUIRE(WaitFor([&] { return frame->CurrentView() == MainFrame::View::customers; }));
    wxDataViewCtrl* list = frame->Customers()->List();
    list->SetFocus();
    REQUIRE(WaitFor([&] { return HasFocusIn(list); }));
    CustomerPage* page = frame->Customers()->Page();
    sim.Char(WXK_DOWN);
    REQUIRE(WaitFor([&] { return page->CurrentCustomer() == ben; }));
    sim.Char(WXK_RETURN);
    auto* timeline = Find<wxDataViewListCtrl>(frame, "timeline");
    REQUIRE(timeline);
    CHECK(WaitFor([&] { return HasFocusIn(timeline); }));
    CHECK(page->CurrentCustomer() == ben);
    CHECK(timeline->GetSelectedRow() == 0);

    // From a list too, Ctrl+F goes to the search box (a list would start its own search).
    sim.Char('f', wxMOD_CONTROL);
    CHECK(WaitFor([&] { return HasFocusIn(Find<wxSearchCtrl>(frame, "customer_search")); }));
}

TEST_CASE("Delete in the customer list archives the customer and Ctrl+Z brings them back") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    OpenWindow window(*services);
    MainFrame* frame = window.frame;
    FocusForTyping(frame);
    wxUIActionSimulator sim;
    sim.Char('2', wxMOD_CONTROL);
    REQUIRE(WaitFor([&] { return frame->CurrentView() == MainFrame::View::customers; }));
    wxDataViewCtrl* list = frame->Customers()->List();
    list->SetFocus();
    REQUIRE(WaitFor([&] { return HasFocusIn(list); }));
    REQUIRE(frame->Customers()->Page()->CurrentCustomer() == anna);
    sim.Char(WXK_DELETE);
    CHECK(WaitFor([&] { return services->customers.get(anna).archived; }));
    sim.Char('z', wxMOD_CONTROL);
    CHECK(WaitFor([&] { return !services->customers.get(anna).archived; }));
}

TEST_CASE("The customer list is sorted from the keyboard through View then Sort customers by") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id anna = AddCustomer(*services, "Anna Kowalski");
    const Id ben = AddCustomer(*services, "Ben Nowak");
    const Id zora = AddCustomer(*services, "Zora Weber");
    AddIncident(*services, anna, "Parcel came late");
    AddIncident(*services, anna, "Wrong size");
    AddIncident(*services, zora, "Lid broke");
    OpenWindow window(*services);
    MainFrame* frame = window.frame;
    CustomersView* view = frame->Customers();
    FocusForTyping(frame);
    wxUIActionSimulator sim;
    const auto order = [&] {
        std::vector<Id> ids;
        for (unsigned row = 0; row < view->ListedCount(); ++row)
            ids.push_back(view->ListedIdAt(row));
        return ids;
    };
    // Alt+V opens the View menu, B its "Sort customers by", C "Complaints".
    const auto sort_by_complaints = [&] {
        sim.Char('v', wxMOD_ALT);
        Pump(300);
        sim.Char('b');
        Pump(300);
        sim.Char('c');
    };
    sort_by_complaints();
    CHECK(WaitFor([&] { return order() == std::vector<Id>{ben, zora, anna}; }));
    CHECK(frame->CurrentView() == MainFrame::View::customers);
    sort_by_complaints();
    CHECK(WaitFor([&] { return order() == std::vector<Id>{anna, zora, ben}; }));
}

TEST_CASE("Every menu item has a letter of its own in its menu and the usual commands their usual "
          "keys") {
    TempDir dir;
    auto services = MakeServices(dir);
    OpenWindow window(*services);
    wxMenuBar* bar = window.frame->GetMenuBar();
    REQUIRE(bar);
    std::vector<std::string> problems;
    const auto unique = [&](const wxString& where, const std::vector<wxString>& labels) {
        std::map<wxUniChar, wxString> owner;
        for (const wxString& label : labels) {
            const auto m = MnemonicOf(label.BeforeFirst('\t'));
            if (!m)
                problems.push_back(Str(where + ": \"" + label + "\" has no letter"));
            else if (owner.count(*m))
                problems.push_back(Str(where + ": \"" + label + "\" and \"" + owner[*m] +
                                       "\" share " + wxString(*m)));
            else
                owner[*m] = label;
        }
    };
    std::function<void(const wxString&, wxMenu*)> walk = [&](const wxString& where, wxMenu* menu) {
        std::vector<wxString> labels;
        for (wxMenuItem* item : menu->GetMenuItems()) {
            if (item->IsSeparator())
                continue;
            labels.push_back(item->GetItemLabel());
            if (item->GetSubMenu())
                walk(where + " > " + item->GetItemLabelText(), item->GetSubMenu());
        }
        unique(where, labels);
    };
    std::vector<wxString> titles;
    for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
        titles.push_back(bar->GetMenuLabel(i));
        walk(bar->GetMenuLabelText(i), bar->GetMenu(i));
    }
    unique("menu bar", titles);
    for (const auto& p : problems)
        UNSCOPED_INFO(p);
    CHECK(problems.empty());

    // The standard ids (GTK gives them their stock look) with the keys people expect.
    const auto keys = [&](int id) {
        wxMenuItem* item = bar->FindItem(id);
        return item ? Str(item->GetItemLabel().AfterFirst('\t')) : std::string("(missing)");
    };
    CHECK(keys(wxID_NEW) == "Ctrl+N");
    CHECK(keys(wxID_FIND) == "Ctrl+F");
    CHECK(keys(wxID_UNDO) == "Ctrl+Z");
    CHECK(keys(wxID_PRINT) == "Ctrl+P");
    CHECK(keys(wxID_PREFERENCES) == "Ctrl+,");
    CHECK(keys(wxID_EXIT) == "Ctrl+Q");
    CHECK(keys(wxID_HELP) == "F1");
    CHECK(bar->FindItem(wxID_ABOUT) != nullptr);
}
