// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The owner's settings and per-category defaults, kept in the database so the window and the
// command line always agree.
#include "core/records.h"
#include "core/settings.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace rapport::store {

// The usual resolution the log dialog proposes for a category.
struct CategoryDefault {
    Category category = Category::other;
    ResolutionType resolution = ResolutionType::apology_only;
    Money cost;
};

class SettingsStore {
public:
    explicit SettingsStore(Database& db) : m_db(db) {}

    // Defaults from core/settings.h overlaid with what the owner saved.
    Settings load();
    // Validates through apply_setting and saves; throws InputError on a bad key or value.
    void set(std::string_view key, std::string_view value);
    std::string get(std::string_view key);

    std::optional<CategoryDefault> category_default(Category c);
    void set_category_default(const CategoryDefault& d);

private:
    Database& m_db;
};

} // namespace rapport::store
