// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Money in JSON as a number with exactly two decimals (12.50, not 12.5), for every JSON the
// program writes: the CLI's --json output and the full-history export.
#include "core/money.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rapport::exchange {

// A placeholder for `m` that dump_json() turns into the bare number "12.50".
nlohmann::json money_json(Money m);

// nlohmann's dump (indent -1: one line) with every money_json placeholder replaced by its
// number. Invalid UTF-8 in text is replaced rather than thrown on.
std::string dump_json(const nlohmann::json& j, int indent = -1);

} // namespace rapport::exchange
