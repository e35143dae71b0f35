// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for everything that reads text a person or a till program typed: the CSV reader
// of the importer and the parsers of amounts, percentages, dates, moments, weeks and follow-up
// dates. Each input goes through every parser. A parser may refuse with InputError or
// DataError; anything else (another exception, a crash, a sanitizer report) is a bug, and so
// is a value that does not survive formatting and parsing again.
//
// Built two ways (tests/fuzz/CMakeLists.txt): with clang and libFuzzer (`./packaging/dev.sh
// fuzz [seconds]`), and with any compiler as a replay driver that runs the seed corpus in CI.
#include "core/csv_reader.h"
#include "core/dates.h"
#include "core/errors.h"
#include "core/money.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace rapport;

namespace {

// A property that failed: say which, with the input, and stop so the fuzzer keeps the input.
[[noreturn]] void broken(const char* what, std::string_view input) {
    std::fprintf(stderr, "fuzz_parsers: %s for input \"%.*s\"\n", what,
                 static_cast<int>(input.size()), input.data());
    std::abort();
}

template <typename Parse> void refused_or(std::string_view input, Parse parse) {
    try {
        parse();
    } catch (const InputError&) {
    } catch (const DataError&) {
    }
    (void)input;
}

void fuzz_csv(std::string_view bytes) {
    refused_or(bytes, [&] {
        const CsvTable t = read_csv(bytes);
        if (t.delimiter != ',' && t.delimiter != ';')
            broken("read_csv chose a delimiter other than ',' or ';'", bytes);
        std::size_t last_line = 0;
        for (const CsvRecord& r : t.records) {
            if (r.line <= last_line)
                broken("read_csv line numbers do not increase", bytes);
            last_line = r.line;
        }
        if (!t.records.empty())
            (void)looks_like_header(t.records.front().fields);
    });
    if (bytes.find('\0') == std::string_view::npos) {
        const char d = detect_csv_delimiter(bytes);
        if (d != ',' && d != ';')
            broken("detect_csv_delimiter chose another character", bytes);
    }
}

void fuzz_values(std::string_view text) {
    for (AllowNegative allow : {AllowNegative::no, AllowNegative::yes}) {
        refused_or(text, [&] {
            const Money m = parse_money(text, allow);
            if (allow == AllowNegative::no && m.cents < 0)
                broken("parse_money let a negative amount through", text);
            if (parse_money(format_amount(m), AllowNegative::yes) != m)
                broken("parse_money(format_amount(m)) != m", text);
        });
    }
    refused_or(text, [&] {
        const BasisPoints bp = parse_percent(text, "margin", -10000, 10000);
        if (bp < -10000 || bp > 10000)
            broken("parse_percent went out of its range", text);
        if (parse_percent(format_percent(bp), "margin", -10000, 10000) != bp)
            broken("parse_percent(format_percent(bp)) != bp", text);
    });
    refused_or(text, [&] {
        const Date d = parse_date(text);
        if (!d.ok() || parse_date(format_date(d)) != d)
            broken("parse_date(format_date(d)) != d", text);
    });
    refused_or(text, [&] {
        const LocalDateTime t = parse_date_time(text);
        if (!t.day.ok() || t.minutes_of_day < 0 || t.minutes_of_day >= 24 * 60 ||
            !(parse_date_time(format_date_time(t)) == t))
            broken("parse_date_time(format_date_time(t)) != t", text);
    });
    refused_or(text, [&] {
        const WeekId w = parse_week(text);
        if (parse_week(format_week(w)) != w)
            broken("parse_week(format_week(w)) != w", text);
        const WeekSpan span = week_span(w);
        if (days_between(span.first, span.last) != 6 || week_containing(span.first).id != w)
            broken("week_span(parse_week(text)) is not that week", text);
    });
    for (const Date today : {Date{date::year{2026}, date::month{11}, date::day{25}},
                             Date{date::year{9999}, date::month{12}, date::day{31}}}) {
        refused_or(text, [&] {
            const Date due = resolve_due_date(text, today);
            if (!due.ok())
                broken("resolve_due_date returned a day that does not exist", text);
        });
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_csv(input);
    // Typed values are short; long inputs only slow the fuzzer down there.
    if (size <= 64)
        fuzz_values(input);
    return 0;
}
