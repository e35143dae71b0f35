// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/customer_table.h"

#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace rapport::store {
namespace {

// The ids of the JSON array bound as ?1, so any number of them binds as one parameter.
const char* ids_in_json(sql::Dialect d) {
    return d == sql::Dialect::postgres
               ? "SELECT value::bigint FROM json_array_elements_text(?1::json)"
               : "SELECT value FROM json_each(?1)";
}

// The figures of one row, as in CustomerRepo::list, for a set of ids; built once per
// dialect, since the window asks for a screenful of rows at a time.
const std::string& summaries_sql(sql::Dialect d) {
    static const std::string on_file = std::string(kCustomerSummarySelect) + " WHERE c.id IN (" +
                                       ids_in_json(sql::Dialect::sqlite) + ")";
    static const std::string on_server = std::string(kCustomerSummarySelect) + " WHERE c.id IN (" +
                                         ids_in_json(sql::Dialect::postgres) + ")";
    return d == sql::Dialect::postgres ? on_server : on_file;
}

std::string json_array(std::span<const Id> ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(ids[i]);
    }
    out += ']';
    return out;
}

// The end of the range of strings that start with `prefix` under NOCASE: the largest code
// point appended, so a range scan of the name index finds every name with that prefix.
std::string prefix_upper_bound(std::string_view prefix) {
    return std::string(prefix) + "\xF4\x8F\xBF\xBF";
}

} // namespace

std::vector<Id> CustomerTable::ordered_ids(std::string_view search, CustomerColumn column,
                                           bool ascending, bool include_archived) {
    return read(m_db, [&]() -> std::vector<Id> {
        std::string matching;
        bool searching = false;
        for (char ch : search) {
            if (!std::isspace(static_cast<unsigned char>(ch))) {
                searching = true;
                break;
            }
        }
        if (searching) {
            const std::vector<Id> ids = CustomerRepo(m_db).search_ids(search);
            if (ids.empty())
                return {};
            matching = json_array(ids);
        }

        const char* dir = ascending ? "ASC" : "DESC";
        std::string join;
        std::string order;
        // The figures columns sort by the kept figures (store/customer_figures.h); sorting by
        // name or phone does not read them at all.
        const char* figures = "LEFT JOIN customer_figures f ON f.customer_id = c.id";
        switch (column) {
        case CustomerColumn::name:
            order = fmt::format("c.name COLLATE NOCASE {}, c.id {}", dir, dir);
            break;
        case CustomerColumn::phone:
            // Customers without a phone number go last whichever way the list is sorted.
            order = fmt::format("c.phone = '' ASC, c.phone {}, c.name COLLATE NOCASE, c.id", dir);
            break;
        case CustomerColumn::complaints:
            join = figures;
            order = fmt::format("coalesce(f.complaints, 0) {}, c.name COLLATE NOCASE, c.id", dir);
            break;
        case CustomerColumn::last_contact:
            join = figures;
            order = fmt::format(
                "f.last_contact IS NULL ASC, f.last_contact {}, c.name COLLATE NOCASE, c.id", dir);
            break;
        case CustomerColumn::given_back:
            join = figures;
            order = fmt::format("coalesce(f.given_back, 0) {}, c.name COLLATE NOCASE, c.id", dir);
            break;
        }

        std::string text = "SELECT c.id FROM customer c " + join;
        std::vector<std::string> where;
        if (searching)
            where.emplace_back(std::string("c.id IN (") + ids_in_json(session(m_db).dialect()) +
                               ")");
        if (!include_archived)
            where.emplace_back("c.archived = 0");
        for (std::size_t i = 0; i < where.size(); ++i)
            text += (i == 0 ? " WHERE " : " AND ") + where[i];
        text += " ORDER BY " + order;

        sql::Statement st(session(m_db), text);
        if (searching)
            st.bind(1, matching);
        std::vector<Id> out;
        while (st.executeStep())
            out.push_back(st.getColumn(0).getInt64());
        return out;
    });
}

std::vector<CustomerSummary> CustomerTable::summaries(std::span<const Id> ids) {
    return read(m_db, [&]() -> std::vector<CustomerSummary> {
        if (ids.empty())
            return {};
        sql::Statement st(session(m_db), summaries_sql(session(m_db).dialect()));
        st.bind(1, json_array(ids));
        std::unordered_map<Id, CustomerSummary> found;
        while (st.executeStep()) {
            CustomerSummary s = read_customer_summary(st);
            found.emplace(s.id, std::move(s));
        }
        std::vector<CustomerSummary> out;
        out.reserve(found.size());
        for (Id id : ids) {
            if (auto it = found.find(id); it != found.end())
                out.push_back(it->second);
        }
        return out;
    });
}

std::vector<std::string> CustomerTable::name_completions(std::string_view prefix, int limit) {
    return read(m_db, [&]() -> std::vector<std::string> {
        std::vector<std::string> out;
        std::string p(prefix);
        while (!p.empty() && std::isspace(static_cast<unsigned char>(p.front())))
            p.erase(p.begin());
        if (p.empty() || limit <= 0)
            return out;
        // Names that start with what was typed, through the NOCASE name index.
        sql::Statement starts(session(m_db), R"(
            SELECT name FROM customer
             WHERE name COLLATE NOCASE >= ?1 COLLATE NOCASE
               AND name COLLATE NOCASE < ?2 COLLATE NOCASE AND archived = 0
             GROUP BY name ORDER BY name COLLATE NOCASE LIMIT ?3)");
        starts.bind(1, p);
        starts.bind(2, prefix_upper_bound(p));
        starts.bind(3, limit);
        while (starts.executeStep())
            out.push_back(starts.getColumn(0).getString());
        if (static_cast<int>(out.size()) >= limit)
            return out;
        // Then names where a later word starts with it ("smi" finds "Anna Smith").
        const std::string q = to_fts_query(p);
        if (q.empty())
            return out;
        const bool server = session(m_db).dialect() == sql::Dialect::postgres;
        sql::Statement words(session(m_db), server ? R"(
            SELECT c.name FROM customer c
             WHERE rapport_customer_search(c.name, c.note) @@ rapport_search_query(?1, 'A')
               AND c.archived = 0
             ORDER BY c.name COLLATE NOCASE LIMIT ?2)"
                                                   : R"(
            SELECT c.name FROM customer_fts f JOIN customer c ON c.id = f.rowid
             WHERE customer_fts MATCH ?1 AND c.archived = 0
             ORDER BY c.name COLLATE NOCASE LIMIT ?2)");
        words.bind(1, server ? p : "name : (" + q + ")");
        words.bind(2, limit * 2);
        while (words.executeStep() && static_cast<int>(out.size()) < limit) {
            std::string name = words.getColumn(0).getString();
            if (std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(std::move(name));
        }
        return out;
    });
}

std::vector<CustomerSummary> CustomerTable::named(std::string_view name) {
    return read(m_db, [&]() -> std::vector<CustomerSummary> {
        std::string n(name);
        while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back())))
            n.pop_back();
        while (!n.empty() && std::isspace(static_cast<unsigned char>(n.front())))
            n.erase(n.begin());
        std::vector<CustomerSummary> out;
        if (n.empty())
            return out;
        sql::Statement ids(session(m_db),
                           "SELECT id FROM customer WHERE name COLLATE NOCASE = ? COLLATE NOCASE "
                           "ORDER BY id");
        ids.bind(1, n);
        std::vector<Id> found;
        while (ids.executeStep())
            found.push_back(ids.getColumn(0).getInt64());
        return summaries(found);
    });
}

} // namespace rapport::store
