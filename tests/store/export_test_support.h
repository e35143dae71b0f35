// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fixtures for the export and import tests, written straight in SQL so a test can store text
// the repositories would tidy up (a name that starts with a tab or CR, for the formula guard).
#include "store/database.h"
#include "store/sqlite/connection.h"

#include <cstdint>
#include <string>
#include <vector>

namespace export_test {

struct Res {
    std::string type = "refund";
    std::int64_t cents = 0;
    std::string status = "accepted";
};

inline std::int64_t add_customer(rapport::store::Database& db, const std::string& name,
                                 const std::string& email = "", const std::string& phone = "") {
    rapport::store::sql::Statement st(
        rapport::store::session(db),
        "INSERT INTO customer (name, email, phone) VALUES (?, ?, ?) RETURNING id");
    st.bind(1, name);
    st.bind(2, email);
    st.bind(3, phone);
    return st.execReturningId();
}

// An incident at `at` ("YYYY-MM-DDTHH:MM") with its resolutions; returns its id.
inline std::int64_t add_incident(rapport::store::Database& db, std::int64_t customer,
                                 const std::string& at, const std::string& summary,
                                 const std::vector<Res>& resolutions,
                                 const std::string& category = "product-fault") {
    rapport::store::sql::Statement st(
        rapport::store::session(db),
        "INSERT INTO interaction (customer_id, occurred_at, channel, "
        "category, summary) VALUES (?, ?, 'phone', ?, ?) RETURNING id");
    st.bind(1, static_cast<int64_t>(customer));
    st.bind(2, at);
    st.bind(3, category);
    st.bind(4, summary);
    const std::int64_t id = st.execReturningId();
    for (const auto& r : resolutions) {
        rapport::store::sql::Statement res(rapport::store::session(db),
                                           "INSERT INTO resolution (interaction_id, type, cost, "
                                           "status) VALUES (?, ?, ?, ?)");
        res.bind(1, static_cast<int64_t>(id));
        res.bind(2, r.type);
        res.bind(3, static_cast<int64_t>(r.cents));
        res.bind(4, r.status);
        res.exec();
    }
    return id;
}

inline std::int64_t count(rapport::store::Database& db, const std::string& query) {
    return rapport::store::sql::scalar(rapport::store::session(db), query).getInt64();
}

} // namespace export_test
