// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv_reader.h"
#include "core/errors.h"

#include "format_test_support.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace format_test;
using namespace std::string_literals;

namespace {

using Fields = std::vector<std::string>;

} // namespace

TEST_CASE("a plain comma-separated till export is read row by row", "[csv-reader]") {
    const CsvTable t = read_csv("name,phone,amount\nAnn,0612,12.50\nBob,,3\n");
    CHECK(t.delimiter == ',');
    CHECK_FALSE(t.had_byte_order_mark);
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].fields == Fields{"name", "phone", "amount"});
    CHECK(t.records[1].fields == Fields{"Ann", "0612", "12.50"});
    CHECK(t.records[2].fields == Fields{"Bob", "", "3"});
    CHECK(t.records[2].line == 3);
}

TEST_CASE("a European export with ',' between fields and ',' decimals is understood",
          "[csv-reader]") {
    const CsvTable t = read_csv("Naam;Bedrag;Datum\r\n\"Jansen, Piet\";12,50;25-11-2026\r\n"
                                "Zoë;1.234,56;26-11-2026\r\n");
    CHECK(t.delimiter == ';');
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[1].fields == Fields{"Jansen, Piet", "12,50", "25-11-2026"});
    CHECK(t.records[2].fields == Fields{"Zoë", "1.234,56", "26-11-2026"});
}

TEST_CASE("the delimiter is the one that separates the first line, quotes aside", "[csv-reader]") {
    CHECK(detect_csv_delimiter("a;b;c\n1,5;2,5;3,5\n") == ';');
    CHECK(detect_csv_delimiter("\"x;y;z\",b\n") == ',');
    CHECK(detect_csv_delimiter("\"a,b,c\";d\n") == ';');
    CHECK(detect_csv_delimiter("\n\n  \nname;amount\n") == ';');
    CHECK(detect_csv_delimiter("single\n") == ',');
    CHECK(detect_csv_delimiter("\"multi\nline;;;\",x\n") == ',');
}

TEST_CASE("a byte order mark is dropped and noted", "[csv-reader]") {
    const CsvTable t = read_csv("\xEF\xBB\xBFname;amount\nAnn;1\n");
    CHECK(t.had_byte_order_mark);
    CHECK(t.delimiter == ';');
    CHECK(t.records[0].fields == Fields{"name", "amount"});
}

TEST_CASE("quoted fields may hold line breaks and each record keeps its starting line",
          "[csv-reader]") {
    const std::string file = "name,note\r\n"             // line 1
                             "Ann,\"first line\r\n"      // line 2
                             "second line\r\n"           // line 3
                             "third\"\r\n"               // line 4
                             "\r\n"                      // line 5, blank: skipped
                             "Bob,plain\n"               // line 6
                             "\"Cy\rCarr\",\"a\"\"b\"\r" // lines 7-8 (lone CR ends lines)
                             "Dee,\"\n\n\"\n"            // lines 9-11
                             "Eve,last";                 // line 12, no final line break
    const CsvTable t = read_csv(file);
    REQUIRE(t.records.size() == 6);
    CHECK(t.records[1].fields == Fields{"Ann", "first line\r\nsecond line\r\nthird"});
    CHECK(t.records[3].fields == Fields{"Cy\rCarr", "a\"b"});
    CHECK(t.records[4].fields == Fields{"Dee", "\n\n"});
    CHECK(t.records[5].fields == Fields{"Eve", "last"});
    std::vector<std::size_t> lines;
    for (const auto& r : t.records)
        lines.push_back(r.line);
    CHECK(lines == std::vector<std::size_t>{1, 2, 6, 7, 9, 12});
}

TEST_CASE("padding around unquoted fields is dropped, inside quotes it is kept", "[csv-reader]") {
    const CsvTable t = read_csv("  Ann  ,\t12.50\t, \" kept \" \n");
    CHECK(t.records[0].fields == Fields{"Ann", "12.50", " kept "});
}

TEST_CASE("an empty file is refused with a sentence", "[csv-reader]") {
    for (const std::string empty : {"", "\xEF\xBB\xBF", "\r\n\r\n", "  \n\t\n"}) {
        CHECK_THROWS_MATCHES(read_csv(empty), DataError, Catch::Message("The file is empty."));
    }
}

TEST_CASE("binary content is refused, naming the line", "[csv-reader]") {
    const std::string file = "name,amount\nAnn,1\nBob\0,2\n"s;
    CHECK_THAT(data_error([&] { read_csv(file); }),
               Catch::Contains("Line 3") && Catch::Contains("binary"));
    // The start of a PNG image.
    CHECK_THROWS_AS(read_csv("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s), DataError);
}

TEST_CASE("text that is not UTF-8 is refused, naming the line", "[csv-reader]") {
    // Latin-1 "café" on line 3, as an old till might save it.
    CHECK_THAT(data_error([&] { read_csv("name\nAnn\ncaf\xE9\n"); }),
               Catch::Contains("Line 3") && Catch::Contains("UTF-8"));
    // A line break inside quotes still counts as a line.
    CHECK_THAT(data_error([&] { read_csv("a,\"x\r\ny\"\r\n\xC3\x28\n"); }),
               Catch::Contains("Line 3"));
    CHECK_THROWS_AS(read_csv("overlong \xC0\xAF\n"), DataError);      // '/' in two bytes
    CHECK_THROWS_AS(read_csv("surrogate \xED\xA0\x80\n"), DataError); // U+D800
    CHECK_THROWS_AS(read_csv("too high \xF4\x90\x80\x80\n"), DataError);
    CHECK_THROWS_AS(read_csv("cut short \xE2\x82"), DataError);
    CHECK_NOTHROW(read_csv("fine: \xF0\x9F\x98\x80 \xE2\x82\xAC \xC3\xA9\n"));
}

TEST_CASE("a UTF-16 file gets advice to save it as CSV UTF-8", "[csv-reader]") {
    CHECK_THAT(data_error([&] { read_csv("\xFF\xFEn\0a\0"s); }), Catch::Contains("UTF-16"));
}

TEST_CASE("a misplaced quote is refused, naming the line", "[csv-reader]") {
    CHECK_THAT(data_error([&] { read_csv("name,size\nAnn,12\" screen\n"); }),
               Catch::Contains("Line 2") && Catch::Contains("quote"));
    CHECK_THAT(data_error([&] { read_csv("name\n\n\"Ann\"x,1\n"); }), Catch::Contains("Line 3"));
}

TEST_CASE("a quote that is never closed is refused, naming where its record starts",
          "[csv-reader]") {
    CHECK_THROWS_MATCHES(read_csv("name,note\nAnn,ok\nBob,\"runs on\nand on\n"), DataError,
                         Catch::Message("The record that starts on line 3 has a quote that is "
                                        "never closed."));
}

TEST_CASE("a file that cannot be opened is named in the message", "[csv-reader]") {
    TempDir dir;
    CHECK_THAT(data_error([&] { read_csv_file(dir / "missing.csv"); }),
               Catch::Contains("missing.csv") && Catch::Contains("No such file or directory"));
    write_bytes(dir / "ok.csv", "a;b\n1;2\n");
    CHECK(read_csv_file(dir / "ok.csv").records.size() == 2);
}

TEST_CASE("a first row of column names is recognised as a header", "[csv-reader]") {
    CHECK(looks_like_header({"Name", "Phone", "E-mail"}));
    CHECK(looks_like_header({"customer_name", "Total"}));
    CHECK(looks_like_header({"Naam", "Telefoon", "Bedrag"}));
    CHECK(looks_like_header({"  Date ", "", "whatever"}));
    CHECK(looks_like_header({"Téléphone", "Nom"}));
}

TEST_CASE("a first row of data is not taken for a header", "[csv-reader]") {
    CHECK_FALSE(looks_like_header({"Ann", "12.50"}));           // an amount
    CHECK_FALSE(looks_like_header({"name", "2026-11-25"}));     // a date
    CHECK_FALSE(looks_like_header({"name", "25/11/2026"}));     // a local date
    CHECK_FALSE(looks_like_header({"name", "12,50"}));          // a ',' decimal
    CHECK_FALSE(looks_like_header({"name", "+33 6 12 34 56"})); // a phone number
    CHECK_FALSE(looks_like_header({"Ann Smith", "Bob"}));       // no known column name
    CHECK_FALSE(looks_like_header({}));
    CHECK_FALSE(looks_like_header({"", " "}));
    const std::string_view custom[] = {"kassa nr"};
    CHECK(looks_like_header({"Kassa-Nr"}, custom));
    CHECK_FALSE(looks_like_header({"Name"}, custom));
}
