// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/category_defaults.h"

#include "store/sqlite/connection.h"

namespace rapport::store {

void clear_category_default(Database& db, Category category) {
    write(db, tr("save the category default"), [&] {
        sql::Statement st(session(db), "DELETE FROM category_default WHERE category = ?");
        st.bind(1, std::string(to_key(category)));
        st.exec();
    });
}

} // namespace rapport::store
