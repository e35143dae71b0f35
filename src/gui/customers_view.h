// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Customers view: a search box and the (virtual) customer list on the left, the selected
// customer's page on the right.
#include "core/records.h"
#include "gui/services.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <optional>

class wxCheckBox;
class wxDataViewCtrl;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;

namespace rapport::gui {

class CustomerListModel;
class CustomerPage;

class CustomersView : public wxPanel {
public:
    CustomersView(wxWindow* parent, Services& services, std::function<void(const wxString&)> tell);
    ~CustomersView() override;

    void FocusSearch();
    // Shows `id` selected in the list (clearing a search that hides it) and its page.
    void ShowCustomer(Id id);
    // Runs a search now (as if typed and the short typing pause elapsed). The results are listed
    // at once; the first one's page follows once the list is drawn (ShowPendingPage).
    void Search(const wxString& text);
    // Shows the page a search left waiting for the list to be drawn, if any, now.
    void ShowPendingPage();
    std::size_t ListedCount() const;
    Id ListedIdAt(unsigned row) const;
    CustomerPage* Page() { return m_page; }
    // Sorts the list by a column (CustomerListModel's numbering) as a click on its header does;
    // the same column again reverses the order. The header is out of the keyboard's reach.
    void SortBy(unsigned model_column);
    wxDataViewCtrl* List() { return m_list; }

private:
    // How a reload shows the selected customer's page: at once, or (after typing a search) once
    // the results are on screen, so a long history does not hold back the list.
    enum class PageTiming { now, after_list_drawn };
    void Reload(bool keep_selection, PageTiming page = PageTiming::now);
    void OnSelectionChanged();
    void OnSorted();
    void UpdateCount();
    void RememberLayout();
    void NewCustomer();

    Services& m_services;
    std::function<void(const wxString&)> m_tell;
    ChangeNotifier::Token m_subscription = 0;

    std::optional<Id> m_pendingPage; // the page a search will show after drawing its results

    wxSplitterWindow* m_splitter = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxCheckBox* m_showArchived = nullptr;
    wxStaticText* m_count = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    CustomerListModel* m_model = nullptr; // owned by m_list through its reference count
    CustomerPage* m_page = nullptr;
    wxTimer m_searchTimer;

    store::CustomerColumn m_sort = store::CustomerColumn::name;
    bool m_ascending = true;
    bool m_sashFitted = false; // the first start's sash fitted to the columns (not saved yet)
};

} // namespace rapport::gui
