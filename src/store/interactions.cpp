// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/interactions.h"
#include "core/limits.h"
#include "core/staff.h"
#include "store/edit_conflict.h"

#include "store/followups.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <fmt/format.h>

#include <cctype>
#include <unordered_map>

namespace rapport::store {
namespace {

bool blank(const std::string& s) {
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)))
            return false;
    return true;
}

#define RAPPORT_INTERACTION_DATA_COLUMNS                                                           \
    "customer_id, occurred_at, channel, category, severity, summary, asked_for, minutes, "         \
    "escalated_to, lesson, listened, empathised, apologised, offered_solutions, agreed_follow_up"
// Bound in this order by bind_interaction (parameters 1..15).
constexpr const char* kInteractionDataColumns = RAPPORT_INTERACTION_DATA_COLUMNS;
// Who logged it and last changed it, and its version (schema 4): read after the data columns,
// bound as parameters 16..20 by bind_attribution.
constexpr const char* kInteractionColumns =
    "id, " RAPPORT_INTERACTION_DATA_COLUMNS ", logged_by, logged_at, changed_by, changed_at, "
    "version";
constexpr const char* kAttributionColumns = "logged_by, logged_at, changed_by, changed_at, version";
#undef RAPPORT_INTERACTION_DATA_COLUMNS

Interaction read_interaction(sql::Statement& st) {
    Interaction i;
    i.id = st.getColumn(0).getInt64();
    i.customer_id = st.getColumn(1).getInt64();
    i.at = stored(st.getColumn(2), as_date_time);
    i.channel = stored(st.getColumn(3), parse_channel);
    i.category = stored(st.getColumn(4), parse_category);
    i.severity = st.getColumn(5).getInt();
    i.summary = st.getColumn(6).getString();
    i.asked_for = st.getColumn(7).getString();
    i.minutes = st.getColumn(8).getInt();
    i.escalated_to = st.getColumn(9).getString();
    i.lesson = st.getColumn(10).getString();
    i.checklist.listened = st.getColumn(11).getInt() != 0;
    i.checklist.empathised = st.getColumn(12).getInt() != 0;
    i.checklist.apologised = st.getColumn(13).getInt() != 0;
    i.checklist.offered_solutions = st.getColumn(14).getInt() != 0;
    i.checklist.agreed_follow_up = st.getColumn(15).getInt() != 0;
    i.logged = read_stamp(st, 16, 17);
    i.changed = read_stamp(st, 18, 19);
    i.version = st.getColumn(20).getInt64();
    return i;
}

void bind_attribution(sql::Statement& st, const Interaction& i) {
    bind_stamp(st, 16, 17, i.logged);
    bind_stamp(st, 18, 19, i.changed);
    st.bind(20, i.version);
}

void bind_interaction(sql::Statement& st, const Interaction& i) {
    st.bind(1, static_cast<std::int64_t>(i.customer_id));
    st.bind(2, format_date_time(i.at));
    st.bind(3, std::string(to_key(i.channel)));
    st.bind(4, std::string(to_key(i.category)));
    st.bind(5, i.severity);
    st.bind(6, i.summary);
    st.bind(7, i.asked_for);
    st.bind(8, i.minutes);
    st.bind(9, i.escalated_to);
    st.bind(10, i.lesson);
    st.bind(11, i.checklist.listened ? 1 : 0);
    st.bind(12, i.checklist.empathised ? 1 : 0);
    st.bind(13, i.checklist.apologised ? 1 : 0);
    st.bind(14, i.checklist.offered_solutions ? 1 : 0);
    st.bind(15, i.checklist.agreed_follow_up ? 1 : 0);
}

// The resolutions and follow-ups of `incidents`, which are the incidents `scope` selects (a
// WHERE clause on interaction i with one parameter, `key`): one query per child table for the
// whole list, grouped here, instead of two per incident. A customer with hundreds of incidents
// then costs four statements, not a thousand.
void load_children(sql::Session& db, std::vector<Interaction>& incidents, const char* scope,
                   std::int64_t key) {
    if (incidents.empty())
        return;
    std::unordered_map<Id, Interaction*> by_id;
    by_id.reserve(incidents.size());
    for (auto& i : incidents)
        by_id.emplace(i.id, &i);
    sql::Statement res(db, fmt::format(R"(
        SELECT r.interaction_id, r.id, r.type, r.cost, r.status, r.added_by, r.added_at
          FROM interaction i JOIN resolution r ON r.interaction_id = i.id
         WHERE {} ORDER BY r.interaction_id, r.id)",
                                       scope));
    res.bind(1, key);
    while (res.executeStep()) {
        const auto owner = by_id.find(res.getColumn(0).getInt64());
        if (owner == by_id.end())
            continue; // written between the two reads; the next look shows it
        Resolution r;
        r.id = res.getColumn(1).getInt64();
        r.interaction_id = owner->first;
        r.type = stored(res.getColumn(2), parse_resolution_type);
        r.cost = Money{res.getColumn(3).getInt64()};
        r.status = stored(res.getColumn(4), parse_resolution_status);
        r.added = read_stamp(res, 5, 6);
        owner->second->resolutions.push_back(r);
    }
    sql::Statement fu(db, fmt::format(R"(
        SELECT {} FROM interaction i JOIN follow_up f ON f.interaction_id = i.id
         WHERE {} ORDER BY f.interaction_id, f.due_on, f.id)",
                                      kFollowUpColumns, scope));
    fu.bind(1, key);
    while (fu.executeStep()) {
        FollowUp f = read_follow_up(fu);
        const auto owner = by_id.find(f.interaction_id);
        if (owner == by_id.end())
            continue;
        owner->second->follow_ups.push_back(std::move(f));
    }
}

} // namespace

void InteractionRepo::validate(const Interaction& i) {
    if (blank(i.summary))
        throw InputError(tr("Say in a few words what happened (the summary is empty)."));
    if (i.severity < kSeverityMin || i.severity > kSeverityMax)
        throw InputError(tr("The severity must be from {} to {} (got {})."), kSeverityMin,
                         kSeverityMax, i.severity);
    if (i.minutes < kMinutesMin || i.minutes > kMinutesMax)
        throw InputError(tr("The minutes spent must be from {} to {} (got {})."), kMinutesMin,
                         kMinutesMax, i.minutes);
    for (const auto& r : i.resolutions)
        if (r.cost.cents < 0)
            throw InputError(tr("A resolution's cost cannot be negative."));
    for (const auto& f : i.follow_ups) {
        if (!f.due.ok())
            throw InputError(tr("A follow-up needs a real date."));
        if (f.minutes < 0)
            throw InputError(tr("The minutes of a follow-up cannot be negative."));
    }
    sql::Statement st(session(m_db), "SELECT 1 FROM customer WHERE id = ?");
    st.bind(1, static_cast<std::int64_t>(i.customer_id));
    if (!st.executeStep())
        throw DataError(tr("No customer has id {}."), i.customer_id);
}

// Undo puts the rows back with their old ids (keep_ids); a new incident's rows get theirs from
// the database. The id column is left out then, not bound NULL: a PostgreSQL identity
// column, unlike SQLite's rowid, does not number a NULL.
void InteractionRepo::insert_children(const Interaction& i, Id interaction_id, bool keep_ids) {
    const Stamp saved = stamp_now(m_db.actor());
    const int first = keep_ids ? 2 : 1; // the parameter after the id
    sql::Statement res(session(m_db),
                       fmt::format("INSERT INTO resolution ({}interaction_id, type, cost, status, "
                                   "added_by, added_at) VALUES ({}?, ?, ?, ?, ?, ?)",
                                   keep_ids ? "id, " : "", keep_ids ? "?, " : ""));
    for (const auto& r : i.resolutions) {
        if (keep_ids)
            res.bind(1, static_cast<std::int64_t>(r.id));
        res.bind(first, static_cast<std::int64_t>(interaction_id));
        res.bind(first + 1, std::string(to_key(r.type)));
        res.bind(first + 2, static_cast<std::int64_t>(r.cost.cents));
        res.bind(first + 3, std::string(to_key(r.status)));
        // An edit keeps who offered each resolution that was there; a new one is the saver's.
        bind_stamp(res, first + 4, first + 5, r.added.empty() ? saved : r.added);
        res.exec();
        res.reset();
    }
    sql::Statement fu(session(m_db),
                      fmt::format("INSERT INTO follow_up ({}interaction_id, due_on, note, done_on, "
                                  "outcome, outcome_note, minutes, satisfaction, customer_said, "
                                  "done_by, done_at) VALUES ({}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  keep_ids ? "id, " : "", keep_ids ? "?, " : ""));
    for (const auto& f : i.follow_ups) {
        if (keep_ids)
            fu.bind(1, static_cast<std::int64_t>(f.id));
        fu.bind(first, static_cast<std::int64_t>(interaction_id));
        fu.bind(first + 1, format_date(f.due));
        fu.bind(first + 2, f.note);
        if (f.done_on)
            fu.bind(first + 3, format_date(*f.done_on));
        else
            fu.bind(first + 3);
        if (f.outcome)
            fu.bind(first + 4, std::string(to_key(*f.outcome)));
        else
            fu.bind(first + 4);
        fu.bind(first + 5, f.outcome_note);
        fu.bind(first + 6, f.minutes);
        if (f.satisfaction && f.done_on)
            fu.bind(first + 7, *f.satisfaction);
        else
            fu.bind(first + 7);
        fu.bind(first + 8, f.customer_said);
        const Stamp done = !f.done_on ? Stamp{} : f.done.empty() ? saved : f.done;
        bind_stamp(fu, first + 9, first + 10, done);
        fu.exec();
        fu.reset();
    }
}

Id InteractionRepo::add(const Interaction& i) {
    validate(i);
    return write(m_db, tr("save the incident"), [&] {
        sql::Statement st(
            session(m_db),
            fmt::format("INSERT INTO interaction ({}, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        kInteractionDataColumns, kAttributionColumns));
        bind_interaction(st, i);
        Interaction stamped;
        stamped.logged = stamp_now(m_db.actor());
        stamped.version = 1;
        bind_attribution(st, stamped);
        const Id id = st.execReturningId();
        insert_children(i, id, false);
        return id;
    });
}

std::int64_t InteractionRepo::update(const Interaction& i) {
    validate(i);
    return write(m_db, tr("save the incident"), [&] {
        // Only the version the edit started from is overwritten (0: the caller did not read
        // one, as an import's own rows).
        sql::Statement st(session(m_db), R"(
            UPDATE interaction SET customer_id = ?, occurred_at = ?, channel = ?, category = ?,
                   severity = ?, summary = ?, asked_for = ?, minutes = ?, escalated_to = ?,
                   lesson = ?, listened = ?, empathised = ?, apologised = ?,
                   offered_solutions = ?, agreed_follow_up = ?,
                   changed_by = ?, changed_at = ?, version = version + 1
             WHERE id = ? AND (? = 0 OR version = ?)
            RETURNING version)");
        bind_interaction(st, i);
        bind_stamp(st, 16, 17, stamp_now(m_db.actor()));
        st.bind(18, static_cast<std::int64_t>(i.id));
        st.bind(19, i.version);
        st.bind(20, i.version);
        if (!st.executeStep()) {
            st.reset();
            sql::Statement now(session(m_db),
                               "SELECT changed_by, changed_at FROM interaction WHERE id = ?");
            now.bind(1, static_cast<std::int64_t>(i.id));
            if (!now.executeStep())
                throw DataError(tr("No incident has id {}."), i.id);
            throw incident_conflict(read_stamp(now, 0, 1));
        }
        const std::int64_t version = st.getColumn(0).getInt64();
        st.reset();
        sql::Statement del_r(session(m_db), "DELETE FROM resolution WHERE interaction_id = ?");
        del_r.bind(1, static_cast<std::int64_t>(i.id));
        del_r.exec();
        sql::Statement del_f(session(m_db), "DELETE FROM follow_up WHERE interaction_id = ?");
        del_f.bind(1, static_cast<std::int64_t>(i.id));
        del_f.exec();
        insert_children(i, i.id, true);
        return version;
    });
}

std::optional<Interaction> InteractionRepo::find(Id id) {
    return read(m_db, [&]() -> std::optional<Interaction> {
        sql::Statement st(session(m_db), fmt::format("SELECT {} FROM interaction WHERE id = ?",
                                                     kInteractionColumns));
        st.bind(1, static_cast<std::int64_t>(id));
        if (!st.executeStep())
            return std::nullopt;
        std::vector<Interaction> one{read_interaction(st)};
        load_children(session(m_db), one, "i.id = ?", id);
        return std::move(one.front());
    });
}

Interaction InteractionRepo::get(Id id) {
    if (auto i = find(id))
        return *i;
    throw DataError(tr("No incident has id {}."), id);
}

std::vector<Interaction> InteractionRepo::for_customer(Id customer_id) {
    return read(m_db, [&]() -> std::vector<Interaction> {
        sql::Statement st(session(m_db),
                          fmt::format("SELECT {} FROM interaction WHERE customer_id = ? "
                                      "ORDER BY occurred_at DESC, id DESC",
                                      kInteractionColumns));
        st.bind(1, static_cast<std::int64_t>(customer_id));
        std::vector<Interaction> out;
        while (st.executeStep())
            out.push_back(read_interaction(st));
        load_children(session(m_db), out, "i.customer_id = ?", customer_id);
        return out;
    });
}

Interaction InteractionRepo::remove(Id id) {
    Interaction gone = get(id);
    write(m_db, tr("delete the incident"), [&] {
        sql::Statement st(session(m_db), "DELETE FROM interaction WHERE id = ?");
        st.bind(1, static_cast<std::int64_t>(id));
        st.exec();
    });
    return gone;
}

void InteractionRepo::restore(const Interaction& i) {
    validate(i);
    write(m_db, tr("restore the incident"), [&] {
        sql::Statement st(
            session(m_db),
            fmt::format("INSERT INTO interaction ({}, {}, id) VALUES (?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        kInteractionDataColumns, kAttributionColumns));
        bind_interaction(st, i);
        bind_attribution(st, i); // put back as it was, with who logged it
        st.bind(21, static_cast<std::int64_t>(i.id));
        st.exec();
        insert_children(i, i.id, true);
    });
}

InteractionRepo::RecentHistory InteractionRepo::recent(Id customer_id, Date since) {
    return read(m_db, [&]() -> InteractionRepo::RecentHistory {
        sql::Statement st(session(m_db), R"(
            SELECT count(*),
                   (SELECT coalesce(sum(r.cost), 0) FROM interaction i2
                      JOIN resolution r ON r.interaction_id = i2.id
                     WHERE i2.customer_id = ?1 AND r.status = 'accepted')
              FROM interaction i WHERE i.customer_id = ?1 AND i.occurred_at >= ?2)");
        st.bind(1, static_cast<std::int64_t>(customer_id));
        st.bind(2, format_date(since));
        st.executeStep();
        return RecentHistory{st.getColumn(0).getInt64(), Money{st.getColumn(1).getInt64()}};
    });
}

std::vector<std::string> InteractionRepo::staff_names() {
    return read(m_db, [&] {
        sql::Statement st(session(m_db),
                          "SELECT DISTINCT logged_by FROM interaction ORDER BY logged_by");
        std::vector<std::string> out;
        while (st.executeStep())
            out.push_back(st.getColumn(0).getString());
        return out;
    });
}

} // namespace rapport::store
