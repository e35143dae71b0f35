// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The customer list of the window at any size. A list of a hundred thousand customers must open
// at once, so it is read in two steps: the ordered ids of the matching customers (an index walk,
// eight bytes a row), then the figures of only the rows on screen, a page at a time.
#include "store/customers.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::store {

// The columns the list can be sorted by.
enum class CustomerColumn { name, phone, complaints, last_contact, given_back };

class CustomerTable {
public:
    explicit CustomerTable(Database& db) : m_db(db) {}

    // Ids of the customers matching `search` (full-text over names, notes and incident texts,
    // as CustomerRepo::search_ids; all customers when empty), ordered by `column`. Ties are
    // broken by name, then id, so the order is stable between refreshes.
    std::vector<Id> ordered_ids(std::string_view search, CustomerColumn column, bool ascending,
                                bool include_archived = true);

    // The list figures of `ids`, in the order given; ids that no longer exist are left out.
    std::vector<CustomerSummary> summaries(std::span<const Id> ids);

    // Names for type-ahead: names starting with `prefix` first, then names with a later word
    // starting with it; at most `limit`, without duplicates.
    std::vector<std::string> name_completions(std::string_view prefix, int limit = 12);

    // Customers whose name is exactly `name` (any letter case), oldest first; usually one.
    std::vector<CustomerSummary> named(std::string_view name);

private:
    Database& m_db;
};

} // namespace rapport::store
