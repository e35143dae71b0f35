// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/worth_query.h"

#include "core/errors.h"
#include "store/sqlite/connection.h"
#include "store/worth_months.h"

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

std::string customers_sql(const Id* focus) {
    if (!focus)
        return "SELECT id, name, referred_by, came_anyway, referral_reward FROM customer "
               "ORDER BY id";
    return "SELECT id, name, referred_by, came_anyway, referral_reward FROM customer "
           "WHERE id = :id OR referred_by = :id ORDER BY id <> :id, id";
}

// One customer and the customers they referred: each sum walks purchase_by_customer or
// interaction_by_customer for just those customers. (The whole portfolio reads the kept months
// instead: read_kept_months below.)
#define RAPPORT_FOCUS "IN (SELECT id FROM customer WHERE id = :id OR referred_by = :id)"

constexpr const char* kFocusPurchases = R"(
        SELECT p.customer_id, count(*), sum(p.amount * p.margin_bp),
               sum(CASE WHEN p.purchased_on >= :from THEN p.amount * p.margin_bp ELSE 0 END),
               min(p.purchased_on)
          FROM purchase AS p
         WHERE p.customer_id )" RAPPORT_FOCUS R"( AND p.purchased_on <= :today
         GROUP BY p.customer_id)";

constexpr const char* kFocusInteractions = R"(
        SELECT i.customer_id, sum(i.minutes),
               sum(CASE WHEN i.occurred_at >= :from THEN i.minutes ELSE 0 END),
               min(i.occurred_at)
          FROM interaction AS i
         WHERE i.customer_id )" RAPPORT_FOCUS R"( AND i.occurred_at < :after
         GROUP BY i.customer_id)";

// Declined resolutions and those that cost nothing change no sum, so they are not sorted.
constexpr const char* kFocusResolutions = R"(
        SELECT i.customer_id,
               sum(CASE WHEN r.status = 'accepted' THEN r.cost ELSE 0 END),
               sum(CASE WHEN r.status = 'accepted' AND i.occurred_at >= :from
                        THEN r.cost ELSE 0 END),
               sum(CASE WHEN r.status = 'offered' THEN r.cost ELSE 0 END)
          FROM interaction AS i JOIN resolution AS r ON r.interaction_id = i.id
         WHERE i.customer_id )" RAPPORT_FOCUS R"( AND r.status IN ('accepted', 'offered')
           AND r.cost > 0 AND i.occurred_at < :after
         GROUP BY i.customer_id)";

// A follow-up counts on the day it was done; an open one (done_on NULL) fails the comparison.
// Those of an incident are found by its customer, those of a customer alone (schema version 6)
// by follow_up_by_customer.
constexpr const char* kFocusFollowUps = R"(
        SELECT customer_id, CAST(sum(minutes) AS bigint), CAST(sum(recent) AS bigint)
          FROM (SELECT i.customer_id AS customer_id, f.minutes AS minutes,
                       CASE WHEN f.done_on >= :from THEN f.minutes ELSE 0 END AS recent
                  FROM interaction AS i JOIN follow_up AS f ON f.interaction_id = i.id
                 WHERE i.customer_id )" RAPPORT_FOCUS R"( AND f.done_on <= :today
                   AND f.minutes > 0
                UNION ALL
                SELECT f.customer_id, f.minutes,
                       CASE WHEN f.done_on >= :from THEN f.minutes ELSE 0 END
                  FROM follow_up AS f
                 WHERE f.customer_id )" RAPPORT_FOCUS R"( AND f.done_on <= :today
                   AND f.minutes > 0) AS follow_ups
         GROUP BY customer_id)";

// Every customer's sums from the kept rows (store/worth_months.h): "to date" is the customer's
// to-date row (month kToDateMonth, which sorts after every month), the window every month from
// the one it starts in; what those rows hold beyond either is taken off below. About 14 rows a
// customer (the 1M demo), not the 32 months of their whole history.
constexpr const char* kKeptSums = R"(
        SELECT customer_id, CAST(sum(CASE WHEN month = :to_date THEN purchases END) AS bigint),
               CAST(sum(CASE WHEN month = :to_date THEN margin_cent_bp END) AS bigint),
               CAST(sum(CASE WHEN month < :to_date THEN margin_cent_bp END) AS bigint),
               CAST(sum(CASE WHEN month = :to_date THEN minutes END) AS bigint),
               CAST(sum(CASE WHEN month < :to_date THEN minutes END) AS bigint),
               CAST(sum(CASE WHEN month = :to_date THEN accepted END) AS bigint),
               CAST(sum(CASE WHEN month < :to_date THEN accepted END) AS bigint),
               CAST(sum(CASE WHEN month = :to_date THEN offered END) AS bigint),
               min(CASE WHEN month = :to_date THEN first_day END)
          FROM customer_worth_month WHERE month >= :from_month GROUP BY customer_id)";

// The same rows one by one, summed below: SQLite's GROUP BY spent about 4,000 instructions a row
// on its nine aggregates (1.3 G of 1.7 G for `worth --all` at 1M, callgrind); a server sums
// them in C, through kKeptSums. Each customer's rows are found from the customer table by the
// key (customer_id, month), so the months before the window are never read.
constexpr const char* kKeptRows = R"(
        SELECT m.customer_id, m.month, m.first_day, m.purchases, m.margin_cent_bp, m.minutes,
               m.accepted, m.offered
          FROM customer AS c CROSS JOIN customer_worth_month AS m
         WHERE m.customer_id = c.id AND m.month >= :from_month)";

// What the records dated from :lo up to :hi add to each customer's months, read by the date
// indexes: the days on one side of the cut in the window's first month, and whatever is dated
// after today. The same day is bound twice, as text for the incidents' text column and as a date
// for a server's date columns. "+customer_id" keeps SQLite from walking a by-customer index to save
// the grouping's sort, which would read every record instead of a few days' worth; the CROSS JOIN
// makes it start from the incidents of those days (a server plans it itself).
constexpr const char* kDatedRange = R"(
        SELECT customer_id, CAST(sum(p) AS bigint), CAST(sum(mg) AS bigint),
               CAST(sum(mi) AS bigint), CAST(sum(a) AS bigint), CAST(sum(o) AS bigint)
          FROM (SELECT +customer_id AS customer_id, count(*) AS p,
                       sum(amount * margin_bp) AS mg, 0 AS mi, 0 AS a, 0 AS o
                  FROM purchase WHERE purchased_on >= :lo_date AND purchased_on < :hi_date
                 GROUP BY 1
                UNION ALL
                SELECT +customer_id, 0, 0, sum(minutes), 0, 0
                  FROM interaction WHERE occurred_at >= :lo_text AND occurred_at < :hi_text
                 GROUP BY 1
                UNION ALL
                SELECT +i.customer_id, 0, 0, 0,
                       sum(CASE WHEN r.status = 'accepted' THEN r.cost ELSE 0 END),
                       sum(CASE WHEN r.status = 'offered' THEN r.cost ELSE 0 END)
                  FROM interaction AS i CROSS JOIN resolution AS r
                 WHERE r.interaction_id = i.id
                   AND i.occurred_at >= :lo_text AND i.occurred_at < :hi_text
                 GROUP BY 1
                UNION ALL
                SELECT +i.customer_id, 0, 0, sum(f.minutes), 0, 0
                  FROM follow_up AS f CROSS JOIN interaction AS i
                 WHERE i.id = f.interaction_id AND f.done_on >= :lo_date AND f.done_on < :hi_date
                 GROUP BY 1
                UNION ALL
                SELECT +customer_id, 0, 0, sum(minutes), 0, 0
                  FROM follow_up
                 WHERE customer_id IS NOT NULL AND done_on >= :lo_date AND done_on < :hi_date
                 GROUP BY 1) AS parts
         GROUP BY customer_id)";

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
        sql::ReadSnapshot snapshot(db);
        const Bounds bounds = bounds_for(today);

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
        const auto each_row = [&](sql::Statement& st, const auto& take) {
            while (st.executeStep()) {
                const auto it = index_of.find(st.getColumn(0).getInt64());
                if (it != index_of.end())
                    take(out[it->second], st);
            }
        };
        const auto each_focus_row = [&](const char* sql, const auto& take) {
            sql::Statement st(db, sql);
            bind_bounds(st, bounds, focus);
            each_row(st, take);
        };
        if (focus) {
            each_focus_row(kFocusPurchases, [](CustomerActivity& c, sql::Statement& st) {
                c.purchase_count = st.getColumn(1).getInt64();
                c.to_date.margin_cent_bp = st.getColumn(2).getInt64();
                c.last_365_days.margin_cent_bp = st.getColumn(3).getInt64();
                note_first_record(c, stored_day(st.getColumn(4).getString()));
            });
            each_focus_row(kFocusInteractions, [](CustomerActivity& c, sql::Statement& st) {
                c.to_date.minutes += st.getColumn(1).getInt64();
                c.last_365_days.minutes += st.getColumn(2).getInt64();
                note_first_record(c, stored_day(st.getColumn(3).getString()));
            });
            each_focus_row(kFocusResolutions, [](CustomerActivity& c, sql::Statement& st) {
                c.to_date.accepted = Money::from_cents(st.getColumn(1).getInt64());
                c.last_365_days.accepted = Money::from_cents(st.getColumn(2).getInt64());
                c.pending = Money::from_cents(st.getColumn(3).getInt64());
            });
            each_focus_row(kFocusFollowUps, [](CustomerActivity& c, sql::Statement& st) {
                c.to_date.minutes += st.getColumn(1).getInt64();
                c.last_365_days.minutes += st.getColumn(2).getInt64();
            });
            return out;
        }

        // The whole portfolio: the kept months, then what they hold that is not in the sums.
        // The window's first month is cut at its start day: when the cut leaves more of the
        // month outside the window than inside, the window's months start one later and the
        // days inside are added from the records; otherwise the days outside are taken off.
        // Either way at most about half a month of records is read.
        const Date from = last_year_start(today);
        const Date month_start = from.year() / from.month() / 1;
        const Date next_month = month_start + date::months{1};
        const bool add_days_inside = from.day() > date::day{16};
        const std::string from_month =
            format_date(add_days_inside ? next_month : month_start).substr(0, 7);
        if (db.dialect() == sql::Dialect::sqlite) {
            sql::Statement st(db, kKeptRows);
            st.bind(st.getIndex(":from_month"), from_month);
            Id current = 0;
            CustomerActivity* c = nullptr;
            while (st.executeStep()) {
                const Id id = st.getColumn(0).getInt64();
                if (!c || id != current) {
                    current = id;
                    const auto it = index_of.find(id);
                    c = it == index_of.end() ? nullptr : &out[it->second];
                }
                if (!c)
                    continue;
                const std::int64_t margin = st.getColumn(4).getInt64();
                const std::int64_t minutes = st.getColumn(5).getInt64();
                const Money accepted = Money::from_cents(st.getColumn(6).getInt64());
                if (st.getColumn(1).getText() != kToDateMonth) { // a month of the window
                    c->last_365_days.margin_cent_bp += margin;
                    c->last_365_days.minutes += minutes;
                    c->last_365_days.accepted += accepted;
                    continue;
                }
                c->purchase_count = st.getColumn(3).getInt64();
                c->to_date.margin_cent_bp = margin;
                c->to_date.minutes = minutes;
                c->to_date.accepted = accepted;
                c->pending = Money::from_cents(st.getColumn(7).getInt64());
                // The earliest day of all; when it is after today, nothing is up to today.
                if (!st.getColumn(2).isNull()) {
                    const std::string first = st.getColumn(2).getString();
                    if (first <= bounds.today)
                        c->first_record = stored_day(first);
                }
            }
        } else {
            sql::Statement st(db, kKeptSums);
            st.bind(st.getIndex(":from_month"), from_month);
            st.bind(st.getIndex(":to_date"), std::string(kToDateMonth));
            each_row(st, [&](CustomerActivity& c, sql::Statement& row) {
                const auto number = [&row](int column) {
                    return row.getColumn(column).isNull() ? 0 : row.getColumn(column).getInt64();
                };
                c.purchase_count = number(1);
                c.to_date.margin_cent_bp = number(2);
                c.last_365_days.margin_cent_bp = number(3);
                c.to_date.minutes = number(4);
                c.last_365_days.minutes = number(5);
                c.to_date.accepted = Money::from_cents(number(6));
                c.last_365_days.accepted = Money::from_cents(number(7));
                c.pending = Money::from_cents(number(8));
                // The earliest day of all; when it is after today, nothing is up to today.
                if (!row.getColumn(9).isNull()) {
                    const std::string first = row.getColumn(9).getString();
                    if (first <= bounds.today)
                        c.first_record = stored_day(first);
                }
            });
        }
        // Takes the records dated lo .. hi (not included) off the sums (`sign` 1), or adds them
        // (-1); `to_date` for records that count in no to-date sum either.
        const auto take_off = [&](const Date& lo, const std::string& hi, int sign, bool to_date) {
            sql::Statement st(db, kDatedRange);
            st.bind(st.getIndex(":lo_date"), format_date(lo));
            st.bind(st.getIndex(":lo_text"), format_date(lo));
            st.bind(st.getIndex(":hi_date"), hi);
            st.bind(st.getIndex(":hi_text"), hi);
            each_row(st, [&](CustomerActivity& c, sql::Statement& row) {
                const std::int64_t margin = sign * row.getColumn(2).getInt64();
                const std::int64_t minutes = sign * row.getColumn(3).getInt64();
                const Money accepted = Money::from_cents(sign * row.getColumn(4).getInt64());
                c.last_365_days.margin_cent_bp -= margin;
                c.last_365_days.minutes -= minutes;
                c.last_365_days.accepted -= accepted;
                if (!to_date)
                    return;
                c.purchase_count -= sign * row.getColumn(1).getInt64();
                c.to_date.margin_cent_bp -= margin;
                c.to_date.minutes -= minutes;
                c.to_date.accepted -= accepted;
                c.pending -= Money::from_cents(sign * row.getColumn(5).getInt64());
            });
        };
        if (add_days_inside)
            take_off(from, format_date(next_month), -1, false);
        else if (month_start < from)
            take_off(month_start, bounds.from, 1, false);
        take_off(add_days(today, 1), "9999-12-31", 1, true); // dated after today: in no sum
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
                 WHERE i.customer_id = :id AND f.done_on <= :today AND f.minutes > 0
                UNION ALL
                SELECT CAST(done_on AS text), 0, minutes, 0
                  FROM follow_up
                 WHERE customer_id = :id AND done_on <= :today AND minutes > 0) AS events
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
