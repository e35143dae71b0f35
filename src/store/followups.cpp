// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/followups.h"
#include "core/limits.h"
#include "core/staff.h"

#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace rapport::store {
namespace {

// `f.done_on IS NULL` in every list query lets SQLite use the partial index
// follow_up_open_by_due, so the list costs the number of open follow-ups in range, not the
// size of the history.
// The incident's resolutions come in the same statement (one row each, LEFT JOIN) rather than
// a query per line or a second pass: the list of a large shop has thousands of overdue lines,
// and every extra pass re-reads their incidents' pages.
// After kFollowUpColumns (columns 0-9): the line's incident, customer and resolutions.
// A follow-up belongs to an incident or, with no incident (schema version 6), to a customer
// alone: the incident's columns are then NULL and the customer is follow_up.customer_id.
constexpr const char* kItemColumnsAndJoins = R"(,
           c.id, c.name, i.summary, i.category, r.type, r.cost, r.status,
           c.phone, c.email, i.occurred_at, c.preferred_channel, c.preferred_time,
           c.wants_when_wrong
      FROM follow_up f
      LEFT JOIN interaction i ON i.id = f.interaction_id
      JOIN customer c ON c.id = coalesce(f.customer_id, i.customer_id)
      LEFT JOIN resolution r ON r.interaction_id = f.interaction_id
     WHERE )";
constexpr const char* kOrder = " ORDER BY f.due_on, c.name COLLATE NOCASE, f.id, r.id";

FollowUpItem read_item(sql::Statement& st) {
    FollowUpItem item;
    item.follow_up = read_follow_up(st);
    item.interaction_id = item.follow_up.interaction_id;
    item.customer_id = st.getColumn(kFollowUpColumnCount + 0).getInt64();
    item.customer_name = st.getColumn(kFollowUpColumnCount + 1).getString();
    item.customer_phone = st.getColumn(kFollowUpColumnCount + 7).getString();
    item.customer_email = st.getColumn(kFollowUpColumnCount + 8).getString();
    if (item.interaction_id != 0) {
        item.summary = st.getColumn(kFollowUpColumnCount + 2).getString();
        item.category = stored(st.getColumn(kFollowUpColumnCount + 3), parse_category);
        item.incident_day = stored(st.getColumn(kFollowUpColumnCount + 9), as_date_time).day;
    }
    item.customer_prefers = read_contact_profile(st, kFollowUpColumnCount + 10);
    return item;
}

void check_minutes(int minutes) {
    if (minutes < kMinutesMin || minutes > kMinutesMax)
        throw InputError(tr("The minutes spent must be from {} to {} (got {})."), kMinutesMin,
                         kMinutesMax, minutes);
}

} // namespace

Stamp read_stamp(sql::Statement& st, int by_column, int at_column) {
    Stamp s;
    s.by = st.getColumn(by_column).getString();
    if (!column_text(st.getColumn(at_column)).empty())
        s.at = stored(st.getColumn(at_column), as_date_time);
    return s;
}

void bind_stamp(sql::Statement& st, int by_index, int at_index, const Stamp& stamp) {
    st.bind(by_index, stamp.by);
    st.bind(at_index, stamp.at ? format_date_time(*stamp.at) : std::string());
}

FollowUp read_follow_up(sql::Statement& st) {
    FollowUp f;
    f.id = st.getColumn(0).getInt64();
    if (!st.getColumn(1).isNull()) // NULL: a follow-up of a customer with no incident
        f.interaction_id = st.getColumn(1).getInt64();
    f.due = stored(st.getColumn(2), as_date);
    f.note = st.getColumn(3).getString();
    if (!st.getColumn(4).isNull())
        f.done_on = stored(st.getColumn(4), as_date);
    if (!st.getColumn(5).isNull())
        f.outcome = stored(st.getColumn(5), parse_outcome);
    f.outcome_note = st.getColumn(6).getString();
    f.minutes = st.getColumn(7).getInt();
    if (!st.getColumn(8).isNull())
        f.satisfaction = st.getColumn(8).getInt();
    f.customer_said = st.getColumn(9).getString();
    f.done = read_stamp(st, 10, 11);
    return f;
}

std::vector<FollowUpItem> FollowUpRepo::items_where(const char* where,
                                                    const std::vector<std::string>& args) {
    return read(m_db, [&]() -> std::vector<FollowUpItem> {
        sql::ReadSnapshot snapshot(session(m_db));
        sql::Statement st(session(m_db), std::string("SELECT ") + kFollowUpColumns +
                                             kItemColumnsAndJoins + where + kOrder);
        for (std::size_t k = 0; k < args.size(); ++k)
            st.bind(static_cast<int>(k + 1), args[k]);
        std::vector<FollowUpItem> items;
        while (st.executeStep()) {
            // Rows of one follow-up are adjacent (ordered by f.id then r.id): the first row makes
            // the item, each row adds its resolution.
            if (items.empty() || items.back().follow_up.id != st.getColumn(0).getInt64())
                items.push_back(read_item(st));
            if (st.getColumn(kFollowUpColumnCount + 4).isNull())
                continue;
            Resolution r;
            r.interaction_id = items.back().interaction_id;
            r.type = stored(st.getColumn(kFollowUpColumnCount + 4), parse_resolution_type);
            r.cost = Money{st.getColumn(kFollowUpColumnCount + 5).getInt64()};
            r.status = stored(st.getColumn(kFollowUpColumnCount + 6), parse_resolution_status);
            items.back().resolutions.push_back(r);
        }
        return items;
    });
}

std::vector<FollowUpItem> FollowUpRepo::all_open() {
    return items_where("f.done_on IS NULL", {});
}

FollowUpAgenda FollowUpRepo::agenda(Date today, const std::optional<WeekSpan>& week) {
    FollowUpAgenda a;
    a.today = today;
    a.week = week;
    // One statement for both lists (one snapshot, the incidents read once). Days of the week
    // before today are already listed as overdue.
    const Date from = week && week->first > today ? week->first : today;
    const Date last = week ? week->last : add_days(today, -1);
    // `due_on <= last` bounds the index range; the OR leaves out the days between today and a
    // future week's first day.
    auto items =
        items_where("f.done_on IS NULL AND f.due_on <= ?3 AND (f.due_on < ?1 OR f.due_on >= ?2)",
                    {format_date(today), format_date(from), format_date(last)});
    const auto first_of_week =
        std::partition_point(items.begin(), items.end(),
                             [today](const FollowUpItem& i) { return i.follow_up.due < today; });
    a.overdue.assign(std::make_move_iterator(items.begin()),
                     std::make_move_iterator(first_of_week));
    if (week)
        a.week_items.assign(std::make_move_iterator(first_of_week),
                            std::make_move_iterator(items.end()));
    return a;
}

FollowUpCounts FollowUpRepo::counts(Date today) {
    return read(m_db, [&]() -> FollowUpCounts {
        sql::Statement st(session(m_db), R"(
            SELECT coalesce(sum(CASE WHEN due_on < ?1 THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN due_on = ?1 THEN 1 ELSE 0 END), 0)
              FROM follow_up WHERE done_on IS NULL AND due_on <= ?1)");
        st.bind(1, format_date(today));
        st.executeStep();
        return FollowUpCounts{st.getColumn(0).getInt64(), st.getColumn(1).getInt64()};
    });
}

std::optional<FollowUpItem> FollowUpRepo::find(Id id) {
    auto one = items_where("f.id = ?", {std::to_string(id)});
    if (one.empty())
        return std::nullopt;
    return std::move(one.front());
}

FollowUpItem FollowUpRepo::get(Id id) {
    if (auto item = find(id))
        return std::move(*item);
    throw DataError(tr("No follow-up has id {}."), id);
}

FollowUp FollowUpRepo::mark_done(Id id, std::optional<Outcome> outcome, const std::string& note,
                                 int minutes, Date done_on, const CustomerAnswer& answer) {
    check_minutes(minutes);
    check_satisfaction(answer.satisfaction);
    if (!done_on.ok())
        throw InputError(tr("The day a follow-up was done must be a real date."));
    return write(m_db, tr("mark the follow-up done"), [&] {
        // Read inside the transaction so two windows cannot both mark it done.
        const FollowUp before = get(id).follow_up;
        if (before.is_done())
            throw DataError(tr("Follow-up {} was already marked done on {}; nothing was changed."),
                            id, format_date(*before.done_on));
        sql::Statement st(session(m_db), R"(
            UPDATE follow_up SET done_on = ?, outcome = ?, outcome_note = ?, minutes = ?,
                   satisfaction = ?, customer_said = ?, done_by = ?, done_at = ?
             WHERE id = ? AND done_on IS NULL)");
        st.bind(1, format_date(done_on));
        if (outcome)
            st.bind(2, std::string(to_key(*outcome)));
        else
            st.bind(2);
        st.bind(3, note);
        st.bind(4, minutes);
        if (answer.satisfaction)
            st.bind(5, *answer.satisfaction);
        else
            st.bind(5);
        st.bind(6, answer.said);
        bind_stamp(st, 7, 8, stamp_now(m_db.actor()));
        st.bind(9, static_cast<std::int64_t>(id));
        st.exec();
        return before;
    });
}

FollowUp FollowUpRepo::move(Id id, Date new_due) {
    if (!new_due.ok())
        throw InputError(tr("A follow-up can only be moved to a real date."));
    return write(m_db, tr("move the follow-up"), [&] {
        const FollowUp before = get(id).follow_up;
        if (before.is_done())
            throw DataError(
                tr("Follow-up {} was done on {} and cannot be moved; schedule a new one instead."),
                id, format_date(*before.done_on));
        sql::Statement st(session(m_db),
                          "UPDATE follow_up SET due_on = ? WHERE id = ? AND done_on IS NULL");
        st.bind(1, format_date(new_due));
        st.bind(2, static_cast<std::int64_t>(id));
        st.exec();
        return before;
    });
}

Id FollowUpRepo::schedule(Id interaction_id, Date due, const std::string& note) {
    if (!due.ok())
        throw InputError(tr("A follow-up needs a real date."));
    return write(m_db, tr("schedule the follow-up"), [&] {
        sql::Statement exists(session(m_db), "SELECT 1 FROM interaction WHERE id = ?");
        exists.bind(1, static_cast<std::int64_t>(interaction_id));
        if (!exists.executeStep())
            throw DataError(tr("No incident has id {}."), interaction_id);
        sql::Statement st(session(m_db),
                          "INSERT INTO follow_up (interaction_id, due_on, note) VALUES (?, ?, ?) "
                          "RETURNING id");
        st.bind(1, static_cast<std::int64_t>(interaction_id));
        st.bind(2, format_date(due));
        st.bind(3, note);
        return st.execReturningId();
    });
}

std::vector<FollowUp> FollowUpRepo::of_customer_alone(Id customer_id) {
    return read(m_db, [&]() -> std::vector<FollowUp> {
        sql::Statement st(session(m_db),
                          fmt::format("SELECT {} FROM follow_up f "
                                      "WHERE f.customer_id = ? ORDER BY f.due_on, f.id",
                                      kFollowUpColumns));
        st.bind(1, static_cast<std::int64_t>(customer_id));
        std::vector<FollowUp> out;
        while (st.executeStep())
            out.push_back(read_follow_up(st));
        return out;
    });
}

Id FollowUpRepo::schedule_for_customer(Id customer_id, Date due, const std::string& note) {
    if (!due.ok())
        throw InputError(tr("A follow-up needs a real date."));
    return write(m_db, tr("schedule the follow-up"), [&] {
        sql::Statement exists(session(m_db), "SELECT 1 FROM customer WHERE id = ?");
        exists.bind(1, static_cast<std::int64_t>(customer_id));
        if (!exists.executeStep())
            throw DataError(tr("No customer has id {}."), customer_id);
        sql::Statement st(session(m_db),
                          "INSERT INTO follow_up (customer_id, due_on, note) VALUES (?, ?, ?) "
                          "RETURNING id");
        st.bind(1, static_cast<std::int64_t>(customer_id));
        st.bind(2, format_date(due));
        st.bind(3, note);
        return st.execReturningId();
    });
}

void FollowUpRepo::restore(const FollowUp& before) {
    check_minutes(before.minutes);
    check_satisfaction(before.satisfaction);
    write(m_db, tr("put the follow-up back"), [&] {
        sql::Statement st(session(m_db), R"(
            UPDATE follow_up SET due_on = ?, note = ?, done_on = ?, outcome = ?,
                   outcome_note = ?, minutes = ?, satisfaction = ?, customer_said = ?,
                   done_by = ?, done_at = ?
             WHERE id = ? AND coalesce(interaction_id, 0) = ?)");
        st.bind(1, format_date(before.due));
        st.bind(2, before.note);
        if (before.done_on)
            st.bind(3, format_date(*before.done_on));
        else
            st.bind(3);
        if (before.outcome)
            st.bind(4, std::string(to_key(*before.outcome)));
        else
            st.bind(4);
        st.bind(5, before.outcome_note);
        st.bind(6, before.minutes);
        if (before.satisfaction)
            st.bind(7, *before.satisfaction);
        else
            st.bind(7);
        st.bind(8, before.customer_said);
        bind_stamp(st, 9, 10, before.done);
        st.bind(11, static_cast<std::int64_t>(before.id));
        st.bind(12, static_cast<std::int64_t>(before.interaction_id));
        if (st.exec() == 0)
            throw DataError(tr("Follow-up {} no longer exists, so it cannot be put back."),
                            before.id);
    });
}

void FollowUpRepo::remove(Id id) {
    write(m_db, tr("delete the follow-up"), [&] {
        sql::Statement st(session(m_db), "DELETE FROM follow_up WHERE id = ?");
        st.bind(1, static_cast<std::int64_t>(id));
        if (st.exec() == 0)
            throw DataError(tr("No follow-up has id {}."), id);
    });
}

} // namespace rapport::store
