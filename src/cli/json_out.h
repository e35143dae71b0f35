// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON shapes of the records, shared by every command that prints --json.
#include "core/records.h"
#include "exchange/json_money.h"
#include "store/customers.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace rapport::cli {

// Money as a number with two decimals (12.5 → 12.50 in text, as the contract asks).
nlohmann::json money_json(Money m);
nlohmann::json to_json(const Customer& c);
nlohmann::json to_json(const store::CustomerSummary& s);
nlohmann::json to_json(const Interaction& i);
nlohmann::json to_json(const Purchase& p);

// Prints JSON with money numbers exactly as two-decimal numbers.
void print_json(const nlohmann::json& j);

// Prints the array of `to_element(row)` for every row as it goes: the same text as print_json
// of the whole array, without building it (exchange::JsonArrayWriter).
template <typename Rows, typename ToElement>
void print_json_array(const Rows& rows, ToElement&& to_element) {
    exchange::JsonArrayWriter arr(std::cout, 2);
    for (const auto& row : rows)
        arr.add(to_element(row));
    arr.finish();
    std::cout << '\n';
}

} // namespace rapport::cli
