// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_writer.h"

#include "exchange/json_money.h"

#include <charconv>
#include <stdexcept>

namespace rapport::exchange {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

// The length of the well-formed UTF-8 sequence starting at s[i] (Unicode 15, table 3-7: no
// overlong forms, no surrogates, nothing past U+10FFFF), or 0. nlohmann's decoder accepts
// exactly these.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) -> unsigned {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const unsigned b0 = at(0);
    const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        const unsigned b = at(k);
        return b >= lo && b <= hi;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return cont(1) ? 2 : 0;
    if (b0 == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (b0 == 0xED)
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (b0 == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (b0 == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

void append_number(std::string& out, std::uint64_t n) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end);
}

} // namespace

JsonWriter::JsonWriter(std::ostream& out, int indent) : m_out(out), m_indent(indent) {
    m_buffer.reserve(kFlushAt + 4096);
}

JsonWriter::~JsonWriter() {
    if (!m_buffer.empty())
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
}

void JsonWriter::newline_and_indent(std::size_t depth) {
    m_buffer += '\n';
    m_buffer.append(depth * std::size_t(m_indent), ' ');
}

// nlohmann's layout: a container's first element follows "[" or "{" (on a line of its own when
// indenting), the next ones a comma.
void JsonWriter::before_value() {
    flush_if_full();
    if (m_levels.empty())
        return;
    Level& top = m_levels.back();
    if (top.object) {
        if (!top.key_pending)
            throw std::logic_error("JsonWriter: a value in an object needs its key first");
        top.key_pending = false;
        return;
    }
    if (top.count++ > 0)
        m_buffer += ',';
    if (m_indent >= 0)
        newline_and_indent(m_levels.size());
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (m_levels.empty() || !m_levels.back().object || m_levels.back().key_pending)
        throw std::logic_error("JsonWriter: a key outside an object or after another key");
    Level& top = m_levels.back();
    if (top.count > 0 && name <= std::string_view(top.last_key))
        throw std::logic_error("JsonWriter: the key \"" + std::string(name) + "\" comes after \"" +
                               top.last_key + "\"; nlohmann writes keys in sorted order");
    if (top.count++ > 0)
        m_buffer += ',';
    if (m_indent >= 0)
        newline_and_indent(m_levels.size());
    escape(name);
    m_buffer += m_indent >= 0 ? ": " : ":";
    top.last_key.assign(name);
    top.key_pending = true;
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    m_buffer += '{';
    m_levels.push_back(Level{true, 0, {}, false});
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    m_buffer += '[';
    m_levels.push_back(Level{false, 0, {}, false});
    return *this;
}

void JsonWriter::close(bool object) {
    if (m_levels.empty() || m_levels.back().object != object || m_levels.back().key_pending)
        throw std::logic_error("JsonWriter: closing what is not open, or a key without value");
    const bool empty = m_levels.back().count == 0;
    m_levels.pop_back();
    if (!empty && m_indent >= 0)
        newline_and_indent(m_levels.size());
    m_buffer += object ? '}' : ']';
}

JsonWriter& JsonWriter::end_object() {
    close(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(false);
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    escape(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    if (number < 0)
        m_buffer += '-';
    append_number(m_buffer, number < 0 ? static_cast<std::uint64_t>(-(number + 1)) + 1
                                       : static_cast<std::uint64_t>(number));
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    m_buffer += flag ? "true" : "false";
    return *this;
}

// format_amount's text (core/money.h), without a string of its own per amount.
JsonWriter& JsonWriter::value(Money amount) {
    before_value();
    const std::int64_t c = amount.cents;
    const std::uint64_t abs =
        c < 0 ? static_cast<std::uint64_t>(-(c + 1)) + 1 : static_cast<std::uint64_t>(c);
    if (c < 0)
        m_buffer += '-';
    append_number(m_buffer, abs / 100);
    m_buffer += '.';
    m_buffer += static_cast<char>('0' + abs % 100 / 10);
    m_buffer += static_cast<char>('0' + abs % 10);
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_buffer += "null";
    return *this;
}

JsonWriter& JsonWriter::piece(const nlohmann::json& j) {
    before_value();
    const std::string pad =
        m_indent >= 0 ? std::string(m_levels.size() * std::size_t(m_indent), ' ') : "";
    append_dumped_json(m_buffer, j, m_indent, pad);
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view text) {
    if (!m_levels.empty())
        throw std::logic_error("JsonWriter: raw text inside an object or array");
    flush_if_full();
    m_buffer.append(text);
    return *this;
}

// nlohmann's escaping with ensure_ascii off: '"', '\\' and the control characters escaped
// (\b \t \n \f \r, else \u00xx), everything else as it is. Text that is not well-formed UTF-8
// is rare (it came from outside): nlohmann writes it, with its replacement characters.
void JsonWriter::escape(std::string_view s) {
    const std::size_t start = m_buffer.size();
    m_buffer += '"';
    std::size_t run = 0; // the bytes from here to i are copied as they are
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence(s, i);
            if (n == 0) {
                m_buffer.resize(start);
                m_buffer += nlohmann::json(std::string(s))
                                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += n;
            continue;
        }
        m_buffer.append(s.data() + run, i - run);
        switch (c) {
        case '"':
            m_buffer += "\\\"";
            break;
        case '\\':
            m_buffer += "\\\\";
            break;
        case '\b':
            m_buffer += "\\b";
            break;
        case '\t':
            m_buffer += "\\t";
            break;
        case '\n':
            m_buffer += "\\n";
            break;
        case '\f':
            m_buffer += "\\f";
            break;
        case '\r':
            m_buffer += "\\r";
            break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            m_buffer += "\\u00";
            m_buffer += hex[c >> 4];
            m_buffer += hex[c & 0xF];
        }
        }
        run = ++i;
    }
    m_buffer.append(s.data() + run, s.size() - run);
    m_buffer += '"';
}

void JsonWriter::finish() {
    if (!m_levels.empty())
        throw std::logic_error("JsonWriter: finished with an object or array still open");
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

void JsonWriter::flush_if_full() {
    if (m_buffer.size() < kFlushAt)
        return;
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

} // namespace rapport::exchange
