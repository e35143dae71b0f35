// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "A change the app reports as saved survives a crash or kill -9 of the app at any moment."
// A child process saves numbered incidents through the real store API and reports each id on a
// pipe only after the save returned; the parent kills it with SIGKILL at a random moment, then
// checks that every reported incident is there, whole. RAPPORT_CRASH_ROUNDS sets the rounds
// (200 by default), RAPPORT_CRASH_SEED the random seed.
// This is a process crash: what the kernel already holds reaches the disk. Power loss is what
// synchronous=FULL is for, and cannot be simulated here.
#include "../support/temp_dir.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/interactions.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <poll.h>
#include <random>
#include <set>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace rapport;
using namespace date::literals;
using rapport::test::TempDir;

namespace {

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The child: saves incidents (each with a resolution and a follow-up, so a torn transaction
// would show) until it is killed, reporting each id after its commit returned.
[[noreturn]] void save_until_killed(const std::filesystem::path& path, int out_fd, int round) {
    try {
        auto db = store::Database::open(path);
        // Checkpoint every few commits so kills also land inside checkpoints.
        sqlite(db).exec("PRAGMA wal_autocheckpoint = 8");
        store::InteractionRepo repo(db);
        for (int n = 0;; ++n) {
            Interaction i;
            i.customer_id = 1;
            i.at = LocalDateTime{2026_y / 11 / 25, 600};
            i.category = Category::delay;
            i.summary = "Round " + std::to_string(round) + " incident " + std::to_string(n);
            i.minutes = n % 60;
            i.resolutions.push_back(Resolution{.type = ResolutionType::discount,
                                               .cost = Money::from_cents(100 + n),
                                               .status = ResolutionStatus::accepted});
            i.follow_ups.push_back(FollowUp{.due = 2026_y / 12 / 1, .note = "Call back"});
            const Id id = repo.add(i);
            const std::string line = std::to_string(id) + "\n";
            if (::write(out_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                ::_exit(4);
        }
    } catch (...) {
        ::_exit(3);
    }
}

// Moves the whole lines of `pending` into `ids`, keeping a partial last line.
void take_whole_lines(std::string& pending, std::vector<Id>& ids) {
    for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
        ids.push_back(std::stoll(pending.substr(0, nl)));
        pending.erase(0, nl + 1);
    }
}

// One read of what `fd` holds now; false once the writer has closed it.
bool read_available(int fd, std::string& pending, std::vector<Id>& ids) {
    char buf[4096];
    ssize_t n;
    do
        n = ::read(fd, buf, sizeof buf);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    pending.append(buf, static_cast<std::size_t>(n));
    take_whole_lines(pending, ids);
    return true;
}

// Reads everything left in `fd` after the writer died.
void read_ids(int fd, std::string& pending, std::vector<Id>& ids) {
    while (read_available(fd, pending, ids)) {
    }
}

} // namespace

TEST_CASE("every incident reported as saved survives kill -9 at random moments, whole", "[crash]") {
    const int rounds = env_int("RAPPORT_CRASH_ROUNDS", 200);
    const auto seed = static_cast<unsigned>(env_int("RAPPORT_CRASH_SEED", 20261125));
    std::mt19937 rng(seed);
    TempDir dir;
    const auto path = dir / "crash.db";
    {
        auto db = store::Database::open(path);
        store::CustomerRepo(db).add(Customer{.name = "Crash Test Customer"});
    }
    std::set<Id> reported;
    int killed_mid_run = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            save_until_killed(path, fds[1], round);
        }
        ::close(fds[1]);
        // A quarter of the rounds are killed within a few milliseconds of the start: inside the
        // open, the migration check or the first commit. The rest are killed after a chosen
        // number of reported saves plus a random pause, so the kill lands anywhere in a later
        // commit or checkpoint. Counting saves rather than time keeps this mix the same on a
        // loaded machine (a time-only schedule killed most children before their first save
        // when CI ran other jobs beside this one).
        const bool kill_early = rng() % 4 == 0;
        const std::size_t saves_before_kill = kill_early ? 0 : 1 + rng() % 30;
        const auto pause = std::chrono::microseconds(rng() % (kill_early ? 3'000 : 600));
        std::string pending;
        std::vector<Id> ids;
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        bool child_ended = false;
        while (ids.size() < saves_before_kill && !child_ended &&
               std::chrono::steady_clock::now() < give_up) {
            pollfd p{fds[0], POLLIN, 0};
            if (::poll(&p, 1, 1000) > 0)
                child_ended = !read_available(fds[0], pending, ids);
        }
        const auto deadline = std::chrono::steady_clock::now() + pause;
        while (!child_ended && std::chrono::steady_clock::now() < deadline) {
            pollfd p{fds[0], POLLIN, 0};
            if (::poll(&p, 1, 0) > 0)
                child_ended = !read_available(fds[0], pending, ids);
        }
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        read_ids(fds[0], pending, ids);
        ::close(fds[0]);
        INFO("round " << round << ", seed " << seed);
        REQUIRE(WIFSIGNALED(status));             // it was killed, it did not fail on its own
        REQUIRE(ids.size() >= saves_before_kill); // it saved as often as planned in 60 s
        killed_mid_run += ids.empty() ? 0 : 1;
        reported.insert(ids.begin(), ids.end());

        // Recovery happens on the next open; every reported incident must be there, whole.
        auto db = store::Database::open(path);
        SQLite::Statement st(sqlite(db), "SELECT count(*) FROM interaction i WHERE i.id = ? AND "
                                      "EXISTS (SELECT 1 FROM resolution r WHERE "
                                      "r.interaction_id = i.id) AND EXISTS (SELECT 1 FROM "
                                      "follow_up f WHERE f.interaction_id = i.id)");
        for (Id id : ids) {
            st.bind(1, static_cast<std::int64_t>(id));
            REQUIRE(st.executeStep());
            CHECK(st.getColumn(0).getInt() == 1);
            st.reset();
        }
        // Nothing torn: no incident without its resolution and follow-up.
        CHECK(sqlite(db)
                  .execAndGet("SELECT count(*) FROM interaction i WHERE NOT EXISTS (SELECT 1 "
                              "FROM resolution r WHERE r.interaction_id = i.id)")
                  .getInt() == 0);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto db = store::Database::open(path);
    CHECK(sqlite(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK_FALSE(SQLite::Statement(sqlite(db), "PRAGMA foreign_key_check").executeStep());
    std::int64_t present = 0;
    SQLite::Statement st(sqlite(db), "SELECT id FROM interaction");
    std::set<Id> all;
    while (st.executeStep())
        all.insert(st.getColumn(0).getInt64());
    for (Id id : reported)
        present += all.count(id);
    CHECK(present == static_cast<std::int64_t>(reported.size()));
    // The kills must have landed during saving often enough for the test to mean something.
    CHECK(killed_mid_run > rounds / 2);
    WARN(rounds << " rounds in " << seconds << " s; " << reported.size()
                << " incidents reported saved, " << all.size() << " in the file; " << killed_mid_run
                << " rounds killed after at least one save");
}
