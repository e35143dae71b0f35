// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming JSON writer: byte for byte nlohmann's text (via dump_json) for the same
// document, at every indent, for awkward text and invalid UTF-8; and it refuses keys out of
// nlohmann's order rather than write a different text.
#include "exchange/json_money.h"
#include "exchange/json_writer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

using namespace rapport;
using exchange::JsonWriter;
using nlohmann::json;

namespace {

// Text users type, and text that came from outside (an import): control characters, quotes,
// every UTF-8 length, and byte sequences that are not UTF-8 at all.
const std::vector<std::string> kTexts = {
    "",
    "plain",
    "Zoë \"quoted\" \\ back",
    "line\nbreak\r\ttab\b\f",
    std::string("nul\0byte", 8),
    "\x01\x1f\x7f",
    "\xc2\x80 \xdf\xbf \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80 \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf",
    "emoji \xf0\x9f\x98\x80 end",
    "\xff",
    "cut \xc3",
    "overlong \xc0\x80",
    "overlong \xe0\x80\xaf",
    "surrogate \xed\xa0\x80",
    "past max \xf4\x90\x80\x80",
    "stray \x80 continuation",
    "\xe2\x82",
    "\uE000money00000000:12.50",
};

// Builds the same random document twice: as nlohmann's tree and through the writer, which
// needs each object's keys in sorted order (nlohmann keeps them so).
json generate(std::mt19937& rng, JsonWriter& w, int depth) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const int kind = depth >= 3 ? pick(6) : pick(8);
    switch (kind) {
    case 0: {
        const std::string& s = kTexts[std::size_t(pick(int(kTexts.size())))];
        w.value(s);
        return s;
    }
    case 1: {
        const std::int64_t n =
            pick(3) == 0 ? std::numeric_limits<std::int64_t>::min() + pick(2) : pick(2001) - 1000;
        w.value(n);
        return n;
    }
    case 2: {
        const bool b = pick(2) == 1;
        w.value(b);
        return b;
    }
    case 3:
        w.null();
        return nullptr;
    case 4:
    case 5: {
        const Money m = Money::from_cents(pick(4) == 0 ? -pick(300) : pick(100000000));
        w.value(m);
        return exchange::money_json(m);
    }
    case 6: {
        json arr = json::array();
        w.begin_array();
        for (int k = pick(4); k > 0; --k)
            arr.push_back(generate(rng, w, depth + 1));
        w.end_array();
        return arr;
    }
    default: {
        std::set<std::string> keys;
        for (int k = pick(5); k > 0; --k)
            keys.insert(pick(3) == 0 ? kTexts[std::size_t(pick(8))]
                                     : "k" + std::to_string(pick(30)));
        json obj = json::object();
        w.begin_object();
        for (const auto& key : keys) {
            w.key(key);
            obj[key] = generate(rng, w, depth + 1);
        }
        w.end_object();
        return obj;
    }
    }
}

} // namespace

TEST_CASE("the JSON writer writes what nlohmann writes for random documents") {
    std::mt19937 rng(21);
    for (int doc = 0; doc < 400; ++doc) {
        for (const int indent : {-1, 0, 2, 4}) {
            std::ostringstream out;
            json tree;
            {
                JsonWriter w(out, indent);
                std::mt19937 same = rng; // the same document at every indent
                tree = generate(same, w, 0);
                w.finish();
            }
            INFO("document " << doc << " indent " << indent);
            REQUIRE(out.str() == exchange::dump_json(tree, indent));
        }
        rng.discard(97);
    }
}

TEST_CASE("the JSON writer escapes every byte as nlohmann does") {
    for (int b = 0; b < 256; ++b) {
        for (const std::string& text :
             {std::string(1, char(b)), "a" + std::string(1, char(b)) + "\xc3\xa9",
              std::string("\xe2") + char(b) + "\x82"}) {
            std::ostringstream out;
            JsonWriter w(out);
            w.value(text);
            w.finish();
            INFO("byte " << b);
            CHECK(out.str() == exchange::dump_json(json(text)));
        }
    }
}

TEST_CASE("the JSON writer lays out nested pieces and money like dump_json") {
    const json piece = {{"b", exchange::money_json(Money::from_cents(5))},
                        {"a", json::array({1, "x"})}};
    for (const int indent : {-1, 2}) {
        std::ostringstream out;
        JsonWriter w(out, indent);
        w.begin_object().key("list").begin_array().piece(piece).end_array().field(
            "m", Money::from_cents(-1));
        w.end_object().finish();
        json whole = {{"list", json::array({piece})},
                      {"m", exchange::money_json(Money::from_cents(-1))}};
        CHECK(out.str() == exchange::dump_json(whole, indent));
    }
}

TEST_CASE("the JSON writer refuses keys out of order and unclosed containers") {
    std::ostringstream out;
    JsonWriter w(out);
    w.begin_object().field("b", 1);
    CHECK_THROWS_AS(w.key("a"), std::logic_error);
    CHECK_THROWS_AS(w.key("b"), std::logic_error); // nlohmann keeps one value per key
    CHECK_THROWS_AS(w.finish(), std::logic_error);
    w.key("c");
    CHECK_THROWS_AS(w.end_object(), std::logic_error); // a key without its value
}
