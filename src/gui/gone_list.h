// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "Haven't been back" list (store/gone.h) as a panel for Today and Reports: who quietly
// left, most valuable first, how to reach them, how long they have been away against their
// usual gap, whether the last we heard of them was a complaint, and one key (P) that plans a
// follow-up call for today, with undo. Read on a worker thread: on a big database the list
// takes a moment, and Today is redrawn after every save.
#include "core/records.h"
#include "gui/background_read.h"
#include "gui/services.h"
#include "store/gone.h"

#include <wx/panel.h>

#include <functional>
#include <vector>

class wxButton;
class wxDataViewListCtrl;
class wxStaticText;

namespace rapport::gui {

class GoneList : public wxPanel {
public:
    // `max_rows`: how many rows to show (0: all); the summary line says how many there are.
    // `name` prefixes the names of the list ("<name>_list") and its lines, for tests.
    GoneList(wxWindow* parent, Services& services, const wxString& name, std::size_t max_rows,
             std::function<void(Id)> open_customer);

    // Reads the list as of `today` in the background and shows it when it arrives.
    void Reload(Date today);
    bool IsReading() const { return m_read.Running(); }
    // Plans a follow-up call for today with the selected customer (the P key and the button).
    void PlanCall();

    const std::vector<store::GoneCustomer>& Rows() const { return m_rows; }
    wxDataViewListCtrl* List() { return m_list; }

private:
    void ShowRows(std::vector<store::GoneCustomer> rows, Date today);
    const store::GoneCustomer* Selected() const;
    void Say(const wxString& text);

    Services& m_services;
    std::size_t m_maxRows;
    std::function<void(Id)> m_openCustomer;
    std::vector<store::GoneCustomer> m_rows; // the rows shown, in order
    Date m_today;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    wxButton* m_plan = nullptr;
    wxButton* m_open = nullptr;
    wxStaticText* m_said = nullptr; // what the last action did
    BackgroundRead m_read;          // last member: destroyed (and joined) first
};

} // namespace rapport::gui
