// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/postgres/pg_session.h"
#include "store/server_login.h"

#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rapport::store {

namespace {

// Every Rapport writer takes this transaction-scoped advisory lock first, so writers queue
// one after another like SQLite's BEGIN IMMEDIATE, and a repository's check-then-insert stays
// right without SERIALIZABLE retries. The key is "Rapport" in ASCII.
constexpr std::int64_t kWriterLockKey = 0x52617070'6f7274;
// NOTIFY is delivered at COMMIT, and not at all on ROLLBACK: the other windows hear of a change
// once it is saved (store/change_watch.h), at no extra round trip.
constexpr const char* kBeginWrite =
    "BEGIN; SELECT pg_advisory_xact_lock(23188083640857204); NOTIFY rapport_changes";
static_assert(kWriterLockKey == 23188083640857204);

// statement_timeout: no statement holds a connection (or the writer lock) for ever.
// lock_timeout: a writer waits for another as long as SQLite's busy timeout (database.cpp)
// and then fails `busy`, as it would on a file. DateStyle ISO: dates read back as YYYY-MM-DD.
constexpr const char* kSessionSettings = "SET statement_timeout = '30s'; SET lock_timeout = '5s'; "
                                         "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO'";

// Stored generated columns (the search's tsvector) need 12.
constexpr int kOldestServer = 120000;

// Distinct statement texts kept prepared; past this the cache starts again, so SQL built at
// run time (IN lists of varying length) cannot grow a long-running window's backend for ever.
constexpr std::size_t kMaxPrepared = 1000;

// A read of many rows (sql::Rows::many) inside a transaction comes through a cursor, a batch
// at a time: the first small, as most results are, then doubling, so a million rows take a
// few hundred round trips while no more than one batch is held.
constexpr int kFirstBatch = 256;
constexpr int kLargestBatch = 8192;

struct ConnCloser {
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

sql::Failure failure_for(std::string_view state, bool cancel_requested) {
    using sql::Failure;
    if (state.size() != 5)
        return Failure::other;
    const std::string_view cls = state.substr(0, 2);
    if (cls == "23")
        return Failure::constraint;
    if ((cls == "08" && state != "08P01") || state == "57P01" || state == "57P02" ||
        state == "57P03")
        return Failure::unreachable; // connection exceptions (not 08P01, a protocol
                                     // violation: our mistake); the server stopping or starting
    if (cls == "28" || state == "3D000")
        return Failure::refused; // bad password or role; no such database
    if (state == "40001" || state == "40P01" || state == "55P03" || state == "53300")
        return Failure::busy; // serialization, deadlock, lock timeout, too many connections
    if (state == "57014")     // query_canceled: our cancel(), or else statement_timeout
        return cancel_requested ? Failure::interrupted : Failure::busy;
    if (state == "53100")
        return Failure::disk_full;
    if (state == "58030")
        return Failure::io_error;
    if (state == "25006")
        return Failure::read_only;
    if (state == "42501")
        return Failure::not_allowed; // insufficient_privilege: the roles' GRANTs
    if (state == "XX001" || state == "XX002")
        return Failure::damaged; // data or index corrupted
    return Failure::other;
}

// libpq's own message (no server result to read fields from) on one line, without the
// trailing newline; it names host or socket and never the password.
std::string client_message(const PGconn* conn) {
    std::string m = conn ? PQerrorMessage(conn) : "out of memory";
    for (char& c : m)
        if (c == '\n' || c == '\t')
            c = ' ';
    while (!m.empty() && m.back() == ' ')
        m.pop_back();
    return m.empty() ? "the connection failed" : m;
}

// Why connecting failed. The server's reason is only in the message text; asked for verbose
// errors first, libpq writes "FATAL:  28P01: password authentication failed ...", and the
// SQLSTATE is the same in every language the server speaks, unlike the words.
[[noreturn]] void throw_connect_error(PGconn* conn, bool timed_out) {
    if (timed_out)
        throw sql::Error(sql::Failure::unreachable, "timeout expired: " + client_message(conn));
    // The server asked for a password and none was given, in the URI or a pgpass file
    if (conn && PQconnectionNeedsPassword(conn))
        throw sql::Error(sql::Failure::password_needed, client_message(conn));
    const std::string m = conn ? PQerrorMessage(conn) : "";
    for (std::size_t at = m.find(":  "); at != std::string::npos; at = m.find(":  ", at + 1)) {
        const std::size_t s = at + 3;
        if (s + 7 > m.size() || m.compare(s + 5, 2, ": ") != 0)
            continue;
        const std::string_view state(m.data() + s, 5);
        bool looks_like_state = true;
        for (char c : state)
            looks_like_state =
                looks_like_state && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
        if (looks_like_state) // the primary message is the rest of that line
            throw sql::Error(failure_for(state, false), m.substr(s + 7, m.find('\n', s) - s - 7));
    }
    // TLS asked for in the URI (sslmode=require, verify-ca, verify-full) and not had: trying
    // again will not help, unlike an unreachable server.
    if (m.find("certificate") != std::string::npos ||
        m.find("does not support SSL") != std::string::npos)
        throw sql::Error(sql::Failure::untrusted, client_message(conn));
    // No server reply: no such host, nothing listening, a missing socket.
    throw sql::Error(sql::Failure::unreachable, client_message(conn));
}

// Drives PQconnectPoll or PQresetPoll to the end. libpq keeps connect_timeout only in its
// blocking calls, and we need the non-blocking ones to ask for verbose errors before the
// server answers; so the deadline is kept here. Returns whether the connection is up.
bool finish_connecting(PGconn* conn, PostgresPollingStatusType (*poll_once)(PGconn*),
                       bool& timed_out) {
    int seconds = 0; // libpq: 0 or absent waits for ever, and less than 2 means 2
    if (PQconninfoOption* options = PQconninfo(conn)) {
        for (auto* o = options; o->keyword; ++o)
            if (std::strcmp(o->keyword, "connect_timeout") == 0 && o->val)
                std::from_chars(o->val, o->val + std::strlen(o->val), seconds);
        PQconninfoFree(options);
    }
    if (seconds > 0 && seconds < 2)
        seconds = 2;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    timed_out = false;
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    for (;;) {
        if (status == PGRES_POLLING_OK)
            return true;
        if (status == PGRES_POLLING_FAILED)
            return false;
        int wait_ms = -1;
        if (seconds > 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                timed_out = true;
                return false;
            }
            wait_ms = static_cast<int>(left.count());
        }
        pollfd p{PQsocket(conn),
                 static_cast<short>(status == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const int rc = ::poll(&p, 1, wait_ms);
        if (rc < 0 && errno != EINTR)
            return false;
        if (rc > 0)
            status = poll_once(conn);
    }
}

class PgSessionImpl;

class PgStatement final : public sql::StatementImpl {
public:
    PgStatement(PgSessionImpl& session, std::string_view text);

    void bind_null(int index) override { slot(index).reset(); }
    void bind_int64(int index, std::int64_t value) override {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
        slot(index).emplace(buf, end);
    }
    void bind_double(int index, double value) override {
        char buf[32]; // the shortest text that reads back as the same double
        const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
        slot(index).emplace(buf, end);
    }
    void bind_text(int index, std::string_view value) override {
        // libpq sends text parameters up to their first NUL, and PostgreSQL's text has none:
        // refuse rather than save a shortened value.
        if (value.find('\0') != std::string_view::npos)
            throw sql::Error(sql::Failure::other, "the text holds a NUL character");
        slot(index).emplace(value);
    }
    int parameter_index(const char* name) const override;
    void expect_many_rows() override { m_many = true; }
    std::int64_t changes() const override {
        const char* rows = m_result ? PQcmdTuples(m_result.get()) : "";
        std::int64_t n = 0;
        std::from_chars(rows, rows + std::strlen(rows), n);
        return n;
    }
    ~PgStatement() override { close_cursor(); }
    bool step() override;
    void reset() override {
        close_cursor();
        m_result.reset();
        m_row = -1;
    }
    int column_count() const override { return PQnfields(shape()); }
    const char* column_name(int column) const override {
        const char* name = PQfname(shape(), column);
        return name ? name : "";
    }
    bool is_null(int column) const override {
        return !on_row(column) || PQgetisnull(m_result.get(), m_row, column);
    }
    std::int64_t int64(int column) const override;
    double real(int column) const override;
    std::string_view text(int column) const override {
        if (is_null(column))
            return {};
        return {PQgetvalue(m_result.get(), m_row, column),
                static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, column))};
    }

private:
    std::optional<std::string>& slot(int index) {
        if (index < 1 || index > static_cast<int>(m_params.size()))
            throw sql::Error(sql::Failure::other,
                             "no parameter " + std::to_string(index) + " in: " + m_sql);
        return m_params[static_cast<std::size_t>(index - 1)];
    }
    bool on_row(int column) const {
        return m_result && m_row >= 0 && m_row < PQntuples(m_result.get()) && column >= 0 &&
               column < PQnfields(m_result.get());
    }
    // The result, or before the first step the statement's description: SQLite can name
    // a statement's columns before running it.
    const PGresult* shape() const;
    [[noreturn]] void not_a_number(int column, const char* what) const;
    bool next_batch();
    void close_cursor() noexcept;

    PgSessionImpl& m_session;
    std::string m_sql; // as written, with `?`: the cache's key
    std::vector<std::optional<std::string>> m_params;
    Result m_result; // the whole result, or the cursor's current batch
    mutable Result m_description;
    int m_row = -1;
    bool m_many = false;  // sql::Rows::many: through a cursor inside a transaction
    std::string m_cursor; // the open cursor's name, empty when none is open
    std::uint64_t m_cursor_transaction = 0;
    int m_batch = 0; // rows the last FETCH asked for
};

class PgSessionImpl final : public PgSession {
public:
    explicit PgSessionImpl(const std::string& uri) {
        // Our defaults come before the URI (dbname, expanded), so anything the URI sets wins.
        // keepalives and tcp_user_timeout bound how long a call waits on a server that
        // vanished off the network; libpq ignores them on a Unix socket.
        // The window's password (store/server_login.h) goes before the URI too: one written
        // in the URI wins, and without either libpq reads ~/.pgpass or PGPASSFILE.
        const std::optional<std::string> password = server_password(uri);
        std::vector<const char*> keywords = {"connect_timeout",          "keepalives",
                                             "keepalives_idle",          "keepalives_interval",
                                             "keepalives_count",         "tcp_user_timeout",
                                             "fallback_application_name"};
        std::vector<const char*> values = {"5", "1", "5", "2", "2", "5000", "rapport"};
        if (password) {
            keywords.push_back("password");
            values.push_back(password->c_str());
        }
        keywords.insert(keywords.end(), {"dbname", nullptr});
        values.insert(values.end(), {uri.c_str(), nullptr});
        // A URI libpq cannot read is the caller's mistake, not a server that is away
        char* unreadable = nullptr;
        if (PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &unreadable))
            PQconninfoFree(parsed);
        if (unreadable) {
            std::string why = unreadable;
            PQfreemem(unreadable);
            while (!why.empty() && why.back() == '\n')
                why.pop_back();
            throw sql::Error(sql::Failure::other, why);
        }
        m_conn.reset(PQconnectStartParams(keywords.data(), values.data(), 1));
        if (!m_conn)
            throw sql::Error(sql::Failure::other, "out of memory");
        PQsetErrorVerbosity(m_conn.get(), PQERRORS_VERBOSE);
        bool timed_out = false;
        // Already bad here when the host name does not resolve
        if (PQstatus(m_conn.get()) == CONNECTION_BAD ||
            !finish_connecting(m_conn.get(), PQconnectPoll, timed_out))
            throw_connect_error(m_conn.get(), timed_out);
        PQsetErrorVerbosity(m_conn.get(), PQERRORS_DEFAULT);
        // libpq prints the server's notices on stderr by default ("table ... does not exist,
        // skipping", the shutdown warning of a backend): nothing for the window or the CLI
        PQsetNoticeProcessor(
            m_conn.get(), [](void*, const char*) {}, nullptr);
        configure();
    }
    ~PgSessionImpl() override {
        const std::lock_guard lock(m_cancel_mutex);
        if (m_cancel)
            PQfreeCancel(m_cancel);
    }

    sql::Dialect dialect() const override { return sql::Dialect::postgres; }

    std::unique_ptr<sql::StatementImpl> prepare(std::string_view text) override {
        return std::make_unique<PgStatement>(*this, text);
    }

    void exec(std::string_view text) override {
        usable();
        const std::string copy(text); // PQexec wants it terminated
        check(Result(PQexec(m_conn.get(), copy.c_str())));
    }

    void begin_write() override {
        usable();
        Result r(PQexec(m_conn.get(), kBeginWrite));
        if (!succeeded(r.get())) {
            // BEGIN went through and the lock wait failed: end the aborted transaction here,
            // the caller never saw it begin
            if (PQtransactionStatus(m_conn.get()) == PQTRANS_INERROR)
                Result(PQexec(m_conn.get(), "ROLLBACK"));
            fail(r.get());
        }
        m_in_transaction = true;
        ++m_transaction;
    }

    void commit() override {
        m_in_transaction = false;
        if (m_broken || PQstatus(m_conn.get()) != CONNECTION_OK)
            throw sql::Error(sql::Failure::unreachable,
                             "the connection to the server was lost before the commit");
        Result r(PQexec(m_conn.get(), "COMMIT"));
        check(r);
        // COMMIT of a transaction an earlier error aborted answers ROLLBACK, without an
        // error: the caller must not think its changes were saved.
        if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0)
            throw sql::Error(sql::Failure::other,
                             "the server rolled the transaction back after an earlier error");
    }

    void rollback() noexcept override {
        m_in_transaction = false;
        // The server may be gone (it rolled back itself then), or the transaction ended
        if (!m_broken && PQstatus(m_conn.get()) == CONNECTION_OK &&
            PQtransactionStatus(m_conn.get()) != PQTRANS_IDLE)
            Result(PQexec(m_conn.get(), "ROLLBACK"));
    }

    // A read-only snapshot: REPEATABLE READ sees the database as it was at its first
    // statement, as SQLite's read transaction does.
    void begin_read() override {
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        m_in_transaction = true;
        ++m_transaction;
    }
    void end_read() noexcept override { rollback(); } // it wrote nothing
    bool in_transaction() const override { return m_in_transaction; }
    // Which transaction this is, counted: a cursor lives only as long as its transaction.
    std::uint64_t transaction() const { return m_transaction; }

    PgConnectionInfo info() const override {
        PGconn* c = m_conn.get();
        auto text = [](const char* s) { return std::string(s ? s : ""); };
        return {text(PQhost(c)), text(PQuser(c)), text(PQdb(c)), PQsslInUse(c) == 1,
                PQserverVersion(c)};
    }

    void watch_changes() override {
        exec("LISTEN rapport_changes");
        m_listening = true;
    }

    bool others_saved() override {
        if (m_missed_changes) {
            m_missed_changes = false;
            return true;
        }
        PGconn* c = m_conn.get();
        // Nothing to read from a connection that is down: the next statement reconnects
        if (m_broken || PQstatus(c) != CONNECTION_OK || m_in_transaction)
            return false;
        if (!PQconsumeInput(c) || PQstatus(c) != CONNECTION_OK) {
            m_broken = true; // the next statement reconnects instead of failing first
            return false;
        }
        bool others = false;
        while (PGnotify* n = PQnotifies(c)) {
            others = others || n->be_pid != PQbackendPID(c); // our own saves are known here
            PQfreemem(n);
        }
        return others;
    }

    void cancel() noexcept override {
        const std::lock_guard lock(m_cancel_mutex);
        if (!m_cancel)
            return;
        m_cancel_requested = true;
        char why[256];
        PQcancel(m_cancel, why, sizeof why); // best effort: the statement may have ended
    }

    // The statement's name on the server, prepared on first use; again after a reconnect.
    struct Prepared {
        std::string name;
        std::string numbered; // the SQL with $1, $2, ...: a cursor is declared over it
        int parameters = 0;
        std::vector<std::string> names; // of :name parameters, at their number - 1
    };
    const Prepared& prepared(const std::string& text) {
        usable();
        if (auto it = m_prepared.find(text); it != m_prepared.end())
            return it->second;
        if (m_prepared.size() >= kMaxPrepared &&
            PQtransactionStatus(m_conn.get()) == PQTRANS_IDLE) {
            check(Result(PQexec(m_conn.get(), "DEALLOCATE ALL")));
            m_prepared.clear();
        }
        Prepared p;
        const std::string numbered = number_placeholders(text, p.parameters, &p.names);
        p.name = "r" + std::to_string(++m_prepared_count);
        p.numbered = numbered;
        check(Result(PQprepare(m_conn.get(), p.name.c_str(), numbered.c_str(), 0, nullptr)));
        return m_prepared.emplace(text, std::move(p)).first->second;
    }

    Result run(const Prepared& p, const std::vector<std::optional<std::string>>& params) {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& v : params)
            values.push_back(v ? v->c_str() : nullptr);
        Result r(PQexecPrepared(m_conn.get(), p.name.c_str(), static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0));
        check(r);
        return r;
    }

    // DECLARE takes the query itself, not a prepared statement's name; its parameters travel
    // as a prepared statement's do. Returns the cursor's name.
    std::string declare_cursor(const Prepared& p,
                               const std::vector<std::optional<std::string>>& params) {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& v : params)
            values.push_back(v ? v->c_str() : nullptr);
        std::string name = "rapport_rows_" + std::to_string(++m_cursor_count);
        const std::string text = "DECLARE " + name + " NO SCROLL CURSOR FOR " + p.numbered;
        check(Result(PQexecParams(m_conn.get(), text.c_str(), static_cast<int>(values.size()),
                                  nullptr, values.data(), nullptr, nullptr, 0)));
        return name;
    }

    Result fetch(const std::string& cursor, int rows) {
        usable();
        const std::string text = "FETCH FORWARD " + std::to_string(rows) + " FROM " + cursor;
        Result r(PQexec(m_conn.get(), text.c_str()));
        check(r);
        return r;
    }

    // Closes a cursor of `transaction` that is still open. A cursor ends with its transaction
    // anyway, and one whose transaction failed cannot be closed (nor needs to be): CLOSE would
    // only fail there.
    void close_cursor(const std::string& cursor, std::uint64_t transaction) noexcept {
        if (!m_in_transaction || transaction != m_transaction || m_broken ||
            PQstatus(m_conn.get()) != CONNECTION_OK ||
            PQtransactionStatus(m_conn.get()) != PQTRANS_INTRANS)
            return;
        const std::string text = "CLOSE " + cursor;
        Result(PQexec(m_conn.get(), text.c_str()));
    }

    Result describe(const Prepared& p) {
        Result r(PQdescribePrepared(m_conn.get(), p.name.c_str()));
        check(r);
        return r;
    }

private:
    // Called first by everything that talks to the server. A connection found broken is
    // reset here, once per call, so saving works again when the server is back, without a
    // restart. Not inside a transaction: the server dropped it with the connection, and
    // running the rest of it on a new one would save half of it.
    void usable() {
        if (!m_broken && PQstatus(m_conn.get()) == CONNECTION_OK)
            return;
        if (m_in_transaction)
            throw sql::Error(sql::Failure::unreachable,
                             "the connection to the server was lost during the transaction");
        m_prepared.clear(); // a new backend has none of them
        PQsetErrorVerbosity(m_conn.get(), PQERRORS_VERBOSE);
        bool timed_out = false;
        if (!PQresetStart(m_conn.get()) || !finish_connecting(m_conn.get(), PQresetPoll, timed_out))
            throw_connect_error(m_conn.get(), timed_out);
        PQsetErrorVerbosity(m_conn.get(), PQERRORS_DEFAULT);
        configure();
        m_broken = false;
    }

    void configure() {
        const int version = PQserverVersion(m_conn.get());
        if (version < kOldestServer)
            throw sql::Error(sql::Failure::refused, "the server runs PostgreSQL " +
                                                        std::to_string(version / 10000) +
                                                        "; Rapport needs 12 or newer");
        check(Result(PQexec(m_conn.get(), kSessionSettings)));
        if (m_listening) { // a new backend after a reconnect: listen again, and say so once
            check(Result(PQexec(m_conn.get(), "LISTEN rapport_changes")));
            m_missed_changes = true;
        }
        const std::lock_guard lock(m_cancel_mutex); // a reset gives a new backend to cancel
        if (m_cancel)
            PQfreeCancel(m_cancel);
        m_cancel = PQgetCancel(m_conn.get());
    }

    static bool succeeded(const PGresult* r) {
        const auto s = PQresultStatus(r); // a null result (lost connection) is a fatal error
        return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
    }

    void check(const Result& r) {
        const bool cancelled = m_cancel_requested.exchange(false);
        if (!succeeded(r.get()))
            fail(r.get(), cancelled);
    }

    [[noreturn]] void fail(const PGresult* r, bool cancelled = false) {
        const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        const std::string message = primary ? primary : client_message(m_conn.get());
        const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        const sql::Failure failure = failure_for(state ? state : "", cancelled);
        // No SQLSTATE means libpq itself failed, nearly always on the socket: after a failed
        // send libpq still calls the connection good, and the next call would fail the same
        // way. Marked broken, the next call starts with a reset instead.
        if (!state || failure == sql::Failure::unreachable ||
            PQstatus(m_conn.get()) != CONNECTION_OK) {
            m_broken = true;
            throw sql::Error(sql::Failure::unreachable, message);
        }
        throw sql::Error(failure, message);
    }

    std::unique_ptr<PGconn, ConnCloser> m_conn;
    std::unordered_map<std::string, Prepared> m_prepared;
    unsigned m_prepared_count = 0;
    std::uint64_t m_cursor_count = 0;
    bool m_in_transaction = false;
    std::uint64_t m_transaction = 0; // counts the transactions begun
    bool m_broken = false;           // reset before the next use
    bool m_listening = false;        // watch_changes() was called
    bool m_missed_changes = false;   // reconnected while listening
    std::mutex m_cancel_mutex;       // cancel() comes from another thread
    PGcancel* m_cancel = nullptr;
    std::atomic<bool> m_cancel_requested{false};
};

PgStatement::PgStatement(PgSessionImpl& session, std::string_view text)
    : m_session(session), m_sql(text) {
    // Prepared now, so a mistake in the SQL shows where the statement is made, as on SQLite
    m_params.resize(static_cast<std::size_t>(m_session.prepared(m_sql).parameters));
}

bool PgStatement::step() {
    if (!m_result) {
        // Looked up again on every run: a reconnect since the last one emptied the cache
        const auto& prepared = m_session.prepared(m_sql);
        if (m_many && m_session.in_transaction()) {
            m_cursor = m_session.declare_cursor(prepared, m_params);
            m_cursor_transaction = m_session.transaction();
            m_batch = kFirstBatch;
            m_result = m_session.fetch(m_cursor, m_batch);
        } else {
            m_result = m_session.run(prepared, m_params);
        }
        m_row = -1;
    }
    const int rows = PQntuples(m_result.get());
    if (m_row < rows)
        ++m_row;
    return m_row < rows || next_batch();
}

// After the last row of a cursor's batch: the next batch, if the last one was full.
bool PgStatement::next_batch() {
    if (m_cursor.empty())
        return false;
    if (PQntuples(m_result.get()) == m_batch) {
        m_batch = std::min(m_batch * 2, kLargestBatch);
        m_result.reset(); // one batch held at a time
        m_result = m_session.fetch(m_cursor, m_batch);
        m_row = 0;
        if (PQntuples(m_result.get()) > 0)
            return true;
    }
    close_cursor(); // the rows are all read; m_row stays past the end
    return false;
}

void PgStatement::close_cursor() noexcept {
    if (m_cursor.empty())
        return;
    m_session.close_cursor(m_cursor, m_cursor_transaction);
    m_cursor.clear();
}

int PgStatement::parameter_index(const char* name) const {
    const auto& names = m_session.prepared(m_sql).names;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == name)
            return static_cast<int>(k) + 1;
    return 0;
}

const PGresult* PgStatement::shape() const {
    if (m_result)
        return m_result.get();
    if (!m_description)
        m_description = m_session.describe(m_session.prepared(m_sql));
    return m_description.get();
}

void PgStatement::not_a_number(int column, const char* what) const {
    throw sql::Error(sql::Failure::other, "the column '" + std::string(column_name(column)) +
                                              "' holds '" + std::string(text(column)) + "', not " +
                                              what);
}

std::int64_t PgStatement::int64(int column) const {
    if (is_null(column))
        return 0; // as SQLite
    const std::string_view t = text(column);
    const char* end = t.data() + t.size();
    std::int64_t v = 0;
    if (auto [p, ec] = std::from_chars(t.data(), end, v); ec == std::errc() && p == end)
        return v;
    if (t == "t" || t == "f") // a boolean expression, read as SQLite's 1 and 0
        return t == "t" ? 1 : 0;
    // numeric (sum, avg) or a float: whole numbers, or truncated as SQLite reads a REAL
    double d = 0;
    if (auto [p, ec] = std::from_chars(t.data(), end, d); ec == std::errc() && p == end) {
        if (std::isnan(d))
            return 0;
        if (d >= 9.2233720368547758e18)
            return std::numeric_limits<std::int64_t>::max();
        if (d <= -9.2233720368547758e18)
            return std::numeric_limits<std::int64_t>::min();
        return static_cast<std::int64_t>(d);
    }
    not_a_number(column, "a whole number");
}

double PgStatement::real(int column) const {
    if (is_null(column))
        return 0;
    const std::string_view t = text(column);
    double d = 0;
    const char* end = t.data() + t.size();
    if (auto [p, ec] = std::from_chars(t.data(), end, d); ec == std::errc() && p == end)
        return d;
    not_a_number(column, "a number");
}

} // namespace

std::unique_ptr<PgSession> connect_postgres(const std::string& uri) {
    return std::make_unique<PgSessionImpl>(uri);
}

bool is_postgres_uri(std::string_view text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

PgTarget describe_postgres_uri(const std::string& uri) {
    PgTarget target;
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (error)
        PQfreemem(error);
    if (!options)
        return target;
    for (auto* o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string_view key = o->keyword;
        if (key == "host")
            target.host = o->val;
        else if (key == "port")
            target.port = o->val;
        else if (key == "user")
            target.user = o->val;
        else if (key == "dbname")
            target.database = o->val;
    }
    PQconninfoFree(options);
    return target;
}

} // namespace rapport::store
