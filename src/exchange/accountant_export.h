// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The accountant's export: every accepted resolution that cost the shop money, for an
// inclusive date range (by the day of the incident), as CSV or XLSX, with totals by resolution
// type and by month. The window's export dialog and `rapport-cli export accountant` both call
// export_accountant(); the dialog can show accountant_totals() before anything is written.
#include "core/csv_dialect.h"
#include "core/dates.h"
#include "core/enums.h"
#include "core/money.h"
#include "core/records.h"
#include "store/database.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::exchange {
using store::Database;

// One exported line. The text views point into the database row and are valid only during
// the callback that receives them, so streaming a year costs no allocation per row.
struct AccountantRow {
    Date date; // the incident's day
    std::string_view customer;
    Id customer_id = 0;
    Id interaction_id = 0;
    Category category = Category::other;
    ResolutionType type = ResolutionType::other;
    Money amount;
    std::string_view summary;
};

struct AccountantTypeTotal {
    ResolutionType type = ResolutionType::other;
    std::size_t rows = 0;
    Money amount;
};

struct AccountantMonthTotal {
    int year = 0;
    unsigned month = 0; // 1..12
    std::size_t rows = 0;
    Money amount;
    std::string label() const; // "2026-11"
};

struct AccountantTotals {
    std::vector<AccountantTypeTotal> by_type;   // in the order of all_resolution_types()
    std::vector<AccountantMonthTotal> by_month; // oldest first; months without rows left out
    std::size_t rows = 0;
    Money total;
};

// Refuses an impossible or reversed range with an InputError naming both days.
void check_export_range(Date from, Date to);

// Streams the rows of [from, to] in date order (then incident, then resolution id) into `row`,
// and returns their totals.
AccountantTotals for_each_accountant_row(Database& db, Date from, Date to,
                                         const std::function<void(const AccountantRow&)>& row);

// The totals alone, summed by SQL, for a preview before exporting.
AccountantTotals accountant_totals(Database& db, Date from, Date to);

enum class AccountantFormat { csv, xlsx };

struct AccountantExportResult {
    AccountantTotals totals;
    std::string currency;                   // the shop's currency setting, written on every row
    CsvDialect dialect = CsvDialect::comma; // what the CSV was written in (unused for XLSX)
};

// Writes the export to `out` atomically with mode 0600: the file appears whole or not at all.
// CSV: RFC 4180, CRLF, UTF-8 with a BOM, text guarded against formulas, in `dialect`: ',' and
// '.' or ';' and ',' (core/csv_dialect.h); none: the csv_dialect setting, else the dialect of
// this computer's language. Dates are ISO 8601 in both dialects.
// XLSX: a "Resolutions" sheet of real dates and numbers (header row frozen, with a filter) and
// a "Totals" sheet by resolution type and by month with a grand total.
// Throws InputError for a bad range, DataError when the file cannot be written.
AccountantExportResult export_accountant(Database& db, Date from, Date to, AccountantFormat format,
                                         const std::filesystem::path& out,
                                         std::optional<CsvDialect> dialect = std::nullopt);

// The column names of both formats, in order.
const std::vector<std::string_view>& accountant_columns();

// The XLSX half of export_accountant (accountant_xlsx.cpp, the one user of libxlsxwriter);
// `out` is the temporary file export_accountant renames into place.
AccountantTotals write_accountant_xlsx(Database& db, Date from, Date to,
                                       const std::string& currency,
                                       const std::filesystem::path& out);

} // namespace rapport::exchange
