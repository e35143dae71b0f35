// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON shapes of the records, shared by every command that prints --json.
#include "core/records.h"
#include "exchange/json_money.h"
#include "exchange/json_writer.h"
#include "store/customers.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace rapport::cli {

// Money as a number with two decimals (12.5 → 12.50 in text, as the contract asks).
nlohmann::json money_json(Money m);
nlohmann::json to_json(const Customer& c);
// {"channel", "time", "wants"}: each null when not known (core/contact_profile.h).
nlohmann::json to_json(const ContactProfile& p);
void write_json(exchange::JsonWriter& w, const ContactProfile& p);
void write_json(exchange::JsonWriter& w, const store::CustomerSummary& s);
nlohmann::json to_json(const Interaction& i);
nlohmann::json to_json(const Purchase& p);

// Prints JSON with money numbers exactly as two-decimal numbers.
void print_json(const nlohmann::json& j);

// Prints one JSON value as `write(JsonWriter&)` writes it, as it goes (exchange::JsonWriter):
// the same text as print_json of the value built whole, without building it.
template <typename Write> void print_json_streamed(Write&& write) {
    exchange::JsonWriter w(std::cout, 2);
    write(w);
    w.finish();
    std::cout << '\n';
}

// Prints the array of every row, `write(JsonWriter&, row)` writing one.
template <typename Rows, typename Write> void print_json_array(const Rows& rows, Write&& write) {
    print_json_streamed([&](exchange::JsonWriter& w) {
        w.begin_array();
        for (const auto& row : rows)
            write(w, row);
        w.end_array();
    });
}

} // namespace rapport::cli
