#pragma once
// Runs the real rapport-cli binary, as a script or a person would, and captures what it says.
#include "../support/temp_dir.h"

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rapport::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs rapport-cli with `args` (no shell involved, so any text is passed as is).
inline CliResult run_cli(const std::vector<std::string>& args) {
    TempDir io;
    const std::string out_path = (io / "out").string();
    const std::string err_path = (io / "err").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    std::vector<std::string> argv_store;
    argv_store.push_back(RAPPORT_CLI_PATH);
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    CliResult r;
    if (posix_spawn(&pid, RAPPORT_CLI_PATH, &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = read_all(out_path);
    r.err = read_all(err_path);
    return r;
}

// Runs rapport-cli on the database `db` (adds --db first).
inline CliResult run_cli(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    return run_cli(args);
}

// The output without its trailing newline, for commands that print one value.
inline std::string trimmed(const std::string& s) {
    std::string t = s;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' '))
        t.pop_back();
    return t;
}

} // namespace rapport::test
