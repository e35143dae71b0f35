#include "store/overview.h"

#include "store/sql_util.h"

#include <map>

namespace rapport::store {
namespace {

// Moments are stored as "YYYY-MM-DDTHH:MM", so the days [from, to] are the text range
// [from, to + 1 day).
void bind_day_range(SQLite::Statement& st, int first_index, Date from, Date to) {
    st.bind(first_index, format_date(from));
    st.bind(first_index + 1, format_date(add_days(to, 1)));
}

} // namespace

std::vector<OpenFollowUpRow> OverviewQueries::open_follow_ups(std::optional<Date> due_up_to,
                                                              int limit) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT f.id, f.interaction_id, c.id, c.name, f.due_on, f.note, i.summary, i.category
          FROM follow_up f
          JOIN interaction i ON i.id = f.interaction_id
          JOIN customer c ON c.id = i.customer_id
         WHERE f.done_on IS NULL AND (?1 IS NULL OR f.due_on <= ?1)
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
        r.interaction_id = st.getColumn(1).getInt64();
        r.customer_id = st.getColumn(2).getInt64();
        r.customer_name = st.getColumn(3).getString();
        r.due = parse_date(st.getColumn(4).getString());
        r.note = st.getColumn(5).getString();
        r.summary = st.getColumn(6).getString();
        r.category = parse_category(st.getColumn(7).getString());
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t OverviewQueries::count_open_follow_ups_due_before(Date day) {
    SQLite::Statement st(m_db.sql(),
                         "SELECT count(*) FROM follow_up WHERE done_on IS NULL AND due_on < ?");
    st.bind(1, format_date(day));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

std::int64_t OverviewQueries::count_open_follow_ups_due_on(Date day) {
    SQLite::Statement st(m_db.sql(),
                         "SELECT count(*) FROM follow_up WHERE done_on IS NULL AND due_on = ?");
    st.bind(1, format_date(day));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

std::int64_t OverviewQueries::count_open_follow_ups() {
    return m_db.sql().execAndGet("SELECT count(*) FROM follow_up WHERE done_on IS NULL").getInt64();
}

std::vector<RecentIncidentRow> OverviewQueries::recent_incidents(int limit) {
    SQLite::Statement st(m_db.sql(), R"(
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
        r.at = parse_date_time(st.getColumn(3).getString());
        r.category = parse_category(st.getColumn(4).getString());
        r.severity = st.getColumn(5).getInt();
        r.summary = st.getColumn(6).getString();
        r.given_back = Money{st.getColumn(7).getInt64()};
        out.push_back(std::move(r));
    }
    return out;
}

bool OverviewQueries::is_empty() {
    return m_db.sql()
               .execAndGet("SELECT NOT EXISTS (SELECT 1 FROM customer) AND "
                           "NOT EXISTS (SELECT 1 FROM interaction)")
               .getInt() != 0;
}

std::vector<IncidentTotals> OverviewQueries::totals_by_category(Date from, Date to) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT i.category, count(*), sum(i.minutes),
               coalesce(sum((SELECT sum(r.cost) FROM resolution r
                              WHERE r.interaction_id = i.id AND r.status = 'accepted')), 0),
               coalesce(sum((SELECT sum(r.cost) FROM resolution r
                              WHERE r.interaction_id = i.id AND r.status = 'offered')), 0)
          FROM interaction i
         WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2
         GROUP BY i.category)");
    bind_day_range(st, 1, from, to);
    std::map<std::string, IncidentTotals> found;
    while (st.executeStep()) {
        IncidentTotals t;
        t.key = st.getColumn(0).getString();
        t.incidents = st.getColumn(1).getInt64();
        t.minutes = st.getColumn(2).getInt64();
        t.given_back = Money{st.getColumn(3).getInt64()};
        t.pending = Money{st.getColumn(4).getInt64()};
        found[t.key] = t;
    }
    std::vector<IncidentTotals> out;
    for (const auto& entry : all_categories()) {
        auto it = found.find(std::string(entry.key));
        if (it != found.end()) {
            out.push_back(it->second);
        } else {
            IncidentTotals zero;
            zero.key = std::string(entry.key);
            out.push_back(zero);
        }
    }
    return out;
}

std::vector<IncidentTotals> OverviewQueries::totals_by_month(Date from, Date to) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT substr(i.occurred_at, 1, 7) AS month, count(*), sum(i.minutes),
               coalesce(sum((SELECT sum(r.cost) FROM resolution r
                              WHERE r.interaction_id = i.id AND r.status = 'accepted')), 0),
               coalesce(sum((SELECT sum(r.cost) FROM resolution r
                              WHERE r.interaction_id = i.id AND r.status = 'offered')), 0)
          FROM interaction i
         WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2
         GROUP BY month ORDER BY month)");
    bind_day_range(st, 1, from, to);
    std::vector<IncidentTotals> out;
    while (st.executeStep()) {
        IncidentTotals t;
        t.key = st.getColumn(0).getString();
        t.incidents = st.getColumn(1).getInt64();
        t.minutes = st.getColumn(2).getInt64();
        t.given_back = Money{st.getColumn(3).getInt64()};
        t.pending = Money{st.getColumn(4).getInt64()};
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<CostlyCustomerRow> OverviewQueries::costliest_customers(Date from, Date to, int limit) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT c.id, c.name, count(DISTINCT i.id), sum(r.cost) AS given
          FROM interaction i
          JOIN customer c ON c.id = i.customer_id
          JOIN resolution r ON r.interaction_id = i.id AND r.status = 'accepted'
         WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2 AND r.cost > 0
         GROUP BY c.id
         ORDER BY given DESC, c.name COLLATE NOCASE
         LIMIT ?3)");
    bind_day_range(st, 1, from, to);
    st.bind(3, limit);
    std::vector<CostlyCustomerRow> out;
    while (st.executeStep()) {
        CostlyCustomerRow r;
        r.customer_id = st.getColumn(0).getInt64();
        r.name = st.getColumn(1).getString();
        r.incidents = st.getColumn(2).getInt64();
        r.given_back = Money{st.getColumn(3).getInt64()};
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace rapport::store
