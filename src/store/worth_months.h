// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sums the worth model needs for the whole portfolio (`worth --all`, the portfolio view),
// kept per customer and calendar month in the table customer_worth_month instead of being
// summed again from a million incidents each time: purchases and their margin, minutes
// (incidents by their day, follow-ups by the day they were done), money given back and still on
// offer (by the incident's day), and the month's first purchase or incident day.
//
// The 365-day window is then the months it touches minus the part of its first month before it
// starts, and "up to today" is every month minus what is dated after today; both remainders are
// read from the records by their date indexes (store/worth_query.cpp), so no customer's history
// is rescanned.
//
// Kept like customer_figures (store/customer_figures.h) and for the same reasons: by triggers,
// in the same transaction as the change, whatever makes it (the repositories, undo, the
// importer, a cascade from a deleted customer or incident); a restore brings a whole file back
// with its months; the migration to version 5 counts them once.
#include "store/database.h"

#include <string>
#include <vector>

namespace rapport::store {

// From version 8 each customer also has a to-date row, the sum of all their months, under this
// month key (it sorts after every "YYYY-MM"): the whole portfolio reads it and the months of the
// last year, about 14 rows a customer instead of every month they ever had (32 in the 1M demo).
inline constexpr const char* kToDateMonth = "all";

// The table's columns in the order the store's statements name them.
inline constexpr const char* kWorthMonthColumns =
    "customer_id, month, first_day, purchases, margin_cent_bp, minutes, accepted, offered";

// The step from version 4: the table, its triggers and the purchase-by-day index (one text for a
// file, one for a shop's server); the migration then fills it with recount_worth_months.
const char* worth_months_file_sql();
const char* worth_months_server_sql();

// The step from version 5 (with the customer's profile, store/database.cpp): a follow-up may
// belong to a customer without an incident (follow_up.customer_id; exactly one of it and
// interaction_id is set), and the follow-up triggers find its customer either way.
const char* follow_up_owner_file_sql();
const char* follow_up_owner_server_sql();
// Version 5's triggers that read follow_up, as that step found them: for the migration tests,
// which take a file back to version 5 (tests/support/old_schema.h).
const char* version_5_follow_up_triggers_file_sql();

// The step from version 7: the to-date rows, kept by the same triggers (a file's are made
// again; a server's add and take functions are replaced) and summed once from the months.
const char* to_date_rows_file_sql();
const char* to_date_rows_server_sql();
// Version 8's worth triggers dropped and version 7's made, and a server's version 7 add and
// take functions, for the migration tests that take a database back to version 7.
const char* version_7_worth_triggers_file_sql();
const char* version_7_worth_functions_server_sql();

// The server's triggers by table, for turning them off during a bulk load (load_then_count).
extern const char* const kWorthMonthsTriggersOff;
extern const char* const kWorthMonthsTriggersOn;

// Counts every customer's months again from the records and compares them with the kept ones:
// one line per difference ("customer 12, 2026-03: minutes kept 40, counted 45"), at most
// `limit`; empty when they agree.
std::vector<std::string> check_worth_months(Database& db, std::size_t limit = 20);

// Replaces the kept months by a count from the records (read in one pass per table, written a
// few hundred rows per statement). Runs inside the caller's write.
void recount_worth_months(Database& db);

} // namespace rapport::store
