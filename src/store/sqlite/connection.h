// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store's own way to its SQLite connection: for the .cpp files of src/store only. Nothing
// outside src/store includes this header, and no store header includes SQLiteCpp or sqlite3.h:
// the types are forward-declared here and the .cpp files that run SQL include SQLiteCpp
// themselves. So the window and the CLI compile against Rapport's records and use cases only,
// and a second backend can implement the same public headers.
#include "core/dates.h"
#include "core/errors.h"
#include "core/records.h"
#include "store/database.h"
#include "store/sql/session.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace SQLite {
class Column;
class Database;
class Exception;
class Statement;
} // namespace SQLite

namespace rapport::store {

// The connection behind `db`, for what only SQLite has (PRAGMAs, the backup API, checks).
SQLite::Database& sqlite(Database& db);
// The same database behind the backend-neutral interface every repository uses.
sql::Session& session(Database& db);

// --- Binding and reading values -------------------------------------------------------------

void bind_optional(sql::Statement& st, int index, const std::optional<Id>& v);
void bind_text(sql::Statement& st, int index, std::string_view v);
std::optional<std::string> column_optional_text(const sql::Column& c);

// A value the file holds that Rapport cannot read (changed outside Rapport, or damaged): the
// core's parsers say InputError, which would blame the person typing; this is the data's fault.
[[noreturn]] void throw_unreadable_value(const sql::Column& c, const InputError& e);

std::string column_text(const sql::Column& c);

// Reads stored text through a core parser (parse_category, as_date, ...), turning its InputError
// into a DataError that names the column and points to `rapport-cli check`.
template <class Parse>
auto stored(const sql::Column& c, Parse parse) -> decltype(parse(std::string_view())) {
    const std::string text = column_text(c);
    try {
        return parse(text);
    } catch (const InputError& e) {
        throw_unreadable_value(c, e);
    }
}
inline constexpr auto as_date = [](std::string_view t) { return parse_date(t); };
inline constexpr auto as_date_time = [](std::string_view t) { return parse_date_time(t); };

// --- Errors ---------------------------------------------------------------------------------

// Wraps a SQLite failure during a save in a DataError a person can read ("Could not save the
// customer: the disk is full. Nothing was changed ..."); damage becomes DamagedDatabaseError
// and a busy file DatabaseBusyError, both still DataErrors. `doing` is marked for translation
// (tr("save the customer")), so the window says the whole sentence in the user's language.
[[noreturn]] void rethrow_as_data_error(const SQLite::Exception& e, Text doing,
                                        const std::filesystem::path& db_path = {});
// The same for a read: nothing was changed, so the sentence does not say so.
[[noreturn]] void rethrow_read_error(const SQLite::Exception& e,
                                     const std::filesystem::path& db_path);
// The same for a failure any backend reports.
[[noreturn]] void rethrow_as_data_error(const sql::Error& e, Text doing,
                                        const std::filesystem::path& db_path = {});
[[noreturn]] void rethrow_read_error(const sql::Error& e, const std::filesystem::path& db_path);

// --- Transactions ---------------------------------------------------------------------------

// BEGIN IMMEDIATE (a writer never has to upgrade a read lock and deadlock), rolled back in the
// destructor unless commit() ran. Nested scopes join the outermost one: only it begins and
// commits, so a use case can call repository writes and still be ONE transaction.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_outermost = false;
    bool m_done = false;
};

// The one way the store changes data: runs `body` inside a WriteTransaction (joining one that is
// already open), commits, and turns a SQLite failure into the DataError "Could not <doing>: ...".
// Whatever `body` throws leaves nothing behind. (The work is passed as a std::function so the
// SQLite exception is caught in one .cpp, where its type is complete.)
void write_guarded(Database& db, Text doing, const std::function<void()>& body);

template <class Body> auto write(Database& db, Text doing, Body&& body) -> decltype(body()) {
    using Result = decltype(body());
    if constexpr (std::is_void_v<Result>) {
        write_guarded(db, doing, body);
    } else {
        std::optional<Result> result;
        write_guarded(db, doing, [&] { result.emplace(body()); });
        return std::move(*result);
    }
}

// Runs a read and turns a SQLite failure into Rapport's typed errors (DamagedDatabaseError,
// DatabaseBusyError, ReadCancelled, DataError), the same ones a write gives.
void read_guarded(Database& db, const std::function<void()>& body);

template <class Body> auto read(Database& db, Body&& body) -> decltype(body()) {
    using Result = decltype(body());
    if constexpr (std::is_void_v<Result>) {
        read_guarded(db, body);
    } else {
        std::optional<Result> result;
        read_guarded(db, [&] { result.emplace(body()); });
        return std::move(*result);
    }
}

// --- Checks (store/health.cpp) --------------------------------------------------------------

// The first problem the check on opening finds; empty when there is none. It costs a few page
// reads on any size of file: PRAGMA quick_check of the schema and of the tables the app keeps
// small (settings, categories, tags), and for every other table a read of its root page and of
// the paths to its first and last rows. Pages in the middle of the growing tables are left to
// the daily check of the backup copy (maybe_daily_backup). Used by Database::open.
std::string quick_check_on_open(SQLite::Database& db);

// The first problem a whole-file PRAGMA quick_check finds; empty when there is none. A
// SQLite error while checking (the schema itself unreadable) counts as a problem.
std::string quick_check_everything(SQLite::Database& db);

} // namespace rapport::store
