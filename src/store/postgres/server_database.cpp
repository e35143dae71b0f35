// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a shop's shared database on PostgreSQL: connect, then give an empty database the
// schema, or check that a filled one is Rapport's and not newer than this build. The same
// promises as a file (store/database.cpp): refused databases are left untouched, and each
// failure is one sentence naming the server.
#include "core/errors.h"
#include "store/database.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/schema_postgres.h"
#include "store/sql/database_connection.h"
#include "store/sqlite/connection.h"

#include <fmt/format.h>

namespace rapport::store {

bool is_server_location(std::string_view location) {
    return is_postgres_uri(location);
}

namespace {

// "rapport on shop-pc" (or "the shop database" when the URI leaves both to libpq's defaults),
// for sentences; never the password.
std::string server_name(const std::string& uri) {
    const PgTarget t = describe_postgres_uri(uri);
    std::string host = t.host.empty() ? "localhost" : t.host;
    if (!host.empty() && host.front() == '/')
        host = "localhost"; // a Unix socket folder: the server on this PC
    if (!t.port.empty() && t.port != "5432")
        host += ":" + t.port;
    return fmt::format("{} on {}", t.database.empty() ? std::string("rapport") : t.database, host);
}

// The URI as a sentence or a log may show it: postgresql://user@host:port/db, no password.
std::string display_uri(const std::string& uri) {
    const PgTarget t = describe_postgres_uri(uri);
    std::string out = "postgresql://";
    if (!t.user.empty())
        out += t.user + "@";
    out += t.host.empty() || t.host.front() == '/' ? std::string("localhost") : t.host;
    if (!t.port.empty())
        out += ":" + t.port;
    return out + "/" + t.database;
}

[[noreturn]] void throw_connect_failure(const sql::Error& e, const std::string& uri) {
    const std::string where = server_name(uri);
    switch (e.failure()) {
    case sql::Failure::refused:
        throw DataError(tr("The shop database {} refused the connection ({}). Check the user "
                           "name, the password (in ~/.pgpass) and the database name."),
                        where, e.what());
    case sql::Failure::unreachable:
        throw DataError(tr("The shop database {} cannot be reached ({}). Check that the server "
                           "is running and this PC can reach it."),
                        where, e.what());
    default:
        throw DataError(tr("The shop database {} could not be opened: {}."), where, e.what());
    }
}

// Version 1 to 2, issue 18: the customer's answer to the follow-up call; the same columns as
// schema_postgres.sql gives a new server. One step of its own, so it can be renumbered beside
// other migrations.
constexpr const char* kFollowUpAnswerPostgres = R"(
ALTER TABLE follow_up
    ADD COLUMN satisfaction integer CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    ADD COLUMN customer_said text COLLATE "C" NOT NULL DEFAULT '',
    ADD CONSTRAINT follow_up_satisfaction_when_done
        CHECK (done_on IS NOT NULL OR satisfaction IS NULL);
CREATE INDEX follow_up_done_by_day ON follow_up (done_on) WHERE done_on IS NOT NULL;
)";

// The step from `from_version` to the next on the server; nullptr past the newest.
const char* server_migration_sql(std::int64_t from_version) {
    switch (from_version) {
    case 1:
        return kFollowUpAnswerPostgres;
    default:
        return nullptr;
    }
}

constexpr const char* kTablesInPublic =
    "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'";
constexpr const char* kHasMeta = "SELECT count(*) FROM pg_catalog.pg_tables "
                                 "WHERE schemaname = 'public' AND tablename = 'rapport_meta'";

std::int64_t meta_number(sql::Session& s, const char* key) {
    sql::Statement st(s, "SELECT value FROM rapport_meta WHERE key = ?");
    st.bind(1, key);
    if (!st.executeStep())
        return 0;
    try {
        return std::stoll(st.getColumn(0).getString());
    } catch (const std::exception&) {
        return 0;
    }
}

} // namespace

Database Database::open_server(const std::string& uri) {
    std::unique_ptr<PgSession> session;
    try {
        session = connect_postgres(uri);
    } catch (const sql::Error& e) {
        throw_connect_failure(e, uri);
    }
    Database out(std::make_unique<detail::Connection>(std::move(session), uri), display_uri(uri));
    try {
        out.migrate_server();
    } catch (const sql::Error& e) {
        throw_connect_failure(e, uri);
    }
    return out;
}

int Database::server_schema_version() {
    sql::Session& s = *m_conn->session;
    if (sql::scalar(s, kHasMeta).getInt64() == 0)
        return 0;
    return static_cast<int>(meta_number(s, "schema_version"));
}

void Database::migrate_server() {
    sql::Session& s = *m_conn->session;
    const std::string where = m_path.string();
    const auto check_ours = [&] {
        if (sql::scalar(s, kHasMeta).getInt64() == 0) {
            if (sql::scalar(s, kTablesInPublic).getInt64() > 0)
                throw DataError(tr("The shop database {} belongs to another program (it holds "
                                   "tables that are not Rapport's); it was left untouched."),
                                where);
            return false; // empty: ours to set up
        }
        if (meta_number(s, "application_id") != kApplicationId)
            throw DataError(tr("The shop database {} belongs to another program (it holds "
                               "tables that are not Rapport's); it was left untouched."),
                            where);
        const auto version = meta_number(s, "schema_version");
        if (version > kSchemaVersion)
            throw DataError(tr("{} was saved by a newer version of Rapport (data version {}, "
                               "this one knows {}); please update Rapport on this PC. The "
                               "database was left untouched."),
                            where, version, kSchemaVersion);
        return true;
    };
    if (check_ours() && meta_number(s, "schema_version") == kSchemaVersion)
        return;
    // Empty: the schema in one transaction; older: each step from its version on, and the
    // version. Two PCs may get here at once; the writers' lock lets one in, and the other finds
    // the work done when it checks again.
    try {
        WriteTransaction tx(*this);
        if (!check_ours()) {
            s.exec(kPostgresSchemaSql);
        } else {
            for (auto v = meta_number(s, "schema_version"); v < kSchemaVersion; ++v) {
                const char* step = server_migration_sql(v);
                if (!step)
                    throw DataError(tr("{} has data version {}, which this Rapport cannot bring "
                                       "up to date; it was left as it was."),
                                    where, v);
                s.exec(step);
            }
            sql::Statement version(s, "UPDATE rapport_meta SET value = ? WHERE key = "
                                      "'schema_version'");
            version.bind(1, std::to_string(kSchemaVersion));
            version.exec();
        }
        tx.commit();
    } catch (const sql::Error& e) {
        throw DataError(tr("{} could not be brought up to date, and was left as it was: {}."),
                        where, e.what());
    }
}

} // namespace rapport::store
