// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/move_in.h"

#include "store/customer_figures.h"

#include "store/sqlite/connection.h"

#include <fmt/format.h>

namespace rapport::store {
namespace {

// In the order the foreign keys need; `summed` is the column whose total proves the copy.
struct Table {
    const char* name;
    const char* key; // ORDER BY: the copy keeps the file's order
    const char* summed;
};
constexpr Table kTables[] = {
    {"customer", "id", "referral_reward"},
    {"tag", "id", ""},
    {"customer_tag", "customer_id, tag_id", ""},
    {"interaction", "id", "minutes"},
    {"resolution", "id", "cost"},
    {"follow_up", "id", "minutes"},
    {"purchase", "id", "amount"},
    {"setting", "key", ""},
    {"category_default", "category", "cost"},
};
// The tables whose ids a server numbers with an identity.
constexpr const char* kIdentityTables[] = {"customer",   "tag",       "interaction",
                                           "resolution", "follow_up", "purchase"};

std::int64_t count_of(sql::Session& s, const Table& t) {
    return sql::scalar(s, fmt::format("SELECT count(*) FROM {}", t.name)).getInt64();
}
std::int64_t sum_of(sql::Session& s, const Table& t) {
    if (!*t.summed)
        return 0;
    return sql::scalar(s, fmt::format("SELECT coalesce(sum({}), 0) FROM {}", t.summed, t.name))
        .getInt64();
}

// Copies one table row by row, every value as the file holds it (text, or NULL). A customer's
// referrer may have a higher id than the customer, so referred_by is filled in a second pass.
void copy_table(sql::Session& from, sql::Session& to, const Table& t) {
    sql::Statement rows(from, fmt::format("SELECT * FROM {} ORDER BY {}", t.name, t.key));
    const int columns = rows.getColumnCount();
    std::string names, marks;
    int referrer = -1;
    for (int c = 0; c < columns; ++c) {
        const std::string name = rows.getColumn(c).getName();
        names += (c ? ", " : "") + name;
        marks += c ? ", ?" : "?";
        if (std::string_view(t.name) == "customer" && name == "referred_by")
            referrer = c;
    }
    sql::Statement insert(to, fmt::format("INSERT INTO {} ({}) VALUES ({})", t.name, names, marks));
    std::vector<std::pair<std::string, std::string>> referrals; // customer id, referrer id
    while (rows.executeStep()) {
        for (int c = 0; c < columns; ++c) {
            const sql::Column v = rows.getColumn(c);
            if (v.isNull() || c == referrer)
                insert.bind(c + 1);
            else
                insert.bind(c + 1, v.getText());
        }
        if (referrer >= 0 && !rows.getColumn(referrer).isNull())
            referrals.emplace_back(rows.getColumn(0).getString(),
                                   rows.getColumn(referrer).getString());
        insert.exec();
        insert.reset();
    }
    if (referrals.empty())
        return;
    sql::Statement refer(to, "UPDATE customer SET referred_by = CAST(? AS bigint) "
                             "WHERE id = CAST(? AS bigint)");
    for (const auto& [customer, referred_by] : referrals) {
        refer.bind(1, referred_by);
        refer.bind(2, customer);
        refer.exec();
        refer.reset();
    }
}

} // namespace

std::vector<TableProof> move_in(Database& from, Database& to) {
    std::vector<TableProof> proof;
    sql::Session& src = session(from);
    sql::Session& dst = session(to);
    write(to, tr("move the records in"), [&] {
        const auto held = sql::scalar(dst, "SELECT (SELECT count(*) FROM customer) + "
                                           "(SELECT count(*) FROM interaction) + "
                                           "(SELECT count(*) FROM purchase)")
                              .getInt64();
        if (held > 0)
            throw DataError(tr("{} already holds records; records move only into an empty "
                               "database, so nothing is mixed or written twice. Nothing was "
                               "changed."),
                            to.path().string());
        // The settings and usual resolutions a new database starts with give way to the file's
        dst.exec("DELETE FROM setting; DELETE FROM category_default;");
        sql::ReadSnapshot snapshot(src);
        load_then_count_figures(to, [&] {
            for (const Table& t : kTables)
                copy_table(src, dst, t);
        });
        if (dst.dialect() == sql::Dialect::postgres) {
            for (const char* table : kIdentityTables)
                sql::scalar(dst, fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), "
                                             "coalesce(max(id), 1), max(id) IS NOT NULL) FROM {0}",
                                             table));
        }
        for (const Table& t : kTables) {
            TableProof p{t.name,           t.summed,       count_of(src, t),
                         count_of(dst, t), sum_of(src, t), sum_of(dst, t)};
            if (!p.same())
                throw DataError(tr("The copy of {} does not add up ({} rows and {} in the "
                                   "file, {} rows and {} in the shared database); nothing "
                                   "was moved."),
                                t.name, p.rows_from, p.sum_from, p.rows_to, p.sum_to);
            proof.push_back(std::move(p));
        }
    });
    // The server plans from statistics it gathers on its own schedule; right after a move they
    // still describe empty tables, so gather them now (2.8 s for the 1M-incident demo).
    if (dst.dialect() == sql::Dialect::postgres)
        dst.exec("ANALYZE");
    return proof;
}

} // namespace rapport::store
