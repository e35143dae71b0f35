// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl on a Unix
// socket in that folder (no TCP port, nothing shared with a server the machine already runs),
// stopped and removed at the end. As root (CI) the server runs as `nobody`, since initdb
// refuses root; the tests connect as the server's superuser `rapport` whoever runs them.
// The first run keeps an initdb'd cluster in the temporary folder (rapport-pg-cluster-*, 40 MB)
// and later ones copy it: ctest starts a process, so a server, for every test case.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace rapport::test {

class PgServer {
public:
    // Runs initdb and starts the server. Throws std::runtime_error with the tools' output.
    // With `tls_on_tcp`, the server also listens on 127.0.0.1 (a free port) and offers TLS
    // with a certificate of its own for "localhost" and 127.0.0.1, made with openssl.
    explicit PgServer(const std::filesystem::path& bindir, bool tls_on_tcp = false);
    // Stops the server (fast shutdown) and removes its folder.
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // The folder holding PostgreSQL's programs (initdb, pg_ctl), or nullopt when it is not
    // installed. RAPPORT_PG_BINDIR overrides the search.
    static std::optional<std::filesystem::path> find_bindir();

    // A connection URI for `database` on this server, as `user` (the superuser by default).
    std::string uri(const std::string& database, const std::string& user = "rapport") const;
    // The same over TCP to 127.0.0.1 (only with `tls_on_tcp`); `options` go after the '?'.
    std::string tcp_uri(const std::string& database, const std::string& options = "") const;
    // The server's certificate (self-signed: it is its own authority), for sslrootcert.
    std::filesystem::path certificate() const { return m_dir / "data" / "server.crt"; }
    // A new empty database (t1, t2, ...) for one test case; its URI.
    std::string create_database();
    // Runs SQL as the superuser in the `postgres` database (roles, settings).
    void admin_exec(const std::string& sql) const;
    // Puts `line` first in pg_hba.conf (once) and reloads the configuration.
    void prepend_hba(const std::string& line);

    // For fault tests: the server killed without a checkpoint (clients see their connections
    // drop at once), then started again (crash recovery, a new backend for every client).
    void stop_immediately();
    void start();
    bool running() const { return m_running; }

    const std::filesystem::path& socket_dir() const { return m_dir; }
    // initdb (or the cached cluster's copy), start and stop: printed when the server stops.
    std::string timings() const;

private:
    std::filesystem::path private_folder(const std::string& prefix) const;
    void make_cluster();
    void make_certificate();
    std::string command_line(const std::string& command, const std::filesystem::path& log) const;
    void run(const std::string& command) const;
    std::string pg_ctl(const std::string& action) const;

    std::filesystem::path m_bindir;
    std::filesystem::path m_base; // where the servers' folders and the cached cluster go
    std::filesystem::path m_dir;  // the socket; data/ and the logs inside
    bool m_as_nobody = false;
    bool m_ran_initdb = false;
    bool m_running = false;
    int m_tcp_port = 0;  // 0: the socket only
    int m_watchdog = -1; // write end of the pipe the clean-up process waits on
    int m_databases = 0;
    std::chrono::duration<double> m_cluster{}, m_start{}, m_stop{};
};

// The test run's one server, started on first use and stopped at exit; each test case takes
// a database of its own from it. Null, with the reason in `why`, when PostgreSQL is not
// installed: the caller skips with that reason, loudly. Throws when the server fails to start.
PgServer* shared_pg_server(std::string& why);

} // namespace rapport::test
