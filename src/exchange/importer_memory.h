// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to the importer: the column map remembered for a header (see importer.h).
#include "exchange/importer.h"

#include <optional>
#include <string>
#include <vector>

namespace rapport::exchange::import_detail {

struct RememberedColumns {
    Date on;
    ColumnMapping mapping;
};

// The map remembered for this header, or std::nullopt (none, or one that no longer reads).
std::optional<RememberedColumns> load_remembered(Database& db, ImportKind kind,
                                                 const std::vector<std::string>& columns);

// Inside the import's write transaction: remember `mapping` for this header, or forget it.
void remember_columns(Database& db, ImportKind kind, const std::vector<std::string>& columns,
                      const ColumnMapping& mapping, Date on);
void forget_in_transaction(Database& db, ImportKind kind, const std::vector<std::string>& columns);

} // namespace rapport::exchange::import_detail
