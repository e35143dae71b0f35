// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Forgetting a category's usual resolution, so the log dialog proposes nothing for it again.
// (Setting one is SettingsStore::set_category_default.)
#include "core/enums.h"
#include "store/database.h"

namespace rapport::store {

void clear_category_default(Database& db, Category category);

} // namespace rapport::store
