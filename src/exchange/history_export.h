// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The owner's whole history, out: so they can always take their data elsewhere. Either one CSV
// file per record kind (ids kept, so rows link up across files) or one JSON document. Both are
// read from one snapshot of the database, so the files agree with each other.
#include "core/csv_dialect.h"
#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rapport::exchange {
using store::Database;

// Version of the JSON document's layout, written as "format_version". Each version only adds
// fields, so a reader of an older one finds everything where it was:
//   1  the first layout;
//   2  schema version 6: a customer's preferred_channel, preferred_time and wants_when_wrong
//      (core/contact_profile.h), and a customer's own follow_ups (calls that belong to no
//      incident; follow_ups.csv has the column customer_id, and interaction_id empty for them).
constexpr int kHistoryFormatVersion = 2;

struct HistoryCounts {
    std::int64_t customers = 0;
    std::int64_t tags = 0;
    std::int64_t customer_tags = 0;
    std::int64_t interactions = 0;
    std::int64_t resolutions = 0;
    std::int64_t follow_ups = 0;
    std::int64_t purchases = 0;
    std::int64_t settings = 0;
    std::int64_t category_defaults = 0;
};

// Writes customers.csv, tags.csv, customer_tags.csv, interactions.csv, resolutions.csv,
// follow_ups.csv, purchases.csv, settings.csv and category_defaults.csv into `dir` (created
// 0700 when missing). Each file is RFC 4180 with a BOM, written atomically with mode 0600.
// Text cells get the spreadsheet formula guard (a leading ') like every CSV Rapport writes;
// the JSON document keeps text exactly as typed. Money and margins are numbers with two
// decimals in `dialect` (core/csv_dialect.h: ',' and '.' or ';' and ','); none: the csv_dialect
// setting, else the dialect of this computer's language.
// Throws DataError when `dir` is a file or cannot be written.
HistoryCounts export_history_csv(Database& db, const std::filesystem::path& dir,
                                 std::optional<CsvDialect> dialect = std::nullopt);

// Writes one JSON document to `file` (atomically, 0600):
// {format_version, application, exported_at, settings: {key: value}, category_defaults: [...],
//  customers: [{..., tags: [...], follow_ups: [...]}], interactions: [{..., resolutions: [...],
//  follow_ups: [...]}], purchases: [...]}
// (a customer's follow_ups are those that belong to no incident, schema version 6)
// with the same field names as the CSV files and money as numbers with two decimals.
// Records are streamed one at a time, so a million interactions need little memory.
// `exported_at` is written as given (e.g. "2026-11-25T10:46:00Z").
HistoryCounts export_history_json(Database& db, const std::filesystem::path& file,
                                  const std::string& exported_at);

} // namespace rapport::exchange
