// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One customer at a glance: contact details, referrals, tags, figures and the history timeline
// (incidents with what was given and the follow-ups, and purchases), newest first, with the
// actions that change them. Deleting is undone with Ctrl+Z rather than confirmed.
#include "core/records.h"

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

class wxBoxSizer;
class wxButton;
class wxChoice;
class wxDataViewListCtrl;
class wxFlexGridSizer;
class wxNotebook;
class wxSimplebook;
class wxStaticText;

namespace rapport::gui {

class Services;
class WorthPanel;

class CustomerPage : public wxPanel {
public:
    struct Hooks {
        std::function<void(Id)> open_customer;     // a referral link was followed
        std::function<void(const wxString&)> tell; // a line for the status bar
    };

    CustomerPage(wxWindow* parent, Services& services, Hooks hooks);

    void ShowCustomer(std::optional<Id> id);
    std::optional<Id> CurrentCustomer() const { return m_customer; }
    // Re-reads the shown customer (after any change); shows the placeholder if it is gone.
    void Reload();

    // Timeline actions on the selected entry (menus and keys call these).
    void EditSelected();
    void DeleteSelected();
    // Selects the timeline entry of an incident; false when it is not listed.
    bool SelectIncident(Id interaction_id);
    // Brings the "Worth it?" tab to the front.
    void ShowWorth();
    // Puts the keyboard on the history, its newest entry selected (Enter in the customer list).
    void FocusHistory();
    // Archives the customer shown unless already archived (Delete in the customer list).
    void ArchiveShown();

private:
    void BuildContent(wxWindow* page);
    void LogIncident();
    void AddPurchase();
    void EditCustomer();
    void ToggleArchived();
    void UpdateButtons();
    // Fills "Show:" with the names in this history, keeping the choice; returns the chosen name,
    // empty for everyone's entries. Hidden while only one person saved here.
    wxString FillStaffFilter(const std::vector<Interaction>& incidents,
                             const std::vector<Purchase>& purchases);

    Services& m_services;
    Hooks m_hooks;
    std::optional<Id> m_customer;
    bool m_archived = false;

    wxSimplebook* m_book = nullptr;
    wxWindow* m_content = nullptr;
    wxStaticText* m_name = nullptr;
    wxStaticText* m_archivedBadge = nullptr;
    wxStaticText* m_figures = nullptr;
    wxFlexGridSizer* m_details = nullptr;
    wxPanel* m_detailsPanel = nullptr;
    wxButton* m_archive = nullptr;
    wxStaticText* m_staffLabel = nullptr;
    wxChoice* m_staffFilter = nullptr; // whose entries the history shows
    wxButton* m_editEntry = nullptr;
    wxButton* m_deleteEntry = nullptr;
    wxDataViewListCtrl* m_timeline = nullptr;
    std::vector<wxString> m_wholeWhat; // per row of m_timeline: its "What" unshortened
    wxNotebook* m_tabs = nullptr;
    WorthPanel* m_worth = nullptr;
};

} // namespace rapport::gui
