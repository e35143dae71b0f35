// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A shop database's backup is what PostgreSQL's own pg_dump writes (its custom format, which
// pg_restore reads back, compressed, one consistent snapshot taken while others keep working):
// written to a temporary name, flushed and renamed like every other file Rapport writes, so a
// backup is whole or absent.
#include "core/errors.h"
#include "core/folder_sync.h"
#include "store/server_login.h"
#include "store/sql/database_connection.h"
#include "store/sqlite/backup_copy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rapport::store::detail {
namespace fs = std::filesystem;

namespace {

// A PostgreSQL program from PATH, else from Debian's versioned folders (postgresql-client puts
// only a wrapper in /usr/bin, and a machine with just the server has it under /usr/lib), newest
// first.
std::optional<fs::path> find_pg_program(const char* name) {
    if (const char* path = std::getenv("PATH")) {
        std::string folders = path;
        for (std::size_t start = 0; start <= folders.size();) {
            const std::size_t end = std::min(folders.find(':', start), folders.size());
            const fs::path candidate = fs::path(folders.substr(start, end - start)) / name;
            if (end > start && ::access(candidate.c_str(), X_OK) == 0)
                return candidate;
            start = end + 1;
        }
    }
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (::access((entry.path() / "bin" / name).c_str(), X_OK) == 0)
            found.push_back(entry.path() / "bin" / name);
    if (found.empty())
        return std::nullopt;
    std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
        return std::atoi(a.parent_path().parent_path().filename().c_str()) >
               std::atoi(b.parent_path().parent_path().filename().c_str());
    });
    return found.front();
}

std::string last_line(const fs::path& file) {
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    const auto nl = text.rfind('\n');
    text = nl == std::string::npos ? text : text.substr(nl + 1);
    for (const char* prefix : {"pg_dump: error: ", "pg_restore: error: "})
        if (text.rfind(prefix, 0) == 0)
            text = text.substr(std::strlen(prefix));
    return text;
}

// Runs `args` (a PostgreSQL program first) with the window's password for `uri` in its
// environment, never on its command line; stdout to `out` (or /dev/null). Empty on success,
// else the program's last word.
std::string run_pg_program(std::vector<std::string> args, const std::string& uri,
                           const fs::path& out, const fs::path& errors) {
    std::vector<std::string> env_text;
    for (char** e = environ; *e; ++e)
        if (std::string_view(*e).rfind("PGPASSWORD=", 0) != 0)
            env_text.emplace_back(*e);
    if (const auto password = server_password(uri))
        env_text.push_back("PGPASSWORD=" + *password);
    std::vector<char*> env;
    for (auto& e : env_text)
        env.push_back(e.data());
    env.push_back(nullptr);
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO,
                                     out.empty() ? "/dev/null" : out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (spawned == 0)
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    std::string why;
    if (spawned != 0)
        why = std::strerror(spawned);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        why = last_line(errors);
    std::error_code ec;
    fs::remove(errors, ec);
    return why;
}

} // namespace

void write_server_dump(Database& db, const fs::path& target) {
    const auto pg_dump = find_pg_program("pg_dump");
    if (!pg_dump)
        throw DataError(tr("The backup {} could not be written: PostgreSQL's pg_dump is not "
                           "installed on this PC (Debian package postgresql-client)."),
                        target.string());
    const std::string uri = db.connection().server_uri;
    const fs::path temporary =
        target.parent_path() / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid());
    const fs::path errors = temporary.string() + ".err";

    const std::string why =
        run_pg_program({pg_dump->string(), "--format=custom", "--no-owner", "--no-privileges",
                        "--file=" + temporary.string(), "--dbname=" + uri},
                       uri, {}, errors);
    std::error_code ec;
    if (!why.empty()) {
        fs::remove(temporary, ec);
        throw DataError(tr("The backup {} could not be written: pg_dump said \"{}\"."),
                        target.string(), why);
    }
    // Flushed before it takes its name: after a power cut the name holds the whole copy
    const int fd = ::open(temporary.c_str(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    ::chmod(temporary.c_str(), 0600);
    fs::rename(temporary, target, ec);
    if (!synced || ec) {
        fs::remove(temporary, ec);
        throw DataError(tr("The backup {} could not be written: {}."), target.string(),
                        system_reason(errno ? errno : EIO));
    }
    sync_parent_folder(target); // the rename itself survives a power cut, as in atomic_file
}

ServerDumpFacts inspect_server_dump(const fs::path& file) {
    ServerDumpFacts facts;
    char magic[5] = {};
    std::ifstream(file, std::ios::binary).read(magic, sizeof magic);
    if (std::string_view(magic, sizeof magic) != "PGDMP") {
        facts.problem = tr("it is not a copy made by pg_dump");
        return facts;
    }
    const auto pg_restore = find_pg_program("pg_restore");
    if (!pg_restore) {
        facts.problem = tr("PostgreSQL's pg_restore is not installed on this PC (Debian package "
                           "postgresql-client)");
        return facts;
    }
    // The rows of the tables the list shows, as pg_restore would put them back: one line each
    // between "COPY public.TABLE" and "\.".
    const fs::path rows =
        file.parent_path() / fmt::format(".{}.rows-{}", file.filename().string(), ::getpid());
    const std::string why = run_pg_program(
        {pg_restore->string(), "--data-only", "--table=rapport_meta", "--table=customer",
         "--table=interaction", "--table=purchase", "--file=-", file.string()},
        {}, rows, rows.string() + ".err");
    std::error_code ec;
    if (!why.empty()) {
        fs::remove(rows, ec);
        facts.problem = Message(tr("pg_restore cannot read it: {}"), why);
        return facts;
    }
    std::ifstream in(rows);
    std::string line, table;
    bool ours = false;
    while (std::getline(in, line)) {
        if (table.empty()) {
            if (line.rfind("COPY public.", 0) == 0)
                table = line.substr(12, line.find(' ', 12) - 12);
            continue;
        }
        if (line == "\\.") {
            table.clear();
            continue;
        }
        if (table == "customer")
            ++facts.customers;
        else if (table == "interaction")
            ++facts.interactions;
        else if (table == "purchase")
            ++facts.purchases;
        else if (table == "rapport_meta") {
            const auto tab = line.find('\t');
            const std::string key = line.substr(0, tab);
            const std::string value = tab == std::string::npos ? "" : line.substr(tab + 1);
            if (key == "application_id")
                ours = value == std::to_string(kApplicationId);
            else if (key == "schema_version")
                facts.schema_version = std::atoi(value.c_str());
        }
    }
    in.close();
    fs::remove(rows, ec);
    if (!ours)
        facts.problem = tr("it is not a copy of a Rapport shop database");
    else if (facts.schema_version > kSchemaVersion)
        facts.problem = tr("it was saved by a newer version of Rapport");
    else
        facts.restorable = true;
    return facts;
}

void restore_server_dump(Database& live, const fs::path& file) {
    const auto pg_restore = find_pg_program("pg_restore");
    if (!pg_restore)
        throw DataError(tr("{} cannot be restored: PostgreSQL's pg_restore is not installed on "
                           "this PC (Debian package postgresql-client). Nothing was changed."),
                        file.string());
    const std::string uri = live.connection().server_uri;
    // --clean drops what the copy holds and makes it again; --single-transaction makes all of
    // it one commit, so a failure half-way leaves the shop database as it was.
    const std::string why = run_pg_program(
        {pg_restore->string(), "--clean", "--if-exists", "--single-transaction", "--no-owner",
         "--no-privileges", "--exit-on-error", "--dbname=" + uri, file.string()},
        uri, {}, file.parent_path() / fmt::format(".restore-{}.err", ::getpid()));
    if (!why.empty())
        throw DataError(tr("{} could not be restored: pg_restore said \"{}\". Nothing was "
                           "changed."),
                        file.string(), why);
}

} // namespace rapport::store::detail
