// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for the CSV importer end to end (issue 19): the bytes are a file the owner picked,
// read as the importer reads it, its columns guessed, previewed and imported as customers and as
// purchases into a fresh database. Refusals (InputError, DataError) are fine; anything else is a
// bug, and so is an import that is half there: a refused import changes nothing, a written one
// adds exactly the customers it counted, and the customers' kept figures match a recount.
#include "core/csv_reader.h"
#include "core/errors.h"
#include "exchange/importer.h"
#include "store/customer_figures.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace rapport;

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_import: %s: %s\n", what, detail.c_str());
    std::abort();
}

std::int64_t count(store::Database& db, const char* table) {
    return sqlite(db).execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

void import_as(exchange::ImportKind kind, const CsvTable& table, bool skip_bad_rows) {
    auto db = store::Database::open_in_memory();
    // Known customers for the rows to match by name, phone or email.
    store::CustomerRepo customers(db);
    customers.add(
        Customer{.name = "Anna Schmidt", .phone = "030 123", .email = "anna@example.org"});
    customers.add(Customer{.name = "Ben", .phone = "", .email = "ben@example.org"});
    try {
        (void)exchange::preview_import(db, kind, table, {});
    } catch (const SentenceError&) {
    }
    const std::int64_t before_customers = count(db, "customer");
    const std::int64_t before_purchases = count(db, "purchase");
    exchange::ImportOptions options;
    options.skip_bad_rows = skip_bad_rows;
    bool written = false;
    exchange::ImportCounts counts;
    try {
        const auto result = exchange::run_import(db, kind, table, options);
        written = result.written;
        counts = result.preview.counts;
    } catch (const SentenceError&) {
    }
    const std::int64_t added_customers = count(db, "customer") - before_customers;
    const std::int64_t added_purchases = count(db, "purchase") - before_purchases;
    if (!written && (added_customers != 0 || added_purchases != 0))
        broken("an import that was not written changed the database",
               std::to_string(added_customers) + " customers, " + std::to_string(added_purchases) +
                   " purchases");
    if (written && kind == exchange::ImportKind::customers &&
        added_customers != static_cast<std::int64_t>(counts.new_customers))
        broken("the import added another number of customers than it counted",
               std::to_string(added_customers) + " vs " + std::to_string(counts.new_customers));
    if (written && kind == exchange::ImportKind::purchases &&
        added_purchases != static_cast<std::int64_t>(counts.purchases))
        broken("the import added another number of purchases than it counted",
               std::to_string(added_purchases) + " vs " + std::to_string(counts.purchases));
    if (const auto problems = store::check_customer_figures(db); !problems.empty())
        broken("the kept figures differ from a recount", problems.front());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    CsvTable table;
    try {
        table = read_csv(bytes);
    } catch (const SentenceError&) {
        return 0; // not a CSV file the importer takes: refused with a sentence
    }
    for (const auto kind : {exchange::ImportKind::customers, exchange::ImportKind::purchases}) {
        import_as(kind, table, false);
        import_as(kind, table, true);
    }
    return 0;
}
