// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bringing customers and purchases in from the CSV a till, a spreadsheet or another program
// exports. Three steps, the same for the window and the command line:
//   1. read_import_file(): the file's records (comma or semicolon, UTF-8 with or without a
//      BOM, quoted line breaks), or a DataError sentence for a missing, empty or binary file;
//   2. preview_import(): which column holds what (found from the header, or chosen by the
//      user), every row checked, errors with the file's line numbers, what would be new and
//      what matches a customer already known: nothing is written;
//   3. run_import(): the same checks and the writing in ONE transaction. With any bad row
//      nothing is written, unless the user chose to skip bad rows.
// Customers are matched by email, then phone, then exact name (ignoring letter case) instead
// of being added twice; a name match is refused when the email or phone on both sides differ.
#include "core/csv_reader.h"
#include "core/message.h"
#include "core/records.h"
#include "store/database.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport::exchange {
using store::Database;

enum class ImportKind { customers, purchases };

// What a column can hold. For purchases, name, email and phone identify the customer.
enum class ImportField {
    name,       // full name
    first_name, // joined with last_name when there is no full-name column
    last_name,
    phone,
    email,
    note,        // customers only
    customer_id, // purchases: Rapport's own customer id (as in purchases.csv of a history export)
    date,        // purchases: YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (day first), a time is ignored
    amount,      // purchases: 12.50, or 12,50 in a ';'-separated file; a currency sign is ignored
    margin,      // purchases, optional: percent; the shop's default margin when empty
    // Purchases from a till's or web shop's order export (Shopify, WooCommerce, Square, SumUp):
    order,     // the order or receipt number: never the customer; rows repeating it are one
               // order spread over line items (only its first row carries the totals)
    status,    // "refunded", "cancelled", "voided", "failed", "pending": not a purchase
    refunded,  // money given back on the order: a partly refunded order counts the rest
    cancelled, // a date here means the order was cancelled
};

std::string_view to_key(ImportField f);   // "first_name": what --map takes
std::string_view to_label(ImportField f); // "First name": what the window shows
// The fields a kind of import understands, in display order.
std::span<const ImportField> import_fields(ImportKind kind);
// "first_name", "first-name", "First Name" → ImportField; InputError lists the known keys.
ImportField parse_import_field(std::string_view text, ImportKind kind);

// Which column (0-based) holds each field.
using ColumnMapping = std::map<ImportField, std::size_t>;

// A user's choice for one field: a column name from the header, or its number from 1. An
// empty column means "this field is in no column".
struct ColumnChoice {
    ImportField field;
    std::string column;
};

// Parses "name=Kunde,phone=3,margin=" (what --map takes); InputError on a bad field or shape.
std::vector<ColumnChoice> parse_column_map(std::string_view spec, ImportKind kind);

struct ImportOptions {
    // The window's mapping: replaces the automatic one entirely when set.
    std::optional<ColumnMapping> mapping;
    // --map: changes single fields of the automatic mapping.
    std::vector<ColumnChoice> choices;
    // Forget the columns remembered for this file's header (see remembered_columns below) and
    // find them afresh.
    bool forget_remembered = false;
    // The day a chosen mapping is remembered with; today when not set.
    std::optional<Date> today;
    // Whether the first record names the columns; detected when not set.
    std::optional<bool> has_header;
    // Import the good rows and report the bad ones, instead of importing nothing.
    bool skip_bad_rows = false;
};

struct ImportRowError {
    std::size_t line = 0; // line of the file where the record starts
    std::string message;  // "line 7: the date \"31.02.2026\" is not a real day." (English)
    Message reason;       // the same without "line 7: ", for the window to translate
};

struct ImportCounts {
    std::size_t rows = 0; // data rows in the file
    std::size_t good = 0;
    std::size_t bad = 0;
    // Customers import: rows that add a customer / that match one already known (or an
    // earlier row of the same file); matched ones may have a blank phone or email filled in.
    std::size_t new_customers = 0;
    std::size_t matched = 0;
    std::size_t filled_in = 0;
    // How matched rows (customers) or buyers (purchases) were found.
    std::size_t by_id = 0, by_email = 0, by_phone = 0, by_name = 0, by_earlier_row = 0;
    // Purchases import: rows to add / rows already recorded (same customer, day and amount)
    // that are skipped so importing a file twice does not count its sales twice.
    std::size_t purchases = 0;
    std::size_t already_recorded = 0;
    // Order exports: further line-item rows of an order already counted (one purchase per
    // order), and orders that are no purchase: refunded in full, cancelled, or never paid
    // (voided, failed, pending). Partly refunded orders count what was kept.
    std::size_t order_lines = 0;
    std::size_t refunded = 0, cancelled = 0, unpaid = 0;
    std::size_t partly_refunded = 0;
};

struct ImportPreview {
    ImportKind kind = ImportKind::customers;
    char delimiter = ',';
    bool has_header = false;
    std::size_t header_line = 0;      // 0 without a header
    std::vector<std::string> columns; // header names, or "Column 1", "Column 2", ...
    std::vector<CsvRecord> sample;    // the first data rows as read, for the preview table
    ColumnMapping mapping;
    // Set when the mapping is the one the owner chose for a file with this header before:
    // the day they chose it ("Using the columns you chose on 2026-03-04").
    std::optional<Date> remembered_on;
    // Why nothing can be imported at all (no column holds the name; a header but no rows),
    // else empty. Rows are not checked then.
    Message problem;
    std::vector<ImportRowError> errors; // every bad row, in file order
    ImportCounts counts;
};

struct ImportResult {
    ImportPreview preview;
    bool written = false; // true once the transaction committed
};

// Reads the file for an import; DataError with a sentence for a missing, unreadable, empty,
// binary or non-UTF-8 file.
CsvTable read_import_file(const std::filesystem::path& path);

// Checks everything and writes nothing. InputError when a user's column choice names no
// column of the file. `sample_rows` limits preview.sample only; every row is checked.
ImportPreview preview_import(Database& db, ImportKind kind, const CsvTable& table,
                             const ImportOptions& options, std::size_t sample_rows = 20);

// Checks and writes in one write transaction. Writes nothing (written = false) when there is
// a problem, or any row is bad and options.skip_bad_rows is false; otherwise the
// good rows are written together. Already-recorded purchases are skipped, not errors.
ImportResult run_import(Database& db, ImportKind kind, const CsvTable& table,
                        const ImportOptions& options);

// A mapping the owner chose (--map, or the window's choices) is remembered in the setting
// table when the import is written, keyed by the import kind and the header row; the next file
// with the same header uses it. Not on a shop server for staff (they may not change settings).
std::string remembered_columns_key(ImportKind kind, const std::vector<std::string>& columns);
// Forgets the columns remembered for this header; false when none were.
bool forget_remembered_columns(Database& db, ImportKind kind,
                               const std::vector<std::string>& columns);
// The same for the header row of `table` (its first record), detected or not.
bool forget_remembered_columns(Database& db, ImportKind kind, const CsvTable& table);

// Exposed for tests: the day in "2026-11-25", "25.11.2026", "25/11/2026" (a trailing time is
// ignored: with or without an offset like "+0100" it is the shop's clock; only a time in UTC,
// "2026-03-04T23:30:00Z", is turned into this computer's local day), and an amount or percent as
// tills write it; std::nullopt when not understood.
std::optional<Date> parse_import_date(std::string_view text);
std::optional<Money> parse_import_amount(std::string_view text, char delimiter);

} // namespace rapport::exchange
