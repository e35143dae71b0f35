// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/won_back.h"

#include "core/enums.h"
#include "core/errors.h"
#include "store/overview.h"
#include "store/sqlite/connection.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace rapport::store {
namespace {

// Every customer's distinct purchase days up to today, sorted by customer then day, and where
// each customer's days start and end.
struct PurchaseDays {
    std::vector<Id> customer;
    std::vector<Date> day;
    std::unordered_map<Id, std::pair<std::size_t, std::size_t>> range;

    std::span<const Date> of(Id c) const {
        const auto it = range.find(c);
        if (it == range.end())
            return {};
        return {day.data() + it->second.first, it->second.second - it->second.first};
    }
};

// stored() without its copy of the text, for the million rows read here; a value the parser
// refuses goes through stored() for its sentence.
template <class Parse>
auto parsed(const sql::Column& c, Parse parse) -> decltype(parse(std::string_view())) {
    try {
        return parse(c.getText());
    } catch (const InputError&) {
        return stored(c, parse);
    }
}

// The index of `text` among the keys of `entries`: the stored keys compared as they are, the
// parser (which also takes other spellings) only for anything else.
template <typename E, typename Parse>
std::size_t index_of(std::span<const EnumEntry<E>> entries, const sql::Column& c, Parse parse) {
    const std::string_view text = c.getText();
    for (std::size_t k = 0; k < entries.size(); ++k)
        if (entries[k].key == text)
            return k;
    const E value = stored(c, parse);
    for (std::size_t k = 0; k < entries.size(); ++k)
        if (entries[k].value == value)
            return k;
    return entries.size() - 1;
}

PurchaseDays read_purchase_days(Database& db, Date today) {
    std::vector<std::pair<Id, Date>> rows;
    // In the table's own order, sorted here: one sequential pass (store/gone.cpp).
    sql::Statement st(session(db),
                      "SELECT customer_id, purchased_on FROM purchase NOT INDEXED "
                      "WHERE purchased_on <= ?",
                      sql::Rows::many);
    st.bind(1, format_date(today));
    while (st.executeStep())
        rows.emplace_back(st.getColumn(0).getInt64(), parsed(st.getColumn(1), as_date));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    PurchaseDays out;
    out.customer.reserve(rows.size());
    out.day.reserve(rows.size());
    for (const auto& [c, d] : rows) {
        if (out.customer.empty() || out.customer.back() != c)
            out.range[c].first = out.customer.size();
        out.customer.push_back(c);
        out.day.push_back(d);
        out.range[c].second = out.customer.size();
    }
    return out;
}

} // namespace

WonBackReport won_back_report(Database& db, Date today) {
    return read(db, [&]() -> WonBackReport {
        sql::ReadSnapshot snapshot(session(db));
        const PurchaseDays bought = read_purchase_days(db, today);

        const auto categories = all_categories();
        const auto types = all_resolution_types();
        // The accepted resolution types of each incident (as indexes into `types`), sorted by
        // incident, repeats removed.
        std::vector<std::pair<Id, std::size_t>> given;
        {
            sql::Statement st(session(db),
                              "SELECT interaction_id, type FROM resolution "
                              "WHERE status = 'accepted'",
                              sql::Rows::many);
            while (st.executeStep())
                given.emplace_back(st.getColumn(0).getInt64(),
                                   index_of(types, st.getColumn(1), parse_resolution_type));
            std::sort(given.begin(), given.end());
            given.erase(std::unique(given.begin(), given.end()), given.end());
        }

        std::vector<WonBackTally> by_category(categories.size());
        std::vector<WonBackTally> by_type(types.size() + 1); // the last: nothing accepted
        std::vector<Id> complainers;
        WonBackReport out;
        {
            // Every incident, in the table's own order: with a condition on occurred_at SQLite
            // walks interaction_by_time and looks each row up, ten times slower at 1M
            // incidents (6-11 s against 0.9 s for sqlite3 on a loaded machine).
            sql::Statement st(session(db),
                              "SELECT id, customer_id, occurred_at, category FROM interaction",
                              sql::Rows::many);
            // The table's order is the id's on SQLite: the accepted types are then met in order
            // and found by stepping along `given`; any other order finds them by a search.
            auto next_given = given.begin();
            while (st.executeStep()) {
                const Date day = parsed(st.getColumn(2), as_date_time).day;
                if (today < day)
                    continue; // not known yet on `today`
                const Id customer = st.getColumn(1).getInt64();
                if (complainers.empty() || complainers.back() != customer)
                    complainers.push_back(customer);
                if (!won_back_window_over(day, today))
                    continue;
                const bool again = bought_within_window(bought.of(customer), day);
                out.complaints.add(again);
                by_category[index_of(categories, st.getColumn(3), parse_category)].add(again);
                const Id id = st.getColumn(0).getInt64();
                if (next_given != given.begin() && std::prev(next_given)->first >= id)
                    next_given = given.begin(); // out of order: search from the start
                for (int step = 0; step < 4 && next_given != given.end() && next_given->first < id;
                     ++step)
                    ++next_given;
                if (next_given != given.end() && next_given->first < id)
                    next_given = std::lower_bound(
                        next_given, given.end(), id,
                        [](const std::pair<Id, std::size_t>& g, Id v) { return g.first < v; });
                if (next_given == given.end() || next_given->first != id)
                    by_type.back().add(again);
                for (; next_given != given.end() && next_given->first == id; ++next_given)
                    by_type[next_given->second].add(again);
            }
        }
        for (std::size_t k = 0; k < categories.size(); ++k)
            if (by_category[k].judged)
                out.by_category.push_back({std::string(categories[k].key), by_category[k]});
        for (std::size_t k = 0; k < types.size(); ++k)
            if (by_type[k].judged)
                out.by_given.push_back({std::string(types[k].key), by_type[k]});
        if (by_type.back().judged)
            out.by_given.push_back({std::string(kNothingGiven), by_type.back()});

        // The customers who never complained: each purchase day whose window is over.
        std::sort(complainers.begin(), complainers.end());
        complainers.erase(std::unique(complainers.begin(), complainers.end()), complainers.end());
        for (std::size_t k = 0; k < bought.customer.size();) {
            const Id c = bought.customer[k];
            const auto days = bought.of(c);
            k += days.size();
            if (std::binary_search(complainers.begin(), complainers.end(), c))
                continue;
            bool judged = false;
            for (const Date d : days) {
                if (!won_back_window_over(d, today))
                    break;
                out.never_complained.add(bought_within_window(days, d));
                judged = true;
            }
            if (judged)
                ++out.never_complained_customers;
        }
        return out;
    });
}

} // namespace rapport::store
