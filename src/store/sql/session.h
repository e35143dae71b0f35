// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store's one way to run SQL, whatever the database behind it: the single SQLite file
// (store/sqlite/sqlite_session.cpp) or a shop's PostgreSQL server (store/postgres/). The
// repositories write their SQL once against this interface; where the two dialects differ
// they ask Session::dialect(). For src/store and src/exchange .cpp files only.
//
// Parameters are written `?` or `:name` in both dialects (the PostgreSQL session numbers them
// $1, $2, ...).
// Values travel as text, integers or NULL: money is integer cents, dates are ISO text.
// Method names follow SQLiteCpp's (bind, executeStep, getColumn, getInt64...), which the store
// was first written against, so the same code reads the same against both backends.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rapport::store::sql {

enum class Dialect { sqlite, postgres };

// How many rows a read may return. `many` (an export, a pass over every incident): inside a
// transaction (a ReadSnapshot) the PostgreSQL session reads them a batch at a time through a
// cursor instead of holding the whole result, so memory stays flat in the number of rows; such
// statements can be stepped side by side, as SQLite's are. SQLite steps row by row anyway.
enum class Rows { few, many };

// What went wrong, in the terms the store's sentences need (store/connection.cpp words them).
enum class Failure {
    busy,            // another writer holds the lock past the wait
    read_only,       // the file or the server refuses writes
    disk_full,       // no space left
    io_error,        // the disk refused a read or a write
    damaged,         // the file's own checks failed
    interrupted,     // the reader was cancelled
    constraint,      // a CHECK, UNIQUE or foreign key refused the change
    unreachable,     // the server cannot be reached (stopped, restarted, network down)
    refused,         // the server refused us: wrong password, no such database or role
    password_needed, // the server asks for a password and none was given
    untrusted,       // TLS was asked for and could not be had: not offered, or a certificate
                     // that does not prove the server is the one named
    not_allowed,     // the server refused this login the statement (SQLSTATE 42501): a
                     // staff login tried what only the owner may (store/roles.h)
    other,
};

class Error : public std::runtime_error {
public:
    Error(Failure failure, const std::string& message)
        : std::runtime_error(message), m_failure(failure) {}
    Failure failure() const { return m_failure; }

private:
    Failure m_failure;
};

// One backend's prepared statement. Indexes: parameters from 1, columns from 0.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;
    // The index of a named parameter (":from"), 0 when the statement has none of that name.
    virtual int parameter_index(const char* name) const = 0;
    virtual void bind_null(int index) = 0;
    virtual void bind_int64(int index, std::int64_t value) = 0;
    virtual void bind_double(int index, double value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    // From the next run on, read the rows a batch at a time where the backend can (Rows).
    virtual void expect_many_rows() {}
    // Runs the statement on the first call; true while there is a row to read.
    virtual bool step() = 0;
    // Ready to run again; the bindings stay.
    virtual void reset() = 0;
    // Rows the last run inserted, changed or deleted.
    virtual std::int64_t changes() const = 0;
    virtual int column_count() const = 0;
    virtual const char* column_name(int column) const = 0;
    virtual bool is_null(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    // The value as text, valid until the next step or reset; "" for NULL.
    virtual std::string_view text(int column) const = 0;
};

// A connection to one database, used by one thread at a time.
class Session {
public:
    virtual ~Session() = default;
    virtual Dialect dialect() const = 0;
    virtual std::unique_ptr<StatementImpl> prepare(std::string_view sql) = 0;
    // Runs one or more statements that return no rows.
    virtual void exec(std::string_view sql) = 0;
    // A write transaction: SQLite's BEGIN IMMEDIATE takes the write lock at once, so a writer
    // never has to upgrade a read lock and deadlock.
    virtual void begin_write() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // A read-only transaction: every statement in it sees the same moment.
    virtual void begin_read() = 0;
    virtual void end_read() noexcept = 0;
    virtual bool in_transaction() const = 0;
    // For a window that shows what others save: from watch_changes() on, others_saved() says
    // whether another connection (rapport-cli, a second window, another PC) saved a change
    // since the last call; this session's own saves do not count. Cheap enough for a timer: on
    // SQLite one PRAGMA data_version, on PostgreSQL no round trip (LISTEN/NOTIFY).
    virtual void watch_changes() = 0;
    virtual bool others_saved() = 0;
};

// A value of the current row: read it before the next step.
class Column {
public:
    Column(const StatementImpl& st, int index) : m_st(&st), m_index(index) {}
    bool isNull() const { return m_st->is_null(m_index); }
    std::int64_t getInt64() const { return m_st->int64(m_index); }
    int getInt() const { return static_cast<int>(m_st->int64(m_index)); }
    double getDouble() const { return m_st->real(m_index); }
    std::string getString() const { return std::string(m_st->text(m_index)); }
    std::string_view getText() const { return m_st->text(m_index); }
    const char* getName() const { return m_st->column_name(m_index); }

private:
    const StatementImpl* m_st;
    int m_index;
};

class Statement {
public:
    Statement(Session& session, std::string_view sql) : m_impl(session.prepare(sql)) {}
    Statement(Session& session, std::string_view sql, Rows rows) : Statement(session, sql) {
        if (rows == Rows::many)
            m_impl->expect_many_rows();
    }

    int getIndex(const char* name) const { return m_impl->parameter_index(name); }
    void bind(int index) { m_impl->bind_null(index); }
    void bind(int index, int value) { m_impl->bind_int64(index, value); }
    void bind(int index, std::int64_t value) { m_impl->bind_int64(index, value); }
    void bind(int index, double value) { m_impl->bind_double(index, value); }
    void bind(int index, std::string_view value) { m_impl->bind_text(index, value); }
    void bind(int index, const std::string& value) { m_impl->bind_text(index, value); }
    void bind(int index, const char* value) { m_impl->bind_text(index, value); }

    bool executeStep() { return m_impl->step(); }
    // Runs a statement that returns no rows (or whose rows are not wanted) to its end; gives
    // the number of rows it inserted, changed or deleted.
    std::int64_t exec() {
        while (m_impl->step()) {
        }
        return m_impl->changes();
    }
    // Runs an INSERT ... RETURNING id and gives the new row's id.
    std::int64_t execReturningId() {
        if (!m_impl->step())
            throw Error(Failure::other, "The INSERT returned no id.");
        const std::int64_t id = m_impl->int64(0);
        exec(); // to its end: SQLite finishes the insert there
        return id;
    }
    void reset() { m_impl->reset(); }
    int getColumnCount() const { return m_impl->column_count(); }
    Column getColumn(int index) const { return Column(*m_impl, index); }

private:
    std::unique_ptr<StatementImpl> m_impl;
};

// One read transaction around all the reads of a list, report or export: every figure comes
// from the same moment, even when the window saves something meanwhile (and SQLite takes its
// file lock once instead of once per statement). Inside an open transaction (a write that
// reads first) it does nothing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Session& session)
        : m_session(session), m_began(!session.in_transaction()) {
        if (m_began)
            m_session.begin_read();
    }
    ~ReadSnapshot() {
        if (m_began)
            m_session.end_read();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Session& m_session;
    bool m_began;
};

// The first column of the first row of `sql` (a count, a sum, a setting), owned.
struct Value {
    std::optional<std::string> text; // nullopt for NULL or no row
    std::int64_t as_int64 = 0;
    bool isNull() const { return !text; }
    std::int64_t getInt64() const { return as_int64; }
    int getInt() const { return static_cast<int>(as_int64); }
    std::string getString() const { return text.value_or(""); }
};
Value scalar(Session& session, std::string_view sql);

} // namespace rapport::store::sql
