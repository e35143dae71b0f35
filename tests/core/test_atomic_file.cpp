// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/atomic_file.h"
#include "core/csv_writer.h"
#include "core/errors.h"

#include "format_test_support.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <functional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <sys/stat.h>
#ifndef _WIN32
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace rapport;
using namespace format_test;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Sets the umask for one scope; the process-wide umask is restored afterwards.
class UmaskScope {
public:
    explicit UmaskScope(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_old); }
    UmaskScope(const UmaskScope&) = delete;
    UmaskScope& operator=(const UmaskScope&) = delete;

private:
    mode_t m_old;
};

// Windows has no fork, setuid or setrlimit: the two cases that need a restricted child run
// in the Linux build only.
#ifndef _WIN32
// Runs `attempt` in a child process after `limit` has restricted it, and returns the message
// of the DataError it caught (or what went wrong instead). A child keeps the restriction away
// from the other tests.
std::string message_in_child(const std::function<void()>& limit,
                             const std::function<void()>& attempt) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(pipe_fds[0]);
        std::string message = "no error";
        try {
            limit();
            attempt();
        } catch (const DataError& e) {
            message = e.what();
        } catch (const std::exception& e) {
            message = std::string("other exception: ") + e.what();
        }
        [[maybe_unused]] const auto n = ::write(pipe_fds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;)
        message.append(buf, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return message;
}

// Makes `dir` read-only for the child: as an ordinary user its mode is enough; root ignores
// modes, so the child becomes "nobody" too.
std::function<void()> read_only_folder(const fs::path& dir) {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    return [] {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            throw std::runtime_error("could not drop root");
    };
}

// Files may not grow past `bytes`: writes fail as on a full disk.
std::function<void()> file_size_limit(rlim_t bytes) {
    return [bytes] {
        ::signal(SIGXFSZ, SIG_IGN); // report EFBIG instead of killing the process
        const rlimit limit{bytes, bytes};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            throw std::runtime_error("could not limit file size");
    };
}

#endif

} // namespace

TEST_CASE("a file is written whole and replaces the old one", "[atomic]") {
    TempDir dir;
    const fs::path target = dir / "export.csv";
    write_file_atomically(target, "first version\n");
    CHECK(read_bytes(target) == "first version\n");
    write_file_atomically(target, [](std::ostream& out) { out << "second " << 2 << '\n'; });
    CHECK(read_bytes(target) == "second 2\n");
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.csv"});
}

TEST_CASE("a large export streamed in pieces arrives byte for byte", "[atomic]") {
    TempDir dir;
    std::string expected;
    for (int i = 0; i < 200000; ++i)
        expected += "row " + std::to_string(i) + ",Zoë,12.50\r\n";
    const std::string big_block(300 * 1024, 'x'); // larger than the stream's buffer
    expected += big_block;
    write_file_atomically(dir / "year.csv", [&](std::ostream& out) {
        for (int i = 0; i < 200000; ++i)
            out << "row " << i << ",Zoë,12.50\r\n";
        out.write(big_block.data(), static_cast<std::streamsize>(big_block.size()));
    });
    CHECK(read_bytes(dir / "year.csv") == expected);
}

TEST_CASE("exports are readable by the owner only, whatever the umask", "[atomic]") {
    const mode_t mask = GENERATE(mode_t{022}, mode_t{002}, mode_t{0});
    UmaskScope scope(mask);
    TempDir dir;
    write_file_atomically(dir / "a.csv", "x");
    CHECK(mode_of(dir / "a.csv") == 0600);
    write_file_atomically(dir / "b.ics", [](std::ostream& out) { out << "y"; });
    CHECK(mode_of(dir / "b.ics") == 0600);
    write_file_atomically_via_path(dir / "c.xlsx", [](const fs::path& temp) {
        // Like a library that deletes and recreates the file it was given.
        fs::remove(temp);
        write_bytes(temp, "z");
    });
    CHECK(mode_of(dir / "c.xlsx") == 0600);
    CHECK(read_bytes(dir / "c.xlsx") == "z");
    // Replacing a file someone made world-readable tightens it too.
    write_bytes(dir / "d.csv", "old");
    fs::permissions(dir / "d.csv", fs::perms::all);
    write_file_atomically(dir / "d.csv", "new");
    CHECK(mode_of(dir / "d.csv") == 0600);
}

#ifndef _WIN32
TEST_CASE("writing into a read-only folder leaves the old file untouched", "[atomic]") {
    TempDir dir;
    const fs::path target = dir / "export.csv";
    write_bytes(target, "the accountant's copy");
    const std::string message = message_in_child(read_only_folder(dir.path()), [&] {
        write_file_atomically(target, "a new export that must not appear");
    });
    fs::permissions(dir.path(), fs::perms::owner_all, fs::perm_options::add);
    CHECK(message ==
          "The folder " + dir.path().string() + " cannot be written to: Permission denied.");
    CHECK(read_bytes(target) == "the accountant's copy");
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.csv"});
}
#endif

TEST_CASE("writing into a missing folder says so and creates nothing", "[atomic]") {
    TempDir dir;
    const fs::path target = dir / "no-such-folder" / "export.csv";
    CHECK_THROWS_MATCHES(
        write_file_atomically(target, "x"), DataError,
        Catch::Message("The folder " + (dir / "no-such-folder").string() + " does not exist."));
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("a file name that is a folder is refused", "[atomic]") {
    TempDir dir;
    fs::create_directory(dir / "exports");
    CHECK_THROWS_AS(write_file_atomically(dir / "exports", "x"), DataError);
    CHECK(fs::is_directory(dir / "exports"));
    CHECK(names_in(dir.path()) == std::set<std::string>{"exports"});
}

TEST_CASE("an export that fails half-way leaves the old file and no temporary file", "[atomic]") {
    TempDir dir;
    const fs::path target = dir / "export.csv";
    write_bytes(target, "previous export");
    CHECK_THROWS_MATCHES(write_file_atomically(target,
                                               [](std::ostream& out) {
                                                   out << std::string(200000, 'x');
                                                   throw std::runtime_error("database went away");
                                               }),
                         std::runtime_error, Catch::Message("database went away"));
    CHECK_THROWS_AS(write_file_atomically_via_path(
                        target, [](const fs::path&) { throw InputError("bad date"); }),
                    InputError);
    CHECK(read_bytes(target) == "previous export");
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.csv"});
}

#ifndef _WIN32
TEST_CASE("a write that fails like a full disk is reported and leaves the old file", "[atomic]") {
    TempDir dir;
    const fs::path target = dir / "export.csv";
    write_bytes(target, "previous export");
    const std::string big(100000, 'x');
    CHECK(message_in_child(file_size_limit(1000), [&] { write_file_atomically(target, big); }) ==
          "The file " + target.string() + " could not be written: File too large.");
    CHECK(message_in_child(file_size_limit(1000), [&] {
              write_file_atomically(target, [&](std::ostream& out) { out << big; });
          }) == "The file " + target.string() + " could not be written: File too large.");
    CHECK(read_bytes(target) == "previous export");
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.csv"});
}

TEST_CASE("a CSV export on a full disk names the file and the disk's reason", "[atomic]") {
    // CsvWriter::finish sees the stream fail and throws its own DataError; the disk's reason
    // is the better sentence (issue 19: the failing-disk run found "The CSV file could not be
    // written." with no file and no reason).
    TempDir dir;
    const fs::path target = dir / "export.csv";
    write_bytes(target, "previous export");
    CHECK(message_in_child(file_size_limit(1000), [&] {
              write_file_atomically(target, [&](std::ostream& out) {
                  CsvWriter csv(out);
                  for (int i = 0; i < 2000; ++i)
                      csv.row({"Anna Schmidt", "refund", "12.50"});
                  csv.finish();
              });
          }) == "The file " + target.string() + " could not be written: File too large.");
    CHECK(read_bytes(target) == "previous export");
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.csv"});
}
#endif
