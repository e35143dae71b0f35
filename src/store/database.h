// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening, stamping and migrating a Rapport database file. The connection itself is the store's
// own (store/sqlite/connection.h): this header names no SQLite type, so the window and the CLI
// never compile against SQLite.
#include "core/errors.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace rapport::store {

// PRAGMA application_id stamped into every Rapport file ("RAPT").
constexpr int kApplicationId = 0x52415054;
// PRAGMA user_version of the schema this build writes.
// 1: schema.sql; each later version is one step from the one before (migration_sql):
// 2: the customers' figures kept by triggers (store/customer_figures.h, issue 21);
// 3: the customer's answer to a follow-up, satisfaction and what they said (issue 18);
// 4: who saved each record and when, and a version per edited row (issue 16);
// 5: the worth sums kept per customer and month (store/worth_months.h, issue 21);
// 6: how the customer likes to be dealt with (core/contact_profile.h) and a follow-up that
//    belongs to a customer without an incident (follow_up.customer_id), issue 18;
// 7: the search's index from an incident to its customer (issue 21);
// 8: each customer's worth sums to date, kept beside their months (store/worth_months.h, 21).
constexpr int kSchemaVersion = 8;

// Whether --db / RAPPORT_DB names a shop's server (a postgresql:// or postgres:// URI).
bool is_server_location(std::string_view location);

// $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db, else ~/.local/share/rapport/rapport.db.
std::filesystem::path default_database_path();

// Creates `dir` and its missing parents; the ones created here are owner-only (0700), and each
// one's parent folder is flushed to disk after it, so the new names survive a power cut.
void ensure_private_directory(const std::filesystem::path& dir);

// Creates `file` empty and owner-only (0600) if it is missing, and says whether it did (its name
// is not yet flushed to disk: the caller does that once it holds something, core/folder_sync.h);
// if present, takes group and other access away (a file the owner made read-only stays
// read-only).
bool ensure_private_file(const std::filesystem::path& file);

// The file is damaged: SQLite's own checks found a problem. It was not written to; the way back
// is a backup (see store/backup.h). The window catches this type to offer "Restore from backup".
// SQLite's finding about a damaged file as one line of at most about 120 bytes (a damaged
// schema's finding quotes a whole trigger): for sentences, which are one line each.
std::string short_finding(std::string_view finding);

class DamagedDatabaseError : public DataError {
public:
    DamagedDatabaseError(std::filesystem::path path, std::string finding);
    // The file, or for a server its URI without the password (for sentences and logs).
    const std::filesystem::path& path() const { return m_path; }
    // Whether this is a shop's shared database on a PostgreSQL server.
    bool is_server() const;
    const std::string& finding() const { return m_finding; } // SQLite's first finding

private:
    std::filesystem::path m_path;
    std::string m_finding;
};

// The file is busy in another program past the wait (another Rapport writing a long import).
class DatabaseBusyError : public DataError {
public:
    using DataError::DataError;
};

// A read stopped because its owner cancelled it (Database::open_cancellable_reader).
class ReadCancelled : public DataError {
public:
    ReadCancelled();
};

namespace detail {
struct Connection;
}

class Database {
public:
    // A PostgreSQL connection URI (postgresql://... or postgres://...) opens the shop's shared
    // database instead (store/postgres/server_database.cpp): an empty one gets the schema, one
    // of another program or of a newer Rapport is refused and left untouched.
    // Opens the file, creating it (0600, in a 0700 folder) when missing, and migrates it to
    // kSchemaVersion in one transaction. A file that is not a Rapport database, is damaged, or
    // comes from a newer Rapport is refused with DataError and left byte-for-byte untouched.
    // Before a migration of a file holding data, a before-update backup is written.
    // Damage: every open runs quick_check_on_open (store/health.h): a full PRAGMA quick_check
    // of the schema and of the tables the app keeps small, and a read of the root and edge
    // pages of every other table (a few ms even on a 355 MB file); a full check of a big file
    // takes seconds, so it runs once a day on the daily backup copy (maybe_daily_backup). A
    // damaged file throws DamagedDatabaseError.
    static Database open(const std::filesystem::path& path);
    // A second, read-only connection to the file `open` holds (already checked and migrated), for
    // reading on another thread: a SQLite connection serves one thread at a time. DataError for
    // an in-memory database, which no second connection can see.
    static Database open_reader(const Database& open);
    // The same, and its statements stop with ReadCancelled once `cancel` is set (checked every
    // thousand or so steps of a statement, and before the first): for reads the owner can cancel.
    // `cancel` must outlive the reader.
    static Database open_cancellable_reader(const Database& open, const std::atomic<bool>& cancel);
    // The file at `path` for looking only: a connection that writes nothing (query_only, and
    // no checkpoint of a -wal on close), neither checked nor migrated nor backed up, so the file
    // and its -wal are left byte for byte as they were (`rapport-cli check`, once
    // check_database_file has found the file sound). DataError when it cannot be opened.
    static Database open_to_look(const std::filesystem::path& path);
    // A private in-memory database with the current schema, for tests.
    static Database open_in_memory();

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    // The file, or for a server its URI without the password (for sentences and logs).
    const std::filesystem::path& path() const { return m_path; }
    // Whether this is a shop's shared database on a PostgreSQL server.
    bool is_server() const;
    // Pages SQLite keeps in memory for this connection. The default (2 MiB) suits a command that
    // runs once: every page cached is memory the process must fault in (a follow-up list with
    // 16 MiB: 5,690 page faults and 48 ms, with 2 MiB: 1,961 and 38 ms). The window, which
    // revisits the same pages all day, asks for a little more (gui/services.cpp).
    void set_page_cache(int kibibytes);
    int schema_version();

    // Whom this connection's saves are stamped with (Stamp in core/records.h): on a shop
    // database the login, read when it opens; on a file "owner" unless the window's "Logged
    // by" or the CLI's --by chose another name on this PC.
    const std::string& actor() const { return m_actor; }
    // A file only: the name must be 1-60 characters without line breaks (InputError). On a
    // shop database the login is who saves, so another name is refused with a sentence.
    void set_actor(const std::string& name);

    // The store's own access to the connection (store/sqlite/connection.h).
    detail::Connection& connection() { return *m_conn; }
    const detail::Connection& connection() const { return *m_conn; }

private:
    Database(std::unique_ptr<detail::Connection> conn, std::filesystem::path path);
    static Database open_server(const std::string& uri);
    void configure();
    void enter_wal();
    void migrate();
    void migrate_server();
    int server_schema_version();

    std::unique_ptr<detail::Connection> m_conn;
    std::filesystem::path m_path;
    std::string m_actor = "owner";
};

// "NFS", "SMB", "CIFS" or "SMB2" for a statfs magic number of a network filesystem, else null;
// and the network filesystem `path` (or its nearest existing folder) is on, empty when local.
const char* network_filesystem_name(unsigned long magic);
std::string network_filesystem_of(const std::filesystem::path& path);

// The migration that brings `from_version` to `from_version + 1`; exposed for tests.
const char* migration_sql(int from_version);

} // namespace rapport::store
