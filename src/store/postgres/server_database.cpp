// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a shop's shared database on PostgreSQL: connect, then give an empty database the
// schema, or check that a filled one is Rapport's and not newer than this build. The same
// promises as a file (store/database.cpp): refused databases are left untouched, and each
// failure is one sentence naming the server.
#include "core/errors.h"
#include "store/customer_figures.h"
#include "store/database.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/schema_postgres.h"
#include "store/roles.h"
#include "store/server_login.h"
#include "store/sql/database_connection.h"
#include "store/sqlite/connection.h"
#include "store/worth_months.h"

#include <fmt/format.h>

#include <stdexcept>

namespace rapport::store {

bool is_server_location(std::string_view location) {
    return is_postgres_uri(location);
}

bool server_databases_supported() {
    return true;
}

ServerAddress server_address(const std::string& uri) {
    const PgTarget t = describe_postgres_uri(uri);
    return {t.host, t.port, t.database, t.user};
}

std::optional<ServerConnection> server_connection(const Database& db) {
    if (!db.is_server())
        return std::nullopt;
    const auto* pg = dynamic_cast<const PgSession*>(db.connection().session.get());
    if (!pg)
        return std::nullopt;
    const PgConnectionInfo info = pg->info();
    ServerConnection out{info.host, info.database, info.user, info.tls};
    if (out.host.empty() || out.host.front() == '/')
        out.host = "localhost"; // a Unix socket folder: the server on this PC
    return out;
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
    using Reason = ServerLoginError::Reason;
    const std::string where = server_name(uri);
    switch (e.failure()) {
    case sql::Failure::password_needed:
        throw ServerLoginError(Reason::password_needed,
                               tr("The shop database {} asks for a password. In the window, give "
                                  "it in File > Open shop database; for rapport-cli, put it in "
                                  "~/.pgpass (readable only by you)."),
                               where);
    case sql::Failure::refused:
        throw ServerLoginError(Reason::refused,
                               tr("The shop database {} refused the connection ({}). Check the "
                                  "user name, the password and the database name."),
                               where, e.what());
    case sql::Failure::unreachable:
        throw ServerLoginError(Reason::unreachable,
                               tr("The shop database {} cannot be reached ({}). Check that the "
                                  "server is running and this PC can reach it."),
                               where, e.what());
    case sql::Failure::untrusted:
        throw ServerLoginError(Reason::untrusted,
                               tr("The shop database {} could not be reached safely ({}). "
                                  "Nothing was sent to it. Check the server's address and its "
                                  "certificate, or ask whoever set the server up."),
                               where, e.what());
    default:
        throw DataError(tr("The shop database {} could not be opened: {}."), where, e.what());
    }
}

// Version 2 to 3, issue 18: the customer's answer to the follow-up call; the same columns as
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

// Version 3 to 4: who saved each record and when, and the rows' versions (as kWhoDidWhatSql in
// store/database.cpp; the same names and meaning).
constexpr const char* kWhoDidWhatPostgres = R"(
ALTER TABLE customer
    ADD COLUMN added_by text COLLATE "C" NOT NULL DEFAULT 'owner',
    ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE interaction
    ADD COLUMN logged_by text COLLATE "C" NOT NULL DEFAULT 'owner',
    ADD COLUMN logged_at text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE resolution
    ADD COLUMN added_by text COLLATE "C" NOT NULL DEFAULT 'owner',
    ADD COLUMN added_at text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE follow_up
    ADD COLUMN done_by text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN done_at text COLLATE "C" NOT NULL DEFAULT '';
UPDATE follow_up SET done_by = 'owner' WHERE done_on IS NOT NULL;
ALTER TABLE purchase
    ADD COLUMN added_by text COLLATE "C" NOT NULL DEFAULT 'owner',
    ADD COLUMN added_at text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX interaction_by_staff ON interaction (logged_by);
)";

// Version 5 to 6: how the customer likes to be dealt with (as kContactProfileSql in
// store/database.cpp; the same names, keys and limit).
constexpr const char* kContactProfilePostgres = R"(
ALTER TABLE customer
    ADD COLUMN preferred_channel text COLLATE "C" NOT NULL DEFAULT ''
        CHECK (preferred_channel IN ('', 'any', 'phone', 'email', 'in-person', 'text')),
    ADD COLUMN preferred_time text COLLATE "C" NOT NULL DEFAULT ''
        CHECK (char_length(preferred_time) <= 40),
    ADD COLUMN wants_when_wrong text COLLATE "C" NOT NULL DEFAULT ''
        CHECK (wants_when_wrong IN ('', 'detail', 'reassurance', 'quick-fix'));
)";

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

// The step that brings a server's schema from `from_version` to the next.
const char* server_migration_sql(int from_version) {
    switch (from_version) {
    case 1:
        return kCustomerFiguresServerSql; // the customers' figures kept (store/customer_figures.h)
    case 2:
        return kFollowUpAnswerPostgres; // the customer's answer to a follow-up
    case 3:
        return kWhoDidWhatPostgres; // who saved each record and when, and the rows' versions
    case 4:
        return worth_months_server_sql(); // the worth sums kept by month (store/worth_months.h)
    case 5: {
        // how the customer likes to be dealt with, and a follow-up of a customer alone
        static const std::string sql =
            std::string(kContactProfilePostgres) + follow_up_owner_server_sql();
        return sql.c_str();
    }
    case 6:
        // A file's search gained an index from incident to customer; the server's search reads
        // its text index (GIN) and the table, and gains nothing from one: the step keeps the
        // two numbered alike.
        return "SELECT 1";
    case 7:
        return to_date_rows_server_sql(); // each customer's worth to date (store/worth_months.h)
    default:
        // check_ours() let in only versions up to kSchemaVersion, and 0 got the schema
        throw std::logic_error(fmt::format("no server migration from version {}", from_version));
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
        // Who saves on a shop database is the login (Stamp in core/records.h).
        sql::Statement who(*out.m_conn->session, "SELECT session_user");
        if (who.executeStep())
            out.m_actor = who.getColumn(0).getString();
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
    if (check_ours() && meta_number(s, "schema_version") >= kSchemaVersion)
        return;
    // Empty or older: the schema and the steps after it in one transaction. Two PCs may get here
    // at once; the writers' lock lets one in, and the other finds the work done when it checks
    // again.
    try {
        WriteTransaction tx(*this);
        if (!check_ours())
            s.exec(kPostgresSchemaSql); // version 1
        bool count_worth_months = false;
        for (auto v = meta_number(s, "schema_version"); v < kSchemaVersion; ++v) {
            s.exec(server_migration_sql(static_cast<int>(v)));
            count_worth_months = count_worth_months || v == 4;
            s.exec(fmt::format("UPDATE rapport_meta SET value = '{}' WHERE key = 'schema_version'",
                               v + 1));
        }
        // The table of version 5, counted from the records once every step has run (the count
        // reads today's tables).
        if (count_worth_months)
            recount_worth_months(*this);
        refresh_server_grants(*this); // the owner and staff roles, if set up, cover it all
        tx.commit();
    } catch (const sql::Error& e) {
        throw DataError(tr("{} could not be brought up to date, and was left as it was: {}."),
                        where, e.what());
    }
}

} // namespace rapport::store
