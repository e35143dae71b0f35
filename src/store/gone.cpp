// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/gone.h"

#include "store/sqlite/connection.h"

#include <algorithm>

namespace rapport::store {
namespace {

struct Bought {
    Date on;
    std::int64_t margin_cent_bp = 0; // amount (cents) × margin (basis points)
};

// Judges one customer's purchases (by day) and adds them to `out` when gone.
void judge(Id customer, const std::vector<Bought>& bought, Date today,
           std::vector<GoneCustomer>& out) {
    if (static_cast<int>(bought.size()) < kGoneMinPurchases)
        return;
    std::vector<Date> days;
    days.reserve(bought.size());
    for (const auto& b : bought)
        days.push_back(b.on);
    const GoneJudgement j = judge_gone(days, today);
    if (!j.gone)
        return;
    GoneCustomer g;
    g.customer_id = customer;
    g.purchases = static_cast<int>(bought.size());
    g.last_purchase = bought.back().on;
    g.days_since_last = j.days_since_last;
    g.usual_gap_days = *j.usual_gap;
    const Date from = add_days(g.last_purchase, -364);
    std::int64_t sum = 0;
    for (const auto& b : bought)
        if (b.on >= from)
            sum += b.margin_cent_bp;
    g.own_margin_last_year = Money::from_cents(round_div(sum, 10000));
    out.push_back(std::move(g));
}

} // namespace

std::vector<GoneCustomer> gone_customers(Database& db, Date today) {
    return read(db, [&]() -> std::vector<GoneCustomer> {
        sql::ReadSnapshot snapshot(session(db));
        std::vector<GoneCustomer> out;
        {
            // Every purchase up to today of the customers not archived, in customer then day
            // order (the purchase_by_customer index): one pass, judged customer by customer.
            sql::Statement st(session(db), R"(
                SELECT p.customer_id, p.purchased_on, p.amount * p.margin_bp
                  FROM purchase p JOIN customer c ON c.id = p.customer_id
                 WHERE c.archived = 0 AND p.purchased_on <= ?
                 ORDER BY p.customer_id, p.purchased_on)");
            st.bind(1, format_date(today));
            Id current = 0;
            std::vector<Bought> bought;
            while (st.executeStep()) {
                const Id id = st.getColumn(0).getInt64();
                if (id != current) {
                    judge(current, bought, today, out);
                    bought.clear();
                    current = id;
                }
                bought.push_back({stored(st.getColumn(1), as_date), st.getColumn(2).getInt64()});
            }
            judge(current, bought, today, out);
        }
        sql::Statement who(session(db), "SELECT name, phone, email FROM customer WHERE id = ?");
        // Incidents after `today` (a fixed --today) are not known yet either.
        sql::Statement last(session(db), "SELECT max(occurred_at) FROM interaction "
                                         "WHERE customer_id = ? AND occurred_at < ?");
        for (auto& g : out) {
            who.bind(1, static_cast<std::int64_t>(g.customer_id));
            if (who.executeStep()) {
                g.name = who.getColumn(0).getString();
                g.phone = who.getColumn(1).getString();
                g.email = who.getColumn(2).getString();
            }
            who.reset();
            last.bind(1, static_cast<std::int64_t>(g.customer_id));
            last.bind(2, format_date(add_days(today, 1)));
            if (last.executeStep() && !last.getColumn(0).isNull()) {
                const Date day = stored(last.getColumn(0), as_date_time).day;
                if (day >= g.last_purchase)
                    g.complaint_after_last_purchase = day;
            }
            last.reset();
        }
        std::sort(out.begin(), out.end(), [](const GoneCustomer& a, const GoneCustomer& b) {
            if (a.own_margin_last_year != b.own_margin_last_year)
                return a.own_margin_last_year > b.own_margin_last_year;
            if (a.name != b.name)
                return a.name < b.name;
            return a.customer_id < b.customer_id;
        });
        return out;
    });
}

} // namespace rapport::store
