// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pg_server.h"

#include "store/postgres/pg_session.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rapport::test {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'')
            q += "'\\''";
        else
            q += c;
    }
    return q + "'";
}

std::string percent_encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// A TCP port on 127.0.0.1 nothing listens on now (the kernel's pick; the server takes it a
// moment later, which is safe enough for a test machine).
int free_local_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    const bool ok = s >= 0 && ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0;
    if (s >= 0)
        ::close(s);
    if (!ok)
        throw std::runtime_error("no free TCP port on 127.0.0.1 for the PostgreSQL server");
    return ntohs(a.sin_port);
}

std::string tail(const fs::path& file, std::size_t chars = 2000) {
    std::ifstream in(file);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return all.size() > chars ? all.substr(all.size() - chars) : all;
}

} // namespace

std::optional<fs::path> PgServer::find_bindir() {
    auto has_tools = [](const fs::path& dir) {
        return fs::exists(dir / "initdb") && fs::exists(dir / "pg_ctl");
    };
    if (const char* env = std::getenv("RAPPORT_PG_BINDIR"); env && *env)
        return has_tools(env) ? std::optional<fs::path>(env) : std::nullopt;
    // Debian keeps the server's programs out of PATH, one folder per major version
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (has_tools(entry.path() / "bin"))
            found.push_back(entry.path() / "bin");
    if (!found.empty()) // the newest: "15" sorts after "13", and "9.6" is long gone
        return *std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return std::stoi(a.parent_path().filename()) < std::stoi(b.parent_path().filename());
        });
    if (FILE* p = ::popen("pg_config --bindir 2>/dev/null", "r")) {
        char line[4096] = {};
        const bool read = std::fgets(line, sizeof line, p) != nullptr;
        ::pclose(p);
        std::string dir = read ? line : "";
        while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r'))
            dir.pop_back();
        if (!dir.empty() && has_tools(dir))
            return fs::path(dir);
    }
    return std::nullopt;
}

PgServer::PgServer(const fs::path& bindir, bool tls_on_tcp) : m_bindir(bindir) {
    // The socket's path must fit in sun_path (108 bytes): a long TMPDIR falls back to /tmp
    m_base = fs::temp_directory_path();
    if (m_base.string().size() > 60)
        m_base = "/tmp";
    m_as_nobody = ::geteuid() == 0;
    m_dir = private_folder("rapport-pg-");

    // Should this process die without its destructors (a crash, ctest's timeout kill), a
    // shell waiting on a pipe from it stops the server and removes the folder: the pipe
    // closes when the process ends, however it ends. The second stop catches a server that
    // a pg_ctl start, orphaned mid-way, brought up after the first.
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    const std::string stop = "(" + command_line(pg_ctl("stop -m immediate"), "/dev/null") + ")";
    const std::string cleanup =
        "exec >/dev/null 2>&1; trap '' INT HUP TERM; read x; [ \"$x\" = done ] && exit 0; " + stop +
        "; sleep 2; " + stop + "; rm -rf " + quote(m_dir.string());
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[0], 0); // dup2 leaves the copy open across exec
        ::execl("/bin/sh", "sh", "-c", cleanup.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    if (pid < 0) {
        ::close(fds[1]);
        throw std::runtime_error("fork failed");
    }
    m_watchdog = fds[1];

    const auto t0 = Clock::now();
    make_cluster();
    if (tls_on_tcp) {
        make_certificate();
        m_tcp_port = free_local_port();
    }
    m_cluster = Clock::now() - t0;
    start();
}

// A private folder under m_base that the server's user owns.
fs::path PgServer::private_folder(const std::string& prefix) const {
    std::string tmpl = (m_base / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(tmpl.data()))
        throw std::runtime_error("no temporary folder for the PostgreSQL server");
    if (m_as_nobody) {
        const passwd* nobody = ::getpwnam("nobody");
        if (!nobody || ::chown(tmpl.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
            throw std::runtime_error("cannot hand " + tmpl + " to the user nobody");
    }
    return tmpl;
}

// initdb is most of a fresh server's cost (1.7 to 4 s here, against 0.2 s for a copy), and
// ctest runs every test case in a process of its own: so the first run keeps an initdb'd
// cluster beside the servers and later runs copy it. -N: no fsync, it is a throwaway; the
// superuser is `rapport` whatever the OS user, so the URIs never depend on who runs the tests.
void PgServer::make_cluster() {
    const fs::path data = m_dir / "data";
    const std::string major = m_bindir.parent_path().filename().string();
    const fs::path cached = m_base / ("rapport-pg-cluster-" + major + "-" +
                                      (m_as_nobody ? "nobody" : std::to_string(::geteuid())));
    auto initdb = [&](const fs::path& into) {
        m_ran_initdb = true;
        run(quote((m_bindir / "initdb").string()) + " -N -D " + quote(into.string()) +
            " -E UTF8 --locale=C -A trust -U rapport");
    };
    std::error_code ec;
    if (!fs::exists(cached / "PG_VERSION")) {
        // Made aside and renamed into place: test processes running in parallel each make
        // one, the first rename wins and the others' copies go
        const fs::path fresh = private_folder("rapport-pg-new-");
        try {
            initdb(fresh / "data");
            fs::rename(fresh / "data", cached, ec);
        } catch (const std::exception&) {
            fs::remove_all(fresh, ec);
            throw;
        }
        fs::remove_all(fresh, ec);
    }
    try {
        run("cp -a " + quote(cached.string()) + " " + quote(data.string()));
    } catch (const std::exception&) {
        fs::remove_all(data, ec); // a cache half removed by a /tmp cleaner: make a new one
        fs::remove_all(cached, ec);
        initdb(data);
    }
}

// A self-signed certificate in the data folder, where the server looks by default (server.crt
// and server.key); the key readable by the server's user only, as PostgreSQL demands.
void PgServer::make_certificate() {
    run("sh -c 'openssl req -new -x509 -days 2 -nodes -newkey rsa:2048 -subj /CN=localhost "
        "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout data/server.key "
        "-out data/server.crt 2>&1 && chmod 600 data/server.key'");
}

PgServer::~PgServer() {
    try {
        if (m_running) {
            const auto t0 = Clock::now();
            run(pg_ctl("stop -m fast"));
            m_stop = Clock::now() - t0;
            m_running = false;
            std::fprintf(stderr, "%s\n", timings().c_str()); // once per test run
        }
    } catch (const std::exception&) {
        // the watchdog below stops it the hard way
    }
    if (m_watchdog >= 0) {
        if (!m_running) {
            std::error_code ec;
            fs::remove_all(m_dir, ec);
            (void)!::write(m_watchdog, "done\n", 5);
        }
        ::close(m_watchdog);
    }
}

std::string PgServer::pg_ctl(const std::string& action) const {
    return quote((m_bindir / "pg_ctl").string()) + " -w -D " + quote((m_dir / "data").string()) +
           " -l " + quote((m_dir / "server.log").string()) + " " + action;
}

std::string PgServer::command_line(const std::string& command, const fs::path& log) const {
    // From inside the folder: `nobody` may not enter the caller's working directory
    return "cd " + quote(m_dir.string()) + " && " + (m_as_nobody ? "runuser -u nobody -- " : "") +
           command + " >>" + quote(log.string()) + " 2>&1 </dev/null";
}

void PgServer::run(const std::string& command) const {
    const fs::path log = m_dir / "commands.log";
    if (std::system(command_line(command, log).c_str()) != 0)
        throw std::runtime_error("failed: " + command + "\n" + tail(log) + "\nserver log:\n" +
                                 tail(m_dir / "server.log"));
}

void PgServer::start() {
    // fsync off: a test run loses nothing it needs if the machine crashes
    const auto t0 = Clock::now();
    const std::string listen =
        m_tcp_port
            ? "-c listen_addresses=127.0.0.1 -c port=" + std::to_string(m_tcp_port) + " -c ssl=on"
            : "-c listen_addresses=''";
    run(pg_ctl("start -o " + quote("-k " + m_dir.string() + " " + listen + " -c fsync=off")));
    m_running = true;
    if (m_start == std::chrono::duration<double>{})
        m_start = Clock::now() - t0;
}

void PgServer::stop_immediately() {
    run(pg_ctl("stop -m immediate"));
    m_running = false;
}

std::string PgServer::uri(const std::string& database, const std::string& user) const {
    // The socket's name carries the port: a TLS server's is its TCP one
    return "postgresql:///" + database + "?host=" + percent_encode(m_dir.string()) +
           (m_tcp_port ? "&port=" + std::to_string(m_tcp_port) : "") +
           "&user=" + percent_encode(user);
}

std::string PgServer::tcp_uri(const std::string& database, const std::string& options) const {
    if (!m_tcp_port)
        throw std::logic_error("this test server listens on its socket only");
    return "postgresql://rapport@127.0.0.1:" + std::to_string(m_tcp_port) + "/" + database +
           (options.empty() ? "" : "?" + options);
}

std::string PgServer::create_database() {
    const std::string name = "t" + std::to_string(++m_databases);
    admin_exec("CREATE DATABASE " + name);
    return uri(name);
}

void PgServer::admin_exec(const std::string& sql) const {
    store::connect_postgres(uri("postgres"))->exec(sql);
}

void PgServer::prepend_hba(const std::string& line) {
    const fs::path hba = m_dir / "data" / "pg_hba.conf";
    const std::string old = tail(hba, std::string::npos);
    if (old.find(line + "\n") == 0)
        return;
    // Rewritten in place, so the file keeps its owner
    std::ofstream(hba, std::ios::trunc) << line << "\n" << old;
    admin_exec("SELECT pg_reload_conf()");
}

std::string PgServer::timings() const {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "throwaway PostgreSQL server: %s %.2f s, start %.2f s, stop %.2f s",
                  m_ran_initdb ? "initdb" : "copy of the cached cluster", m_cluster.count(),
                  m_start.count(), m_stop.count());
    return buf;
}

PgServer* shared_pg_server(std::string& why) {
    static const std::optional<fs::path> bindir = PgServer::find_bindir();
    if (!bindir) {
        why = "PostgreSQL's server programs (initdb, pg_ctl) are not installed: install the "
              "Debian package postgresql (./packaging/dev.sh deps), or set RAPPORT_PG_BINDIR";
        return nullptr;
    }
    static const std::unique_ptr<PgServer> server = std::make_unique<PgServer>(*bindir);
    return server.get();
}

} // namespace rapport::test
