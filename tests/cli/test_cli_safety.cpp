// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The data safety promises through the real rapport-cli: backups and restore, damaged,
// read-only, locked and full databases, private files, and erasing a deleted customer.
#include "cli_runner.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <fstream>
#include <functional>
#include <future>
#include <sys/stat.h>
#ifndef _WIN32
#include <sys/resource.h>
#endif

using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-11-25";

CliResult ok(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--today", kToday});
    auto r = run_cli(db, std::move(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

// Anna and Bob with an incident each; today's daily backup already made.
fs::path make_shop(const TempDir& dir) {
    const fs::path db = dir / "shop.db";
    ok(db, {"customer", "add", "Anna Schmidt", "--note", "Prefers email"});
    ok(db, {"customer", "add", "Bob Müller"});
    ok(db, {"log", "Anna Schmidt", "--summary", "Kettle broke", "--resolution", "refund", "--cost",
            "25", "--status", "accepted"});
    ok(db, {"log", "Bob Müller", "--summary", "Late delivery"});
    return db;
}

int lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

std::string customers_json(const fs::path& db) {
    return ok(db, {"--json", "customer", "list"}).out;
}

// Windows has no fork, setuid or setrlimit: the read-only and full-disk cases that need a
// restricted child run in the Linux build only.
#ifndef _WIN32
// Runs rapport-cli in a forked child after `setup` ran there (drop privileges, limit file
// sizes): what a person's shell would do before starting it.
CliResult run_cli_in_child(const fs::path& db, std::vector<std::string> args,
                           const std::function<void()>& setup) {
    args.insert(args.begin(), {RAPPORT_CLI_PATH, "--db", db.string(), "--today", kToday});
    TempDir io;
    const std::string out = (io / "out").string(), err = (io / "err").string();
    fs::permissions(io.path(), fs::perms::all);
    const pid_t pid = ::fork();
    if (pid == 0) {
        setup();
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        ::dup2(o, 1);
        ::dup2(e, 2);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(RAPPORT_CLI_PATH, argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
}

// Makes `db` read-only for the child. Root ignores file modes, so then the files go to
// "nobody" and the child becomes nobody too.
std::function<void()> read_only_database(const TempDir& dir, const fs::path& db) {
    const bool root = ::geteuid() == 0;
    if (root) {
        for (const auto& e : fs::recursive_directory_iterator(dir.path()))
            REQUIRE(::chown(e.path().c_str(), 65534, 65534) == 0);
        REQUIRE(::chown(dir.path().c_str(), 65534, 65534) == 0);
    }
    fs::permissions(db, fs::perms::owner_read);
    return [root] {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(126);
    };
}

// Files may not grow past `bytes`, as on a full disk; writes past it fail with EFBIG.
std::function<void()> file_size_limit(rlim_t bytes) {
    return [bytes] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, bytes};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            ::_exit(126);
    };
}

#endif

} // namespace

TEST_CASE("backup prints where it wrote a private copy, and --out writes where it is told",
          "[cli][backup]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const auto r = ok(db, {"backup"});
    const fs::path file = trimmed(r.out);
    CHECK(file.parent_path() == dir / "backups");
    CHECK(mode_of(file) == 0600);
    CHECK(run_cli(file, {"--today", kToday, "customer", "list"}).out.find("Anna Schmidt") !=
          std::string::npos);
    const auto out = dir / "copy.db";
    CHECK(trimmed(ok(db, {"backup", "--out", out.string()}).out) == out.string());
    CHECK(mode_of(out) == 0600);
    const auto refused = run_cli(db, {"backup", "--out", db.string()});
    CHECK(refused.exit_code == 2);
    CHECK(run_cli(db, {"backup", "--out", (dir / "no/such/folder/x.db").string()}).exit_code == 1);
}

TEST_CASE("backup --list shows each backup's date, kind and record counts, also as JSON",
          "[cli][backup]") {
    TempDir dir;
    const auto db = make_shop(dir);
    CHECK(fs::exists(dir / "backups/shop-2026-11-25.db")); // the day's first command made it
    ok(db, {"backup"});
    const auto text = ok(db, {"backup", "--list"}).out;
    CHECK(text.find("manual") != std::string::npos);
    CHECK(text.find("2026-11-25") != std::string::npos);
    CHECK(text.find("2 customers, 2 interactions, 0 purchases") != std::string::npos);
    const auto j = nlohmann::json::parse(ok(db, {"--json", "backup", "--list"}).out);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["kind"] == "manual");
    CHECK(j[0]["customers"] == 2);
    CHECK(j[1]["kind"] == "daily");
    CHECK(j[1]["date"] == "2026-11-25");
    // The daily backup was made by the first command that found a customer: Anna alone.
    CHECK(j[1]["customers"] == 1);
    const auto none = run_cli(dir / "new.db", {"backup", "--list"});
    CHECK(none.exit_code == 0);
    CHECK(none.out.find("no backups") != std::string::npos);
}

TEST_CASE("restore needs --yes, keeps a safety copy and says where it is", "[cli][restore]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const std::string backup = trimmed(ok(db, {"backup"}).out);
    ok(db, {"customer", "add", "Carla Added Later"});
    const std::string with_carla = customers_json(db);

    const auto unconfirmed = run_cli(db, {"restore", backup});
    CHECK(unconfirmed.exit_code == 2);
    CHECK(lines(unconfirmed.err) == 1);
    CHECK(customers_json(db) == with_carla);

    // The name as `backup --list` shows it is enough.
    const auto r = ok(db, {"restore", fs::path(backup).filename().string(), "--yes"});
    CHECK(r.out.find("2 customers") != std::string::npos);
    const auto at = r.out.find("kept in ");
    REQUIRE(at != std::string::npos);
    const fs::path safety = trimmed(r.out.substr(at + 8));
    CHECK(mode_of(safety) == 0600);
    CHECK(customers_json(db).find("Carla") == std::string::npos);
    CHECK(customers_json(safety).find("Carla Added Later") != std::string::npos);
    CHECK(run_cli(db, {"check"}).exit_code == 0);

    const auto missing = run_cli(db, {"restore", "nothing-here.db", "--yes"});
    CHECK(missing.exit_code == 1);
    CHECK(lines(missing.err) == 1);
}

TEST_CASE("a damaged database is refused untouched, check lists what is wrong, and restore "
          "brings the data back",
          "[cli][damage]") {
    TempDir dir;
    const auto db = make_shop(dir);
    for (int i = 0; i < 200; ++i) // enough customers for the table to span pages
        ok(db, {"customer", "add", "Customer number " + std::to_string(i)});
    const std::string backup = trimmed(ok(db, {"backup"}).out);
    int root = 0;
    {
        SQLite::Database ro(db.string(), SQLite::OPEN_READONLY);
        root = ro.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'customer'").getInt();
    }
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(root - 1) * 4096);
        f.put(static_cast<char>(0x07)); // not a b-tree page type
    }
    const std::string damaged = read_all(db);

    const auto list = run_cli(db, {"customer", "list"});
    CHECK(list.exit_code == 1);
    CHECK(lines(list.err) == 1);
    CHECK(list.err.find("damaged") != std::string::npos);
    CHECK(list.err.find("backup --list") != std::string::npos);
    CHECK(run_cli(db, {"customer", "add", "Dora"}).exit_code == 1);

    const auto check = run_cli(db, {"check"});
    CHECK(check.exit_code == 1);
    CHECK_FALSE(check.out.empty()); // the findings, one per line
    CHECK(check.err.find("restore") != std::string::npos);
    const auto check_json = nlohmann::json::parse(run_cli(db, {"--json", "check"}).out);
    CHECK(check_json["ok"] == false);
    CHECK_FALSE(check_json["problems"].empty());
    CHECK(read_all(db) == damaged);

    CHECK(run_cli(db, {"backup", "--list"}).exit_code == 0); // works on a damaged database
    ok(db, {"restore", backup, "--yes"});
    CHECK(run_cli(db, {"check"}).exit_code == 0);
    CHECK(customers_json(db).find("Customer number 199") != std::string::npos);
}

#ifndef _WIN32
TEST_CASE("a read-only database: saves exit 1 with one sentence, reading still works, nothing "
          "changes",
          "[cli][failures]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const std::string before = customers_json(db);
    const auto as_owner = read_only_database(dir, db);
    const std::vector<std::vector<std::string>> saves = {
        {"customer", "add", "Carla"},
        {"log", "1", "--summary", "Another problem"},
        {"purchase", "add", "1", "--amount", "20"},
        {"settings", "set", "hourly_rate", "45"},
        {"customer", "delete", "2", "--yes"},
    };
    for (const auto& args : saves) {
        INFO(args[0] << " " << args[1]);
        const auto r = run_cli_in_child(db, args, as_owner);
        CHECK(r.exit_code == 1);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find("read-only") != std::string::npos);
    }
    const auto list = run_cli_in_child(db, {"--json", "customer", "list"}, as_owner);
    CHECK(list.exit_code == 0);
    CHECK(list.out == before);
    CHECK(mode_of(db) == 0400);
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
    CHECK(customers_json(db) == before);
}
#endif

TEST_CASE("a database another program holds for writing: saves wait, then exit 1 with one "
          "sentence, and nothing changes",
          "[cli][failures]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const std::string before = customers_json(db);
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE setting SET value = value"); // holds the write lock
    const std::vector<std::vector<std::string>> saves = {
        {"customer", "add", "Carla"},
        {"log", "1", "--summary", "Another problem"},
        {"purchase", "add", "1", "--amount", "20"},
        {"settings", "set", "hourly_rate", "45"},
        {"customer", "delete", "2", "--yes"},
    };
    // In parallel: each waits out the 5 s busy timeout.
    std::vector<std::future<CliResult>> running;
    for (const auto& args : saves) {
        auto a = args;
        a.insert(a.begin(), {"--today", kToday});
        running.push_back(std::async(std::launch::async, [db, a] { return run_cli(db, a); }));
    }
    for (std::size_t i = 0; i < running.size(); ++i) {
        const auto r = running[i].get();
        INFO(saves[i][0] << " " << saves[i][1] << ": " << r.err);
        CHECK(r.exit_code == 1);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find("busy in another window or program") != std::string::npos);
    }
    // Reading is not blocked by the writer.
    CHECK(customers_json(db) == before);
    other.exec("ROLLBACK");
    CHECK(customers_json(db) == before);
    ok(db, {"customer", "add", "Carla"});
}

#ifndef _WIN32
TEST_CASE("a full disk: saves exit 1 with one sentence, and what was saved stays whole",
          "[cli][failures]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const std::string before = customers_json(db);
    const std::string big(100000, 'x');
    // Room for SQLite's 32 KiB shared-memory file, not for the saves' WAL frames.
    const auto full = file_size_limit(40000);
    const std::vector<std::vector<std::string>> saves = {
        {"customer", "add", "Carla", "--note", big},
        {"log", "1", "--summary", big},
    };
    for (const auto& args : saves) {
        INFO(args[0]);
        const auto r = run_cli_in_child(db, args, full);
        CHECK(r.exit_code == 1);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find("disk") != std::string::npos);
        CHECK(r.err.find("Nothing was changed") != std::string::npos);
    }
    CHECK(run_cli(db, {"check"}).exit_code == 0);
    CHECK(customers_json(db) == before);
    ok(db, {"customer", "add", "Carla", "--note", big}); // with room again
}
#endif

TEST_CASE("under umask 002 the database, its WAL and shared memory, backups and exports are "
          "owner-only",
          "[cli][privacy]") {
    const mode_t old = ::umask(002);
    TempDir dir;
    const auto db = make_shop(dir);
    ok(db, {"log", "1", "--summary", "Call back", "--follow-up", "2026-11-30"});
    const fs::path backup = trimmed(ok(db, {"backup"}).out);
    const auto ics = dir / "calendar.ics";
    ok(db, {"export", "followups", "--format", "ics", "--out", ics.string()});
    {
        // While a connection is open, as the window keeps it.
        SQLite::Database open(db.string(), SQLite::OPEN_READWRITE);
        open.exec("PRAGMA journal_mode = WAL");
        open.exec("INSERT INTO setting (key, value) VALUES ('business_name', 'Shop')");
        CHECK(mode_of(db.string() + "-wal") == 0600);
        CHECK(mode_of(db.string() + "-shm") == 0600);
    }
    ::umask(old);
    CHECK(mode_of(db) == 0600);
    CHECK(mode_of(dir / "backups") == 0700);
    CHECK(mode_of(dir / "backups/shop-2026-11-25.db") == 0600);
    CHECK(mode_of(backup) == 0600);
    CHECK(mode_of(ics) == 0600);
}

TEST_CASE("customer delete --yes erases the customer's name, note and incidents from the file",
          "[cli][privacy]") {
    TempDir dir;
    const auto db = make_shop(dir);
    ok(db, {"customer", "add", "Zebulonia Quixwright", "--note", "Allergicmarmalade", "--email",
            "zq@hiddenmail.example"});
    ok(db, {"log", "Zebulonia Quixwright", "--summary", "Xylophonist complaint", "--lesson",
            "Lessonqwerty"});
    auto file_text = [&] {
        std::string s = read_all(db) + read_all(db.string() + "-wal");
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    const std::vector<std::string> secrets = {"zebulonia",  "quixwright",  "allergicmarmalade",
                                              "hiddenmail", "xylophonist", "lessonqwerty"};
    for (const auto& s : secrets)
        REQUIRE(file_text().find(s) != std::string::npos);
    ok(db, {"customer", "delete", "Zebulonia Quixwright", "--yes"});
    for (const auto& s : secrets) {
        INFO(s);
        CHECK(file_text().find(s) == std::string::npos);
    }
    CHECK(run_cli(db, {"check"}).exit_code == 0);
    CHECK(customers_json(db).find("Anna Schmidt") != std::string::npos);
}
