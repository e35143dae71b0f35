// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two CSV dialects spreadsheet programs read, chosen by the language they are set to. Where
// the decimal mark is '.' (English), fields are split by ','; where it is ',' (German, French
// and most of Europe), Excel and LibreOffice split fields by ';' and read "1234,56" as a number
// but "1234.56" as text, so a column of amounts in the wrong dialect cannot be summed.
// Dates stay ISO 8601 (2026-11-25) in both: Excel and Calc read them as dates in any language.
#include <optional>
#include <string_view>

namespace rapport {

enum class CsvDialect {
    comma,     // ',' between fields, '.' as the decimal mark: spreadsheets set to English
    semicolon, // ';' between fields, ',' as the decimal mark: spreadsheets set to German
};

char csv_field_separator(CsvDialect d); // ',' or ';'
char csv_decimal_mark(CsvDialect d);    // '.' or ','

// "comma" or "semicolon": what `settings get csv_dialect` prints and --csv-dialect takes.
std::string_view to_key(CsvDialect d);

// "comma" or "semicolon", or the language of the spreadsheet: "en" (comma) or "de"
// (semicolon), case-insensitive. "auto" gives nullopt: the dialect of this computer's language.
// Throws InputError naming the choices on anything else.
std::optional<CsvDialect> parse_csv_dialect(std::string_view text);

// The dialect of a locale whose decimal mark is `decimal_mark` (",": semicolon, else comma).
CsvDialect csv_dialect_for_decimal_mark(std::string_view decimal_mark);

// The dialect the spreadsheets on this computer expect: from the decimal mark of the user's
// number format (LC_ALL, LC_NUMERIC or LANG on Linux; the regional settings on Windows).
// A locale that is not installed counts as "C": comma.
CsvDialect system_csv_dialect();

} // namespace rapport
