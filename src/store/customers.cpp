// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/customers.h"
#include "core/staff.h"
#include "store/edit_conflict.h"

#include "store/privacy.h"
#include "store/roles.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace rapport::store {
namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

// Parameters 1..11 of both the INSERT and the UPDATE, in the column order they name.
void bind_customer_fields(sql::Statement& st, const Customer& c) {
    st.bind(1, trimmed(c.name));
    st.bind(2, trimmed(c.phone));
    st.bind(3, trimmed(c.email));
    st.bind(4, c.note);
    bind_optional(st, 5, c.referred_by);
    st.bind(6, c.came_anyway ? 1 : 0);
    st.bind(7, static_cast<std::int64_t>(c.referral_reward.cents));
    st.bind(8, c.archived ? 1 : 0);
    st.bind(9, std::string(to_key(c.profile.channel)));
    st.bind(10, checked_preferred_time(c.profile.time));
    st.bind(11, std::string(to_key(c.profile.wants)));
}

Customer read_customer(sql::Statement& st) {
    Customer c;
    c.id = st.getColumn(0).getInt64();
    c.name = st.getColumn(1).getString();
    c.phone = st.getColumn(2).getString();
    c.email = st.getColumn(3).getString();
    c.note = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull())
        c.referred_by = st.getColumn(5).getInt64();
    c.came_anyway = st.getColumn(6).getInt() != 0;
    c.referral_reward = Money{st.getColumn(7).getInt64()};
    c.archived = st.getColumn(8).getInt() != 0;
    c.added = read_stamp(st, 9, 10);
    c.changed = read_stamp(st, 11, 12);
    c.version = st.getColumn(13).getInt64();
    c.profile = read_contact_profile(st, 14);
    return c;
}

// When a customer was added is the column they always had (created_at).
constexpr const char* kCustomerColumns =
    "id, name, phone, email, note, referred_by, came_anyway, referral_reward, archived, "
    "added_by, created_at, changed_by, changed_at, version, preferred_channel, preferred_time, "
    "wants_when_wrong";

} // namespace

// The figures are kept by triggers (store/customer_figures.h): one row each, not three
// aggregates over the incidents for every customer listed. LEFT JOIN, so a customer is never
// left out of the list even if their row were missing (check reports that).
const char* const kCustomerSummarySelect = R"(
    SELECT c.id, c.name, c.phone, c.email, c.archived, coalesce(f.complaints, 0),
           f.last_contact, coalesce(f.given_back, 0)
      FROM customer c LEFT JOIN customer_figures f ON f.customer_id = c.id)";

ContactProfile read_contact_profile(sql::Statement& st, int first) {
    ContactProfile p;
    p.channel = stored(st.getColumn(first), parse_preferred_channel);
    p.time = st.getColumn(first + 1).getString();
    p.wants = stored(st.getColumn(first + 2), parse_wants_when_wrong);
    return p;
}

CustomerSummary read_customer_summary(sql::Statement& st) {
    CustomerSummary s;
    s.id = st.getColumn(0).getInt64();
    s.name = st.getColumn(1).getString();
    s.phone = st.getColumn(2).getString();
    s.email = st.getColumn(3).getString();
    s.archived = st.getColumn(4).getInt() != 0;
    s.complaints = st.getColumn(5).getInt64();
    s.last_contact = column_optional_text(st.getColumn(6));
    s.given_back = Money{st.getColumn(7).getInt64()};
    return s;
}

std::string to_fts_query(std::string_view text) {
    std::string out;
    std::string word;
    const auto flush = [&] {
        if (word.empty())
            return;
        out += (out.empty() ? "" : " ");
        out += '"' + word + "\"*";
        word.clear();
    };
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        // Keep letters, digits and every non-ASCII byte (UTF-8 letters); the rest separates.
        if (std::isalnum(u) || u >= 0x80)
            word += ch;
        else
            flush();
    }
    flush();
    return out;
}

void CustomerRepo::validate(const Customer& c) {
    if (trimmed(c.name).empty())
        throw InputError(tr("A customer needs a name."));
    if (c.referral_reward.cents < 0)
        throw InputError(tr("The referral reward cannot be negative."));
    checked_preferred_time(c.profile.time);
    if (c.referred_by && c.id != 0 && *c.referred_by == c.id)
        throw InputError(tr("A customer cannot have referred themselves."));
    if (c.referred_by && !find(*c.referred_by))
        throw DataError(tr("No customer has id {} to be the referrer."), *c.referred_by);
}

Id CustomerRepo::add(const Customer& c) {
    validate(c);
    return write(m_db, tr("save the customer"), [&] {
        sql::Statement st(session(m_db), R"(
            INSERT INTO customer (name, phone, email, note, referred_by, came_anyway,
                                  referral_reward, archived, preferred_channel, preferred_time,
                                  wants_when_wrong, added_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)");
        bind_customer_fields(st, c);
        st.bind(12, m_db.actor());
        const Id id = st.execReturningId();
        save_tags(id, c.tags);
        return id;
    });
}

std::int64_t CustomerRepo::update(const Customer& c) {
    validate(c);
    return write(m_db, tr("save the customer"), [&] {
        // Only the version the edit started from is overwritten (0: not read, as the importer).
        sql::Statement st(session(m_db), R"(
            UPDATE customer SET name = ?, phone = ?, email = ?, note = ?, referred_by = ?,
                   came_anyway = ?, referral_reward = ?, archived = ?, preferred_channel = ?,
                   preferred_time = ?, wants_when_wrong = ?,
                   changed_by = ?, changed_at = ?, version = version + 1
             WHERE id = ? AND (? = 0 OR version = ?)
            RETURNING version)");
        bind_customer_fields(st, c);
        bind_stamp(st, 12, 13, stamp_now(m_db.actor()));
        st.bind(14, static_cast<std::int64_t>(c.id));
        st.bind(15, c.version);
        st.bind(16, c.version);
        if (!st.executeStep()) {
            st.reset();
            sql::Statement now(session(m_db),
                               "SELECT changed_by, changed_at FROM customer WHERE id = ?");
            now.bind(1, static_cast<std::int64_t>(c.id));
            if (!now.executeStep())
                throw DataError(tr("No customer has id {}."), c.id);
            throw customer_conflict(read_stamp(now, 0, 1));
        }
        const std::int64_t version = st.getColumn(0).getInt64();
        st.reset();
        save_tags(c.id, c.tags);
        return version;
    });
}

void CustomerRepo::save_tags(Id id, const std::vector<std::string>& tags) {
    sql::Statement clear(session(m_db), "DELETE FROM customer_tag WHERE customer_id = ?");
    clear.bind(1, static_cast<std::int64_t>(id));
    clear.exec();
    // Tag names are unique whatever their case (NOCASE on the file, lower(name) on a server);
    // the same SQL for both: no conflict target, and the id's type spelt out for the server.
    sql::Statement add_tag(session(m_db),
                           "INSERT INTO tag (name) VALUES (?) ON CONFLICT DO NOTHING");
    sql::Statement link(session(m_db), R"(
        INSERT INTO customer_tag (customer_id, tag_id)
        SELECT CAST(? AS bigint), id FROM tag WHERE name COLLATE NOCASE = ? COLLATE NOCASE
        ON CONFLICT DO NOTHING)");
    for (const auto& raw : tags) {
        const std::string tag = trimmed(raw);
        if (tag.empty())
            continue;
        add_tag.bind(1, tag);
        add_tag.exec();
        add_tag.reset();
        link.bind(1, static_cast<std::int64_t>(id));
        link.bind(2, tag);
        link.exec();
        link.reset();
    }
}

std::vector<std::string> CustomerRepo::load_tags(Id id) {
    return read(m_db, [&]() -> std::vector<std::string> {
        sql::Statement st(session(m_db), R"(
            SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id
             WHERE ct.customer_id = ? ORDER BY t.name COLLATE NOCASE)");
        st.bind(1, static_cast<std::int64_t>(id));
        std::vector<std::string> out;
        while (st.executeStep())
            out.push_back(st.getColumn(0).getString());
        return out;
    });
}

std::optional<Customer> CustomerRepo::find(Id id) {
    return read(m_db, [&]() -> std::optional<Customer> {
        sql::Statement st(session(m_db),
                          fmt::format("SELECT {} FROM customer WHERE id = ?", kCustomerColumns));
        st.bind(1, static_cast<std::int64_t>(id));
        if (!st.executeStep())
            return std::nullopt;
        Customer c = read_customer(st);
        c.tags = load_tags(c.id);
        return c;
    });
}

Customer CustomerRepo::get(Id id) {
    if (auto c = find(id))
        return *c;
    throw DataError(tr("No customer has id {}."), id);
}

Customer CustomerRepo::resolve(std::string_view ref) {
    return read(m_db, [&]() -> Customer {
        const std::string r = trimmed(ref);
        if (r.empty())
            throw InputError(tr("Name a customer by id or by name."));
        const bool numeric =
            std::all_of(r.begin(), r.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (numeric && r.size() < 18) {
            if (auto c = find(std::stoll(r)))
                return *c;
        }
        sql::Statement st(
            session(m_db),
            fmt::format("SELECT {} FROM customer WHERE name COLLATE NOCASE = ? COLLATE NOCASE "
                        "ORDER BY id LIMIT 11",
                        kCustomerColumns));
        st.bind(1, r);
        std::vector<Customer> found;
        while (st.executeStep())
            found.push_back(read_customer(st));
        if (found.empty()) {
            Message hint; // "Anna (id 3) or Anne (id 9)"
            sql::Statement like(session(m_db),
                                "SELECT name, id FROM customer WHERE name LIKE '%' || "
                                "? || '%' ORDER BY name COLLATE NOCASE LIMIT 3");
            like.bind(1, r);
            while (like.executeStep()) {
                Message one(tr("{} (id {})"), like.getColumn(0).getString(),
                            like.getColumn(1).getInt64());
                hint = hint.empty() ? std::move(one) : Message(tr("{} or {}"), hint, one);
            }
            if (hint.empty())
                throw DataError(numeric ? tr("No customer has id or name \"{}\".")
                                        : tr("No customer is named \"{}\"."),
                                r);
            throw DataError(numeric ? tr("No customer has id or name \"{}\"; did you mean {}?")
                                    : tr("No customer is named \"{}\"; did you mean {}?"),
                            r, hint);
        }
        if (found.size() > 1) {
            Message list;
            for (const auto& c : found) {
                Message one(tr("{} (id {})"), c.name, c.id);
                list = list.empty() ? std::move(one) : Message("{}, {}", list, one);
            }
            throw DataError(
                tr("The name \"{}\" fits more than one customer: {}; use the id instead."), r,
                list);
        }
        found.front().tags = load_tags(found.front().id);
        return found.front();
    });
}

namespace {
// The customers a search finds: by name, note or tag, by the words of their incidents, or by a
// piece of their phone number or email. ?1 is the full-text query (fts_query_for), ?2 the text
// as typed. A file reads each matching incident's customer from the small index of the pair
// (schema version 6): SQLite without statistics would read the table's row instead, most of its
// pages for a common word. On a file the parts are joined with UNION ALL: a common word
// matches tens of thousands of incidents of a few thousand customers, and SQLite's UNION would
// insert every one into a temporary b-tree to drop the repeats (a third of the search's work
// at 1M incidents); search_ids drops them in memory and an IN list ignores them. The server
// drops them itself, so fewer rows cross the network.
const char* matching_customer_ids(sql::Dialect d) {
    if (d == sql::Dialect::postgres)
        return R"(
    SELECT id FROM customer
     WHERE rapport_customer_search(name, note) @@ rapport_search_query(?1, '')
    UNION
    SELECT customer_id FROM interaction
     WHERE rapport_interaction_search(summary, asked_for, lesson) @@ rapport_search_query(?1, '')
    UNION
    SELECT id FROM customer WHERE (phone <> '' AND phone LIKE '%' || ?2 || '%')
                               OR (email <> '' AND email LIKE '%' || ?2 || '%'))";
    return R"(
    SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?1
    UNION ALL
    SELECT i.customer_id FROM interaction_fts f
      JOIN interaction i INDEXED BY interaction_customer ON i.id = f.rowid
     WHERE interaction_fts MATCH ?1
    UNION ALL
    SELECT id FROM customer WHERE (phone <> '' AND phone LIKE '%' || ?2 || '%')
                               OR (email <> '' AND email LIKE '%' || ?2 || '%'))";
}

// SQLite's FTS5 takes the query to_fts_query built; the server builds its tsquery from the
// text as typed (rapport_search_query in schema_postgres.sql), folding it the same way.
std::string fts_query_for(sql::Dialect d, std::string_view typed, const std::string& fts5) {
    return d == sql::Dialect::postgres ? trimmed(typed) : fts5;
}
} // namespace

std::vector<Id> CustomerRepo::search_ids(std::string_view text) {
    return read(m_db, [&]() -> std::vector<Id> {
        const std::string q = to_fts_query(text);
        std::vector<Id> out;
        if (q.empty())
            return out;
        const sql::Dialect d = session(m_db).dialect();
        sql::Statement st(session(m_db), matching_customer_ids(d));
        st.bind(1, fts_query_for(d, text, q));
        st.bind(2, trimmed(text));
        while (st.executeStep())
            out.push_back(st.getColumn(0).getInt64());
        std::sort(out.begin(), out.end()); // each customer once, in id order, on both backends
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    });
}

std::vector<CustomerSummary> CustomerRepo::list(std::string_view search, bool include_archived) {
    return read(m_db, [&]() -> std::vector<CustomerSummary> {
        std::string text = kCustomerSummarySelect;
        std::vector<std::string> where;
        const std::string q = to_fts_query(search);
        if (!q.empty()) {
            where.push_back(std::string("c.id IN (") +
                            matching_customer_ids(session(m_db).dialect()) + ")");
        }
        if (!include_archived)
            where.push_back("c.archived = 0");
        for (std::size_t i = 0; i < where.size(); ++i)
            text += (i == 0 ? " WHERE " : " AND ") + where[i];
        text += " ORDER BY c.name COLLATE NOCASE, c.id";
        sql::Statement st(session(m_db), text);
        if (!q.empty()) {
            st.bind(1, fts_query_for(session(m_db).dialect(), search, q));
            st.bind(2, trimmed(search));
        }
        std::vector<CustomerSummary> out;
        while (st.executeStep())
            out.push_back(read_customer_summary(st));
        return out;
    });
}

std::vector<Customer> CustomerRepo::referred_by(Id referrer) {
    return read(m_db, [&]() -> std::vector<Customer> {
        sql::Statement st(session(m_db),
                          fmt::format("SELECT {} FROM customer WHERE referred_by = ? ORDER BY name "
                                      "COLLATE NOCASE",
                                      kCustomerColumns));
        st.bind(1, static_cast<std::int64_t>(referrer));
        std::vector<Customer> out;
        while (st.executeStep())
            out.push_back(read_customer(st));
        return out;
    });
}

void CustomerRepo::set_archived(Id id, bool archived) {
    write(m_db, tr("archive the customer"), [&] {
        sql::Statement st(session(m_db), "UPDATE customer SET archived = ?, changed_by = ?, "
                                         "changed_at = ?, version = version + 1 WHERE id = ?");
        st.bind(1, archived ? 1 : 0);
        bind_stamp(st, 2, 3, stamp_now(m_db.actor()));
        st.bind(4, static_cast<std::int64_t>(id));
        if (st.exec() == 0)
            throw DataError(tr("No customer has id {}."), id);
    });
}

void CustomerRepo::remove(Id id) {
    require_owner(m_db, tr("delete a customer"));
    write(m_db, tr("delete the customer"), [&] {
        sql::Statement st(session(m_db), "DELETE FROM customer WHERE id = ?");
        st.bind(1, static_cast<std::int64_t>(id));
        if (st.exec() == 0)
            throw DataError(tr("No customer has id {}."), id);
        purge_search_indexes(m_db); // deleted words leave the search index too
    });
    flush_deleted_pages(m_db);
}

std::int64_t CustomerRepo::count() {
    return read(m_db, [&]() -> std::int64_t {
        return sql::scalar(session(m_db), "SELECT count(*) FROM customer").getInt64();
    });
}

} // namespace rapport::store
