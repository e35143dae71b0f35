// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv_writer.h"

#include "core/errors.h"

#include <fmt/format.h>

#include <iterator>
#include <ostream>
#include <stdexcept>

namespace rapport {
namespace {

// Flush to the stream once this much is buffered: large enough that the stream is called
// rarely, small enough not to hold a whole export in memory.
constexpr std::size_t kFlushAt = 256 * 1024;

bool starts_formula(std::string_view cell) {
    if (cell.empty())
        return false;
    switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// RFC 4180 needs quotes around the separator, " CR LF. Leading or trailing blanks are quoted
// too: many readers (libcsv, spreadsheet import dialogs) trim them from unquoted cells.
bool needs_quotes(std::string_view cell, bool guarded, char separator) {
    if (cell.empty())
        return false;
    if ((!guarded && is_blank(cell.front())) || is_blank(cell.back()))
        return true;
    for (const char c : cell) {
        if (c == separator || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

void append_text_cell(std::string& out, std::string_view cell, bool formula_guard, char separator) {
    const bool guarded = formula_guard && starts_formula(cell);
    if (!needs_quotes(cell, guarded, separator)) {
        if (guarded)
            out += '\'';
        out.append(cell);
        return;
    }
    out += '"';
    if (guarded)
        out += '\'';
    // Copy runs between quotes in one go; each quote is doubled.
    std::size_t from = 0;
    for (std::size_t q = cell.find('"'); q != std::string_view::npos; q = cell.find('"', from)) {
        out.append(cell.substr(from, q + 1 - from));
        out += '"';
        from = q + 1;
    }
    out.append(cell.substr(from));
    out += '"';
}

} // namespace

std::string csv_text_cell(std::string_view cell, bool formula_guard, CsvDialect dialect) {
    std::string out;
    append_text_cell(out, cell, formula_guard, csv_field_separator(dialect));
    return out;
}

CsvWriter::CsvWriter(std::ostream& out, CsvWriterOptions options)
    : m_out(out), m_options(options), m_separator(csv_field_separator(options.dialect)),
      m_decimal_mark(csv_decimal_mark(options.dialect)) {
    m_buffer.reserve(kFlushAt + 4096);
    if (m_options.byte_order_mark)
        m_buffer.append("\xEF\xBB\xBF");
    m_row_start = m_buffer.size();
}

CsvWriter::~CsvWriter() {
    // A destructor must not throw; finish() is where failures are reported.
    try {
        flush_buffer();
    } catch (...) {
    }
}

void CsvWriter::header(std::initializer_list<std::string_view> names) {
    if (m_rows != 0 || m_fields_in_row != 0)
        throw std::logic_error("CsvWriter::header() must come before any row");
    if (names.size() == 0)
        throw std::logic_error("CsvWriter::header() needs at least one name");
    row(names);
}

void CsvWriter::begin_cell() {
    if (m_fields_in_row != 0)
        m_buffer += m_separator;
    ++m_fields_in_row;
}

CsvWriter& CsvWriter::text(std::string_view cell) {
    begin_cell();
    append_text_cell(m_buffer, cell, m_options.formula_guard, m_separator);
    return *this;
}

CsvWriter& CsvWriter::number(std::int64_t value) {
    begin_cell();
    fmt::format_to(std::back_inserter(m_buffer), "{}", value);
    return *this;
}

CsvWriter& CsvWriter::amount(Money value) {
    begin_cell();
    m_buffer.append(format_amount(value)); // short enough for the small-string buffer
    if (m_decimal_mark != '.')
        m_buffer[m_buffer.size() - 3] = m_decimal_mark; // format_amount always ends in ".dd"
    return *this;
}

CsvWriter& CsvWriter::date(Date day) {
    begin_cell();
    fmt::format_to(std::back_inserter(m_buffer), "{:04}-{:02}-{:02}", int(day.year()),
                   unsigned(day.month()), unsigned(day.day()));
    return *this;
}

void CsvWriter::end_row() {
    const std::size_t fields = m_fields_in_row;
    const std::size_t expected = m_fields_expected != 0 ? m_fields_expected : fields;
    if (fields == 0 || fields != expected) {
        m_buffer.resize(m_row_start);
        m_fields_in_row = 0;
        throw std::logic_error(fmt::format("CSV row {} has {} fields; the header has {}",
                                           m_rows + 1, fields, expected));
    }
    m_fields_expected = expected;
    // A lone empty cell would be a blank line, which readers skip: quote it to keep the row.
    if (fields == 1 && m_buffer.size() == m_row_start)
        m_buffer.append("\"\"");
    m_buffer.append("\r\n");
    m_fields_in_row = 0;
    ++m_rows;
    if (m_buffer.size() >= kFlushAt)
        flush_buffer();
    m_row_start = m_buffer.size();
}

void CsvWriter::row(std::initializer_list<std::string_view> cells) {
    for (const std::string_view cell : cells)
        text(cell);
    end_row();
}

void CsvWriter::flush_buffer() {
    // Only whole rows leave the buffer, so a rejected row can still be taken back.
    if (m_row_start == 0)
        return;
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_row_start));
    m_buffer.erase(0, m_row_start);
    m_row_start = 0;
}

void CsvWriter::finish() {
    if (m_fields_in_row != 0)
        throw std::logic_error("CsvWriter::finish() called in the middle of a row");
    // Also writes a lone BOM: an empty export of a quiet month is still a valid file.
    flush_buffer();
    m_out.flush();
    if (!m_out)
        throw DataError(tr("The CSV file could not be written."));
}

} // namespace rapport
