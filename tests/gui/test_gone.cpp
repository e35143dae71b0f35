// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Haven't been back" in the window: the list on Today and in Reports, whether the last contact
// was a complaint, and the P key that plans a follow-up call (and Ctrl+Z that takes it back).
#include "gui_support.h"

#include "gui/gone_list.h"
#include "gui/main_frame.h"
#include "gui/reports_view.h"
#include "gui/today_view.h"
#include "store/followups.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;
using namespace date::literals;

namespace {

const Date kToday = 2026_y / 6 / 15;

Id Regular(Services& s, const std::string& name, std::int64_t cents_each) {
    Customer c;
    c.name = name;
    c.phone = "+49 30 555";
    const Id id = s.customers.add(c);
    // Every 30 days up to 2026-04-10: 66 days away on 2026-06-15, twice the usual 30 is 60.
    for (Date d : {2026_y / 1 / 10, 2026_y / 2 / 9, 2026_y / 3 / 11, 2026_y / 4 / 10}) {
        Purchase p;
        p.customer_id = id;
        p.on = d;
        p.amount = Money::from_cents(cents_each);
        p.margin = 5000;
        s.purchases.add(p);
    }
    return id;
}

void Complaint(Services& s, Id customer, Date day) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{day, 10 * 60};
    i.summary = "Wrong size";
    s.interactions.add(i);
}

// The row of the list whose column `column` is `text`, or -1.
int RowOf(wxDataViewListCtrl* list, const wxString& text, unsigned column = 0) {
    for (int r = 0; r < list->GetItemCount(); ++r)
        if (list->GetTextValue(static_cast<unsigned>(r), column) == text)
            return r;
    return -1;
}

} // namespace

TEST_CASE(
    "Today and Reports list who has not been back and P plans a call that Ctrl+Z takes back") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    // Greta brings the most and complained before her last purchase; Otto complained after
    // his; Quentin never complained, so his call belongs to him alone.
    const Id greta = Regular(*services, "Greta Sechs", 30000);
    Complaint(*services, greta, 2026_y / 3 / 20);
    const Id otto = Regular(*services, "Otto Alt", 20000);
    Complaint(*services, otto, 2026_y / 4 / 20);
    Regular(*services, "Quentin Still", 10000);
    store::FollowUpRepo repo(services->db());

    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::today);
    REQUIRE(WaitFor([&] { return !frame->Today()->IsReading(); }));
    auto* list = Find<wxDataViewListCtrl>(frame, "today_gone_list");
    REQUIRE(list);
    REQUIRE(list->IsShownOnScreen());
    REQUIRE(list->GetItemCount() == 3);
    // Most margin first; the last contact says whether it was a complaint.
    CHECK(list->GetTextValue(0, 0) == "Greta Sechs");
    CHECK(list->GetTextValue(1, 0) == "Otto Alt");
    CHECK(list->GetTextValue(2, 0) == "Quentin Still");
    CHECK(list->GetTextValue(0, 1) == "+49 30 555");
    CHECK(list->GetTextValue(0, 3).StartsWith("66 days (usually 30)"));
    CHECK(list->GetTextValue(0, 5) == "A purchase");
    CHECK(list->GetTextValue(1, 5).Contains("Complaint on"));
    CHECK(list->GetTextValue(0, 6).empty());

    // P on Greta: a call for today, on the follow-up list and on her row.
    list->SelectRow(0);
    FocusForTyping(list);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));
    wxUIActionSimulator sim;
    sim.Char('p');
    REQUIRE(WaitFor([&] { return repo.all_open().size() == 1; }));
    const auto call = repo.all_open().front();
    CHECK(call.customer_id == greta);
    CHECK(call.follow_up.due == kToday);
    CHECK(call.follow_up.note.find("Haven't been back since") == 0);
    REQUIRE(WaitFor([&] {
        return !frame->Today()->IsReading() && list->GetItemCount() == 3 &&
               list->GetTextValue(RowOf(list, "Greta Sechs"), 6).Contains("Planned");
    }));
    CHECK(Find<wxStaticText>(frame, "today_gone_said")->GetLabel().Contains("Greta Sechs"));
    auto* due = Find<wxDataViewListCtrl>(frame, "today_followups");
    REQUIRE(due);
    CHECK(RowOf(due, "Greta Sechs", 1) >= 0);
    // P again on the same customer plans nothing more.
    list->SelectRow(RowOf(list, "Greta Sechs"));
    FocusForTyping(list);
    sim.Char('p');
    REQUIRE(WaitFor([&] {
        return Find<wxStaticText>(frame, "today_gone_said")->GetLabel().Contains("already");
    }));
    CHECK(repo.all_open().size() == 1);

    // Ctrl+Z takes the call back.
    FocusForTyping(list);
    sim.Char('z', wxMOD_CONTROL);
    REQUIRE(WaitFor([&] { return repo.all_open().empty(); }));

    // Reports has the whole list; the button on Quentin, who never complained, plans a call
    // of his own.
    frame->ShowView(MainFrame::View::reports);
    frame->Reports()->ShowGonePage();
    REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
    auto* all = Find<wxDataViewListCtrl>(frame, "reports_gone_list");
    REQUIRE(all);
    REQUIRE(all->IsShownOnScreen());
    REQUIRE(all->GetItemCount() == 3);
    CHECK(all->GetTextValue(1, 0) == "Otto Alt");
    all->SelectRow(RowOf(all, "Quentin Still"));
    auto* plan = Find<wxButton>(frame, "reports_gone_plan_call");
    REQUIRE(plan);
    wxCommandEvent click(wxEVT_BUTTON, plan->GetId());
    click.SetEventObject(plan);
    plan->GetEventHandler()->ProcessEvent(click);
    CHECK(Find<wxStaticText>(frame, "reports_gone_said")
              ->GetLabel()
              .Contains("is on the follow-up list for today"));
    REQUIRE(repo.all_open().size() == 1);
    CHECK(repo.all_open().front().interaction_id == 0);
    CHECK(repo.all_open().front().follow_up.note.find("Haven't been back since") == 0);
    // Enter opens the customer.
    all->SelectRow(RowOf(all, "Otto Alt"));
    FocusForTyping(all);
    sim.Char(WXK_RETURN);
    CHECK(WaitFor([&] { return frame->CurrentView() == MainFrame::View::customers; }));
    (void)otto;
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Reports show the won-back share by category beside the customers who never complained") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    const auto buy = [&](Id c, Date d) {
        Purchase p;
        p.customer_id = c;
        p.on = d;
        p.amount = Money::from_cents(5000);
        p.margin = 3000;
        services->purchases.add(p);
    };
    const auto complain = [&](Id c, Date d, Category category) {
        Interaction i;
        i.customer_id = c;
        i.at = LocalDateTime{d, 10 * 60};
        i.category = category;
        i.summary = "Complaint";
        Resolution r;
        r.type = ResolutionType::refund;
        r.cost = Money::from_cents(1000);
        r.status = ResolutionStatus::accepted;
        i.resolutions.push_back(r);
        services->interactions.add(i);
    };
    Customer c;
    c.name = "Anna";
    const Id anna = services->customers.add(c);
    c.name = "Bert";
    const Id bert = services->customers.add(c);
    c.name = "Dora";
    const Id dora = services->customers.add(c);
    // Anna bought on the 90th day after her complaint, Bert on the 91st; Dora never complained
    // and bought again after 01-05 but not after 02-05.
    complain(anna, 2026_y / 1 / 10, Category::delay);
    buy(anna, 2026_y / 4 / 10);
    complain(bert, 2026_y / 2 / 1, Category::billing);
    buy(bert, 2026_y / 5 / 3);
    buy(dora, 2026_y / 1 / 5);
    buy(dora, 2026_y / 2 / 5);

    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::reports);
    frame->Reports()->ShowWonBackPage();
    REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
    const wxString headline = Find<wxStaticText>(frame, "won_back_headline")->GetLabel();
    INFO(headline);
    CHECK(headline.Contains("50 % (1 of 2)"));
    const wxString baseline = Find<wxStaticText>(frame, "won_back_baseline")->GetLabel();
    INFO(baseline);
    CHECK(baseline.Contains("(1)"));
    CHECK(baseline.Contains("50 % (1 of 2)"));
    auto* byCategory = Find<wxDataViewListCtrl>(frame, "won_back_by_category");
    REQUIRE(byCategory);
    CHECK(byCategory->IsShownOnScreen());
    REQUIRE(byCategory->GetItemCount() == 2);
    CHECK(byCategory->GetTextValue(0, 0) == "Delay");
    CHECK(byCategory->GetTextValue(0, 1) == "1");
    CHECK(byCategory->GetTextValue(0, 2) == "100 % (1 of 1)");
    CHECK(byCategory->GetTextValue(1, 2) == "0 % (0 of 1)");
    auto* byGiven = Find<wxDataViewListCtrl>(frame, "won_back_by_given");
    REQUIRE(byGiven);
    REQUIRE(byGiven->GetItemCount() == 1);
    CHECK(byGiven->GetTextValue(0, 2) == "50 % (1 of 2)");
    frame->Destroy();
    Pump(50);
}

TEST_CASE("Reports show what we learned by category with the delays that keep coming back") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(kToday);
    Customer c;
    c.name = "Anna";
    const Id anna = services->customers.add(c);
    const auto incident = [&](Date d, Category category, const std::string& lesson,
                              std::int64_t cents) {
        Interaction i;
        i.customer_id = anna;
        i.at = LocalDateTime{d, 10 * 60};
        i.category = category;
        i.summary = "Complaint";
        i.lesson = lesson;
        if (cents > 0) {
            Resolution r;
            r.type = ResolutionType::refund;
            r.cost = Money::from_cents(cents);
            r.status = ResolutionStatus::accepted;
            i.resolutions.push_back(r);
        }
        services->interactions.add(i);
    };
    // Three delays in the 90 days up to today, one billing lesson long before.
    incident(add_days(kToday, -2), Category::delay, "Call the courier before noon", 1000);
    incident(add_days(kToday, -30), Category::delay, "Keep spare stock", 0);
    incident(add_days(kToday, -60), Category::delay, "", 500);
    incident(add_days(kToday, -200), Category::billing, "Print the price list", 0);

    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::reports);
    frame->Reports()->ShowLessonsPage();
    REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
    const wxString headline = Find<wxStaticText>(frame, "lessons_headline")->GetLabel();
    INFO(headline);
    CHECK(headline.Contains("3 lessons learned."));
    CHECK(headline.Contains("Keeps coming back: Delay (3)."));
    auto* byCategory = Find<wxDataViewListCtrl>(frame, "lessons_by_category");
    REQUIRE(byCategory);
    CHECK(byCategory->IsShownOnScreen());
    REQUIRE(byCategory->GetItemCount() == 2);
    CHECK(byCategory->GetTextValue(0, 0) == "Delay");
    CHECK(byCategory->GetTextValue(0, 1) == "3");
    CHECK(byCategory->GetTextValue(0, 2) == "3");
    CHECK(byCategory->GetTextValue(0, 4) == "2");
    CHECK(byCategory->GetTextValue(1, 0) == "Billing");
    auto* lessons = Find<wxDataViewListCtrl>(frame, "lessons_list");
    REQUIRE(lessons);
    REQUIRE(lessons->GetItemCount() == 3);
    CHECK(lessons->GetTextValue(0, 3) == "Call the courier before noon");
    CHECK(lessons->GetTextValue(1, 3) == "Keep spare stock");
    CHECK(lessons->GetTextValue(2, 3) == "Print the price list");
    frame->Destroy();
    Pump(50);
}
