// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's Customers view: searching, the virtual list, and undo of a deleted
// incident, driven through the keyboard and the menus' accelerators.
#include "gui_support.h"

#include "exchange/demo.h"
#include "gui/customer_list_model.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/main_frame.h"
#include "gui/markup_lines_renderer.h"
#include "store/followups.h"
#include "store/gone.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/dcmemory.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

Id AddCustomer(Services& s, const std::string& name, const std::string& note = {}) {
    Customer c;
    c.name = name;
    c.note = note;
    return s.customers.add(c);
}

Interaction MakeIncident(Id customer, const std::string& summary, Date day) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{day, 9 * 60 + 30};
    i.category = Category::product_fault;
    i.severity = 4;
    i.summary = summary;
    i.minutes = 20;
    Resolution r;
    r.type = ResolutionType::refund;
    r.cost = Money{4500};
    r.status = ResolutionStatus::accepted;
    i.resolutions.push_back(r);
    FollowUp f;
    f.due = add_days(day, 2);
    f.note = "Check the new one works";
    i.follow_ups.push_back(f);
    return i;
}

// The main window as the application builds it, closed at the end of the test.
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

} // namespace

TEST_CASE("Ctrl+F and a word from an incident finds the customer it happened to") {
    TempDir dir;
    auto services = MakeServices(dir);
    AddCustomer(*services, "Anna Kowalski", "Prefers email");
    const Id ben = AddCustomer(*services, "Ben Nowak");
    AddCustomer(*services, "Clara Weber");
    services->interactions.add(
        MakeIncident(ben, "The espresso machine leaked on the counter", services->today()));

    OpenWindow window(*services);
    CustomersView* view = window.frame->Customers();
    FocusForTyping(window.frame);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));
    wxUIActionSimulator sim;
    sim.Char('f', wxMOD_CONTROL);
    auto* search = Find<wxSearchCtrl>(window.frame, "customer_search");
    REQUIRE(search);
    REQUIRE(WaitFor([&] { return window.frame->CurrentView() == MainFrame::View::customers; }));
    sim.Text("espresso");
    REQUIRE(WaitFor([&] { return search->GetValue() == "espresso"; }));
    // The list follows the typing after a short pause.
    REQUIRE(WaitFor([&] { return view->ListedCount() == 1; }));
    CHECK(view->ListedIdAt(0) == ben);
    // The first result's page follows once the list is drawn.
    CHECK(WaitFor([&] { return view->Page()->CurrentCustomer() == ben; }));

    // A word from a note finds that customer; clearing the search lists everyone again.
    view->Search("email");
    REQUIRE(view->ListedCount() == 1);
    view->Search("");
    CHECK(view->ListedCount() == 3);
}

TEST_CASE("Deleting an incident with the Delete key then Ctrl+Z brings it back whole") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id ben = AddCustomer(*services, "Ben Nowak");
    const Interaction original = [&] {
        const Id id = services->interactions.add(
            MakeIncident(ben, "Coffee machine leaks", add_days(services->today(), -3)));
        return services->interactions.get(id);
    }();

    OpenWindow window(*services);
    window.frame->OpenCustomer(ben);
    CustomerPage* page = window.frame->Customers()->Page();
    REQUIRE(page->SelectIncident(original.id));
    auto* timeline = Find<wxDataViewListCtrl>(window.frame, "timeline");
    REQUIRE(timeline);
    FocusForTyping(timeline);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));
    wxUIActionSimulator sim;
    sim.Char(WXK_DELETE);
    REQUIRE(WaitFor([&] { return !services->interactions.find(original.id); }));
    CHECK(timeline->GetItemCount() == 0);

    sim.Char('z', wxMOD_CONTROL);
    REQUIRE(WaitFor([&] { return services->interactions.find(original.id).has_value(); }));
    const Interaction back = services->interactions.get(original.id);
    CHECK(back.summary == original.summary);
    CHECK(back.customer_id == ben);
    REQUIRE(back.resolutions.size() == 1);
    CHECK(back.resolutions[0].id == original.resolutions[0].id);
    CHECK(back.resolutions[0].cost == Money{4500});
    REQUIRE(back.follow_ups.size() == 1);
    CHECK(back.follow_ups[0].id == original.follow_ups[0].id);
    CHECK(back.follow_ups[0].note == "Check the new one works");
    // The page shows it again.
    REQUIRE(WaitFor([&] { return timeline->GetItemCount() == 1; }));
}

TEST_CASE("The customer page lists the calls planned and made with no complaint") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id ida = AddCustomer(*services, "Ida Berg");
    const Date today = services->today();
    Purchase p;
    p.customer_id = ida;
    p.on = add_days(today, -40);
    p.amount = Money{8000};
    services->purchases.add(p);
    // Ida never complained: both calls are hers alone (what P on the gone list plans).
    const Id made = store::plan_gone_call(services->db(), ida, add_days(today, -10),
                                          "Ask how the new kettle works");
    CustomerAnswer answer;
    answer.satisfaction = 5;
    answer.said = "All good, back next week";
    store::FollowUpRepo(services->db())
        .mark_done(made, Outcome::satisfied, "", 5, add_days(today, -9), answer);
    store::plan_gone_call(services->db(), ida, add_days(today, 3), "Not back since March");

    OpenWindow window(*services);
    window.frame->OpenCustomer(ida);
    auto* timeline = Find<wxDataViewListCtrl>(window.frame, "timeline");
    REQUIRE(timeline);
    // Newest first: the planned call, the call made, then the purchase.
    REQUIRE(timeline->GetItemCount() == 3);
    const auto what = [&](unsigned row) { return timeline->GetTextValue(row, 1).utf8_string(); };
    CHECK_THAT(what(0), Catch::Contains("Call with no complaint"));
    CHECK_THAT(what(0), Catch::Contains("Call planned for"));
    CHECK_THAT(what(0), Catch::Contains("Not back since March"));
    CHECK_THAT(what(1), Catch::Contains("Call with no complaint"));
    CHECK_THAT(what(1), Catch::Contains("Called"));
    CHECK_THAT(what(1), Catch::Contains("satisfaction 5 of 5"));
    CHECK_THAT(what(1), Catch::Contains("Ask how the new kettle works"));
    CHECK_THAT(what(1), Catch::Contains("All good, back next week"));
    CHECK_THAT(what(2), Catch::Contains("Purchase"));
    auto* figures = Find<wxStaticText>(window.frame, "customer_figures");
    REQUIRE(figures);
    CHECK_THAT(figures->GetLabelText().utf8_string(), Catch::Contains("1 open follow-up"));
    // A call is ticked off on the follow-up list: nothing to edit or delete here.
    CustomerPage* page = window.frame->Customers()->Page();
    page->FocusHistory(); // selects the first row
    REQUIRE(timeline->GetSelectedRow() == 0);
    auto* edit = Find<wxButton>(window.frame, "entry_edit");
    auto* remove = Find<wxButton>(window.frame, "entry_delete");
    REQUIRE(edit);
    REQUIRE(remove);
    CHECK_FALSE(edit->IsEnabled());
    CHECK_FALSE(remove->IsEnabled());
    page->DeleteSelected();
    Pump(100);
    CHECK(store::FollowUpRepo(services->db()).of_customer_alone(ida).size() == 2);
}

TEST_CASE("The customer list reads only the rows on screen whatever the number of customers") {
    TempDir dir;
    auto services = MakeServices(dir);
    exchange::DemoOptions demo;
    demo.customers = 5000;
    demo.interactions = 20000;
    demo.today = services->today();
    exchange::generate_demo(services->db(), demo);

    OpenWindow window(*services);
    window.frame->ShowView(MainFrame::View::customers);
    Pump(300);
    auto* list = Find<wxDataViewCtrl>(window.frame, "customer_list");
    REQUIRE(list);
    auto* model = dynamic_cast<CustomerListModel*>(list->GetModel());
    REQUIRE(model);
    CHECK(window.frame->Customers()->ListedCount() == 5000);
    // About 30 rows fit on screen: a page or two of 64 rows, never all 79 pages.
    CHECK(model->pages_read() >= 1);
    CHECK(model->pages_read() <= 4);

    // Clicking the Complaints header sorts by it through the database (the control cannot sort
    // a virtual list itself): fewest first, then most first on a second click.
    const auto fewest =
        services->customer_table.ordered_ids("", store::CustomerColumn::complaints, true);
    const auto most =
        services->customer_table.ordered_ids("", store::CustomerColumn::complaints, false);
    int x = 0;
    for (unsigned c = 0; c < CustomerListModel::kComplaints; ++c)
        x += list->GetColumn(c)->GetWidth();
    const wxPoint header =
        list->GetScreenPosition() +
        wxPoint(x + list->GetColumn(CustomerListModel::kComplaints)->GetWidth() / 2,
                list->FromDIP(12));
    wxUIActionSimulator sim;
    sim.MouseMove(header);
    Pump(100);
    sim.MouseClick();
    REQUIRE(WaitFor([&] { return window.frame->Customers()->ListedIdAt(0) == fewest.front(); }));
    Pump(300);
    sim.MouseClick();
    REQUIRE(WaitFor([&] { return window.frame->Customers()->ListedIdAt(0) == most.front(); }));
}

// The renderer the history uses where the list is not GTK's own (Windows): every line of a cell
// counts in the row's height and is drawn on a line of its own.
TEST_CASE("A history cell of three lines is three lines of the font high and each is drawn") {
    Window w;
    auto* list = new wxDataViewListCtrl(w.frame, wxID_ANY, wxDefaultPosition, wxSize(400, 300),
                                        wxDV_VARIABLE_LINE_HEIGHT);
    auto* renderer = new MarkupLinesRenderer();
    list->AppendColumn(new wxDataViewColumn("What", renderer, 0, 300));
    const wxString markup = "<b>Billing</b>  <span foreground='#646464'>severity 2</span>\n"
                            "Discount &amp; more\n"
                            "<span foreground='#646464'>Logged by Sam</span>";
    const auto lines = ParseMarkupLines(markup);
    REQUIRE(lines.size() == 3);
    REQUIRE(lines[0].size() == 3);
    CHECK(lines[0][0].text == "Billing");
    CHECK(lines[0][0].bold);
    CHECK(lines[0][2].text == "severity 2");
    CHECK_FALSE(lines[0][2].bold);
    CHECK(lines[0][2].colour == wxColour(0x64, 0x64, 0x64));
    REQUIRE(lines[1].size() == 1);
    CHECK(lines[1][0].text == "Discount & more");
    CHECK_FALSE(lines[1][0].colour.IsOk());

    REQUIRE(renderer->SetValue(wxVariant(markup)));
    int line_height = 0, widest = 0;
    list->GetTextExtent("Ag", nullptr, &line_height);
    list->GetTextExtent("Discount & more", &widest, nullptr);
    const wxSize size = renderer->GetSize();
    CHECK(size.y == 3 * line_height);
    CHECK(size.x >= widest);

    // Drawn on white: each of the three bands of the cell has ink in it.
    wxBitmap bitmap(300, size.y);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        CHECK(renderer->Render(wxRect(0, 0, 300, size.y), &dc, 0));
    }
    const wxImage image = bitmap.ConvertToImage();
    for (int band = 0; band < 3; ++band) {
        bool ink = false;
        for (int y = band * line_height; y < (band + 1) * line_height && !ink; ++y)
            for (int x = 0; x < 300 && !ink; ++x)
                ink = image.GetRed(x, y) < 160;
        INFO("line " << band + 1);
        CHECK(ink);
    }
}

TEST_CASE("A history line cut short shows whole in a tooltip under the mouse") {
    TempDir dir;
    auto services = MakeServices(dir);
    const Id ben = AddCustomer(*services, "Ben Nowak");
    const std::string summary = "The espresso machine sold in March leaks from the boiler seal "
                                "every morning & the shop's loan machine is too small";
    services->interactions.add(MakeIncident(ben, summary, add_days(services->today(), -3)));
    OpenWindow window(*services);
    window.frame->OpenCustomer(ben);
    auto* timeline = Find<wxDataViewListCtrl>(window.frame, "timeline");
    REQUIRE(timeline);
    REQUIRE(timeline->GetItemCount() == 1);
    wxWindow* rows = timeline->GetMainWindow();
    // GTK knows where a cell is once the list is drawn.
    REQUIRE(WaitFor([&] {
        return timeline->GetItemRect(timeline->RowToItem(0), timeline->GetColumn(1)).width > 50;
    }));
    // The tip over a cell, once it differs from `before`. The rectangle is in the list's own
    // coordinates, its header included.
    const auto tipOver = [&](unsigned column, const wxString& before) {
        const wxRect cell =
            timeline->GetItemRect(timeline->RowToItem(0), timeline->GetColumn(column));
        wxUIActionSimulator().MouseMove(
            timeline->ClientToScreen(cell.GetPosition() + wxPoint(8, 3)));
        WaitFor([&] { return rows->GetToolTipText() != before; }, 2000);
        return rows->GetToolTipText();
    };
    // "What": the summary's first 70 characters go in the cell, and even they are drawn ending
    // in "..." at 1280 pixels.
    const wxString whole = tipOver(1, wxString());
    INFO(whole.utf8_string());
    CHECK(whole.Contains(wxString::FromUTF8(summary))); // '&' as typed, not "&amp;"
    CHECK(whole.Contains("Refund"));                    // and the cell's other lines
    CHECK(whole.Contains("Follow up "));
    CHECK_FALSE(whole.Contains("<"));
    // "When" fits: no tip.
    CHECK(tipOver(0, whole).empty());
}
