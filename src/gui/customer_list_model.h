// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The customer list as a virtual wxDataViewModel: it holds only the ordered ids of the rows
// and asks the database for the figures of the rows being drawn, a page at a time, so a list
// of a hundred thousand customers opens as fast as one of ten.
#include "core/records.h"
#include "store/customer_table.h"

#include <wx/dataview.h>

#include <list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {

class Services;

class CustomerListModel : public wxDataViewVirtualListModel {
public:
    enum Column : unsigned { kName, kPhone, kComplaints, kLastContact, kGivenBack, kColumnCount };

    explicit CustomerListModel(Services& services);

    // Re-reads the matching ids in the current order; returns how many there are.
    std::size_t Load(const wxString& search, store::CustomerColumn sort, bool ascending,
                     bool include_archived);
    // Forgets cached figures (after a change) without changing which rows are listed.
    void Invalidate();

    std::size_t Size() const { return m_ids.size(); }
    Id IdAt(unsigned row) const { return m_ids.at(row); }
    std::optional<unsigned> RowOf(Id id) const;

    unsigned GetColumnCount() const override { return kColumnCount; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override;
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

    // How many pages were read from the database since the last Load (for tests).
    std::size_t pages_read() const { return m_pagesRead; }

private:
    static constexpr unsigned kPageSize = 64;
    static constexpr std::size_t kMaxPages = 64;

    const store::CustomerSummary* Row(unsigned row) const;

    Services& m_services;
    std::vector<Id> m_ids;
    // Pages of figures by page number, with the most recently used first in m_lru.
    mutable std::map<unsigned, std::vector<store::CustomerSummary>> m_pages;
    mutable std::list<unsigned> m_lru;
    mutable std::size_t m_pagesRead = 0;
};

} // namespace rapport::gui
