// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Importing customers and purchases from till and spreadsheet CSV files: columns found by
// their names, rows checked with the file's line numbers, customers matched instead of
// duplicated, and nothing half-imported.
#include "../core/format_test_support.h"
#include "../support/test_database.h"
#include "export_test_support.h"

#include "exchange/history_export.h"
#include "exchange/importer.h"
#include "store/customers.h"
#include "store/purchases.h"
#include "store/settings_store.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;
using exchange::ImportField;
using exchange::ImportKind;
using format_test::TempDir;

namespace {

exchange::ImportPreview preview(store::Database& db, ImportKind kind, const std::string& csv,
                                exchange::ImportOptions options = {}) {
    return exchange::preview_import(db, kind, read_csv(csv), options);
}

exchange::ImportResult import(store::Database& db, ImportKind kind, const std::string& csv,
                              exchange::ImportOptions options = {}) {
    return exchange::run_import(db, kind, read_csv(csv), options);
}

std::int64_t customers(store::Database& db) {
    return export_test::count(db, "SELECT count(*) FROM customer");
}
std::int64_t purchases(store::Database& db) {
    return export_test::count(db, "SELECT count(*) FROM purchase");
}

std::vector<std::size_t> lines_of(const std::vector<exchange::ImportRowError>& errors) {
    std::vector<std::size_t> out;
    for (const auto& e : errors)
        out.push_back(e.line);
    return out;
}

} // namespace

TEST_CASE("a German till export with ',', a BOM and quoted line breaks is understood", "[import]") {
    auto db = test::fresh_database();
    const std::string csv = "\xEF\xBB\xBF"
                            "Kunde;Telefon;E-Mail;Notiz\r\n"
                            "Anna Schmidt;030 123;anna@example.org;\"Mag\r\nkeinen Kaffee\"\r\n"
                            "Jürgen Groß;;juergen@example.org;\r\n";
    const auto pv = preview(db, ImportKind::customers, csv);
    CHECK(pv.problem.empty());
    CHECK(pv.delimiter == ';');
    CHECK(pv.has_header);
    CHECK(pv.header_line == 1);
    CHECK(pv.columns == std::vector<std::string>{"Kunde", "Telefon", "E-Mail", "Notiz"});
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::name, 0},
                                                {ImportField::phone, 1},
                                                {ImportField::email, 2},
                                                {ImportField::note, 3}});
    CHECK(pv.counts.rows == 2);
    CHECK(pv.counts.new_customers == 2);
    CHECK(pv.sample.size() == 2);
    CHECK(pv.sample[1].line == 4); // the quoted line break moved Jürgen down a line
    CHECK(customers(db) == 0);     // a preview writes nothing

    const auto r = import(db, ImportKind::customers, csv);
    CHECK(r.written);
    const auto anna = store::CustomerRepo(db).resolve("anna schmidt");
    CHECK(anna.phone == "030 123");
    CHECK(anna.note == "Mag\r\nkeinen Kaffee");
    CHECK(store::CustomerRepo(db).resolve("Jürgen Groß").email == "juergen@example.org");
}

TEST_CASE("French and Spanish headers are recognised, and Nom with Prénom makes one name",
          "[import]") {
    auto db = test::fresh_database();
    auto pv = preview(db, ImportKind::customers,
                      "Nom,Prénom,Téléphone,Courriel\nDupont,Marie,01 23 45 67 89,m@example.fr\n");
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::last_name, 0},
                                                {ImportField::first_name, 1},
                                                {ImportField::phone, 2},
                                                {ImportField::email, 3}});
    import(db, ImportKind::customers,
           "Nom,Prénom,Téléphone,Courriel\nDupont,Marie,01 23 45 67 89,m@example.fr\n");
    CHECK(store::CustomerRepo(db).resolve("Marie Dupont").email == "m@example.fr");

    pv = preview(db, ImportKind::purchases,
                 "Fecha;Cliente;Importe;Margen\n25/11/2026;Marie Dupont;12,50;35\n");
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::date, 0},
                                                {ImportField::name, 1},
                                                {ImportField::amount, 2},
                                                {ImportField::margin, 3}});
    CHECK(pv.errors.empty());
    CHECK(pv.counts.purchases == 1);
}

TEST_CASE("existing customers are matched by email, then phone, then name, not duplicated",
          "[import]") {
    auto db = test::fresh_database();
    const auto anna = export_test::add_customer(db, "Anna Schmidt", "anna@example.org", "");
    const auto bob = export_test::add_customer(db, "Bob Meyer", "", "+49 30 123 45");
    const auto cara = export_test::add_customer(db, "Cara Lind", "", "");
    const auto r = import(db, ImportKind::customers,
                          "name,email,phone\n"
                          "A. Schmidt,ANNA@example.org,030 999\n" // email, any case
                          "Robert Meyer,,+49 (30) 123-45\n"       // phone, any punctuation
                          "cara lind,cara@example.org,\n"         // exact name, any case
                          "Dan New,dan@example.org,\n");
    REQUIRE(r.written);
    const auto& n = r.preview.counts;
    CHECK(n.matched == 3);
    CHECK(n.by_email == 1);
    CHECK(n.by_phone == 1);
    CHECK(n.by_name == 1);
    CHECK(n.new_customers == 1);
    CHECK(customers(db) == 4);
    // Blanks are filled in, what the owner typed is kept.
    store::CustomerRepo repo(db);
    CHECK(repo.get(anna).name == "Anna Schmidt");
    CHECK(repo.get(anna).phone == "030 999");
    CHECK(repo.get(bob).name == "Bob Meyer");
    CHECK(repo.get(cara).email == "cara@example.org");
    CHECK(n.filled_in == 2);
}

TEST_CASE("the same name with a different email is another person", "[import]") {
    auto db = test::fresh_database();
    export_test::add_customer(db, "Sam Lee", "sam@one.example", "");
    const auto r = import(db, ImportKind::customers, "name,email\nSam Lee,sam@two.example\n");
    CHECK(r.preview.counts.new_customers == 1);
    CHECK(customers(db) == 2);
}

TEST_CASE("rows of one file that name the same new customer add one customer", "[import]") {
    auto db = test::fresh_database();
    const auto r = import(db, ImportKind::customers,
                          "name,email,phone\nEve Stone,eve@example.org,\n"
                          "Eve Stone,EVE@example.org,0171 555\n");
    CHECK(r.preview.counts.new_customers == 1);
    CHECK(r.preview.counts.by_earlier_row == 1);
    REQUIRE(customers(db) == 1);
    CHECK(store::CustomerRepo(db).resolve("Eve Stone").phone == "0171 555");
}

TEST_CASE("bad rows are reported with the file's line numbers and nothing is imported",
          "[import][errors]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    export_test::add_customer(db, "Anna", "anna@example.org", "");
    const std::string csv = "name,email,phone,note\n"
                            "Good One,good@example.org,,\"two\nlines\"\n" // lines 2-3
                            ",nobody@example.org,,\n"                     // line 4: no name
                            "Bad Mail,not-an-email,,\n"                   // line 5
                            "\n"                                          // line 6: blank
                            "Bad Phone,,call me,\n"                       // line 7
                            "Too Many,a@example.org,1,x,surplus\n"        // line 8
                            "Good Two,,0301,\n";
    const auto pv = preview(db, ImportKind::customers, csv);
    CHECK(lines_of(pv.errors) == std::vector<std::size_t>{4, 5, 7, 8});
    CHECK(pv.errors[0].message == "line 4: the name is empty.");
    CHECK_THAT(pv.errors[1].message, Catch::Contains("\"not-an-email\" is not an email"));
    CHECK_THAT(pv.errors[3].message, Catch::Contains("5 fields but the header has 4"));
    CHECK(pv.counts.rows == 6);
    CHECK(pv.counts.good == 2);
    CHECK(pv.counts.bad == 4);

    const auto r = import(db, ImportKind::customers, csv);
    CHECK_FALSE(r.written);
    CHECK(r.preview.errors.size() == 4);
    CHECK(customers(db) == 1);

    exchange::ImportOptions skip;
    skip.skip_bad_rows = true;
    const auto s = import(db, ImportKind::customers, csv, skip);
    CHECK(s.written);
    CHECK(s.preview.errors.size() == 4);
    CHECK(customers(db) == 3);
}

TEST_CASE("purchases find their customer by Rapport id, email, phone or name", "[import]") {
    auto db = test::fresh_database();
    const auto anna = export_test::add_customer(db, "Anna", "anna@example.org", "030 1");
    const auto bob = export_test::add_customer(db, "Bob", "", "0171 22");
    store::SettingsStore(db).set("default_margin", "30");
    const auto r =
        import(db, ImportKind::purchases,
               "customer_id;Kunde;E-Mail;Telefon;Datum;Betrag;Marge\n" + std::to_string(anna) +
                   ";;;;2026-11-25;12,50;40\n"
                   ";;ANNA@example.org;;25.11.2026;1.234,56;\n"
                   ";;;0171/22;03/02/2026;€ 7,00;12,5 %\n"
                   ";bob;;;2026-01-31 14:30;8;\n"
                   ";;;;2026-01-31;8;\n"        // line 6: who?
                   ";Nobody;;;2026-01-31;8;\n"  // line 7: unknown
                   ";Bob;;;31.02.2026;8;\n"     // line 8: no such day
                   ";Bob;;;2026-01-31;-8;\n"    // line 9: negative
                   ";Bob;;;2026-01-31;8,999;\n" // line 10: 3 decimals
                   ";Bob;;;2026-01-31;8;140\n"  // line 11: margin
                   "99;;;;2026-01-31;8;\n");    // line 12: no such id
    CHECK(lines_of(r.preview.errors) == std::vector<std::size_t>{6, 7, 8, 9, 10, 11, 12});
    CHECK_FALSE(r.written);
    CHECK(purchases(db) == 0);

    exchange::ImportOptions skip;
    skip.skip_bad_rows = true;
    const auto s =
        import(db, ImportKind::purchases,
               "customer_id;Kunde;E-Mail;Telefon;Datum;Betrag;Marge\n" + std::to_string(anna) +
                   ";;;;2026-11-25;12,50;40\n"
                   ";;ANNA@example.org;;24.11.2026;1.234,56;\n"
                   ";;;0171/22;03/02/2026;€ 7,00;12,5 %\n"
                   ";bob;;;2026-01-31 14:30;8;\n",
               skip);
    REQUIRE(s.written);
    CHECK(s.preview.counts.by_id == 1);
    CHECK(s.preview.counts.by_email == 1);
    CHECK(s.preview.counts.by_phone == 1);
    CHECK(s.preview.counts.by_name == 1);
    const auto a = store::PurchaseRepo(db).for_customer(anna);
    REQUIRE(a.size() == 2);
    CHECK(a[0].on == 2026_y / 11 / 25);
    CHECK(a[0].amount.cents == 1250);
    CHECK(a[0].margin == 4000);
    CHECK(a[1].amount.cents == 123456);
    CHECK(a[1].margin == 3000); // the shop's default
    const auto b = store::PurchaseRepo(db).for_customer(bob);
    REQUIRE(b.size() == 2);
    CHECK(b[0].on == 2026_y / 2 / 3); // DD/MM/YYYY: day first
    CHECK(b[0].amount.cents == 700);
    CHECK(b[0].margin == 1250);
    CHECK(b[1].on == 2026_y / 1 / 31);
}

TEST_CASE("importing the same purchases twice does not count them twice", "[import]") {
    auto db = test::fresh_database();
    export_test::add_customer(db, "Anna", "anna@example.org", "");
    const std::string csv = "email,date,amount\nanna@example.org,2026-11-01,10\n"
                            "anna@example.org,2026-11-01,10\nanna@example.org,2026-11-02,10\n";
    CHECK(import(db, ImportKind::purchases, csv).preview.counts.purchases == 3);
    CHECK(purchases(db) == 3); // two equal sales on one day are both real
    const auto again = import(db, ImportKind::purchases, csv);
    CHECK(again.preview.counts.purchases == 0);
    CHECK(again.preview.counts.already_recorded == 3);
    CHECK(purchases(db) == 3);
}

TEST_CASE("a missing, empty or binary file is refused with a sentence naming it",
          "[import][errors]") {
    TempDir dir;
    CHECK_THAT(format_test::data_error([&] { exchange::read_import_file(dir / "nope.csv"); }),
               Catch::Contains("nope.csv") && Catch::Contains("does not exist"));
    format_test::write_bytes(dir / "empty.csv", "");
    CHECK_THAT(format_test::data_error([&] { exchange::read_import_file(dir / "empty.csv"); }),
               Catch::Contains("empty.csv") && Catch::Contains("empty"));
    format_test::write_bytes(dir / "blank.csv", "\xEF\xBB\xBF\r\n  \r\n");
    CHECK_THAT(format_test::data_error([&] { exchange::read_import_file(dir / "blank.csv"); }),
               Catch::Contains("empty"));
    format_test::write_bytes(dir / "photo.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK_THAT(format_test::data_error([&] { exchange::read_import_file(dir / "photo.csv"); }),
               Catch::Contains("photo.csv"));
    CHECK_THAT(format_test::data_error([&] { exchange::read_import_file(dir.path()); }),
               Catch::Contains("folder"));
}

TEST_CASE("a header with no rows, or no recognisable columns, imports nothing and says why",
          "[import][errors]") {
    auto db = test::fresh_database();
    auto r = import(db, ImportKind::customers, "name,phone\n");
    CHECK_FALSE(r.written);
    CHECK_THAT(r.preview.problem.english(), Catch::Contains("no rows"));
    r = import(db, ImportKind::customers, "Anna,030 1\nBob,030 2\n");
    CHECK_FALSE(r.preview.has_header);
    CHECK_THAT(r.preview.problem.english(), Catch::Contains("no header row"));
    r = import(db, ImportKind::purchases, "name,when,how much\nAnna,2026-01-01,5\n");
    CHECK_THAT(r.preview.problem.english(),
               Catch::Contains("the date and the amount") && Catch::Contains("when, how much"));
    CHECK(customers(db) == 0);
}

TEST_CASE("columns can be chosen by header name or number, a bad choice is a usage error",
          "[import]") {
    auto db = test::fresh_database();
    exchange::ImportOptions o;
    o.choices = exchange::parse_column_map("name=1, phone=Tel Nr", ImportKind::customers);
    auto pv = preview(db, ImportKind::customers, "Wer,Tel Nr\nAnna,030 1\n", o);
    CHECK(pv.problem.empty());
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::name, 0}, {ImportField::phone, 1}});

    o.choices = exchange::parse_column_map("name=2,phone=1", ImportKind::customers);
    o.has_header = false;
    pv = preview(db, ImportKind::customers, "030 1,Anna\n030 2,Bob\n", o);
    CHECK(pv.counts.new_customers == 2);
    CHECK(pv.columns == std::vector<std::string>{"Column 1", "Column 2"});

    // An automatic choice can be dropped: the note column is left out.
    o = {};
    o.choices = exchange::parse_column_map("note=", ImportKind::customers);
    pv = preview(db, ImportKind::customers, "name,note\nAnna,hi\n", o);
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::name, 0}});

    CHECK_THROWS_AS(exchange::parse_column_map("colour=1", ImportKind::customers), InputError);
    CHECK_THROWS_AS(exchange::parse_column_map("amount=1", ImportKind::customers), InputError);
    CHECK_THROWS_AS(exchange::parse_column_map("name", ImportKind::customers), InputError);
    o.choices = exchange::parse_column_map("name=Surname", ImportKind::customers);
    o.has_header = true;
    CHECK_THROWS_WITH(preview(db, ImportKind::customers, "Wer,Tel\nAnna,1\n", o),
                      Catch::Contains("no column \"Surname\"") && Catch::Contains("Wer, Tel"));
    o.choices = exchange::parse_column_map("name=3", ImportKind::customers);
    CHECK_THROWS_AS(preview(db, ImportKind::customers, "Wer,Tel\nAnna,1\n", o), InputError);
}

TEST_CASE("customers exported with the history come back unchanged, formula guard undone",
          "[import][history]") {
    TempDir dir;
    auto from = test::fresh_database();
    store::CustomerRepo repo(from);
    repo.add(Customer{.name = "=HYPERLINK(\"x\")",
                      .phone = "+33 6 12",
                      .email = "a@b.example",
                      .note = "-5 % discount, \"always\"\nnext line"});
    repo.add(Customer{.name = "@home", .note = "'quoted already"});
    exchange::export_history_csv(from, dir / "out");

    auto to = test::fresh_database();
    const auto r = exchange::run_import(
        to, ImportKind::customers, exchange::read_import_file(dir / "out" / "customers.csv"), {});
    REQUIRE(r.written);
    CHECK(r.preview.mapping.count(ImportField::note) == 1);
    const auto a = store::CustomerRepo(to).resolve("=HYPERLINK(\"x\")");
    CHECK(a.phone == "+33 6 12");
    CHECK(a.email == "a@b.example");
    CHECK(a.note == "-5 % discount, \"always\"\nnext line");
    CHECK(store::CustomerRepo(to).resolve("@home").note == "'quoted already");
}

TEST_CASE("dates and amounts are read as tills write them", "[import]") {
    using exchange::parse_import_amount;
    using exchange::parse_import_date;
    CHECK(parse_import_date("2026-11-25") == 2026_y / 11 / 25);
    CHECK(parse_import_date("25.11.2026") == 2026_y / 11 / 25);
    CHECK(parse_import_date("5/1/2026") == 2026_y / 1 / 5);
    CHECK(parse_import_date("2026-11-25T10:30:00") == 2026_y / 11 / 25);
    CHECK(parse_import_date("25.11.2026 10:30") == 2026_y / 11 / 25);
    CHECK_FALSE(parse_import_date("2026-02-29"));
    CHECK_FALSE(parse_import_date("11/25/2026")); // month first is not read as a day
    CHECK_FALSE(parse_import_date("25.11.26"));
    CHECK_FALSE(parse_import_date("yesterday"));

    CHECK(parse_import_amount("12.50", ',')->cents == 1250);
    CHECK(parse_import_amount("12,50", ';')->cents == 1250);
    CHECK(parse_import_amount("12,5", ',')->cents == 1250); // was quoted in a ',' file
    CHECK(parse_import_amount("1.234,56", ';')->cents == 123456);
    CHECK(parse_import_amount("1,234.56", ',')->cents == 123456);
    CHECK(parse_import_amount("1 234,56 €", ';')->cents == 123456);
    CHECK(parse_import_amount("CHF 1'234.50", ',')->cents == 123450);
    CHECK(parse_import_amount("-3.00", ',')->cents == -300);
    CHECK_FALSE(parse_import_amount("1,234", ','));
    CHECK_FALSE(parse_import_amount("12.345", ','));
    CHECK_FALSE(parse_import_amount("12 apples 50", ','));
    CHECK_FALSE(parse_import_amount("", ','));
}
