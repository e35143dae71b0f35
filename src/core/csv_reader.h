// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading the CSV a till or point-of-sale program exports, for imports: UTF-8 (a byte order mark
// is dropped), ',' or ';' between fields (European spreadsheets use ';'), quoted fields that may
// span lines. Each record keeps the line it starts on so an import can say "line 12: ...".
// Anything that is not UTF-8 text is refused with a sentence naming the line.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct CsvRecord {
    std::size_t line = 0; // 1-based line of the file where the record starts
    std::vector<std::string> fields;
};

struct CsvTable {
    char delimiter = ',';
    bool had_byte_order_mark = false;
    std::vector<CsvRecord> records; // blank lines are skipped; field counts may differ
};

// Parses a whole file's bytes. Spaces and tabs around unquoted fields are dropped (tills pad
// columns); inside quotes everything is kept. Throws DataError: "The file is empty.", text
// that is not UTF-8 or holds zero bytes, a misplaced or unclosed quote, each naming the line.
CsvTable read_csv(std::string_view bytes);

// Reads `path` and parses it; a file that cannot be read is a DataError naming it.
CsvTable read_csv_file(const std::filesystem::path& path);

// ';' when the first non-blank line (quotes respected) has more semicolons than commas outside
// quotes, else ','. Expects text without a byte order mark.
char detect_csv_delimiter(std::string_view text);

// Column names tills commonly use (English, French, German, Dutch, Spanish), for
// looks_like_header().
std::span<const std::string_view> common_column_names();

// True when `cells` reads like a header row: no cell looks like a value (an amount, a date, a
// number like "12,50" or "25/11/2026") and at least one cell is a known column name. Names
// compare ignoring ASCII case, spaces, '_', '-' and '.', so "E-mail" matches "email".
bool looks_like_header(const std::vector<std::string>& cells,
                       std::span<const std::string_view> known_names = common_column_names());

} // namespace rapport
