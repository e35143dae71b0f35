// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv_reader.h"
#include "core/csv_writer.h"
#include "core/dates.h"
#include "core/money.h"

#include "format_test_support.h"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <stdexcept>

using namespace rapport;
using namespace format_test;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Writes rows of text cells without a BOM and returns the file's text.
std::string csv_of(std::initializer_list<std::initializer_list<std::string_view>> rows,
                   CsvWriterOptions options = {false, true}) {
    std::ostringstream out;
    CsvWriter csv(out, options);
    for (const auto& r : rows)
        csv.row(r);
    csv.finish();
    return out.str();
}

} // namespace

TEST_CASE("an export opens in a spreadsheet as UTF-8 because it starts with a BOM", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.header({"customer"});
    csv.finish();
    CHECK(out.str() == std::string(kBom) + "customer\r\n");

    std::ostringstream plain;
    CsvWriter no_bom(plain, CsvWriterOptions{false, true});
    no_bom.header({"customer"});
    no_bom.finish();
    CHECK(plain.str() == "customer\r\n");
}

TEST_CASE("an export with no rows at all is still a valid file", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.finish();
    CHECK(out.str() == kBom);
}

TEST_CASE("every line of an export ends with CRLF", "[csv]") {
    CHECK(csv_of({{"a", "b"}, {"c", "d"}}) == "a,b\r\nc,d\r\n");
}

TEST_CASE("a row with a different field count than the header is refused", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out, CsvWriterOptions{false, true});
    csv.header({"date", "customer", "amount"});
    csv.text("2026-01-05").text("Ann").amount(Money{1250}).end_row();
    CHECK_THROWS_AS(csv.row({"too", "few"}), std::logic_error);
    CHECK_THROWS_AS(csv.row({"one", "too", "many", "cells"}), std::logic_error);
    CHECK_THROWS_AS(csv.end_row(), std::logic_error); // a row with nothing in it
    // The faulty rows left nothing behind and the writer carries on.
    csv.row({"2026-01-06", "Bob", "3.00"});
    csv.finish();
    CHECK(out.str() == "date,customer,amount\r\n2026-01-05,Ann,12.50\r\n2026-01-06,Bob,3.00\r\n");
    CHECK(csv.rows_written() == 3);
    CHECK(csv.field_count() == 3);
}

TEST_CASE("the header must come first and name at least one column", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out);
    CHECK_THROWS_AS(csv.header({}), std::logic_error);
    csv.row({"a"});
    CHECK_THROWS_AS(csv.header({"late"}), std::logic_error);
}

TEST_CASE("cells with commas, quotes, CR or LF are quoted with quotes doubled", "[csv]") {
    CHECK(csv_text_cell("Smith, Ann") == "\"Smith, Ann\"");
    CHECK(csv_text_cell("the \"deluxe\" model") == "\"the \"\"deluxe\"\" model\"");
    CHECK(csv_text_cell("\"") == "\"\"\"\"");
    CHECK(csv_text_cell("line one\nline two") == "\"line one\nline two\"");
    CHECK(csv_text_cell("line one\r\nline two") == "\"line one\r\nline two\"");
    CHECK(csv_text_cell("old mac\rline") == "\"old mac\rline\"");
    CHECK(csv_text_cell("plain") == "plain");
    CHECK(csv_text_cell("") == "");
    CHECK(csv_text_cell("semi;colon") == "semi;colon");
}

TEST_CASE("non-ASCII text is written as it is, without quotes", "[csv]") {
    CHECK(csv_text_cell("Zoë Müller") == "Zoë Müller");
    CHECK(csv_text_cell("café ☕ 日本 😀") == "café ☕ 日本 😀");
    CHECK(csv_text_cell("Łódź, Polska") == "\"Łódź, Polska\"");
}

TEST_CASE("spaces at either end of a cell survive readers that trim them", "[csv]") {
    CHECK(csv_text_cell(" padded ") == "\" padded \"");
    CHECK(csv_text_cell("trailing\t") == "\"trailing\t\"");
    CHECK(csv_text_cell("in the middle") == "in the middle");
}

TEST_CASE("a one-column row with an empty cell is not lost as a blank line", "[csv]") {
    CHECK(csv_of({{"note"}, {""}, {"x"}}) == "note\r\n\"\"\r\nx\r\n");
}

TEST_CASE("text that a spreadsheet would run as a formula is shown as text", "[csv]") {
    CHECK(csv_text_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text_cell("=1+1") == "'=1+1");
    CHECK(csv_text_cell("+33 6 12 34 56 78") == "'+33 6 12 34 56 78");
    CHECK(csv_text_cell("-12.50") == "'-12.50");
    CHECK(csv_text_cell("@SUM(A1:A9)") == "'@SUM(A1:A9)");
    CHECK(csv_text_cell("\t=cmd") == "'\t=cmd");
    CHECK(csv_text_cell("\r=cmd") == "\"'\r=cmd\"");
    // Only the first character matters, and the guard can be turned off for raw dumps.
    CHECK(csv_text_cell("a=b") == "a=b");
    CHECK(csv_text_cell("x-1") == "x-1");
    CHECK(csv_text_cell("=1+1", false) == "=1+1");
    CHECK(csv_text_cell("\tx", false) == "\"\tx\"");
}

TEST_CASE("amounts and numbers stay numbers: -12.50 is never prefixed", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out, CsvWriterOptions{false, true});
    csv.header({"amount", "count", "day", "note"});
    csv.amount(Money{-1250}).number(-7).date(Date{date::year{2026}, date::month{1}, date::day{5}});
    csv.text("-12.50").end_row();
    csv.amount(Money{123456})
        .number(42)
        .date(Date{date::year{2026}, date::month{12}, date::day{31}});
    csv.text("+1").end_row();
    csv.finish();
    CHECK(out.str() == "amount,count,day,note\r\n"
                       "-12.50,-7,2026-01-05,'-12.50\r\n"
                       "1234.56,42,2026-12-31,'+1\r\n");
}

TEST_CASE("amounts use a '.' decimal point with two decimals", "[csv]") {
    std::ostringstream out;
    CsvWriter csv(out, CsvWriterOptions{false, true});
    csv.header({"amount"});
    for (const std::int64_t cents : {0, 5, 1000, 99999999})
        csv.amount(Money{cents}).end_row();
    csv.finish();
    CHECK(out.str() == "amount\r\n0.00\r\n0.05\r\n10.00\r\n999999.99\r\n");
}

TEST_CASE("rows left unfinished are not written, earlier rows are", "[csv]") {
    std::ostringstream out;
    {
        CsvWriter csv(out, CsvWriterOptions{false, true});
        csv.row({"a", "b"});
        csv.text("half");
        CHECK_THROWS_AS(csv.finish(), std::logic_error);
    }
    CHECK(out.str() == "a,b\r\n");
}

namespace {

// A random cell made of the characters exports get wrong: separators, quotes, line breaks,
// formula triggers, blanks and multi-byte UTF-8; about one in eight is empty.
std::string random_cell(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {
        "a",  "Z", "7", " ", ",", ";", "\"", "\r", "\n", "\r\n", "é",          "€",
        "漢", "😀", "=", "+", "-", "@", "\t", "'",  "\\", "x y",  "Müller, Zoë"};
    std::uniform_int_distribution<int> length(0, 10);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    if (std::uniform_int_distribution<int>(0, 7)(rng) == 0)
        return {};
    std::string cell;
    for (int n = length(rng); n > 0; --n)
        cell += pieces[pick(rng)];
    return cell;
}

bool formula_trigger(const std::string& s) {
    return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

} // namespace

TEST_CASE("10,000 awkward records read back identical in Python's csv module and CsvReader",
          "[csv][roundtrip]") {
    const bool guard = GENERATE(true, false);
    std::mt19937 rng(guard ? 20260105 : 4180);
    const std::vector<std::string> header = {"date", "customer", "summary",
                                             "note", "empty",    "amount"};
    std::vector<std::vector<std::string>> source;
    for (int i = 0; i < 10000; ++i) {
        std::vector<std::string> record;
        for (std::size_t f = 0; f + 1 < header.size(); ++f)
            record.push_back(random_cell(rng));
        record.push_back(format_amount(
            Money{std::uniform_int_distribution<std::int64_t>(-100000, 100000)(rng)}));
        source.push_back(std::move(record));
    }

    TempDir dir;
    std::ostringstream out;
    {
        CsvWriter csv(out, CsvWriterOptions{true, guard});
        csv.row({header[0], header[1], header[2], header[3], header[4], header[5]});
        for (const auto& r : source) {
            for (std::size_t f = 0; f + 1 < r.size(); ++f)
                csv.text(r[f]);
            csv.amount(parse_money(r.back(), AllowNegative::yes));
            csv.end_row();
        }
        csv.finish();
    }
    write_bytes(dir / "export.csv", out.str());

    // What a reader must see: the source, with the guard's ' in front of formula triggers.
    std::vector<std::vector<std::string>> expected = {header};
    for (auto r : source) {
        for (std::size_t f = 0; f + 1 < r.size(); ++f) {
            if (guard && formula_trigger(r[f]))
                r[f] = "'" + r[f];
        }
        expected.push_back(r);
    }

    SECTION("Python's csv module") {
        REQUIRE(run_tool("read_csv.py", dir / "export.csv", dir / "python.txt") == 0);
        const auto read = read_hex_records(dir / "python.txt");
        REQUIRE(read.size() == expected.size());
        for (std::size_t i = 0; i < read.size(); ++i) {
            INFO("record " << i);
            REQUIRE(read[i] == expected[i]);
        }
    }
    SECTION("CsvReader") {
        const CsvTable table = read_csv(out.str());
        CHECK(table.had_byte_order_mark);
        CHECK(table.delimiter == ',');
        REQUIRE(table.records.size() == expected.size());
        std::size_t line = 1;
        for (std::size_t i = 0; i < table.records.size(); ++i) {
            INFO("record " << i);
            REQUIRE(table.records[i].fields == expected[i]);
            // Each record starts on the line after the previous one's last line break.
            CHECK(table.records[i].line == line);
            for (const auto& field : table.records[i].fields) {
                for (std::size_t k = 0; k < field.size(); ++k) {
                    if (field[k] == '\n' ||
                        (field[k] == '\r' && (k + 1 == field.size() || field[k + 1] != '\n')))
                        ++line;
                }
            }
            ++line;
        }
    }
}
