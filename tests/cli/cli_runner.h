#pragma once
// Runs the real rapport-cli binary, as a script or a person would, and captures what it says.
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

// A private temporary folder, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "rapport-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data()))
            throw std::runtime_error("mkdtemp failed");
        m_path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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

// A byte-for-byte fingerprint of a file (and its -wal, if any), to prove it was not touched.
inline std::string file_bytes(const std::filesystem::path& p) {
    return read_all(p) + "|wal:" +
           (std::filesystem::exists(p.string() + "-wal") ? read_all(p.string() + "-wal") : "");
}

} // namespace rapport::test
