// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_session.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace rapport::store {

void bind_optional(sql::Statement& st, int index, const std::optional<Id>& v) {
    if (v)
        st.bind(index, static_cast<std::int64_t>(*v));
    else
        st.bind(index);
}

void bind_text(sql::Statement& st, int index, std::string_view v) {
    st.bind(index, v);
}

std::optional<std::string> column_optional_text(const sql::Column& c) {
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

std::string column_text(const sql::Column& c) {
    return c.getString();
}

void throw_unreadable_value(const sql::Column& c, const InputError& e) {
    std::string why = e.what();
    if (!why.empty() && why.back() == '.')
        why.pop_back(); // it goes in parentheses
    throw DataError(tr("The database holds a value Rapport cannot read in the column "
                       "'{}' ({}). Run 'rapport-cli check' to look for damage; a backup "
                       "can bring the record back."),
                    c.getName(), why);
}

void rethrow_as_data_error(const SQLite::Exception& e, Text doing,
                           const std::filesystem::path& db_path) {
    rethrow_as_data_error(sql::Error(sqlite_failure(e.getErrorCode()), e.what()), doing, db_path);
}

void rethrow_read_error(const SQLite::Exception& e, const std::filesystem::path& db_path) {
    rethrow_read_error(sql::Error(sqlite_failure(e.getErrorCode()), e.what()), db_path);
}

void rethrow_as_data_error(const sql::Error& e, Text doing, const std::filesystem::path& db_path) {
    using sql::Failure;
    switch (e.failure()) {
    case Failure::read_only:
        // TRANSLATORS: {} is what was being done, translated on its own ("save the customer");
        // German puts it first as a noun phrase: "Das Speichern des Kunden ist nicht gelungen: …".
        throw DataError(tr("Could not {}: the database file is read-only. Nothing was changed."),
                        doing);
    case Failure::busy:
        throw DatabaseBusyError(
            tr("Could not {}: the database is busy in another window or program. Nothing was "
               "changed; try again in a moment."),
            doing);
    case Failure::disk_full:
        throw DataError(tr("Could not {}: the disk is full. Nothing was changed; free some space "
                           "and try again."),
                        doing);
    case Failure::io_error: // a write the disk refused (EFBIG, EIO): SQLite rolled it back
        throw DataError(tr("Could not {}: the disk refused the write (it may be full or "
                           "failing). Nothing was changed."),
                        doing);
    case Failure::damaged:
        if (!db_path.empty() && db_path != ":memory:")
            throw DamagedDatabaseError(db_path, e.what());
        throw DataError(tr("Could not {}: the database file is damaged; restore a "
                           "backup. Nothing was changed."),
                        doing);
    case Failure::interrupted:
        throw ReadCancelled();
    case Failure::unreachable:
        throw DataError(tr("Could not {}: the shop database cannot be reached ({}). Nothing was "
                           "changed; what you typed is kept, so try again once the server is "
                           "back."),
                        doing, e.what());
    case Failure::not_allowed:
        throw DataError(tr("Could not {}: only the shop's owner may do that, and this login is "
                           "staff on the shop database. Nothing was changed."),
                        doing);
    default:
        throw DataError(tr("Could not {}: {}. Nothing was changed."), doing, e.what());
    }
}

void rethrow_read_error(const sql::Error& e, const std::filesystem::path& db_path) {
    using sql::Failure;
    switch (e.failure()) {
    case Failure::interrupted:
        throw ReadCancelled();
    case Failure::busy:
        throw DatabaseBusyError(tr("The database is busy in another window or program; try again "
                                   "in a moment."));
    case Failure::damaged:
        if (!db_path.empty() && db_path != ":memory:")
            throw DamagedDatabaseError(db_path, e.what());
        throw DataError(tr("The database is damaged ({}); restore a backup: "
                           "'rapport-cli backup --list' shows them."),
                        e.what());
    case Failure::unreachable:
        throw DataError(tr("The shop database cannot be reached ({}); try again once the server "
                           "is back."),
                        e.what());
    case Failure::io_error:
        throw DataError(tr("The database could not be read: the disk reported an error "
                           "({})."),
                        e.what());
    case Failure::not_allowed:
        throw DataError(tr("Only the shop's owner may see this; this login is staff on the shop "
                           "database."));
    default:
        throw DataError(tr("The database reported an error: {}."), e.what());
    }
}

void write_guarded(Database& db, Text doing, const std::function<void()>& body) {
    try {
        WriteTransaction tx(db);
        body();
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_as_data_error(e, doing, db.path());
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, doing, db.path());
    }
}

void read_guarded(Database& db, const std::function<void()>& body) {
    try {
        body();
    } catch (const sql::Error& e) {
        rethrow_read_error(e, db.path());
    } catch (const SQLite::Exception& e) {
        rethrow_read_error(e, db.path());
    }
}

} // namespace rapport::store
