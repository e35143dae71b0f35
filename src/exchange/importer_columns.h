// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to the importer: finding which column holds what, and reading cell values.
#include "exchange/importer.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport::exchange::import_detail {

// Header names compare ignoring ASCII case, blanks, '_', '-' and '.': "E-Mail" is "email".
std::string normalized_name(std::string_view s);

// True when `cells` (the first record) names columns rather than holding data.
bool looks_like_import_header(const std::vector<std::string>& cells);

// Recognises header names in English, German, French, Dutch and Spanish.
ColumnMapping auto_mapping(ImportKind kind, const std::vector<std::string>& columns);

// Applies the user's --map choices; InputError when a choice names no column of the file.
void apply_choices(ColumnMapping& mapping, const std::vector<ColumnChoice>& choices,
                   const std::vector<std::string>& columns);

// Why this mapping cannot import anything ("no column holds the name"), or "".
Message mapping_problem(ImportKind kind, const ColumnMapping& mapping,
                        const std::vector<std::string>& columns, bool has_header);

// A cell with blanks trimmed and our own formula guard undone: Rapport's CSV exports write
// "'=x" for "=x", so a leading ' before = + - @ TAB or CR is dropped.
std::string cell_value(std::string_view raw);

// What an order's status says: "paid", "partially_refunded", "Refunded", "Cancelled",
// "voided", "Pending payment", "failed" (Shopify's financial status, WooCommerce's order
// status, in English or German). A blank or unknown status ("authorized", "Completed") is paid.
enum class OrderState { paid, partly_refunded, refunded, cancelled, unpaid };
OrderState order_state(std::string_view status);

// A margin as tills write it ("40", "40 %", "37,5"); std::nullopt when not understood.
std::optional<BasisPoints> parse_import_percent(std::string_view text);

} // namespace rapport::exchange::import_detail
