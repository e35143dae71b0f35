// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A shop database's backup is what PostgreSQL's own pg_dump writes (its custom format, which
// pg_restore reads back, compressed, one consistent snapshot taken while others keep working):
// written to a temporary name, flushed and renamed like every other file Rapport writes, so a
// backup is whole or absent.
#include "core/errors.h"
#include "store/server_login.h"
#include "store/sql/database_connection.h"
#include "store/sqlite/backup_copy.h"

#include <fmt/format.h>

#include <cstdlib>
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

// pg_dump from PATH, else from Debian's versioned folders (postgresql-client puts only a
// wrapper in /usr/bin, and a machine with just the server has it under /usr/lib), newest first.
std::optional<fs::path> find_pg_dump() {
    if (const char* path = std::getenv("PATH")) {
        std::string folders = path;
        for (std::size_t start = 0; start <= folders.size();) {
            const std::size_t end = std::min(folders.find(':', start), folders.size());
            const fs::path candidate = fs::path(folders.substr(start, end - start)) / "pg_dump";
            if (end > start && ::access(candidate.c_str(), X_OK) == 0)
                return candidate;
            start = end + 1;
        }
    }
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (::access((entry.path() / "bin" / "pg_dump").c_str(), X_OK) == 0)
            found.push_back(entry.path() / "bin" / "pg_dump");
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
    if (text.rfind("pg_dump: error: ", 0) == 0)
        text = text.substr(16);
    return text;
}

} // namespace

void write_server_dump(Database& db, const fs::path& target) {
    const auto pg_dump = find_pg_dump();
    if (!pg_dump)
        throw DataError(tr("The backup {} could not be written: PostgreSQL's pg_dump is not "
                           "installed on this PC (Debian package postgresql-client)."),
                        target.string());
    const std::string uri = db.connection().server_uri;
    const fs::path temporary =
        target.parent_path() / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid());
    const fs::path errors = temporary.string() + ".err";

    // The window's password reaches pg_dump in its environment, never on its command line
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

    std::vector<std::string> args_text = {pg_dump->string(),
                                          "--format=custom",
                                          "--no-owner",
                                          "--no-privileges",
                                          "--file=" + temporary.string(),
                                          "--dbname=" + uri};
    std::vector<char*> args;
    for (auto& a : args_text)
        args.push_back(a.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (spawned == 0)
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    std::error_code ec;
    if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why =
            spawned != 0 ? std::string(std::strerror(spawned)) : last_line(errors);
        fs::remove(temporary, ec);
        fs::remove(errors, ec);
        throw DataError(tr("The backup {} could not be written: pg_dump said \"{}\"."),
                        target.string(), why);
    }
    fs::remove(errors, ec);
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
}

} // namespace rapport::store::detail
