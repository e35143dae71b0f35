#include "store/sql_util.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace rapport::store {

void throw_unreadable_value(const SQLite::Column& c, const InputError& e) {
    std::string why = e.what();
    if (!why.empty() && why.back() == '.')
        why.pop_back(); // it goes in parentheses
    throw DataError(fmt::format("The database holds a value Rapport cannot read in the column "
                                "'{}' ({}). Run 'rapport-cli check' to look for damage; a backup "
                                "can bring the record back.",
                                c.getName(), why));
}

void rethrow_as_data_error(const SQLite::Exception& e, std::string_view doing) {
    switch (e.getErrorCode() & 0xff) { // primary code, also for extended ones
    case SQLITE_READONLY:
        throw DataError(fmt::format(
            "Could not {}: the database file is read-only. Nothing was changed.", doing));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw DataError(fmt::format(
            "Could not {}: the database is busy in another window or program. Nothing was "
            "changed; try again in a moment.",
            doing));
    case SQLITE_FULL:
        throw DataError(fmt::format(
            "Could not {}: the disk is full. Nothing was changed; free some space and try again.",
            doing));
    case SQLITE_IOERR: // a write the disk refused (EFBIG, EIO): SQLite rolled it back
        throw DataError(fmt::format("Could not {}: the disk refused the write (it may be full or "
                                    "failing). Nothing was changed.",
                                    doing));
    case SQLITE_CORRUPT:
        throw DataError(fmt::format("Could not {}: the database file is damaged; restore a "
                                    "backup. Nothing was changed.",
                                    doing));
    case SQLITE_CONSTRAINT:
        throw DataError(fmt::format("Could not {}: {}. Nothing was changed.", doing, e.what()));
    default:
        throw DataError(fmt::format("Could not {}: {}. Nothing was changed.", doing, e.what()));
    }
}

} // namespace rapport::store
