// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Backups, rotation, restore and damaged files, through the store API on real files.
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "store/backup.h"
#include "store/customers.h"
#include "store/health.h"
#include "store/interactions.h"
#include "store/settings_store.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <thread>

using namespace rapport;
using namespace date::literals;
using rapport::test::file_bytes;
using rapport::test::read_all;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

struct UmaskScope {
    explicit UmaskScope(mode_t m) : old(::umask(m)) {}
    ~UmaskScope() { ::umask(old); }
    mode_t old;
};

Interaction incident(Id customer, const std::string& summary) {
    Interaction i;
    i.customer_id = customer;
    i.summary = summary;
    i.at = LocalDateTime{2026_y / 3 / 2, 600};
    i.category = Category::billing;
    return i;
}

// A shop with `customers` customers and `interactions` incidents spread over them.
void fill_shop(store::Database& db, int customers, int interactions) {
    store::CustomerRepo people(db);
    store::InteractionRepo incidents(db);
    sqlite(db).exec("PRAGMA synchronous = OFF"); // set-up speed; the tests are not about it
    std::vector<Id> ids;
    for (int c = 0; c < customers; ++c)
        ids.push_back(people.add(Customer{.name = "Customer " + std::to_string(c)}));
    for (int i = 0; i < interactions; ++i)
        incidents.add(incident(ids[static_cast<std::size_t>(i % customers)],
                               "Incident number " + std::to_string(i)));
    sqlite(db).exec("PRAGMA synchronous = FULL");
}

std::int64_t count_rows(const fs::path& file, const std::string& table) {
    SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
    return ro.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::string integrity(const fs::path& file) {
    SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
    return ro.execAndGet("PRAGMA integrity_check").getString();
}

int root_page(const fs::path& file, const std::string& table) {
    SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
    return ro.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'")
        .getInt();
}

// A leaf page in the middle of `table`: away from the root and from the first and last rows,
// which the open-time check reads.
int middle_leaf_page(const fs::path& file, const std::string& table) {
    SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement leaves(ro, "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                 "ORDER BY path");
    leaves.bind(1, table);
    std::vector<int> pages;
    while (leaves.executeStep())
        pages.push_back(leaves.getColumn(0).getInt());
    REQUIRE(pages.size() >= 3);
    return pages[pages.size() / 2];
}

// Overwrites the b-tree page type of `page` (1-based) with a value SQLite never writes, as a
// failing disk or a stray write would.
void damage_page(const fs::path& file, int page) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(page - 1) * 4096);
    f.put(static_cast<char>(0x07));
}

std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(folder))
        out.insert(e.path().filename().string());
    return out;
}

} // namespace

TEST_CASE("a backup is a complete copy, owner-only in an owner-only folder, even under umask 002",
          "[backup]") {
    UmaskScope scope(002);
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    fill_shop(db, 5, 40);
    const fs::path file = store::make_backup(db);
    CHECK(file.parent_path() == dir / "backups");
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(dir / "backups") == 0700);
    CHECK(integrity(file) == "ok");
    CHECK(count_rows(file, "interaction") == 40);
    // One self-contained file: reading it creates no -wal or -shm beside it.
    CHECK(names_in(dir / "backups") == std::set<std::string>{file.filename().string()});
}

TEST_CASE("a backup taken while another connection keeps writing is consistent", "[backup]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    {
        auto db = store::Database::open(path);
        fill_shop(db, 20, 3000);
    }
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        auto db = store::Database::open(path);
        store::InteractionRepo repo(db);
        while (!stop) {
            repo.add(incident(1, "Written during the backup"));
            ++written;
        }
    });
    while (written < 5)
        std::this_thread::yield();
    auto db = store::Database::open(path);
    const std::int64_t before = sqlite(db).execAndGet("SELECT count(*) FROM interaction").getInt64();
    const int written_before = written;
    const fs::path file = store::make_backup(db);
    const int written_after = written;
    stop = true;
    writer.join();
    CHECK(integrity(file) == "ok");
    CHECK(count_rows(file, "interaction") >= before);
    // Every interaction in the copy has its search entry: no half of a transaction.
    CHECK(count_rows(file, "interaction_fts_docsize") == count_rows(file, "interaction"));
    INFO("writes during the backup: " << written_after - written_before);
    CHECK(written > written_before);
}

TEST_CASE("the first open of a day makes the daily backup, and later opens that day do not",
          "[backup][daily]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    fill_shop(db, 3, 3);
    const auto first = store::maybe_daily_backup(db, 2026_y / 11 / 25);
    CHECK(first.made);
    CHECK(first.file == dir / "backups/shop-2026-11-25.db");
    CHECK(mode_of(first.file) == 0600);
    store::CustomerRepo(db).add(Customer{.name = "Added later"});
    const auto again = store::maybe_daily_backup(db, 2026_y / 11 / 25);
    CHECK_FALSE(again.made);
    CHECK(count_rows(first.file, "customer") == 3);
    CHECK(store::maybe_daily_backup(db, 2026_y / 11 / 26).made);
}

TEST_CASE("a new, empty database is not backed up, and keep settings of 0 turn daily backups off",
          "[backup][daily]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    CHECK_FALSE(store::maybe_daily_backup(db, 2026_y / 11 / 25).made);
    CHECK_FALSE(fs::exists(dir / "backups"));
    fill_shop(db, 1, 0);
    store::SettingsStore settings(db);
    settings.set("backup_keep_daily", "0");
    settings.set("backup_keep_weekly", "0");
    CHECK_FALSE(store::maybe_daily_backup(db, 2026_y / 11 / 25).made);
    settings.set("backup_keep_daily", "2");
    CHECK(store::maybe_daily_backup(db, 2026_y / 11 / 25).made);
}

TEST_CASE("rotation keeps the last 7 daily backups and the newest of each of the last 4 weeks",
          "[backup][rotation]") {
    std::vector<Date> days;
    for (int i = 0; i < 40; ++i) // every day from Monday 2026-10-05 to Friday 2026-11-13
        days.push_back(add_days(2026_y / 10 / 5, i));
    const auto keep = store::daily_backups_to_keep(days, {});
    const std::vector<Date> expected = {
        2026_y / 11 / 13, 2026_y / 11 / 12, 2026_y / 11 / 11, 2026_y / 11 / 10, 2026_y / 11 / 9,
        2026_y / 11 / 8, 2026_y / 11 / 7,   // the last 7 days; 11-13 and 11-08 are
                                            // also the
        2026_y / 11 / 1, 2026_y / 10 / 25}; // newest of their weeks, then two more Sundays
    CHECK(keep == expected);

    // Weeks that start on Sunday keep Saturdays instead.
    const auto sunday_weeks = store::daily_backups_to_keep(days, {0, 2, date::Sunday});
    CHECK(sunday_weeks == std::vector<Date>{2026_y / 11 / 13, 2026_y / 11 / 7});
    // A shop open only some days: gaps do not shorten what is kept.
    CHECK(store::daily_backups_to_keep({2026_y / 1 / 5, 2026_y / 3 / 2}, {}).size() == 2);
}

TEST_CASE("daily backups over a month leave exactly the rotation's files, and others are never "
          "rotated",
          "[backup][rotation]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    fill_shop(db, 2, 2);
    const fs::path manual = store::make_backup(db);
    for (int i = 0; i < 40; ++i)
        store::maybe_daily_backup(db, add_days(2026_y / 10 / 5, i), {7, 4, date::Monday});
    std::set<std::string> expected = {manual.filename().string()};
    for (const char* d :
         {"11-13", "11-12", "11-11", "11-10", "11-09", "11-08", "11-07", "11-01", "10-25"})
        expected.insert(std::string("shop-2026-") + d + ".db");
    CHECK(names_in(dir / "backups") == expected);
}

TEST_CASE("the backup list shows each backup's kind, date and record counts, newest first",
          "[backup][list]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    fill_shop(db, 4, 6);
    store::maybe_daily_backup(db, 2020_y / 1 / 2);
    fill_shop(db, 1, 0);
    store::make_backup(db);
    {
        std::ofstream(dir / "backups/shop-2020-01-01.db") << "not a database";
        std::ofstream(dir / "backups/notes.txt") << "the owner's own file";
    }
    const auto list = store::list_backups(dir / "shop.db");
    REQUIRE(list.size() == 3);
    CHECK(list[0].kind == store::BackupKind::manual);
    CHECK(list[0].customers == 5);
    CHECK(list[0].interactions == 6);
    CHECK(list[1].kind == store::BackupKind::daily);
    CHECK(list[1].day == 2020_y / 1 / 2);
    CHECK(list[1].taken_at == "2020-01-02");
    CHECK(list[1].customers == 4);
    CHECK(list[1].restorable);
    CHECK_FALSE(list[2].restorable);
    CHECK_FALSE(list[2].problem.empty());
    CHECK(store::list_backups(dir / "other.db").empty());
}

TEST_CASE("restore brings the backup's records back and keeps a safety copy of the file as it "
          "was",
          "[backup][restore]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    fs::path backup;
    {
        auto db = store::Database::open(path);
        fill_shop(db, 3, 5);
        backup = store::make_backup(db);
        store::CustomerRepo(db).add(Customer{.name = "Added after the backup"});
    }
    const auto result = store::restore_backup(path, backup);
    CHECK(result.restored.customers == 3);
    REQUIRE(fs::exists(result.safety_copy));
    CHECK(mode_of(result.safety_copy) == 0600);
    CHECK(count_rows(result.safety_copy, "customer") == 4);
    auto db = store::Database::open(path);
    CHECK(store::CustomerRepo(db).count() == 3);
    CHECK(sqlite(db).execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(store::check_database_file(path).empty());
    CHECK(mode_of(path) == 0600);
}

TEST_CASE("a connection that stays open sees the restored data", "[backup][restore]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    auto db = store::Database::open(path);
    fill_shop(db, 2, 0);
    const fs::path backup = store::make_backup(db);
    fill_shop(db, 5, 0);
    store::restore_backup(path, backup);
    CHECK(store::CustomerRepo(db).count() == 2);
}

TEST_CASE("restore refuses a damaged backup or a file that is not a Rapport backup, and changes "
          "nothing",
          "[backup][restore]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    fs::path backup;
    {
        auto db = store::Database::open(path);
        fill_shop(db, 3, 300);
        backup = store::make_backup(db);
    }
    const std::string before = file_bytes(path);
    damage_page(backup, root_page(backup, "interaction"));
    CHECK_THROWS_WITH(store::restore_backup(path, backup),
                      Catch::Contains("is damaged") && Catch::Contains("Nothing was changed"));
    const fs::path other = dir / "other.db";
    {
        SQLite::Database raw(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE notes (body TEXT)");
    }
    CHECK_THROWS_WITH(store::restore_backup(path, other),
                      Catch::Contains("not a Rapport database"));
    CHECK_THROWS_WITH(store::restore_backup(path, dir / "missing.db"),
                      Catch::Contains("no backup file"));
    CHECK_THROWS_WITH(store::restore_backup(path, path), Catch::Contains("database itself"));
    CHECK(file_bytes(path) == before);
    CHECK(names_in(dir / "backups").size() == 1); // no safety copy for a refused restore
}

TEST_CASE("a database whose header is destroyed can still be restored, and its bytes are kept",
          "[backup][restore]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    fs::path backup;
    {
        auto db = store::Database::open(path);
        fill_shop(db, 3, 5);
        backup = store::make_backup(db);
    }
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.write("garbage garbage garbage garbage", 32);
    }
    const std::string damaged = read_all(path);
    CHECK_THROWS_AS(store::Database::open(path), DataError);
    const auto result = store::restore_backup(path, backup);
    CHECK(read_all(result.safety_copy) == damaged);
    auto db = store::Database::open(path);
    CHECK(store::CustomerRepo(db).count() == 3);
    CHECK(mode_of(path) == 0600);
}

TEST_CASE("a database about to be updated is backed up first, even if the update then fails",
          "[backup][migration]") {
    TempDir dir;
    const fs::path path = dir / "old.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA journal_mode = WAL"); // as every Rapport file is
        raw.exec("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)");
        raw.exec("INSERT INTO customer (name) VALUES ('From an old version')");
        raw.exec(fmt::format("PRAGMA application_id = {}", store::kApplicationId));
        raw.exec("PRAGMA user_version = 0");
    }
    const std::string before = file_bytes(path);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("left as it was"));
    CHECK(file_bytes(path) == before);
    const auto list = store::list_backups(path);
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == store::BackupKind::before_update);
    CHECK(count_rows(list[0].file, "customer") == 1);
}

TEST_CASE("a damaged root page of any table is refused at open and the file is left byte for "
          "byte",
          "[backup][damage]") {
    const std::string table =
        GENERATE(as<std::string>{}, "customer", "interaction", "interaction_fts_data", "setting");
    CAPTURE(table);
    TempDir dir;
    const fs::path path = dir / "shop.db";
    {
        auto db = store::Database::open(path);
        fill_shop(db, 300, 600);
        sqlite(db).exec("INSERT OR REPLACE INTO setting(key, value) VALUES ('currency', 'EUR')");
    }
    damage_page(path, root_page(path, table));
    const std::string before = file_bytes(path);
    try {
        store::Database::open(path);
        FAIL("a damaged file was opened");
    } catch (const store::DamagedDatabaseError& e) {
        CHECK(e.path() == path);
        CHECK_FALSE(e.finding().empty());
        CHECK(std::string(e.what()).find("restore it from a backup") != std::string::npos);
    }
    CHECK(file_bytes(path) == before);
    CHECK_FALSE(store::check_database_file(path).empty());
}

TEST_CASE("damage in the incidents is caught by the day's first open, before anything is written",
          "[backup][damage]") {
    TempDir dir;
    const fs::path path = dir / "shop.db";
    {
        auto db = store::Database::open(path);
        fill_shop(db, 3, 2000);
    }
    damage_page(path, middle_leaf_page(path, "interaction"));
    const std::string before = read_all(path);
    {
        auto db = store::Database::open(path); // the open reads only the big tables' edges
        CHECK_THROWS_AS(store::maybe_daily_backup(db, 2026_y / 11 / 25),
                        store::DamagedDatabaseError);
    }
    CHECK(read_all(path) == before);
    // The damaged copy was discarded: it cannot push a good backup out of the rotation.
    CHECK(store::list_backups(path).empty());
}
