// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/purchases.h"
#include "core/staff.h"

#include "store/roles.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <fmt/format.h>

namespace rapport::store {
namespace {

Purchase read_purchase(sql::Statement& st) {
    Purchase p;
    p.id = st.getColumn(0).getInt64();
    p.customer_id = st.getColumn(1).getInt64();
    p.on = stored(st.getColumn(2), as_date);
    p.amount = Money{st.getColumn(3).getInt64()};
    p.margin_known = !st.getColumn(4).isNull();
    p.margin = p.margin_known ? st.getColumn(4).getInt() : 0;
    p.added = read_stamp(st, 5, 6);
    return p;
}

// The margin, or NULL for a staff login, which may not read purchase.margin_bp (store/roles.h).
std::string purchase_columns(Database& db) {
    return fmt::format("id, customer_id, purchased_on, amount, {}, added_by, added_at",
                       access(db) == Access::staff ? "NULL" : "margin_bp");
}

} // namespace

void PurchaseRepo::validate(const Purchase& p) {
    if (p.amount.cents <= 0)
        throw InputError(tr("A purchase amount must be more than zero."));
    if (p.margin < -10000 || p.margin > 10000)
        throw InputError(tr("The margin must be between -100 % and 100 %."));
    if (!p.on.ok())
        throw InputError(tr("A purchase needs a real date."));
    sql::Statement st(session(m_db), "SELECT 1 FROM customer WHERE id = ?");
    st.bind(1, static_cast<std::int64_t>(p.customer_id));
    if (!st.executeStep())
        throw DataError(tr("No customer has id {}."), p.customer_id);
}

Id PurchaseRepo::add(const Purchase& p) {
    validate(p);
    return write(m_db, tr("save the purchase"), [&] {
        sql::Statement st(session(m_db), R"(
            INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp, added_by, added_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id)");
        st.bind(1, static_cast<std::int64_t>(p.customer_id));
        st.bind(2, format_date(p.on));
        st.bind(3, static_cast<std::int64_t>(p.amount.cents));
        st.bind(4, p.margin);
        bind_stamp(st, 5, 6, stamp_now(m_db.actor()));
        return st.execReturningId();
    });
}

void PurchaseRepo::update(const Purchase& p) {
    require_owner(m_db, tr("change a purchase"));
    validate(p);
    write(m_db, tr("save the purchase"), [&] {
        sql::Statement st(session(m_db), R"(
            UPDATE purchase SET customer_id = ?, purchased_on = ?, amount = ?, margin_bp = ?
             WHERE id = ?)");
        st.bind(1, static_cast<std::int64_t>(p.customer_id));
        st.bind(2, format_date(p.on));
        st.bind(3, static_cast<std::int64_t>(p.amount.cents));
        st.bind(4, p.margin);
        st.bind(5, static_cast<std::int64_t>(p.id));
        if (st.exec() == 0)
            throw DataError(tr("No purchase has id {}."), p.id);
    });
}

void PurchaseRepo::remove(Id id) {
    require_owner(m_db, tr("delete a purchase"));
    write(m_db, tr("delete the purchase"), [&] {
        sql::Statement st(session(m_db), "DELETE FROM purchase WHERE id = ?");
        st.bind(1, static_cast<std::int64_t>(id));
        if (st.exec() == 0)
            throw DataError(tr("No purchase has id {}."), id);
    });
}

Purchase PurchaseRepo::get(Id id) {
    return read(m_db, [&]() -> Purchase {
        sql::Statement st(session(m_db), fmt::format("SELECT {} FROM purchase WHERE id = ?",
                                                     purchase_columns(m_db)));
        st.bind(1, static_cast<std::int64_t>(id));
        if (!st.executeStep())
            throw DataError(tr("No purchase has id {}."), id);
        return read_purchase(st);
    });
}

std::vector<Purchase> PurchaseRepo::for_customer(Id customer_id) {
    return read(m_db, [&]() -> std::vector<Purchase> {
        sql::Statement st(session(m_db),
                          fmt::format("SELECT {} FROM purchase WHERE customer_id = ? "
                                      "ORDER BY purchased_on DESC, id DESC",
                                      purchase_columns(m_db)));
        st.bind(1, static_cast<std::int64_t>(customer_id));
        std::vector<Purchase> out;
        while (st.executeStep())
            out.push_back(read_purchase(st));
        return out;
    });
}

} // namespace rapport::store
