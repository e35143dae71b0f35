// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures each line of the customer list shows (complaints, last contact, money given
// back), kept in the table customer_figures instead of being counted again for every customer
// listed. Triggers keep them, in the same transaction as the change, whatever makes the change:
// the repositories, an undo, an import, a move to a server, a cascade from a deleted customer.
// A restore brings back a whole file, figures included (an older file is migrated).
//
// Why triggers and not the store's writes: a cascade (delete a customer, an incident) deletes
// rows no store code sees, and every writer (importer, demo, move_in, undo) would have to
// remember; the full-text tables on SQLite are kept the same way.
#include "store/database.h"

#include <functional>
#include <string>
#include <vector>

namespace rapport::store {

// The step that adds the kept figures to a database of the previous version and counts them
// from the records: one SQL text for a file, one for a shop's server. Kept apart from the rest
// of the migrations so the step can be renumbered without being rewritten.
extern const char* const kCustomerFiguresFileSql;
extern const char* const kCustomerFiguresServerSql;

// Counts every customer's figures again from the records and compares them with the kept ones,
// the worth sums kept by month too (store/worth_months.h).
// Returns one line per difference ("customer 12: complaints kept 3, counted 4"), at most
// `limit` of them; empty when they agree.
std::vector<std::string> check_customer_figures(Database& db, std::size_t limit = 20);

// Counts every customer's figures and worth months again and keeps the count (after a bulk load that ran with
// the triggers off, or to repair what check_customer_figures found).
void rebuild_customer_figures(Database& db);

// Runs a bulk `load` (a move into a shop's server) and then counts the figures once, inside one
// write transaction: on a server with the figures' triggers off during the load, on a file
// with them on.
void load_then_count_figures(Database& db, const std::function<void()>& load);

} // namespace rapport::store
