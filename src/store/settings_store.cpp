// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/settings_store.h"

#include "store/roles.h"
#include "store/sqlite/connection.h"

namespace rapport::store {

Settings SettingsStore::load() {
    return read(m_db, [&]() -> Settings {
        Settings s;
        sql::Statement st(session(m_db), "SELECT key, value FROM setting");
        while (st.executeStep()) {
            try {
                apply_setting(s, st.getColumn(0).getString(), st.getColumn(1).getString());
            } catch (const InputError&) {
                // A value written by hand or by a later version: keep the default rather than fail.
            }
        }
        return s;
    });
}

void SettingsStore::set(std::string_view key, std::string_view value) {
    require_owner(m_db, tr("change the settings"));
    Settings s = load();
    apply_setting(s, key, value);
    const std::string normalised = setting_value(s, key);
    write(m_db, tr("save the setting"), [&] {
        sql::Statement st(session(m_db), R"(
            INSERT INTO setting (key, value) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value)");
        st.bind(1, std::string(key));
        st.bind(2, normalised);
        st.exec();
    });
}

std::string SettingsStore::get(std::string_view key) {
    return setting_value(load(), key);
}

std::optional<CategoryDefault> SettingsStore::category_default(Category c) {
    return read(m_db, [&]() -> std::optional<CategoryDefault> {
        sql::Statement st(session(m_db),
                          "SELECT resolution_type, cost FROM category_default WHERE category = ?");
        st.bind(1, std::string(to_key(c)));
        if (!st.executeStep())
            return std::nullopt;
        return CategoryDefault{c, stored(st.getColumn(0), parse_resolution_type),
                               Money{st.getColumn(1).getInt64()}};
    });
}

void SettingsStore::set_category_default(const CategoryDefault& d) {
    if (d.cost.cents < 0)
        throw InputError(tr("A default cost cannot be negative."));
    require_owner(m_db, tr("change the settings"));
    write(m_db, tr("save the category default"), [&] {
        sql::Statement st(session(m_db), R"(
            INSERT INTO category_default (category, resolution_type, cost) VALUES (?, ?, ?)
            ON CONFLICT (category) DO UPDATE SET resolution_type = excluded.resolution_type,
                                                 cost = excluded.cost)");
        st.bind(1, std::string(to_key(d.category)));
        st.bind(2, std::string(to_key(d.resolution)));
        st.bind(3, static_cast<std::int64_t>(d.cost.cents));
        st.exec();
    });
}

} // namespace rapport::store
