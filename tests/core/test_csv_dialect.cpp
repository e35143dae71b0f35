// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV dialects: what a spreadsheet set to English or German splits and sums, which one this
// computer's language asks for, and the setting that remembers another choice.
#include "core/csv_dialect.h"
#include "core/csv_writer.h"
#include "core/errors.h"
#include "core/settings.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#ifndef _WIN32
#include <locale.h>
#endif
#include <optional>
#include <sstream>
#include <string>

using namespace rapport;
using namespace date::literals;

namespace {

std::string german_csv(CsvWriterOptions options) {
    std::ostringstream out;
    CsvWriter csv(out, options);
    csv.header({"date", "customer", "amount"});
    csv.date(2026_y / 11 / 25).text("Müller; Zoë, \"Café\"").amount(Money{123456}).end_row();
    csv.date(2026_y / 12 / 1).text("=1+1").amount(Money{-300}).end_row();
    csv.date(2026_y / 12 / 2).text("a,b").amount(Money{5}).end_row();
    csv.finish();
    return out.str();
}

// Sets one environment variable for the life of the object, then puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("a CSV for German spreadsheets has semicolons between fields and decimal commas",
          "[csv][dialect]") {
    CsvWriterOptions options{false, true};
    options.dialect = CsvDialect::semicolon;
    CHECK(german_csv(options) == "date;customer;amount\r\n"
                                 "2026-11-25;\"Müller; Zoë, \"\"Café\"\"\";1234,56\r\n"
                                 "2026-12-01;'=1+1;-3,00\r\n"
                                 "2026-12-02;a,b;0,05\r\n");
    // The same rows for English spreadsheets: commas quoted, semicolons not, '.' decimals.
    options.dialect = CsvDialect::comma;
    CHECK(german_csv(options) == "date,customer,amount\r\n"
                                 "2026-11-25,\"Müller; Zoë, \"\"Café\"\"\",1234.56\r\n"
                                 "2026-12-01,'=1+1,-3.00\r\n"
                                 "2026-12-02,\"a,b\",0.05\r\n");
    CHECK(csv_text_cell("x;y", true, CsvDialect::semicolon) == "\"x;y\"");
    CHECK(csv_text_cell("x;y", true, CsvDialect::comma) == "x;y");
}

TEST_CASE("CSV dialects are named by separator or by spreadsheet language", "[csv][dialect]") {
    CHECK(parse_csv_dialect("comma") == CsvDialect::comma);
    CHECK(parse_csv_dialect("EN") == CsvDialect::comma);
    CHECK(parse_csv_dialect("Semicolon") == CsvDialect::semicolon);
    CHECK(parse_csv_dialect("de") == CsvDialect::semicolon);
    CHECK(parse_csv_dialect("auto") == std::nullopt);
    CHECK_THROWS_AS(parse_csv_dialect("tab"), InputError);
    CHECK_THROWS_WITH(parse_csv_dialect("fr"), Catch::Contains("semicolon (or de"));
    CHECK(to_key(CsvDialect::semicolon) == "semicolon");
    CHECK(csv_field_separator(CsvDialect::semicolon) == ';');
    CHECK(csv_decimal_mark(CsvDialect::semicolon) == ',');
    CHECK(csv_dialect_for_decimal_mark(",") == CsvDialect::semicolon);
    CHECK(csv_dialect_for_decimal_mark(".") == CsvDialect::comma);
}

// On Windows the dialect comes from the regional settings, which a test cannot change.
#ifndef _WIN32
TEST_CASE("the CSV dialect follows the language of the desktop: German means semicolons",
          "[csv][dialect]") {
    {
        ScopedEnv all("LC_ALL", "C.UTF-8");
        CHECK(system_csv_dialect() == CsvDialect::comma);
    }
    {
        ScopedEnv all("LC_ALL", "");
        ScopedEnv numeric("LC_NUMERIC", "");
        ScopedEnv lang("LANG", "de_DE.UTF-8");
        const locale_t german = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", locale_t(0));
        if (german == locale_t(0)) {
            WARN("de_DE.UTF-8 is not installed (./packaging/dev.sh deps generates it): the German "
                 "half is not checked");
            CHECK(system_csv_dialect() == CsvDialect::comma); // a missing locale counts as C
        } else {
            freelocale(german);
            CHECK(system_csv_dialect() == CsvDialect::semicolon);
            ScopedEnv english_numbers("LC_NUMERIC", "C.UTF-8"); // numbers the English way
            CHECK(system_csv_dialect() == CsvDialect::comma);
        }
    }
}
#endif

TEST_CASE("the csv_dialect setting is auto until the owner picks one", "[csv][dialect][settings]") {
    Settings s;
    CHECK(setting_value(s, "csv_dialect") == "auto");
    CHECK(effective_csv_dialect(s) == system_csv_dialect());
    apply_setting(s, "csv_dialect", "de");
    CHECK(setting_value(s, "csv_dialect") == "semicolon");
    CHECK(effective_csv_dialect(s) == CsvDialect::semicolon);
    CHECK_THROWS_AS(apply_setting(s, "csv_dialect", "tabs"), InputError);
    CHECK(s.csv_dialect == CsvDialect::semicolon); // a refused value changes nothing
    apply_setting(s, "csv_dialect", "auto");
    CHECK_FALSE(s.csv_dialect.has_value());
}
