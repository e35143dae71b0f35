#include "store/purchases.h"

#include "store/sql_util.h"

#include <fmt/format.h>

namespace rapport::store {
namespace {

Purchase read_purchase(SQLite::Statement& st) {
    Purchase p;
    p.id = st.getColumn(0).getInt64();
    p.customer_id = st.getColumn(1).getInt64();
    p.on = stored(st.getColumn(2), as_date);
    p.amount = Money{st.getColumn(3).getInt64()};
    p.margin = st.getColumn(4).getInt();
    return p;
}

} // namespace

void PurchaseRepo::validate(const Purchase& p) {
    if (p.amount.cents <= 0)
        throw InputError("A purchase amount must be more than zero.");
    if (p.margin < -10000 || p.margin > 10000)
        throw InputError("The margin must be between -100 % and 100 %.");
    if (!p.on.ok())
        throw InputError("A purchase needs a real date.");
    SQLite::Statement st(m_db.sql(), "SELECT 1 FROM customer WHERE id = ?");
    st.bind(1, static_cast<std::int64_t>(p.customer_id));
    if (!st.executeStep())
        throw DataError(fmt::format("No customer has id {}.", p.customer_id));
}

Id PurchaseRepo::add(const Purchase& p) {
    validate(p);
    try {
        WriteTransaction tx(m_db);
        SQLite::Statement st(m_db.sql(), R"(
            INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp)
            VALUES (?, ?, ?, ?))");
        st.bind(1, static_cast<std::int64_t>(p.customer_id));
        st.bind(2, format_date(p.on));
        st.bind(3, static_cast<std::int64_t>(p.amount.cents));
        st.bind(4, p.margin);
        st.exec();
        const Id id = m_db.sql().getLastInsertRowid();
        tx.commit();
        return id;
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, "save the purchase");
    }
}

void PurchaseRepo::update(const Purchase& p) {
    validate(p);
    try {
        WriteTransaction tx(m_db);
        SQLite::Statement st(m_db.sql(), R"(
            UPDATE purchase SET customer_id = ?, purchased_on = ?, amount = ?, margin_bp = ?
             WHERE id = ?)");
        st.bind(1, static_cast<std::int64_t>(p.customer_id));
        st.bind(2, format_date(p.on));
        st.bind(3, static_cast<std::int64_t>(p.amount.cents));
        st.bind(4, p.margin);
        st.bind(5, static_cast<std::int64_t>(p.id));
        if (st.exec() == 0)
            throw DataError(fmt::format("No purchase has id {}.", p.id));
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, "save the purchase");
    }
}

void PurchaseRepo::remove(Id id) {
    try {
        WriteTransaction tx(m_db);
        SQLite::Statement st(m_db.sql(), "DELETE FROM purchase WHERE id = ?");
        st.bind(1, static_cast<std::int64_t>(id));
        if (st.exec() == 0)
            throw DataError(fmt::format("No purchase has id {}.", id));
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, "delete the purchase");
    }
}

Purchase PurchaseRepo::get(Id id) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT id, customer_id, purchased_on, amount, margin_bp FROM purchase WHERE id = ?)");
    st.bind(1, static_cast<std::int64_t>(id));
    if (!st.executeStep())
        throw DataError(fmt::format("No purchase has id {}.", id));
    return read_purchase(st);
}

std::vector<Purchase> PurchaseRepo::for_customer(Id customer_id) {
    SQLite::Statement st(m_db.sql(), R"(
        SELECT id, customer_id, purchased_on, amount, margin_bp FROM purchase
         WHERE customer_id = ? ORDER BY purchased_on DESC, id DESC)");
    st.bind(1, static_cast<std::int64_t>(customer_id));
    std::vector<Purchase> out;
    while (st.executeStep())
        out.push_back(read_purchase(st));
    return out;
}

} // namespace rapport::store
