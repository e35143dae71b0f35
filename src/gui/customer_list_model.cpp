// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/customer_list_model.h"

#include "gui/format.h"
#include "gui/services.h"

#include <algorithm>

namespace rapport::gui {

CustomerListModel::CustomerListModel(Services& services)
    : wxDataViewVirtualListModel(0), m_services(services) {}

std::size_t CustomerListModel::Load(const wxString& search, store::CustomerColumn sort,
                                    bool ascending, bool include_archived) {
    m_ids = m_services.customer_table.ordered_ids(Utf8(search), sort, ascending, include_archived);
    m_pages.clear();
    m_lru.clear();
    m_pagesRead = 0;
    Reset(static_cast<unsigned>(m_ids.size()));
    return m_ids.size();
}

void CustomerListModel::Invalidate() {
    m_pages.clear();
    m_lru.clear();
}

std::optional<unsigned> CustomerListModel::RowOf(Id id) const {
    const auto it = std::find(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end())
        return std::nullopt;
    return static_cast<unsigned>(it - m_ids.begin());
}

const store::CustomerSummary* CustomerListModel::Row(unsigned row) const {
    if (row >= m_ids.size())
        return nullptr;
    const unsigned page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        const std::size_t first = static_cast<std::size_t>(page) * kPageSize;
        const std::size_t count = std::min<std::size_t>(kPageSize, m_ids.size() - first);
        std::vector<store::CustomerSummary> rows;
        try {
            rows = m_services.customer_table.summaries(
                std::span<const Id>(m_ids.data() + first, count));
        } catch (const std::exception&) {
            // Drawing must not throw; a row that cannot be read shows empty until the next
            // refresh, and the error surfaces on the next action that writes.
        }
        ++m_pagesRead;
        it = m_pages.emplace(page, std::move(rows)).first;
        m_lru.push_front(page);
        while (m_pages.size() > kMaxPages) {
            m_pages.erase(m_lru.back());
            m_lru.pop_back();
        }
    } else if (m_lru.front() != page) {
        m_lru.remove(page);
        m_lru.push_front(page);
    }
    // A customer deleted since the ids were read leaves its page short: find by id.
    const Id id = m_ids[row];
    for (const auto& s : it->second)
        if (s.id == id)
            return &s;
    return nullptr;
}

void CustomerListModel::GetValueByRow(wxVariant& value, unsigned row, unsigned col) const {
    const store::CustomerSummary* s = Row(row);
    if (!s) {
        value = wxString();
        return;
    }
    switch (col) {
    case kName:
        value = Wx(s->name);
        break;
    case kPhone:
        value = Wx(s->phone);
        break;
    case kComplaints:
        value = s->complaints ? wxString::Format("%lld", static_cast<long long>(s->complaints))
                              : wxString();
        break;
    case kLastContact:
        value = s->last_contact ? FormatDate(parse_date_time(*s->last_contact).day) : wxString();
        break;
    case kGivenBack:
        value = s->given_back.cents ? FormatMoney(s->given_back, m_services.settings().currency)
                                    : wxString();
        break;
    default:
        value = wxString();
    }
}

bool CustomerListModel::GetAttrByRow(unsigned row, unsigned, wxDataViewItemAttr& attr) const {
    const store::CustomerSummary* s = Row(row);
    if (s && s->archived) {
        attr.SetItalic(true);
        attr.SetColour(wxColour(128, 128, 128));
        return true;
    }
    return false;
}

} // namespace rapport::gui
