// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/worth_query.h"

#include "core/errors.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace rapport::store {
namespace {

// Dates are compared as text: 'YYYY-MM-DD' and 'YYYY-MM-DDTHH:MM' sort in time order, and
// "occurred_at < tomorrow" keeps every minute of today (the shorter string sorts first), so no
// substr() runs per row and the comparisons stay cheap.
struct Bounds {
    std::string from;  // first day of the last-year window
    std::string today; // last day that counts
    std::string after; // the day after today: interactions are 'before' it
};

Bounds bounds_for(Date today) {
    return {format_date(last_year_start(today)), format_date(today),
            format_date(add_days(today, 1))};
}

// Binds the parameters a statement uses; each query uses only some of them.
void bind_bounds(sql::Statement& st, const Bounds& b, const Id* focus) {
    const auto bind_if = [&st](const char* name, const std::string& value) {
        if (const int index = st.getIndex(name); index != 0)
            st.bind(index, value);
    };
    bind_if(":from", b.from);
    bind_if(":today", b.today);
    bind_if(":after", b.after);
    if (const int index = st.getIndex(":id"); focus && index != 0)
        st.bind(index, static_cast<std::int64_t>(*focus));
}

// The whole-portfolio sums sort a million rows by customer. SQLite's sorter keeps a run as
// large as the page cache in memory: with the 32 MiB cache the connection uses for browsing,
// one huge run sorts cache-unfriendly and the four queries took 1.8 s on the 1M-interaction
// demo; with 2 MiB runs and one helper thread sorting runs while the main thread scans, 0.75 s.
// The settings are put back when the report is read.
class SortTuning {
public:
    explicit SortTuning(sql::Session& db) : m_db(db) {
        m_cache_size = sql::scalar(m_db, "PRAGMA cache_size").getInt64();
        m_threads = sql::scalar(m_db, "PRAGMA threads").getInt64();
        m_db.exec("PRAGMA cache_size = -2048");
        m_db.exec("PRAGMA threads = 1");
    }
    ~SortTuning() {
        try {
            m_db.exec(fmt::format("PRAGMA cache_size = {}", m_cache_size));
            m_db.exec(fmt::format("PRAGMA threads = {}", m_threads));
        } catch (const sql::Error&) {
        }
    }
    SortTuning(const SortTuning&) = delete;
    SortTuning& operator=(const SortTuning&) = delete;

private:
    sql::Session& m_db;
    std::int64_t m_cache_size = 0;
    std::int64_t m_threads = 0;
};

// Each aggregate comes in two shapes. For every customer, the tables are read front to back
// and sorted once by customer: walking interaction_by_customer instead would fetch each of a
// million rows at a random place for its minutes (4.8 s against 0.3 s on the demo), so the
// interaction scan says NOT INDEXED (otherwise the planner takes interaction_by_time for the
// date range, worse still) and the resolution and follow-up joins start from the child table
// (CROSS JOIN fixes the order) so the interactions are fetched in rowid order; purchases too are
// read front to back. For one customer and their referrals, the same sums walk
// interaction_by_customer and purchase_by_customer.
struct Shape {
    const char* purchase_scan;
    const char* interaction_scan;
    const char* resolution_join;
    const char* follow_up_join;
    const char* scope; // restricts i.customer_id
    const char* purchase_scope;
};

constexpr Shape kAll{
    "NOT INDEXED",
    "NOT INDEXED",
    "resolution AS r CROSS JOIN interaction AS i ON i.id = r.interaction_id",
    "follow_up AS f CROSS JOIN interaction AS i ON i.id = f.interaction_id",
    "",
    "",
};

// PostgreSQL plans the whole-portfolio sums itself (hash joins and aggregates, no hints: it has
// no NOT INDEXED, and its CROSS JOIN takes no ON).
constexpr Shape kAllOnServer{
    "",
    "",
    "interaction AS i JOIN resolution AS r ON r.interaction_id = i.id",
    "interaction AS i JOIN follow_up AS f ON f.interaction_id = i.id",
    "",
    "",
};

constexpr Shape kFocus{
    "",
    "",
    "interaction AS i JOIN resolution AS r ON r.interaction_id = i.id",
    "interaction AS i JOIN follow_up AS f ON f.interaction_id = i.id",
    "i.customer_id IN (SELECT id FROM customer WHERE id = :id OR referred_by = :id) AND",
    "p.customer_id IN (SELECT id FROM customer WHERE id = :id OR referred_by = :id) AND",
};

std::string customers_sql(const Id* focus) {
    if (!focus)
        return "SELECT id, name, referred_by, came_anyway, referral_reward FROM customer "
               "ORDER BY id";
    return "SELECT id, name, referred_by, came_anyway, referral_reward FROM customer "
           "WHERE id = :id OR referred_by = :id ORDER BY id <> :id, id";
}

std::string purchases_sql(const Shape& s) {
    return fmt::format(R"(
        SELECT p.customer_id, count(*), sum(p.amount * p.margin_bp),
               sum(CASE WHEN p.purchased_on >= :from THEN p.amount * p.margin_bp ELSE 0 END),
               min(p.purchased_on)
          FROM purchase AS p {}
         WHERE {} p.purchased_on <= :today
         GROUP BY p.customer_id)",
                       s.purchase_scan, s.purchase_scope);
}

std::string interactions_sql(const Shape& s) {
    return fmt::format(R"(
        SELECT i.customer_id, sum(i.minutes),
               sum(CASE WHEN i.occurred_at >= :from THEN i.minutes ELSE 0 END),
               min(i.occurred_at)
          FROM interaction AS i {}
         WHERE {} i.occurred_at < :after
         GROUP BY i.customer_id)",
                       s.interaction_scan, s.scope);
}

// Declined resolutions and those that cost nothing change no sum, so they are not sorted.
std::string resolutions_sql(const Shape& s) {
    return fmt::format(R"(
        SELECT i.customer_id,
               sum(CASE WHEN r.status = 'accepted' THEN r.cost ELSE 0 END),
               sum(CASE WHEN r.status = 'accepted' AND i.occurred_at >= :from
                        THEN r.cost ELSE 0 END),
               sum(CASE WHEN r.status = 'offered' THEN r.cost ELSE 0 END)
          FROM {}
         WHERE {} r.status IN ('accepted', 'offered') AND r.cost > 0
           AND i.occurred_at < :after
         GROUP BY i.customer_id)",
                       s.resolution_join, s.scope);
}

// A follow-up counts on the day it was done; an open one (done_on NULL) fails the comparison.
std::string follow_ups_sql(const Shape& s) {
    return fmt::format(R"(
        SELECT i.customer_id, sum(f.minutes),
               sum(CASE WHEN f.done_on >= :from THEN f.minutes ELSE 0 END)
          FROM {}
         WHERE {} f.done_on <= :today AND f.minutes > 0
         GROUP BY i.customer_id)",
                       s.follow_up_join, s.scope);
}

Date stored_day(const std::string& text) {
    try {
        return parse_date(std::string_view(text).substr(0, 10));
    } catch (const InputError&) {
        throw DataError(tr("The database holds an impossible date \"{}\"."), text);
    }
}

void note_first_record(CustomerActivity& c, Date d) {
    if (!c.first_record || d < *c.first_record)
        c.first_record = d;
}

} // namespace

Date last_year_start(Date today) {
    return add_days(today, -364);
}

std::vector<CustomerActivity> WorthQuery::customer_with_referrals(Id id, Date today) {
    std::vector<CustomerActivity> out = load(today, &id);
    if (out.empty() || out.front().id != id)
        throw DataError(tr("No customer has id {}."), id);
    return out;
}

std::vector<CustomerActivity> WorthQuery::all_customers(Date today) {
    return load(today, nullptr);
}

std::vector<CustomerActivity> WorthQuery::load(Date today, const Id* focus) {
    return read(m_db, [&]() -> std::vector<CustomerActivity> {
        sql::Session& db = session(m_db);
        std::optional<SortTuning> tuning;
        if (!focus && db.dialect() == sql::Dialect::sqlite)
            tuning.emplace(db);
        sql::ReadSnapshot snapshot(db);
        const Bounds bounds = bounds_for(today);
        const Shape& shape = focus                                    ? kFocus
                             : db.dialect() == sql::Dialect::postgres ? kAllOnServer
                                                                      : kAll;

        std::vector<CustomerActivity> out;
        std::unordered_map<Id, std::size_t> index_of;
        {
            sql::Statement st(db, customers_sql(focus));
            bind_bounds(st, bounds, focus);
            while (st.executeStep()) {
                CustomerActivity c;
                c.id = st.getColumn(0).getInt64();
                c.name = st.getColumn(1).getString();
                if (!st.getColumn(2).isNull())
                    c.referred_by = st.getColumn(2).getInt64();
                c.came_anyway = st.getColumn(3).getInt() != 0;
                c.referral_reward = Money::from_cents(st.getColumn(4).getInt64());
                index_of.emplace(c.id, out.size());
                out.push_back(std::move(c));
            }
        }
        // Runs one grouped query and hands each customer's row to `take`; a row per customer, so
        // this loop runs at most once per customer whatever the number of records.
        const auto each_row = [&](const std::string& sql, const auto& take) {
            sql::Statement st(db, sql);
            bind_bounds(st, bounds, focus);
            while (st.executeStep()) {
                const auto it = index_of.find(st.getColumn(0).getInt64());
                if (it != index_of.end())
                    take(out[it->second], st);
            }
        };
        each_row(purchases_sql(shape), [](CustomerActivity& c, sql::Statement& st) {
            c.purchase_count = st.getColumn(1).getInt64();
            c.to_date.margin_cent_bp = st.getColumn(2).getInt64();
            c.last_365_days.margin_cent_bp = st.getColumn(3).getInt64();
            note_first_record(c, stored_day(st.getColumn(4).getString()));
        });
        each_row(interactions_sql(shape), [](CustomerActivity& c, sql::Statement& st) {
            c.to_date.minutes += st.getColumn(1).getInt64();
            c.last_365_days.minutes += st.getColumn(2).getInt64();
            note_first_record(c, stored_day(st.getColumn(3).getString()));
        });
        each_row(resolutions_sql(shape), [](CustomerActivity& c, sql::Statement& st) {
            c.to_date.accepted = Money::from_cents(st.getColumn(1).getInt64());
            c.last_365_days.accepted = Money::from_cents(st.getColumn(2).getInt64());
            c.pending = Money::from_cents(st.getColumn(3).getInt64());
        });
        each_row(follow_ups_sql(shape), [](CustomerActivity& c, sql::Statement& st) {
            c.to_date.minutes += st.getColumn(1).getInt64();
            c.last_365_days.minutes += st.getColumn(2).getInt64();
        });
        return out;
    });
}

std::vector<WorthEvent> WorthQuery::events(Id customer_id, Date today, Money hourly_rate) {
    return read(m_db, [&]() -> std::vector<WorthEvent> {
        sql::Session& db = session(m_db);
        sql::ReadSnapshot snapshot(db);
        const Bounds bounds = bounds_for(today);
        sql::Statement st(db, R"(
            SELECT day, sum(margin), sum(minutes), sum(accepted) FROM (
                SELECT CAST(purchased_on AS text) AS day, amount * margin_bp AS margin, 0 AS minutes,
                       0 AS accepted
                  FROM purchase WHERE customer_id = :id AND purchased_on <= :today
                UNION ALL
                SELECT substr(occurred_at, 1, 10), 0, minutes, 0
                  FROM interaction WHERE customer_id = :id AND occurred_at < :after
                UNION ALL
                SELECT substr(i.occurred_at, 1, 10), 0, 0, r.cost
                  FROM interaction AS i JOIN resolution AS r ON r.interaction_id = i.id
                 WHERE i.customer_id = :id AND i.occurred_at < :after
                   AND r.status = 'accepted' AND r.cost > 0
                UNION ALL
                SELECT CAST(f.done_on AS text), 0, f.minutes, 0
                  FROM interaction AS i JOIN follow_up AS f ON f.interaction_id = i.id
                 WHERE i.customer_id = :id AND f.done_on <= :today AND f.minutes > 0) AS events
             GROUP BY day ORDER BY day)");
        bind_bounds(st, bounds, &customer_id);

        // Running exact totals; each event is the step between the rounded running totals, which
        // is how the report rounds the to-date figures (half away from zero, as core/money.h).
        std::int64_t margin_cent_bp = 0, minutes = 0;
        Money shown_margin, shown_time;
        std::vector<WorthEvent> events;
        while (st.executeStep()) {
            margin_cent_bp += st.getColumn(1).getInt64();
            minutes += st.getColumn(2).getInt64();
            const Money margin = Money::from_cents(round_div(margin_cent_bp, 10'000));
            const Money time = Money::from_cents(round_div(hourly_rate.cents * minutes, 60));
            WorthEvent e;
            e.day = stored_day(st.getColumn(0).getString());
            e.margin = margin - shown_margin;
            e.time_cost = time - shown_time;
            e.given_back = Money::from_cents(st.getColumn(3).getInt64());
            shown_margin = margin;
            shown_time = time;
            events.push_back(e);
        }
        return events;
    });
}

} // namespace rapport::store
