// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Money in JSON as a number with exactly two decimals (12.50, not 12.5), for every JSON the
// program writes: the CLI's --json output and the full-history export.
#include "core/money.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <ostream>
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

// Writes a JSON array one element at a time, byte for byte what dump_json() of the whole array
// gives, so a list of any length is neither held as one document nor as one text: memory stays
// that of one element, and the time is linear in the output.
//
//     JsonArrayWriter arr(std::cout, 2);
//     for (const auto& r : rows)
//         arr.add(to_json(r));
//     arr.finish();
class JsonArrayWriter {
public:
    JsonArrayWriter(std::ostream& out, int indent = -1);
    // Hands over what is still buffered; call finish() to close the array.
    ~JsonArrayWriter();
    JsonArrayWriter(const JsonArrayWriter&) = delete;
    JsonArrayWriter& operator=(const JsonArrayWriter&) = delete;

    void add(const nlohmann::json& element);
    // Writes the closing bracket (no newline after it) and everything buffered.
    void finish();

private:
    void flush_if_full();

    std::ostream& m_out;
    int m_indent;
    std::int64_t m_count = 0;
    bool m_finished = false;
    std::string m_buffer;
};

} // namespace rapport::exchange
