// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Money in JSON as a number with exactly two decimals (12.50, not 12.5), for every JSON the
// program writes: the CLI's --json output and the full-history export.
#include "core/money.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace rapport::exchange {

// A placeholder for `m` that dump_json() turns into the bare number "12.50".
nlohmann::json money_json(Money m);

// nlohmann's dump (indent -1: one line) with every money_json placeholder replaced by its
// number, in one pass over the text. Invalid UTF-8 in text is replaced rather than thrown on.
std::string dump_json(const nlohmann::json& j, int indent = -1);

// Appends dump_json(j, indent) to `out` with `pad` after every line break: `j` laid out as
// an element nested that deep (JsonWriter::piece, exchange/json_writer.h, which writes whole
// documents as they are produced).
void append_dumped_json(std::string& out, const nlohmann::json& j, int indent,
                        std::string_view pad);

} // namespace rapport::exchange
