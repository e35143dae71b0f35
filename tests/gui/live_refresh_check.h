// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What another program or PC saves shows in the open window without a click, with the owner's
// selection kept and in view: the check the file and the shop-database
// tests share. `save_elsewhere(name)` adds a customer called `name` through a connection of its
// own (rapport-cli on the file, a second connection to the server).
#include "gui_support.h"

#include "gui/customers_view.h"
#include "gui/main_frame.h"
#include "gui/services.h"

#include <catch2/catch.hpp>

#include <wx/dataview.h>
#include <wx/stopwatch.h>

#include <cstdio>
#include <functional>
#include <string>

namespace rapport::gui::test {

inline void CheckOthersSavesShow(Services& services, const char* where,
                                 const std::function<void(const std::string&)>& save_elsewhere) {
    // Enough customers for the list to scroll; the owner is looking at the 41st, scrolled down
    std::vector<Id> ids;
    for (int i = 1; i <= 80; ++i) {
        Customer c;
        c.name = "Customer " + std::to_string(100 + i);
        ids.push_back(services.customers.add(c));
    }
    MainFrame* frame = new MainFrame(services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::customers);
    Pump(300);
    CustomersView* view = frame->Customers();
    REQUIRE(view->ListedCount() == 80);
    view->ShowCustomer(ids[40]);
    Pump(200);
    wxDataViewCtrl* list = view->List();
    // GetTopItem: on GTK the row under the column headers, the same way before and after
    const wxDataViewItem top_item = list->GetTopItem();
    REQUIRE(top_item.IsOk());
    auto* model = static_cast<wxDataViewListModel*>(list->GetModel());
    CHECK(model->GetRow(top_item) > 10); // really scrolled

    // "Aaron" sorts first: the new row goes in above everything on screen
    wxStopWatch watch;
    save_elsewhere("Aaron Newcomer");
    const long saved_ms = watch.Time();
    const bool shown = WaitFor([&] { return view->ListedCount() == 81; }, 5000);
    const long shown_ms = watch.Time() - saved_ms;
    std::printf("%s: a customer saved elsewhere was in the window's list %ld ms after the save\n",
                where, shown_ms);
    REQUIRE(shown);
    CHECK(shown_ms < 2000);
    CHECK(view->ListedIdAt(0) != ids[0]); // the newcomer, first
    Pump(300);                            // as a person looks, a moment later

    // The owner's selection and place are as they were
    const wxDataViewItem selected = list->GetSelection();
    REQUIRE(selected.IsOk());
    CHECK(view->ListedIdAt(model->GetRow(selected)) == ids[40]);
    const wxDataViewItem top_after = list->GetTopItem();
    REQUIRE(top_after.IsOk());
    // Still where the owner was: the selected customer on screen, not the top of the list
    // (wx's reload of the rows puts GTK's list back at the top; the selection brings it back)
    const unsigned shown_from = model->GetRow(top_after);
    CHECK(shown_from > 10);
    CHECK(model->GetRow(selected) >= shown_from);
    CHECK(model->GetRow(selected) < shown_from + static_cast<unsigned>(list->GetCountPerPage()));

    frame->Destroy();
    Pump(50);
}

} // namespace rapport::gui::test
