// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/sqlite_session.h"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace rapport::store {
sql::Failure sqlite_failure(int code) {
    switch (code & 0xff) { // the primary code, also for extended ones
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return sql::Failure::busy;
    case SQLITE_READONLY:
        return sql::Failure::read_only;
    case SQLITE_FULL:
        return sql::Failure::disk_full;
    case SQLITE_IOERR:
        return sql::Failure::io_error;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return sql::Failure::damaged;
    case SQLITE_INTERRUPT:
        return sql::Failure::interrupted;
    case SQLITE_CONSTRAINT:
        return sql::Failure::constraint;
    default:
        return sql::Failure::other;
    }
}

namespace {

[[noreturn]] void fail(sqlite3* db, int code) {
    throw sql::Error(sqlite_failure(code), sqlite3_errmsg(db));
}

class SqliteStatement final : public sql::StatementImpl {
public:
    SqliteStatement(sqlite3* db, std::string_view text) : m_db(db) {
        const int rc =
            sqlite3_prepare_v2(db, text.data(), static_cast<int>(text.size()), &m_st, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(m_st);
            fail(db, rc);
        }
    }
    ~SqliteStatement() override { sqlite3_finalize(m_st); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    int parameter_index(const char* name) const override {
        return sqlite3_bind_parameter_index(m_st, name);
    }
    void bind_null(int index) override { check(sqlite3_bind_null(m_st, index)); }
    void bind_int64(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(m_st, index, value));
    }
    void bind_double(int index, double value) override {
        check(sqlite3_bind_double(m_st, index, value));
    }
    void bind_text(int index, std::string_view value) override {
        check(sqlite3_bind_text64(m_st, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8));
    }
    bool step() override {
        if (m_done)
            return false;
        const int rc = sqlite3_step(m_st);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE) {
            m_done = true;
            return false;
        }
        fail(m_db, rc);
    }
    void reset() override {
        m_done = false;
        sqlite3_reset(m_st); // its code repeats the last step's, already reported
    }
    std::int64_t changes() const override { return sqlite3_changes64(m_db); }
    int column_count() const override { return sqlite3_column_count(m_st); }
    const char* column_name(int column) const override { return sqlite3_column_name(m_st, column); }
    bool is_null(int column) const override {
        return sqlite3_column_type(m_st, column) == SQLITE_NULL;
    }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(m_st, column); }
    double real(int column) const override { return sqlite3_column_double(m_st, column); }
    std::string_view text(int column) const override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_st, column));
        if (!p)
            return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(m_st, column))};
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK)
            fail(m_db, rc);
    }

    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
    bool m_done = false;
};

class SqliteSession final : public sql::Session {
public:
    explicit SqliteSession(SQLite::Database& db) : m_db(db.getHandle()) {}
    sql::Dialect dialect() const override { return sql::Dialect::sqlite; }
    std::unique_ptr<sql::StatementImpl> prepare(std::string_view text) override {
        return std::make_unique<SqliteStatement>(m_db, text);
    }
    void exec(std::string_view text) override {
        const std::string copy(text); // sqlite3_exec wants it terminated
        const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            fail(m_db, rc);
    }
    void begin_write() override { exec("BEGIN IMMEDIATE"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override {
        // SQLite may have rolled back already (a full disk can end the transaction itself)
        if (sqlite3_get_autocommit(m_db) == 0)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }

    void begin_read() override { exec("BEGIN DEFERRED"); }
    void end_read() noexcept override {
        // nothing was written: this only releases the snapshot
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    bool in_transaction() const override { return sqlite3_get_autocommit(m_db) == 0; }

    // PRAGMA data_version changes when another connection commits, never for this one's own.
    void watch_changes() override { m_data_version = data_version(); }
    bool others_saved() override {
        if (in_transaction())
            return false;
        const std::int64_t now = data_version();
        const bool changed = m_data_version && now != *m_data_version;
        m_data_version = now;
        return changed;
    }

private:
    std::int64_t data_version() {
        SqliteStatement st(m_db, "PRAGMA data_version");
        return st.step() ? st.int64(0) : 0;
    }

    sqlite3* m_db;
    std::optional<std::int64_t> m_data_version; // set by watch_changes()
};

} // namespace

std::unique_ptr<sql::Session> make_sqlite_session(SQLite::Database& db) {
    return std::make_unique<SqliteSession>(db);
}

} // namespace rapport::store
