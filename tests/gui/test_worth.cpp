// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Is this customer worth it?" in the window: the panel on the customer page, the portfolio
// plot in Reports, and the model's settings in the settings dialog.
#include "gui_support.h"

#include "core/followup_message.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/format.h"
#include "gui/main_frame.h"
#include "gui/marker_layer.h"
#include "gui/portfolio_view.h"
#include "gui/reports_view.h"
#include "gui/settings_dialog.h"
#include "gui/worth_charts.h"

#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

const Date kToday{date::year{2026}, date::November, date::day{25}};

Id AddCustomer(Services& s, const std::string& name) {
    Customer c;
    c.name = name;
    return s.customers.add(c);
}

void Buy(Services& s, Id customer, std::int64_t cents, BasisPoints margin, int days_ago) {
    Purchase p;
    p.customer_id = customer;
    p.on = add_days(kToday, -days_ago);
    p.amount = Money::from_cents(cents);
    p.margin = margin;
    s.purchases.add(p);
}

Interaction Incident(Id customer, int minutes, int days_ago) {
    Interaction i;
    i.customer_id = customer;
    i.at.day = add_days(kToday, -days_ago);
    i.at.minutes_of_day = 10 * 60;
    i.summary = "Complaint";
    i.minutes = minutes;
    return i;
}

Resolution Given(std::int64_t cents, ResolutionStatus status = ResolutionStatus::accepted) {
    Resolution r;
    r.type = ResolutionType::refund;
    r.cost = Money::from_cents(cents);
    r.status = status;
    return r;
}

} // namespace

TEST_CASE("The worth panel of a customer like G1 says watch with own margin 155.00 and handling "
          "cost 80.00") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    services->settings_store.set("hourly_rate", "30");
    services->reload_settings();
    const Id g1 = AddCustomer(*services, "Greta One");
    Buy(*services, g1, 20000, 4000, 200);
    Buy(*services, g1, 15000, 4000, 120);
    Buy(*services, g1, 5000, 3000, 30);
    Interaction i = Incident(g1, 90, 100);
    i.resolutions = {Given(2500), Given(1000), Given(700, ResolutionStatus::offered)};
    services->interactions.add(i);

    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(1280, 800);
    frame->Show();
    frame->OpenCustomer(g1);
    Pump(100);
    // The tab says the verdict before it is opened.
    auto* tabs = Find<wxNotebook>(frame, "customer_tabs");
    REQUIRE(tabs);
    CHECK(tabs->GetPageText(1).Contains("Watch"));
    frame->Customers()->Page()->ShowWorth();
    Pump(200);
    auto* verdict = Find<wxStaticText>(frame, "worth_verdict");
    auto* figures = Find<wxStaticText>(frame, "worth_figures");
    auto* pending = Find<wxStaticText>(frame, "worth_pending");
    auto* steps = Find<wxStaticText>(frame, "worth_steps");
    REQUIRE(verdict);
    REQUIRE(figures);
    CHECK(verdict->IsShownOnScreen());
    CHECK(verdict->GetLabel().Lower().Contains("watch"));
    // The sentence is wrapped to the panel's width; read it as one line.
    wxString text = figures->GetLabel();
    text.Replace("\n", " ");
    INFO(text);
    CHECK(text.Contains("Own margin \xE2\x82\xAC"
                        "155.00"));
    CHECK(text.Contains("handling cost \xE2\x82\xAC"
                        "80.00"));
    // The offer still waiting for an answer is shown apart, not in the money given back.
    CHECK(pending->IsShown());
    CHECK(pending->GetLabel().Contains("7.00"));
    CHECK(text.Contains("given back \xE2\x82\xAC"
                        "35.00"));
    // Watch comes with steps to try, not a suggestion to let the customer go.
    CHECK(steps->IsShown());
    CHECK_FALSE(steps->GetLabel().empty());
    CHECK(Find<WaterfallChart>(frame, "worth_waterfall")->IsShownOnScreen());
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Clicking a customer's point on the portfolio plot opens that customer") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    // Customers spread apart on the plot: net own value from 40 to 400, referral value 0.
    std::vector<Id> ids;
    for (int k = 1; k <= 6; ++k) {
        const Id id = AddCustomer(*services, "Customer " + std::to_string(k));
        Buy(*services, id, 10000 * k, 4000, 300);
        Buy(*services, id, 10000 * k * k / 2, 4000, 20);
        ids.push_back(id);
    }
    const Id target = ids[3];

    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::reports);
    REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
    Pump(100);
    PortfolioPlot* plot = frame->Reports()->Portfolio()->Plot();
    REQUIRE(plot->IsShownOnScreen());
    CHECK(plot->PointCount() == ids.size());
    const auto at = plot->PointOf(target);
    REQUIRE(at);
    CHECK(plot->HitTest(*at) == target);

    wxUIActionSimulator sim;
    sim.MouseMove(plot->ClientToScreen(*at));
    Pump(100);
    sim.MouseClick();
    CHECK(WaitFor([&] {
        return frame->CurrentView() == MainFrame::View::customers &&
               frame->Customers()->Page()->CurrentCustomer() == target;
    }));
    frame->Destroy();
    Pump(50);
}

namespace {

// Chooses which message template the settings dialog's two fields show, as a click would.
void ChooseMessageKind(wxDialog* dialog, int kind) {
    auto* choice = Find<wxChoice>(dialog, "message_kind");
    choice->SetSelection(kind);
    wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
    chosen.SetEventObject(choice);
    chosen.SetInt(kind);
    choice->GetEventHandler()->ProcessEvent(chosen);
}

void PressSave(wxDialog* dialog) {
    wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
    save.SetEventObject(dialog->FindWindow(wxID_OK));
    dialog->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(save);
}

} // namespace

TEST_CASE("The settings dialog edits the message of a call with no complaint apart") {
    TempDir dir;
    auto services = MakeServices(dir);
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "test");
    frame->Show();
    MessageBoxAnswerer answers;
    const auto subject = [] { return Find<wxTextCtrl>(ActiveModalDialog(), "message_subject"); };
    const auto body = [] { return Find<wxTextCtrl>(ActiveModalDialog(), "message_body"); };
    wxString callDefault, complaintKept;
    ModalScript script({
        [&] { return subject() != nullptr && Find<wxChoice>(ActiveModalDialog(), "message_kind"); },
        [&] {
            subject()->ChangeValue("Sorry again, {first_name}");
            ChooseMessageKind(ActiveModalDialog(), 1);
            callDefault = subject()->GetValue();
            subject()->ChangeValue("{first_name}, how are you?");
            ChooseMessageKind(ActiveModalDialog(), 0);
            complaintKept = subject()->GetValue();
            ChooseMessageKind(ActiveModalDialog(), 1);
            PressSave(ActiveModalDialog());
            return true;
        },
    });
    CHECK(ShowSettingsDialog(frame, *services));
    INFO(script.Failure());
    CHECK(script.Failure().empty());
    CHECK(callDefault.utf8_string() == default_call_template(UiMessageLanguage()).subject);
    CHECK(complaintKept == "Sorry again, {first_name}");
    CHECK(services->settings_store.get("call_message_subject") == "{first_name}, how are you?");
    CHECK(services->settings_store.get("call_message_body") == "default");
    CHECK(services->settings_store.get("message_subject") == "Sorry again, {first_name}");
    CHECK(services->settings_store.get("message_body") == "default");

    // What happened is no placeholder of a call: refused, the dialog stays open, nothing saved.
    bool stayedOpen = false;
    ModalScript refused({
        [&] { return body() != nullptr; },
        [&] {
            ChooseMessageKind(ActiveModalDialog(), 1);
            CHECK(subject()->GetValue() == "{first_name}, how are you?");
            body()->ChangeValue("About {what_happened}");
            subject()->ChangeValue("Changed");
            PressSave(ActiveModalDialog());
            return true;
        },
        [&] {
            stayedOpen = ActiveModalDialog() != nullptr;
            if (stayedOpen)
                ActiveModalDialog()->EndModal(wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(ShowSettingsDialog(frame, *services));
    CHECK(refused.Failure().empty());
    CHECK(stayedOpen);
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("{what_happened}"));
    CHECK(services->settings_store.get("call_message_subject") == "{first_name}, how are you?");
    CHECK(services->settings_store.get("call_message_body") == "default");
    frame->Destroy();
    Pump(50);
}

TEST_CASE("The settings dialog refuses a retention of 1.5 and stays open with what was typed") {
    TempDir dir;
    auto services = MakeServices(dir);
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "test");
    frame->Show();
    MessageBoxAnswerer answers;
    bool stayedOpen = false;
    wxString kept;
    const auto field = [] { return Find<wxTextCtrl>(ActiveModalDialog(), "retention"); };
    ModalScript script({
        [&] { return field() != nullptr; },
        [&] {
            field()->ChangeValue("1.5");
            PressSave(ActiveModalDialog());
            return true;
        },
        [&] {
            stayedOpen = ActiveModalDialog() != nullptr;
            if (stayedOpen) {
                kept = field()->GetValue();
                ActiveModalDialog()->EndModal(wxID_CANCEL);
            }
            return true;
        },
    });
    const bool saved = ShowSettingsDialog(frame, *services);
    INFO(script.Failure());
    CHECK(script.Failure().empty());
    CHECK_FALSE(saved);
    CHECK(stayedOpen);
    CHECK(kept == "1.5");
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("retention"));
    CHECK(services->settings_store.load().retention == Approx(0.6));
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Reports count complaints by category per month") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    const Id c = AddCustomer(*services, "Carla Month");
    Interaction late = Incident(c, 5, 40); // October
    late.category = Category::delay;
    services->interactions.add(late);
    services->interactions.add(late);
    Interaction bill = Incident(c, 5, 3); // November
    bill.category = Category::billing;
    services->interactions.add(bill);

    MainFrame* frame = new MainFrame(*services, {});
    frame->Show();
    frame->ShowView(MainFrame::View::reports);
    REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
    auto* table = Find<wxDataViewListCtrl>(frame, "report_by_month_category");
    REQUIRE(table);
    REQUIRE(table->GetItemCount() == 2);
    const auto cell = [&](unsigned row, Category category) {
        unsigned col = 1;
        for (const auto& e : all_categories()) {
            if (e.value == category)
                break;
            ++col;
        }
        return table->GetTextValue(row, col);
    };
    CHECK(table->GetTextValue(0, 0).Contains("October"));
    CHECK(cell(0, Category::delay) == "2");
    CHECK(cell(1, Category::billing) == "1");
    CHECK(cell(1, Category::delay) != "2");
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Reports draw the portfolio first and read the period's pages after it") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    const Id c = AddCustomer(*services, "Pia Portfolio");
    Buy(*services, c, 20000, 4000, 30);
    services->interactions.add(Incident(c, 5, 3));
    const Id big = AddCustomer(*services, "Bea Bigger");
    Buy(*services, big, 90000, 4000, 30);

    MainFrame* frame = new MainFrame(*services, {});
    frame->Show();
    ReportsView* reports = frame->Reports();
    bool drawn = false, still_reading = false;
    std::size_t customers = 0;
    wxString headline_then;
    reports->WhenPortfolioShown([&] {
        drawn = true;
        customers = reports->Portfolio()->Reports().size();
        // "Reading the figures…" stays until the period's pages are shown
        still_reading = Find<wxStaticText>(frame, "reports_reading")->IsShown();
        headline_then = Find<wxStaticText>(frame, "reports_headline")->GetLabel();
    });
    frame->ShowView(MainFrame::View::reports);
    REQUIRE(WaitFor([&] { return drawn; }));
    CHECK(customers == 2);
    // The table comes sorted by the total to date, largest first.
    auto* table = Find<wxDataViewCtrl>(frame, "portfolio_table");
    REQUIRE(table);
    auto* model = static_cast<wxDataViewVirtualListModel*>(table->GetModel());
    REQUIRE(model->GetCount() == 2);
    wxVariant first;
    model->GetValue(first, model->GetItem(0), 0);
    CHECK(first.GetString() == "Bea Bigger");
    // The period's pages are still to come when the portfolio is shown (their read starts once
    // it is drawn)...
    CHECK(still_reading);
    CHECK_FALSE(headline_then.StartsWith("1 "));
    // ...and follow.
    REQUIRE(WaitFor([&] { return !reports->IsReading(); }));
    CHECK(Find<wxStaticText>(frame, "reports_headline")->GetLabel().StartsWith("1 "));
    CHECK_FALSE(Find<wxStaticText>(frame, "reports_reading")->IsShown());
    // Sorted by name, Z to A, as a click on its header does: Pia first.
    wxDataViewColumn* name = table->GetColumn(0);
    name->SetSortOrder(false);
    wxDataViewEvent sorted(wxEVT_DATAVIEW_COLUMN_SORTED, table, name);
    table->GetEventHandler()->ProcessEvent(sorted);
    wxVariant top;
    model->GetValue(top, model->GetItem(0), 0);
    CHECK(top.GetString() == "Pia Portfolio");
    frame->Destroy();
    Pump(50);
}

TEST_CASE("A marker layer stamps translucent discs that darken where they overlap") {
    using Shape = MarkerLayer::Shape;
    // Coverage: the centre pixel of a disc of radius 3 is covered, a pixel 5 away is not, a
    // ring's centre is empty and its rim covered.
    CHECK(MarkerLayer::Coverage(Shape::disc, 3, 1, 0, 0) == 1.0);
    CHECK(MarkerLayer::Coverage(Shape::disc, 3, 1, 5, 0) == 0.0);
    CHECK(MarkerLayer::Coverage(Shape::square, 3, 1, 3, 3) > 0.0);
    CHECK(MarkerLayer::Coverage(Shape::disc, 3, 1, 3, 3) == 0.0);
    CHECK(MarkerLayer::Coverage(Shape::ring, 3, 1, 0, 0) == 0.0);
    CHECK(MarkerLayer::Coverage(Shape::ring, 3, 1, 3, 0) > 0.5);

    MarkerLayer layer(wxSize(40, 20), 1.0);
    layer.SetMarker(Shape::disc, wxColour(200, 100, 0, 150), 3);
    layer.Stamp(10.5, 10.5);
    layer.Stamp(30.5, 10.5);
    layer.Stamp(30.5, 10.5); // twice on the same spot
    layer.Stamp(-50, -50);   // off the layer: cut, not a crash
    const wxImage image = layer.ToBitmap().ConvertToImage();
    REQUIRE(image.HasAlpha());
    CHECK(image.GetWidth() == 40);
    CHECK(image.GetAlpha(10, 10) == 150);
    CHECK(image.GetRed(10, 10) == 200);
    CHECK(image.GetGreen(10, 10) == 100);
    // 150 over 150: 1 - (1 - 150/255)^2 of full ink.
    CHECK(image.GetAlpha(30, 10) == 212);
    CHECK(image.GetAlpha(0, 0) == 0);
    CHECK(image.GetAlpha(20, 10) == 0);
}

TEST_CASE("Reports read their figures in the background and show the newest reading") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    const Id c = AddCustomer(*services, "Rita Reading");
    services->interactions.add(Incident(c, 5, 3));

    MainFrame* frame = new MainFrame(*services, {});
    frame->Show();
    frame->ShowView(MainFrame::View::reports);
    ReportsView* reports = frame->Reports();
    // The read runs on a worker: the window's thread is back before the figures are shown,
    // and says it is reading.
    CHECK(reports->IsReading());
    CHECK(Find<wxStaticText>(frame, "reports_reading")->IsShown());
    // Two more incidents, then two reloads in a row: the first reading is superseded, and what
    // is shown at the end counts all three.
    services->interactions.add(Incident(c, 5, 2));
    reports->Reload();
    services->interactions.add(Incident(c, 5, 1));
    reports->Reload();
    REQUIRE(WaitFor([&] { return !reports->IsReading(); }));
    CHECK_FALSE(Find<wxStaticText>(frame, "reports_reading")->IsShown());
    const wxString headline = Find<wxStaticText>(frame, "reports_headline")->GetLabel();
    INFO(headline);
    CHECK(headline.StartsWith("3 "));
    CHECK(reports->Portfolio()->Reports().size() == 1);
    frame->Destroy();
    Pump(50);
}
