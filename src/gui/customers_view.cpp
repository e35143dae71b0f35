// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/customers_view.h"

#include "gui/accessibility.h"
#include "gui/customer_dialog.h"
#include "gui/customer_list_model.h"
#include "gui/customer_page.h"
#include "gui/format.h"
#include "gui/ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/persist/dataview.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>

namespace rapport::gui {
namespace {

constexpr store::CustomerColumn kSortOf[] = {
    store::CustomerColumn::name, store::CustomerColumn::phone, store::CustomerColumn::complaints,
    store::CustomerColumn::last_contact, store::CustomerColumn::given_back};

constexpr const char* kSashKey = "/CustomersView/Sash";

} // namespace

CustomersView::CustomersView(wxWindow* parent, Services& services,
                             std::function<void(const wxString&)> tell)
    : wxPanel(parent), m_services(services), m_tell(std::move(tell)), m_searchTimer(this) {
    const int gap = FromDIP(kGap);
    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxSP_LIVE_UPDATE | wxSP_3DSASH | wxSP_NO_XP_THEME);
    m_splitter->SetMinimumPaneSize(FromDIP(320));
    // The list columns have fixed widths: a wider window gives the room to the customer page.
    m_splitter->SetSashGravity(0.0);

    auto* left = new wxPanel(m_splitter);
    auto* ls = new wxBoxSizer(wxVERTICAL);
    auto* searchRow = new wxBoxSizer(wxHORIZONTAL);
    m_search = new wxSearchCtrl(left, wxID_ANY);
    m_search->SetName("customer_search");
    m_search->SetDescriptiveText(_("Search names, notes and what happened"));
    m_search->ShowCancelButton(true);
    // No visible label: the tooltip names it for screen readers and says how to get here.
    m_search->SetToolTip(_("Search customers (Ctrl+F)"));
    // A screen reader does not read tooltips: it hears the field by the hint shown in it.
    SetAccessibleName(m_search, _("Search names, notes and what happened"));
    SetAccessibleDescription(m_search, _("Search customers (Ctrl+F)"));
    searchRow->Add(m_search, 1, wxALIGN_CENTER_VERTICAL);
    auto* add = new wxButton(left, wxID_ANY, _("&New customer..."));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewCustomer(); });
    searchRow->Add(add, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    ls->Add(searchRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(kSpace));

    auto* infoRow = new wxBoxSizer(wxHORIZONTAL);
    m_count = MakeNote(left, wxString());
    m_count->SetName("customer_count");
    infoRow->Add(m_count, 1, wxALIGN_CENTER_VERTICAL);
    m_showArchived = new wxCheckBox(left, wxID_ANY, _("&Show archived"));
    m_showArchived->SetValue(true);
    infoRow->Add(m_showArchived, 0, wxALIGN_CENTER_VERTICAL);
    ls->Add(infoRow, 0, wxEXPAND | wxALL, FromDIP(kSpace));

    m_list = new wxDataViewCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->SetName("customer_list");
    // Read as "40 customers", the count shown above it.
    SetLabelFor(m_count, m_list);
    m_model = new CustomerListModel(m_services);
    m_list->AssociateModel(m_model);
    m_model->DecRef(); // the control holds the model from here on
    const int sortable = wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE;
    // GTK knows a column's width only once drawn: the list's width is added up as created.
    int columns = 0;
    const auto add_column = [&](const wxString& title, unsigned model_column, int width,
                                wxAlignment align) {
        const int fitted = ColumnWidth(m_list, title, width);
        columns += fitted;
        m_list->AppendTextColumn(title, model_column, wxDATAVIEW_CELL_INERT, fitted, align,
                                 sortable);
    };
    add_column(_("Name"), CustomerListModel::kName, 138, wxALIGN_LEFT);
    add_column(_("Phone"), CustomerListModel::kPhone, 136, wxALIGN_LEFT);
    // A count of two digits: the header sets the width (German headers at 1280 pixels need
    // every pixel the numbers do not).
    add_column(_("Complaints"), CustomerListModel::kComplaints, 90, wxALIGN_RIGHT);
    add_column(_("Last contact"), CustomerListModel::kLastContact, 102, wxALIGN_LEFT);
    add_column(_("Given back"), CustomerListModel::kGivenBack, 110, wxALIGN_RIGHT);
    m_list->GetColumn(0)->SetSortOrder(true);
    ls->Add(m_list, 1, wxEXPAND);
    left->SetSizer(ls);

    CustomerPage::Hooks hooks;
    hooks.open_customer = [this](Id id) { ShowCustomer(id); };
    hooks.tell = m_tell;
    m_page = new CustomerPage(m_splitter, m_services, hooks);

    int sash = FromDIP(602);
    bool saved = false;
    if (m_services.remember_ui) {
        saved = wxConfigBase::Get()->Read(kSashKey, &sash, sash);
        wxPersistentRegisterAndRestore(m_list, "customer_list");
        if (wxDataViewColumn* c = m_list->GetSortingColumn()) {
            m_sort = kSortOf[c->GetModelColumn()];
            m_ascending = c->IsSortOrderAscending();
        }
    }
    m_splitter->SplitVertically(left, m_page, sash);
    if (!saved) {
        // Until the owner moves it: the list as wide as its columns and a scroll bar, so "Given
        // back" is not cut off, while the customer's page keeps room for its labels (German
        // headers and large text make both wider). Known only once the view has its size.
        const int wanted =
            columns + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, m_list) + FromDIP(8);
        m_splitter->Bind(wxEVT_SIZE, [this, wanted](wxSizeEvent& e) {
            e.Skip();
            const int width = e.GetSize().x;
            if (m_sashFitted || width < FromDIP(900))
                return;
            m_sashFitted = true;
            const int page = static_cast<int>(std::lround(FromDIP(440) * TextScale()));
            const int fitted =
                std::max(FromDIP(602), std::min({wanted, width * 3 / 5, width - page}));
            CallAfter([this, fitted] { m_splitter->SetSashPosition(fitted); });
        });
    }

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_splitter, 1, wxEXPAND);
    SetSizer(top);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_searchTimer.StartOnce(200); });
    m_search->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) {
        m_searchTimer.Stop();
        Reload(false, PageTiming::after_list_drawn);
        m_list->SetFocus();
    });
    m_search->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        m_search->ChangeValue(wxString());
        Reload(true);
    });
    // Down from the search box goes into the results, as in a mail program.
    m_search->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_model->Size() > 0) {
            m_list->SetFocus();
            return;
        }
        e.Skip();
    });
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { Reload(false, PageTiming::after_list_drawn); },
        m_searchTimer.GetId());
    m_showArchived->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Reload(true); });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED,
                 [this](wxDataViewEvent&) { OnSelectionChanged(); });
    m_list->Bind(wxEVT_DATAVIEW_COLUMN_SORTED, [this](wxDataViewEvent&) { OnSorted(); });
    // Enter (or a double click) opens the customer: the keyboard moves into their page.
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        OnSelectionChanged();
        m_page->FocusHistory();
    });
    // Delete archives the selected customer (Ctrl+Z takes it back), as the page's button does.
    m_list->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE && e.GetModifiers() == wxMOD_NONE)
            m_page->ArchiveShown();
        else
            e.Skip();
    });

    m_subscription = m_services.changes.subscribe([this] {
        Reload(true);
        m_page->Reload();
    });
    Reload(true);
}

CustomersView::~CustomersView() {
    m_services.changes.unsubscribe(m_subscription);
    RememberLayout();
}

void CustomersView::RememberLayout() {
    if (m_services.remember_ui && m_splitter->IsSplit())
        wxConfigBase::Get()->Write(kSashKey, m_splitter->GetSashPosition());
}

void CustomersView::Reload(bool keep_selection, PageTiming page) {
    m_pendingPage.reset();
    std::optional<Id> selected;
    if (keep_selection) {
        const wxDataViewItem item = m_list->GetSelection();
        if (item.IsOk())
            selected = m_model->IdAt(m_model->GetRow(item));
    }
    m_model->Load(m_search->GetValue(), m_sort, m_ascending, m_showArchived->GetValue());
    UpdateCount();
    std::optional<unsigned> row;
    if (selected)
        row = m_model->RowOf(*selected);
    if (!row && m_model->Size() > 0)
        row = 0u;
    if (row) {
        const wxDataViewItem item = m_model->GetItem(*row);
        m_list->Select(item);
        m_list->EnsureVisible(item);
        const Id id = m_model->IdAt(*row);
        if (m_page->CurrentCustomer() != id) {
            if (page == PageTiming::now) {
                m_page->ShowCustomer(id);
            } else {
                // A long history takes tens of milliseconds to lay out: the results first.
                m_pendingPage = id;
                CallAfter([this] { ShowPendingPage(); });
            }
        }
    } else {
        m_page->ShowCustomer(std::nullopt);
    }
}

void CustomersView::UpdateCount() {
    const std::size_t n = m_model->Size();
    if (m_search->GetValue().Strip(wxString::both).empty())
        m_count->SetLabelText(wxString::Format(wxPLURAL("%zu customer", "%zu customers", n), n));
    else
        m_count->SetLabelText(
            wxString::Format(wxPLURAL("%zu customer found", "%zu customers found", n), n));
}

void CustomersView::ShowPendingPage() {
    if (!m_pendingPage)
        return;
    const Id id = *m_pendingPage;
    m_pendingPage.reset();
    m_page->ShowCustomer(id);
}

void CustomersView::OnSelectionChanged() {
    m_pendingPage.reset(); // the customer chosen now wins over the one a search left waiting
    const wxDataViewItem item = m_list->GetSelection();
    if (!item.IsOk())
        return;
    const unsigned row = m_model->GetRow(item);
    if (row < m_model->Size())
        m_page->ShowCustomer(m_model->IdAt(row));
}

void CustomersView::OnSorted() {
    // A virtual model is not sorted by the control: read the new order from the database.
    wxDataViewColumn* column = m_list->GetSortingColumn();
    if (!column)
        return;
    const unsigned model_column = column->GetModelColumn();
    if (model_column >= CustomerListModel::kColumnCount)
        return;
    m_sort = kSortOf[model_column];
    m_ascending = column->IsSortOrderAscending();
    wxBusyCursor busy;
    Reload(true);
}

void CustomersView::SortBy(unsigned model_column) {
    wxDataViewColumn* target = nullptr;
    for (unsigned i = 0; i < m_list->GetColumnCount(); ++i)
        if (m_list->GetColumn(i)->GetModelColumn() == model_column)
            target = m_list->GetColumn(i);
    if (!target)
        return;
    wxDataViewColumn* current = m_list->GetSortingColumn();
    const bool ascending = current == target ? !current->IsSortOrderAscending() : true;
    if (current && current != target)
        current->UnsetAsSortKey();
    target->SetSortOrder(ascending);
    OnSorted();
    m_list->SetFocus();
}

void CustomersView::FocusSearch() {
    m_search->SetFocus();
    m_search->SelectAll();
}

void CustomersView::Search(const wxString& text) {
    m_search->ChangeValue(text);
    m_searchTimer.Stop();
    Reload(false, PageTiming::after_list_drawn);
}

std::size_t CustomersView::ListedCount() const {
    return m_model->Size();
}

Id CustomersView::ListedIdAt(unsigned row) const {
    return m_model->IdAt(row);
}

void CustomersView::ShowCustomer(Id id) {
    if (!m_model->RowOf(id)) {
        m_search->ChangeValue(wxString());
        m_showArchived->SetValue(true);
        m_model->Load(wxString(), m_sort, m_ascending, true);
        UpdateCount();
    }
    if (auto row = m_model->RowOf(id)) {
        const wxDataViewItem item = m_model->GetItem(*row);
        m_list->Select(item);
        m_list->EnsureVisible(item);
    }
    m_page->ShowCustomer(id);
}

void CustomersView::NewCustomer() {
    if (auto id = ShowCustomerDialog(this, m_services))
        ShowCustomer(*id);
}

} // namespace rapport::gui
