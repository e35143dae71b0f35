// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV as RFC 4180 describes it and spreadsheet programs open it: CRLF line ends, quoted cells
// where needed, the same number of fields on every row, an optional UTF-8 byte order mark (Excel
// guesses the wrong encoding without it) and a guard so no text cell runs as a formula. The
// dialect (core/csv_dialect.h) sets the field separator and the decimal mark of amounts.
#include "core/csv_dialect.h"
#include "core/dates.h"
#include "core/money.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>

namespace rapport {

struct CsvWriterOptions {
    bool byte_order_mark = true;
    // Text cells starting with = + - @ TAB or CR get a leading ' so a spreadsheet shows them
    // instead of evaluating them (CSV injection). Numbers written with number()/amount() are
    // never guarded, so "-12.50" stays a number. LibreOffice Calc shows the ' (Excel hides it).
    bool formula_guard = true;
    // ',' and '.' (English spreadsheets) or ';' and ',' (German ones).
    CsvDialect dialect = CsvDialect::comma;
};

// Builds rows cell by cell into one buffer and hands it to the stream in large blocks, so a
// year of exports (~100k rows) costs no allocation per cell.
//
//     CsvWriter csv(out);
//     csv.header({"date", "customer", "amount"});
//     csv.date(d).text(name).amount(cost).end_row();
//     csv.finish();
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out, CsvWriterOptions options = {});
    // Hands over what is still buffered; call finish() to learn whether the stream failed.
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    // The first row; every later row must have as many fields. Only allowed before any row.
    void header(std::initializer_list<std::string_view> names);

    CsvWriter& text(std::string_view cell);
    CsvWriter& number(std::int64_t value);
    CsvWriter& amount(Money value); // "1234.50", "-3.00" (semicolon: "1234,50"), never guarded
    CsvWriter& date(Date day);      // "2026-11-25"

    // Ends the row. Throws std::logic_error (a programming mistake, not the user's) when its
    // field count differs from the first row's; the faulty row is dropped, earlier rows stay.
    void end_row();
    // A whole row of text cells.
    void row(std::initializer_list<std::string_view> cells);

    // Writes everything buffered to the stream; throws DataError if the stream failed.
    void finish();

    std::size_t rows_written() const { return m_rows; } // including the header
    std::size_t field_count() const { return m_fields_expected; }

private:
    void begin_cell();
    void flush_buffer();

    std::ostream& m_out;
    CsvWriterOptions m_options;
    char m_separator = ',';
    char m_decimal_mark = '.';
    std::string m_buffer;
    std::size_t m_row_start = 0;       // where the current row begins in m_buffer
    std::size_t m_fields_expected = 0; // 0 until the first row ends
    std::size_t m_fields_in_row = 0;
    std::size_t m_rows = 0;
};

// One cell as CsvWriter writes it (guarded and quoted as needed), for tests and previews.
std::string csv_text_cell(std::string_view cell, bool formula_guard = true,
                          CsvDialect dialect = CsvDialect::comma);

} // namespace rapport
