// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON written as it is produced: no document tree, no text of the whole document, and each
// value escaped and copied once, so the time is linear in the output and the memory that of a
// 64 KiB buffer. The text is byte for byte what dump_json() (exchange/json_money.h) gives for
// the same document: nlohmann's layout for `indent` (-1: one line), its string escaping (invalid
// UTF-8 replaced), and money as numbers with exactly two decimals.
//
// nlohmann keeps an object's keys sorted (bytewise), so the keys of an object must be written
// in that order; a key out of order throws std::logic_error rather than write a different text.
//
//     JsonWriter w(std::cout, 2);
//     w.begin_object().field("amount", Money{1250}).field("name", "Zoë").end_object();
//     w.finish();
#include "core/money.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::exchange {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out, int indent = -1);
    // Hands over what is still buffered (as finish() does, without its checks).
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The next key of the open object: after the one before it in bytewise order.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(std::int64_t(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& value(Money amount); // 12.50, -0.05
    JsonWriter& value(std::nullptr_t) { return null(); }
    template <typename T> JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }
    JsonWriter& null();
    // A small piece built with nlohmann (money_json placeholders allowed), laid out in place.
    JsonWriter& piece(const nlohmann::json& j);

    template <typename T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    // Text written as it is, outside any value: the history file's own top-level layout.
    // Only between top-level values.
    JsonWriter& raw(std::string_view text);

    // Writes everything buffered; throws std::logic_error when an object or array is open.
    void finish();

private:
    struct Level {
        bool object = false;
        std::int64_t count = 0;
        std::string last_key;
        bool key_pending = false;
    };
    void before_value();
    void close(bool object);
    void newline_and_indent(std::size_t depth);
    void escape(std::string_view text);
    void flush_if_full();

    std::ostream& m_out;
    int m_indent;
    std::vector<Level> m_levels;
    std::string m_buffer;
};

} // namespace rapport::exchange
