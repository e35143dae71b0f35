// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Customers: add, edit, archive, delete, find by id or name, search, and the list the window
// and `customer list` show.
#include "core/records.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::store {

// One line of the customer list, with the figures the owner scans for.
struct CustomerSummary {
    Id id = 0;
    std::string name;
    std::string phone;
    std::string email;
    std::int64_t complaints = 0;
    std::optional<std::string> last_contact; // "YYYY-MM-DDTHH:MM" of the newest interaction
    Money given_back;                        // accepted resolutions, all time
    bool archived = false;
};

class CustomerRepo {
public:
    explicit CustomerRepo(Database& db) : m_db(db) {}

    // Validates and saves a new customer (tags too); returns its id.
    Id add(const Customer& c);
    // Saves every field of an existing customer (tags replaced).
    // Stamped as changed by the database's actor; returns the new version. EditConflict when
    // `c.version` is set and someone saved the customer since it was read.
    std::int64_t update(const Customer& c);
    std::optional<Customer> find(Id id);
    Customer get(Id id); // DataError when there is no such customer

    // A CUSTOMER as people type it: an id, or an exact name in any letter case. An unknown or
    // ambiguous name is a DataError; the ambiguous one lists the candidates with their ids.
    Customer resolve(std::string_view ref);

    // Customers whose name, phone, email, note or incident texts match `search` (all when
    // empty), sorted by name.
    std::vector<CustomerSummary> list(std::string_view search = {}, bool include_archived = true);
    // The ids matched by full-text search over names, notes and incident text, each once, in
    // ascending order.
    std::vector<Id> search_ids(std::string_view text);

    std::vector<Customer> referred_by(Id referrer);
    void set_archived(Id id, bool archived);
    // Removes the customer and every record about them; secure_delete overwrites the bytes.
    void remove(Id id);
    std::int64_t count();

private:
    void validate(const Customer& c);
    void save_tags(Id id, const std::vector<std::string>& tags);
    std::vector<std::string> load_tags(Id id);
    Database& m_db;
};

// Turns what a person types into a safe FTS5 query: each word becomes a quoted prefix term.
// Returns an empty string when nothing searchable is left.
std::string to_fts_query(std::string_view text);

} // namespace rapport::store
