// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON money and the streamed array: exact two-decimal amounts, and an array written element by
// element that reads byte for byte like the whole document dumped at once.
#include "exchange/json_money.h"
#include "exchange/json_writer.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace rapport;
using nlohmann::json;

namespace {

json awkward_row(int k) {
    return {{"id", k},
            {"name", k % 2 ? "Zoë \"quoted\"\nnext line" : "plain"},
            {"amount", exchange::money_json(Money::from_cents(1250 + k))},
            {"nested",
             {{"list", json::array({1, 2, exchange::money_json(Money::from_cents(-5))})},
              {"empty", json::object()},
              {"none", json::array()}}},
            {"looks_like_money", "\uE000money00000000:12.50"}};
}

std::string streamed(const json& arr, int indent) {
    std::ostringstream out;
    exchange::JsonWriter w(out, indent);
    w.begin_array();
    for (const auto& e : arr)
        w.piece(e);
    w.end_array().finish();
    return out.str();
}

} // namespace

TEST_CASE("money in JSON reads 12.50 and typed text cannot imitate it") {
    const std::string text =
        exchange::dump_json({{"cost", exchange::money_json(Money::from_cents(1250))},
                             {"note", "\uE000money00000000:1.00"}});
    CHECK(text.find("\"cost\":12.50") != std::string::npos);
    CHECK(text.find("money00000000:1.00") != std::string::npos);
}

TEST_CASE("a streamed JSON array is byte for byte the array dumped at once") {
    for (const int rows : {0, 1, 2, 3, 700}) {
        json arr = json::array();
        for (int k = 0; k < rows; ++k)
            arr.push_back(awkward_row(k));
        for (const int indent : {-1, 0, 2, 4}) {
            INFO("rows " << rows << " indent " << indent);
            CHECK(streamed(arr, indent) == exchange::dump_json(arr, indent));
        }
    }
}

TEST_CASE("a streamed JSON array of 20000 rows leaves no money marker behind") {
    // 20,000 rows of 13 amounts each: replacing in place moved the whole text per amount (about
    // 260,000 moves of up to 10 MB); the streamed writer looks at each byte a few times.
    std::ostringstream out;
    exchange::JsonWriter w(out, 2);
    json row;
    for (int k = 0; k < 13; ++k)
        row["m" + std::to_string(k)] = exchange::money_json(Money::from_cents(k * 101));
    w.begin_array();
    for (int k = 0; k < 20'000; ++k)
        w.piece(row);
    w.end_array().finish();
    const std::string text = out.str();
    CHECK(text.find("\uE000") == std::string::npos);
    CHECK(text.find("\"m12\": 12.12") != std::string::npos);
}
