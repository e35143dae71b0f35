// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON shapes of the records, shared by every command that prints --json.
#include "core/records.h"
#include "store/customers.h"

#include <nlohmann/json.hpp>

namespace rapport::cli {

// Money as a number with two decimals (12.5 → 12.50 in text, as the contract asks).
nlohmann::json money_json(Money m);
nlohmann::json to_json(const Customer& c);
nlohmann::json to_json(const store::CustomerSummary& s);
nlohmann::json to_json(const Interaction& i);
nlohmann::json to_json(const Purchase& p);

// Prints JSON with money numbers exactly as two-decimal numbers.
void print_json(const nlohmann::json& j);

} // namespace rapport::cli
