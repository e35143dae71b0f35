// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Moving a shop's whole file into its shared database (`rapport-cli server import FILE`): every
// record with its id, in one transaction, proven by counting and summing each table on both
// sides before the commit.
#include "store/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapport::store {

// One table's proof: its rows and, where it holds money or minutes, their sum, read from the
// file and from the server after the copy.
struct TableProof {
    std::string table;
    std::string summed; // the column summed ("" when none)
    std::int64_t rows_from = 0, rows_to = 0;
    std::int64_t sum_from = 0, sum_to = 0;
    bool same() const { return rows_from == rows_to && sum_from == sum_to; }
};

// Copies every record of `from` into `to`, which must hold no customers, incidents or
// purchases yet (DataError otherwise, and nothing is written). One transaction on `to`: when
// any count or sum differs afterwards, it is rolled back and DataError names the table.
// On a server the id sequences are then moved past the highest id copied.
std::vector<TableProof> move_in(Database& from, Database& to);

} // namespace rapport::store
