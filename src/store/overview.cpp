// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/overview.h"

#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace rapport::store {
namespace {

// Moments are stored as "YYYY-MM-DDTHH:MM", so the days [from, to] are the text range
// [from, to + 1 day).
void bind_day_range(sql::Statement& st, int first_index, Date from, Date to) {
    st.bind(first_index, format_date(from));
    st.bind(first_index + 1, format_date(add_days(to, 1)));
}

} // namespace

std::vector<OpenFollowUpRow> OverviewQueries::open_follow_ups(std::optional<Date> due_up_to,
                                                              int limit) {
    return read(m_db, [&]() -> std::vector<OpenFollowUpRow> {
        sql::Statement st(session(m_db), R"(
            SELECT f.id, f.interaction_id, c.id, c.name, f.due_on, f.note, i.summary, i.category,
                   c.phone, c.email, c.preferred_channel, c.preferred_time, c.wants_when_wrong
              FROM follow_up f
              LEFT JOIN interaction i ON i.id = f.interaction_id
              JOIN customer c ON c.id = coalesce(f.customer_id, i.customer_id)
             WHERE f.done_on IS NULL AND (f.due_on <= ?1 OR ?1 IS NULL)
             ORDER BY f.due_on, f.id
             LIMIT ?2)");
        if (due_up_to)
            st.bind(1, format_date(*due_up_to));
        else
            st.bind(1);
        st.bind(2, limit);
        std::vector<OpenFollowUpRow> out;
        while (st.executeStep()) {
            OpenFollowUpRow r;
            r.follow_up_id = st.getColumn(0).getInt64();
            if (!st.getColumn(1).isNull()) // else a call to a customer with no incident
                r.interaction_id = st.getColumn(1).getInt64();
            r.customer_id = st.getColumn(2).getInt64();
            r.customer_name = st.getColumn(3).getString();
            r.due = stored(st.getColumn(4), as_date);
            r.note = st.getColumn(5).getString();
            r.summary = st.getColumn(6).getString();
            if (r.interaction_id != 0)
                r.category = stored(st.getColumn(7), parse_category);
            r.phone = st.getColumn(8).getString();
            r.email = st.getColumn(9).getString();
            r.prefers = read_contact_profile(st, 10);
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::int64_t OverviewQueries::count_open_follow_ups_due_before(Date day) {
    return read(m_db, [&]() -> std::int64_t {
        sql::Statement st(session(m_db),
                          "SELECT count(*) FROM follow_up WHERE done_on IS NULL AND due_on < ?");
        st.bind(1, format_date(day));
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

std::int64_t OverviewQueries::count_open_follow_ups_due_on(Date day) {
    return read(m_db, [&]() -> std::int64_t {
        sql::Statement st(session(m_db),
                          "SELECT count(*) FROM follow_up WHERE done_on IS NULL AND due_on = ?");
        st.bind(1, format_date(day));
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

std::vector<RecentIncidentRow> OverviewQueries::recent_incidents(int limit) {
    return read(m_db, [&]() -> std::vector<RecentIncidentRow> {
        sql::Statement st(session(m_db), R"(
            SELECT i.id, c.id, c.name, i.occurred_at, i.category, i.severity, i.summary,
                   (SELECT coalesce(sum(r.cost), 0) FROM resolution r
                     WHERE r.interaction_id = i.id AND r.status = 'accepted')
              FROM interaction i JOIN customer c ON c.id = i.customer_id
             ORDER BY i.occurred_at DESC, i.id DESC
             LIMIT ?)");
        st.bind(1, limit);
        std::vector<RecentIncidentRow> out;
        while (st.executeStep()) {
            RecentIncidentRow r;
            r.interaction_id = st.getColumn(0).getInt64();
            r.customer_id = st.getColumn(1).getInt64();
            r.customer_name = st.getColumn(2).getString();
            r.at = stored(st.getColumn(3), as_date_time);
            r.category = stored(st.getColumn(4), parse_category);
            r.severity = st.getColumn(5).getInt();
            r.summary = st.getColumn(6).getString();
            r.given_back = Money{st.getColumn(7).getInt64()};
            out.push_back(std::move(r));
        }
        return out;
    });
}

bool OverviewQueries::is_empty() {
    return read(m_db, [&]() -> bool {
        return sql::scalar(session(m_db), "SELECT NOT EXISTS (SELECT 1 FROM customer) AND "
                                          "NOT EXISTS (SELECT 1 FROM interaction)")
                   .getInt() != 0;
    });
}

PeriodReport OverviewQueries::period_report(Date from, Date to, int top) {
    return read(m_db, [&]() -> PeriodReport {
        // Two sequential scans summed here instead of GROUP BY queries that look up the
        // resolutions of each incident: on a million incidents a year's report takes a few
        // hundred milliseconds instead of seconds (the time index would make the reads random).
        // One per incident of the period (a busy year: 330,000), kept in a vector sorted by id
        // rather than a hash map: 24 bytes each instead of ~56, which the window's memory budget
        // notices.
        struct Incident {
            Id id;
            IncidentTotals* category;
            IncidentTotals* month;
            Id customer;
        };
        struct CustomerSums {
            std::int64_t incidents = 0;
            Money given_back;
        };
        std::map<std::string, IncidentTotals> categories;
        std::map<std::string, IncidentTotals> months;
        std::unordered_map<Id, CustomerSums> customers;
        std::vector<Incident> incidents;
        // Per month, incidents counted by category (keyed by the totals' addresses: no string work
        // per row beyond the two lookups above).
        std::map<const IncidentTotals*, std::map<const IncidentTotals*, std::int64_t>>
            month_category;

        sql::Statement in_period(session(m_db), R"(
            SELECT id, category, substr(occurred_at, 1, 7), customer_id, minutes
              FROM interaction NOT INDEXED
             WHERE occurred_at >= ?1 AND occurred_at < ?2)");
        bind_day_range(in_period, 1, from, to);
        while (in_period.executeStep()) {
            IncidentTotals& c = categories[in_period.getColumn(1).getString()];
            IncidentTotals& m = months[in_period.getColumn(2).getString()];
            const Id customer = in_period.getColumn(3).getInt64();
            const std::int64_t minutes = in_period.getColumn(4).getInt64();
            ++c.incidents;
            ++m.incidents;
            ++month_category[&m][&c];
            c.minutes += minutes;
            m.minutes += minutes;
            ++customers[customer].incidents;
            incidents.push_back(Incident{in_period.getColumn(0).getInt64(), &c, &m, customer});
        }
        // A table scan returns rows by id; sort anyway rather than rely on it.
        const auto by_id = [](const Incident& a, const Incident& b) { return a.id < b.id; };
        if (!std::is_sorted(incidents.begin(), incidents.end(), by_id))
            std::sort(incidents.begin(), incidents.end(), by_id);

        sql::Statement resolutions(session(m_db), R"(
            SELECT interaction_id, status = 'accepted', cost FROM resolution
             WHERE status <> 'declined' AND cost > 0)");
        while (resolutions.executeStep()) {
            const Id id = resolutions.getColumn(0).getInt64();
            const auto it =
                std::lower_bound(incidents.begin(), incidents.end(), id,
                                 [](const Incident& i, Id wanted) { return i.id < wanted; });
            if (it == incidents.end() || it->id != id)
                continue;
            const Money cost{resolutions.getColumn(2).getInt64()};
            if (resolutions.getColumn(1).getInt() != 0) {
                it->category->given_back += cost;
                it->month->given_back += cost;
                customers[it->customer].given_back += cost;
            } else {
                it->category->pending += cost;
                it->month->pending += cost;
            }
        }

        PeriodReport out;
        for (const auto& entry : all_categories()) {
            IncidentTotals t = categories[std::string(entry.key)];
            t.key = std::string(entry.key);
            out.by_category.push_back(t);
        }
        for (auto& [month, t] : months) {
            t.key = month;
            out.by_month.push_back(t);
            std::vector<std::int64_t> counts;
            const auto& in_month = month_category[&t];
            for (const auto& entry : all_categories()) {
                const auto c = categories.find(std::string(entry.key));
                const auto n = c == categories.end() ? in_month.end() : in_month.find(&c->second);
                counts.push_back(n == in_month.end() ? 0 : n->second);
            }
            out.by_month_category.push_back(std::move(counts));
        }

        std::vector<std::pair<Id, CustomerSums>> ranked;
        for (const auto& [id, sums] : customers)
            if (sums.given_back.cents > 0)
                ranked.emplace_back(id, sums);
        const std::size_t n = std::min<std::size_t>(ranked.size(), top > 0 ? top : 0);
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n),
                          ranked.end(), [](const auto& a, const auto& b) {
                              if (a.second.given_back != b.second.given_back)
                                  return a.second.given_back > b.second.given_back;
                              return a.first < b.first;
                          });
        sql::Statement name(session(m_db), "SELECT name FROM customer WHERE id = ?");
        for (std::size_t i = 0; i < n; ++i) {
            CostlyCustomerRow row;
            row.customer_id = ranked[i].first;
            row.incidents = ranked[i].second.incidents;
            row.given_back = ranked[i].second.given_back;
            name.bind(1, static_cast<std::int64_t>(row.customer_id));
            if (name.executeStep())
                row.name = name.getColumn(0).getString();
            name.reset();
            out.costliest.push_back(std::move(row));
        }
        return out;
    });
}

FollowUpAnswers OverviewQueries::follow_up_answers(Date from, Date to) {
    return read(m_db, [&]() -> FollowUpAnswers {
        // One row per follow-up done in the period and accepted resolution of its incident
        // (one row with no type when none was accepted), adjacent by follow-up. A call to a
        // customer with no incident has no category and nothing was given: it counts in the
        // row kNoComplaint of both lists.
        sql::Statement st(session(m_db), R"(
            SELECT f.id, f.due_on, f.done_on, f.satisfaction, i.category, r.type
              FROM follow_up f
              LEFT JOIN interaction i ON i.id = f.interaction_id
              LEFT JOIN resolution r ON r.interaction_id = f.interaction_id
                                    AND r.status = 'accepted'
             WHERE f.done_on >= ?1 AND f.done_on <= ?2
             ORDER BY f.id, r.type)");
        st.bind(1, format_date(from));
        st.bind(2, format_date(to));
        const auto& categories = all_categories();
        const auto& types = all_resolution_types();
        std::vector<AnswerTally> by_category(categories.size());
        std::vector<AnswerTally> by_type(types.size() + 1); // the last: nothing accepted
        AnswerTally calls;                                  // follow-ups with no incident
        FollowUpAnswers out;
        Id current = 0;
        bool on_time = false;
        std::optional<int> satisfaction;
        std::optional<ResolutionType> last_type;
        bool no_incident = false;
        while (st.executeStep()) {
            const Id id = st.getColumn(0).getInt64();
            const bool first_row = id != current;
            if (first_row) {
                current = id;
                on_time = stored(st.getColumn(2), as_date) <= stored(st.getColumn(1), as_date);
                satisfaction.reset();
                if (!st.getColumn(3).isNull())
                    satisfaction = st.getColumn(3).getInt();
                out.all.add(on_time, satisfaction);
                no_incident = st.getColumn(4).isNull();
                if (no_incident) {
                    calls.add(on_time, satisfaction);
                    continue;
                }
                const Category c = stored(st.getColumn(4), parse_category);
                for (std::size_t k = 0; k < categories.size(); ++k)
                    if (categories[k].value == c)
                        by_category[k].add(on_time, satisfaction);
                last_type.reset();
            }
            if (no_incident)
                continue;
            if (st.getColumn(5).isNull()) {
                by_type.back().add(on_time, satisfaction);
                continue;
            }
            // Two accepted refunds for one incident count the follow-up once under refund.
            const ResolutionType t = stored(st.getColumn(5), parse_resolution_type);
            if (!first_row && last_type == t)
                continue;
            last_type = t;
            for (std::size_t k = 0; k < types.size(); ++k)
                if (types[k].value == t)
                    by_type[k].add(on_time, satisfaction);
        }
        for (std::size_t k = 0; k < categories.size(); ++k)
            if (by_category[k].done)
                out.by_category.push_back({std::string(categories[k].key), by_category[k]});
        for (std::size_t k = 0; k < types.size(); ++k)
            if (by_type[k].done)
                out.by_given.push_back({std::string(types[k].key), by_type[k]});
        if (by_type.back().done)
            out.by_given.push_back({std::string(kNothingGiven), by_type.back()});
        if (calls.done) {
            out.by_category.push_back({std::string(kNoComplaint), calls});
            out.by_given.push_back({std::string(kNoComplaint), calls});
        }
        return out;
    });
}

std::vector<StaffTotals> OverviewQueries::staff_report(Date from, Date to) {
    return read(m_db, [&]() -> std::vector<StaffTotals> {
        sql::ReadSnapshot snapshot(session(m_db));
        std::map<std::string, StaffTotals> staff;
        sql::Statement taken(session(m_db), R"(
            SELECT logged_by, count(*) FROM interaction
             WHERE occurred_at >= ?1 AND occurred_at < ?2 GROUP BY logged_by)");
        bind_day_range(taken, 1, from, to);
        while (taken.executeStep())
            staff[taken.getColumn(0).getString()].incidents = taken.getColumn(1).getInt64();
        sql::Statement given(session(m_db), R"(
            SELECT i.logged_by, sum(r.cost) FROM interaction i
              JOIN resolution r ON r.interaction_id = i.id
             WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2 AND r.status = 'accepted'
             GROUP BY i.logged_by)");
        bind_day_range(given, 1, from, to);
        while (given.executeStep())
            staff[given.getColumn(0).getString()].given_back = Money{given.getColumn(1).getInt64()};
        sql::Statement done(session(m_db), R"(
            SELECT done_by, count(*), sum(CASE WHEN done_on <= due_on THEN 1 ELSE 0 END)
              FROM follow_up WHERE done_on >= ?1 AND done_on < ?2 GROUP BY done_by)");
        bind_day_range(done, 1, from, to);
        while (done.executeStep()) {
            StaffTotals& t = staff[done.getColumn(0).getString()];
            t.follow_ups_done = done.getColumn(1).getInt64();
            t.follow_ups_on_time = done.getColumn(2).getInt64();
        }
        std::vector<StaffTotals> out;
        for (auto& [name, t] : staff) {
            t.name = name;
            out.push_back(std::move(t));
        }
        return out;
    });
}

} // namespace rapport::store
