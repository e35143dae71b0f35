// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The column map the owner chose, remembered in the setting table for the next file with the
// same header: key "import_columns.<kind>.<fingerprint of the header>", value
// "2026-03-04 date=3 amount=5 name=2" (the day it was chosen, then 1-based column numbers).
#include "exchange/importer_memory.h"

#include "core/errors.h"
#include "exchange/importer_columns.h"
#include "store/sqlite/connection.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace rapport::exchange {
using namespace rapport::store;

std::string remembered_columns_key(ImportKind kind, const std::vector<std::string>& columns) {
    // FNV-1a over the header cells as written: another layout is another key.
    std::uint64_t hash = 14695981039346656037ull;
    const auto add = [&](std::string_view s) {
        for (const char c : s) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
    };
    for (const auto& c : columns) {
        add(c);
        add("\x1f");
    }
    return fmt::format("import_columns.{}.{:016x}",
                       kind == ImportKind::customers ? "customers" : "purchases", hash);
}

bool forget_remembered_columns(Database& db, ImportKind kind,
                               const std::vector<std::string>& columns) {
    if (!import_detail::load_remembered(db, kind, columns))
        return false;
    write(db, tr("forget the chosen columns"), [&] {
        sql::Statement st(session(db), "DELETE FROM setting WHERE key = ?");
        st.bind(1, remembered_columns_key(kind, columns));
        st.exec();
    });
    return true;
}

bool forget_remembered_columns(Database& db, ImportKind kind, const CsvTable& table) {
    if (table.records.empty())
        return false;
    std::vector<std::string> columns;
    for (const auto& cell : table.records.front().fields)
        columns.push_back(import_detail::cell_value(cell));
    return forget_remembered_columns(db, kind, columns);
}

namespace import_detail {

std::optional<RememberedColumns> load_remembered(Database& db, ImportKind kind,
                                                 const std::vector<std::string>& columns) {
    std::string value;
    {
        sql::Statement st(session(db), "SELECT value FROM setting WHERE key = ?");
        st.bind(1, remembered_columns_key(kind, columns));
        if (!st.executeStep())
            return std::nullopt;
        value = st.getColumn(0).getString();
    }
    // A value that does not read back (written by hand, or by a later version) is ignored.
    RememberedColumns out;
    std::string_view rest = value;
    bool first = true;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        const std::string_view item = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        if (item.empty())
            continue;
        try {
            if (first) {
                out.on = parse_date(item);
                first = false;
                continue;
            }
            const std::size_t eq = item.find('=');
            if (eq == std::string_view::npos)
                return std::nullopt;
            const ImportField field = parse_import_field(item.substr(0, eq), kind);
            std::size_t number = 0;
            const std::string_view n = item.substr(eq + 1);
            const auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), number);
            if (ec != std::errc{} || ptr != n.data() + n.size() || number < 1 ||
                number > columns.size())
                return std::nullopt;
            out.mapping[field] = number - 1;
        } catch (const InputError&) {
            return std::nullopt;
        }
    }
    if (first)
        return std::nullopt;
    return out;
}

void remember_columns(Database& db, ImportKind kind, const std::vector<std::string>& columns,
                      const ColumnMapping& mapping, Date on) {
    std::string value = format_date(on);
    for (const ImportField f : import_fields(kind)) {
        if (const auto it = mapping.find(f); it != mapping.end())
            value += fmt::format(" {}={}", to_key(f), it->second + 1);
    }
    sql::Statement st(session(db), R"(
        INSERT INTO setting (key, value) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value)");
    st.bind(1, remembered_columns_key(kind, columns));
    st.bind(2, value);
    st.exec();
}

void forget_in_transaction(Database& db, ImportKind kind, const std::vector<std::string>& columns) {
    sql::Statement st(session(db), "DELETE FROM setting WHERE key = ?");
    st.bind(1, remembered_columns_key(kind, columns));
    st.exec();
}

} // namespace import_detail
} // namespace rapport::exchange
