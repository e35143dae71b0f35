// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv_reader.h"

#include "core/utf8.h"

#include "core/dates.h"
#include "core/errors.h"
#include "core/money.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <new>
#include <system_error>

namespace rapport {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// 1-based line holding byte `offset`; CRLF, LF and a lone CR each end a line, as for libcsv.
std::size_t line_at(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            ++line;
    }
    return line;
}

// `text` is the file without its BOM; `skipped` is how many bytes the BOM took, so lines
// are counted in the file as the user sees it.
void check_is_text(std::string_view file, std::size_t skipped) {
    for (std::size_t i = skipped; i < file.size();) {
        if (file[i] == '\0') {
            throw DataError(
                tr("Line {} contains binary data (a zero byte); this is not a CSV text file."),
                line_at(file, i));
        }
        const std::size_t n = utf8_sequence_length(file, i);
        if (n == 0) {
            throw DataError(tr("Line {} is not valid UTF-8 text; save the file as \"CSV UTF-8\" "
                               "and try again."),
                            line_at(file, i));
        }
        i += n;
    }
}

bool is_blank_char(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), is_blank_char);
}

struct ParseState {
    std::vector<CsvRecord> records;
    std::vector<std::string> fields;
    std::size_t record_line = 0; // line where the open record began, 0 when none is open
    bool out_of_memory = false;
};

// libcsv is C: nothing may be thrown through it, so failures are only noted here.
void on_field(void* data, std::size_t size, void* state_ptr) {
    auto& state = *static_cast<ParseState*>(state_ptr);
    try {
        state.fields.emplace_back(size == 0 ? std::string() // data may be null for ""
                                            : std::string(static_cast<const char*>(data), size));
    } catch (const std::bad_alloc&) {
        state.out_of_memory = true;
    }
}

void on_record_end(int /*terminator*/, void* state_ptr) {
    auto& state = *static_cast<ParseState*>(state_ptr);
    try {
        state.records.push_back(CsvRecord{state.record_line, std::move(state.fields)});
    } catch (const std::bad_alloc&) {
        state.out_of_memory = true;
    }
    state.fields.clear();
    state.record_line = 0;
}

// Owns the libcsv parser so it is freed on every path out.
class Parser {
public:
    explicit Parser(char delimiter) {
        if (csv_init(&m_p, CSV_STRICT | CSV_STRICT_FINI) != 0)
            throw std::bad_alloc();
        csv_set_delim(&m_p, static_cast<unsigned char>(delimiter));
    }
    ~Parser() { csv_free(&m_p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    csv_parser* get() { return &m_p; }

private:
    csv_parser m_p{};
};

std::string normalized_name(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.')
            continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_blank_char(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank_char(s.back()))
        s.remove_suffix(1);
    return s;
}

bool parses_as_amount(std::string_view s) {
    try {
        parse_money(s, AllowNegative::yes);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

bool parses_as_date(std::string_view s) {
    try {
        parse_date(s);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

// Digits with separators only: "12,50", "1.234,56", "25/11/2026", "10:30", "+33 6 12".
bool looks_numeric(std::string_view s) {
    bool digit = false;
    for (const char c : s) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (std::string_view(" ,./:-+").find(c) == std::string_view::npos)
            return false;
    }
    return digit;
}

bool looks_like_value(std::string_view cell) {
    const std::string_view s = trimmed(cell);
    return !s.empty() && (looks_numeric(s) || parses_as_amount(s) || parses_as_date(s));
}

constexpr std::string_view kCommonColumnNames[] = {
    "name",    "customer",  "customer name", "client",    "first name",  "last name", "surname",
    "phone",   "telephone", "tel",           "mobile",    "email",       "e-mail",    "mail",
    "note",    "notes",     "comment",       "amount",    "total",       "price",     "sum",
    "date",    "day",       "margin",        "id",        "customer id", "reference", "ref",
    "receipt", "nom",       "prénom",        "téléphone", "montant",     "naam",      "telefoon",
    "bedrag",  "datum",     "kunde",         "telefon",   "betrag",      "nombre",    "teléfono",
    "importe", "fecha",
};

} // namespace

char detect_csv_delimiter(std::string_view text) {
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    bool quoted = false;
    bool started = false; // blank lines before the first record are skipped, as libcsv does
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted; // a doubled quote toggles twice: still inside
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (started)
                break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == ';') {
            ++semicolons;
        }
        if (!is_blank_char(c))
            started = true;
    }
    return semicolons > commas ? ';' : ',';
}

CsvTable read_csv(std::string_view file) {
    if (file.starts_with("\xFF\xFE") || file.starts_with("\xFE\xFF")) {
        throw DataError(tr("The file is UTF-16 text; save it as \"CSV UTF-8\" from the spreadsheet "
                           "and try again."));
    }
    CsvTable table;
    std::size_t start = 0;
    if (file.starts_with(kUtf8Bom)) {
        table.had_byte_order_mark = true;
        start = kUtf8Bom.size();
    }
    const std::string_view text = file.substr(start);
    if (is_blank(text))
        throw DataError(tr("The file is empty."));
    check_is_text(file, start);
    table.delimiter = detect_csv_delimiter(text);

    Parser parser(table.delimiter);
    ParseState state;
    // Feed libcsv one physical line at a time: its record ends can only fall on a line end,
    // so the line on which each record starts is known exactly.
    std::size_t line = 1;
    for (std::size_t pos = 0; pos < text.size(); ++line) {
        std::size_t end = text.find_first_of("\r\n", pos);
        end = end == std::string_view::npos ? text.size() : end + 1;
        if (end < text.size() && text[end - 1] == '\r' && text[end] == '\n')
            ++end;
        const std::string_view chunk = text.substr(pos, end - pos);
        pos = end;
        if (state.record_line == 0 && !is_blank(chunk))
            state.record_line = line;
        if (csv_parse(parser.get(), chunk.data(), chunk.size(), on_field, on_record_end, &state) !=
            chunk.size()) {
            if (csv_error(parser.get()) == CSV_EPARSE) {
                throw DataError(tr("Line {} has a quote in the wrong place; a quoted field must "
                                   "start and end with a quote, and a quote inside it must be "
                                   "doubled (\"\")."),
                                line);
            }
            throw DataError(tr("Line {} is too large to read."), line);
        }
        if (state.out_of_memory)
            throw std::bad_alloc();
    }
    const std::size_t open_record = state.record_line;
    if (csv_fini(parser.get(), on_field, on_record_end, &state) != 0) {
        throw DataError(tr("The record that starts on line {} has a quote that is never closed."),
                        open_record);
    }
    if (state.out_of_memory)
        throw std::bad_alloc();
    table.records = std::move(state.records);
    return table;
}

CsvTable read_csv_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw DataError(tr("The file {} cannot be opened: {}."), path.string(), system_reason(err));
    }
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        throw DataError(tr("The file {} could not be read."), path.string());
    return read_csv(bytes);
}

std::span<const std::string_view> common_column_names() {
    return kCommonColumnNames;
}

bool looks_like_header(const std::vector<std::string>& cells,
                       std::span<const std::string_view> known_names) {
    bool known = false;
    for (const std::string& cell : cells) {
        if (looks_like_value(cell))
            return false;
        const std::string name = normalized_name(trimmed(cell));
        known = known || (!name.empty() && std::any_of(known_names.begin(), known_names.end(),
                                                       [&](std::string_view k) {
                                                           return normalized_name(k) == name;
                                                       }));
    }
    return known;
}

} // namespace rapport
