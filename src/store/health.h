#pragma once
// Is the database file sound? SQLite's own checks, run through connections that never write,
// so looking at a damaged file leaves it as it was.
#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rapport::store {

// The first problem the check on opening finds; empty when there is none. It costs a few page
// reads on any size of file: PRAGMA quick_check of the schema and of the tables the app keeps
// small (settings, categories, tags), and for every other table a read of its root page and of
// the paths to its first and last rows. Pages in the middle of the growing tables are left to
// the daily check of the backup copy (maybe_daily_backup). Used by Database::open.
std::string quick_check_on_open(SQLite::Database& db);

// The first problem a whole-file PRAGMA quick_check finds; empty when there is none. A
// SQLite error while checking (the schema itself unreadable) counts as a problem.
std::string quick_check_everything(SQLite::Database& db);

// `rapport-cli check`: PRAGMA integrity_check (structure and CHECK constraints) and
// foreign_key_check of the file at `path`, through a connection that writes nothing (query_only,
// no checkpoint on close). Returns the problems, one line each; empty when healthy.
// Throws DataError when there is no file, or it is not a Rapport database.
std::vector<std::string> check_database_file(const std::filesystem::path& path);

// True when the file starts with the SQLite header and carries Rapport's application id, read
// from the bytes themselves: tells "damaged Rapport file" from "some other file" when SQLite
// cannot read it.
bool has_rapport_header(const std::filesystem::path& path);

} // namespace rapport::store
