// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A build without the shop-server backend (RAPPORT_POSTGRES=OFF: the Windows build, which has
// no libpq yet). Compiled instead of store/postgres/, it still tells a server's address from a
// file name, so a postgresql:// URI is refused in one sentence instead of becoming a file.
#include "core/errors.h"
#include "store/database.h"
#include "store/server_login.h"
#include "store/sqlite/backup_copy.h"

#include <string_view>

namespace rapport::store {

bool is_server_location(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

bool server_databases_supported() {
    return false;
}

ServerAddress server_address(const std::string& /*uri*/) {
    return {};
}

std::optional<ServerConnection> server_connection(const Database& /*db*/) {
    return std::nullopt;
}

namespace {

[[noreturn]] void refuse_server() {
#ifdef _WIN32
    throw DataError(tr("This Rapport for Windows cannot use a shop database server yet; use a "
                       "database file on this PC (--db or RAPPORT_DB naming a file), or Rapport "
                       "on Linux for the shared database."));
#else
    throw DataError(tr("This Rapport was built without the shop database server (PostgreSQL); "
                       "use a database file, or a Rapport built with it."));
#endif
}

} // namespace

namespace detail {
void write_server_dump(Database& /*db*/, const std::filesystem::path& /*target*/) {
    refuse_server();
}
ServerDumpFacts inspect_server_dump(const std::filesystem::path& /*file*/) {
    ServerDumpFacts facts;
    facts.problem = tr("it is a copy of a shop database, which this Rapport cannot use");
    return facts;
}
void restore_server_dump(Database& /*live*/, const std::filesystem::path& /*file*/) {
    refuse_server();
}
} // namespace detail

Database Database::open_server(const std::string& /*uri*/) {
    refuse_server();
}

// Never reached: without a server no Database is one (is_server() is false).
int Database::server_schema_version() {
    refuse_server();
}

void Database::migrate_server() {
    refuse_server();
}

} // namespace rapport::store
