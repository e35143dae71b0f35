// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../support/old_schema.h"
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/log_incident.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace rapport;
using rapport::test::file_bytes;
using rapport::test::TempDir;

namespace {

mode_t mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

// Sets the umask for one scope, as a user's shell might have it.
struct UmaskScope {
    explicit UmaskScope(mode_t m) : old(::umask(m)) {}
    ~UmaskScope() { ::umask(old); }
    mode_t old;
};

} // namespace

TEST_CASE("a new database is private: file 0600 in a 0700 folder, whatever the umask",
          "[database]") {
    for (mode_t mask : {mode_t(022), mode_t(002), mode_t(0)}) {
        UmaskScope scope(mask);
        TempDir dir;
        const auto path = dir / "nested/rapport/rapport.db";
        {
            auto db = store::Database::open(path);
            sqlite(db).exec("INSERT INTO customer (name) VALUES ('Anna')");
        }
        CHECK(mode_of(path) == 0600);
        CHECK(mode_of(path.parent_path()) == 0700);
        CHECK(mode_of(path.parent_path().parent_path()) == 0700);
    }
}

TEST_CASE("a new database is stamped as Rapport's and uses WAL with full sync", "[database]") {
    TempDir dir;
    auto db = store::Database::open(dir / "r.db");
    CHECK(sqlite(db).execAndGet("PRAGMA application_id").getInt() == store::kApplicationId);
    CHECK(sqlite(db).execAndGet("PRAGMA user_version").getInt() == store::kSchemaVersion);
    CHECK(sqlite(db).execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(sqlite(db).execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
    CHECK(sqlite(db).execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("an empty file and a blank SQLite file (version 0) are migrated",
          "[database][migration]") {
    TempDir dir;
    const auto empty = dir / "empty.db";
    std::ofstream(empty).close();
    CHECK(store::Database::open(empty).schema_version() == store::kSchemaVersion);

    const auto blank = dir / "blank.db";
    {
        SQLite::Database raw(blank.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 0");
        raw.exec("VACUUM"); // writes a header: a real SQLite file with no tables
    }
    auto db = store::Database::open(blank);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(sqlite(db).tableExists("customer"));
}

TEST_CASE("every earlier schema version has a migration", "[database][migration]") {
    for (int v = 0; v < store::kSchemaVersion; ++v)
        CHECK(store::migration_sql(v) != nullptr);
    CHECK(store::migration_sql(store::kSchemaVersion) == nullptr);
}

TEST_CASE("a version 6 file gets the search's index from incident to customer",
          "[database][migration][sqlite]") {
    TempDir dir;
    const auto path = dir / "v6.db";
    {
        auto db = store::Database::open(path);
        Customer c;
        c.name = "Anna";
        const Id anna = store::CustomerRepo(db).add(c);
        c.name = "Ben";
        const Id ben = store::CustomerRepo(db).add(c);
        for (const auto& [who, what] :
             {std::pair{anna, "Kettle stopped heating"}, std::pair{ben, "Kettle lid broke"},
              std::pair{ben, "Toaster burns"}}) {
            Interaction i;
            i.customer_id = who;
            i.summary = what;
            i.at = parse_date_time("2026-03-02T10:00");
            store::log_incident(db, i);
        }
        sqlite(db).exec(test::kBackToVersion6);
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(sqlite(db)
              .execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                          "name = 'interaction_customer'")
              .getInt() == 1);
    // A word in incidents finds their customers, each once, through the index (the search
    // names it: a file without it would fail here).
    CHECK(store::CustomerRepo(db).search_ids("kettle").size() == 2);
    CHECK(store::CustomerRepo(db).search_ids("toaster") == std::vector<Id>{2});
}

TEST_CASE("a version 2 file with a follow-up done is brought to version 3 and keeps it",
          "[database][migration][sqlite]") {
    TempDir dir;
    const auto path = dir / "v1.db";
    {
        // A version 2 file: today's schema without what versions 4 and 3 added (issues 16, 18).
        auto db = store::Database::open(path);
        sqlite(db).exec(test::kBackToVersion3);
        sqlite(db).exec(R"(
            INSERT INTO customer (id, name) VALUES (1, 'Anna');
            INSERT INTO interaction (id, customer_id, occurred_at, channel, category, summary)
                VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late');
            INSERT INTO follow_up (id, interaction_id, due_on, done_on, outcome, outcome_note)
                VALUES (1, 1, '2026-03-05', '2026-03-05', 'satisfied', 'fine');
            DROP INDEX follow_up_done_by_day;
            ALTER TABLE follow_up DROP COLUMN customer_said;
            ALTER TABLE follow_up DROP COLUMN satisfaction;
            PRAGMA user_version = 2;)");
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(sqlite(db).execAndGet("SELECT outcome_note FROM follow_up WHERE id = 1").getString() ==
          "fine");
    CHECK(sqlite(db)
              .execAndGet("SELECT satisfaction IS NULL AND customer_said = '' "
                          "FROM follow_up WHERE id = 1")
              .getInt() == 1);
    sqlite(db).exec("UPDATE follow_up SET satisfaction = 5 WHERE id = 1");
    // The same rules as a new file: 1 to 5, and only on a follow-up done.
    CHECK_THROWS(sqlite(db).exec("UPDATE follow_up SET satisfaction = 7 WHERE id = 1"));
    sqlite(db).exec("INSERT INTO follow_up (interaction_id, due_on) VALUES (1, '2026-04-01')");
    CHECK_THROWS(sqlite(db).exec("UPDATE follow_up SET satisfaction = 3 WHERE done_on IS NULL"));
    CHECK(sqlite(db)
              .execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'follow_up_done_by_day'")
              .getInt() == 1);
}

TEST_CASE("reopening keeps the data and does not migrate again", "[database]") {
    TempDir dir;
    {
        auto db = store::Database::open(dir / "r.db");
        sqlite(db).exec("INSERT INTO customer (name) VALUES ('Anna')");
    }
    auto db = store::Database::open(dir / "r.db");
    CHECK(sqlite(db).execAndGet("SELECT name FROM customer").getString() == "Anna");
}

TEST_CASE("another program's SQLite file is refused and left byte-for-byte untouched",
          "[database][refuse]") {
    TempDir dir;
    const auto path = dir / "other.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    }
    const std::string before = file_bytes(path);
    CHECK_THROWS_WITH(store::Database::open(path),
                      Catch::Contains("another program") && Catch::Contains("left untouched"));
    CHECK(file_bytes(path) == before);
    CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST_CASE("another program's file with a hot journal is refused without a rollback",
          "[database][refuse]") {
    // Another program was cut off mid-transaction: its file and its journal, as a copy taken
    // while the writer held them. Rolling that journal back is the other program's business.
    TempDir dir;
    const auto live = dir / "live.db", path = dir / "other.db";
    SQLite::Database writer(live.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    writer.exec("PRAGMA application_id = 305419896; PRAGMA journal_mode = DELETE;"
                "PRAGMA cache_size = 1; CREATE TABLE notes (body TEXT)");
    writer.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                "INSERT INTO notes SELECT printf('%0200d', i) FROM n");
    writer.exec("BEGIN; UPDATE notes SET body = 'changed'"); // spills pages into the file
    std::filesystem::copy_file(live, path);
    std::filesystem::copy_file(live.string() + "-journal", path.string() + "-journal");
    writer.exec("ROLLBACK");
    const std::string before = file_bytes(path), journal = file_bytes(path.string() + "-journal");
    REQUIRE(before != file_bytes(live)); // the copy holds the half-written transaction

    CHECK_THROWS_WITH(store::Database::open(path),
                      Catch::Contains("another program") && Catch::Contains("left untouched"));
    CHECK(file_bytes(path) == before);
    CHECK(file_bytes(path.string() + "-journal") == journal);
}

TEST_CASE("a file that is not a database at all is refused untouched", "[database][refuse]") {
    TempDir dir;
    const auto path = dir / "garbage.db";
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 5000; ++i)
            out.put(static_cast<char>((i * 7919) % 251));
    }
    const std::string before = file_bytes(path);
    CHECK_THROWS_AS(store::Database::open(path), DataError);
    CHECK(file_bytes(path) == before);
}

TEST_CASE("a database from a newer Rapport is refused untouched", "[database][refuse]") {
    TempDir dir;
    const auto path = dir / "newer.db";
    {
        auto db = store::Database::open(path);
        sqlite(db).exec("INSERT INTO customer (name) VALUES ('Anna')");
        sqlite(db).exec("PRAGMA user_version = 99");
        sqlite(db).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = file_bytes(path);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("newer version"));
    CHECK(file_bytes(path) == before);
}

TEST_CASE("the default path follows RAPPORT_DB, then XDG_DATA_HOME", "[database]") {
    const std::string old_db = std::getenv("RAPPORT_DB") ? std::getenv("RAPPORT_DB") : "";
    const std::string old_xdg = std::getenv("XDG_DATA_HOME") ? std::getenv("XDG_DATA_HOME") : "";
    ::unsetenv("RAPPORT_DB");
    ::setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    CHECK(store::default_database_path() == "/tmp/xdg-test/rapport/rapport.db");
    ::setenv("RAPPORT_DB", "/tmp/explicit.db", 1);
    CHECK(store::default_database_path() == "/tmp/explicit.db");
    if (old_db.empty())
        ::unsetenv("RAPPORT_DB");
    else
        ::setenv("RAPPORT_DB", old_db.c_str(), 1);
    if (old_xdg.empty())
        ::unsetenv("XDG_DATA_HOME");
    else
        ::setenv("XDG_DATA_HOME", old_xdg.c_str(), 1);
}

TEST_CASE("a reader connection sees what the window saved and cannot write", "[database]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    sqlite(db).exec("INSERT INTO customer(name) VALUES ('Rita Reader')");
    auto reader = store::Database::open_reader(db);
    CHECK(reader.path() == db.path());
    CHECK(sqlite(reader).execAndGet("SELECT name FROM customer").getString() == "Rita Reader");
    CHECK_THROWS_AS(sqlite(reader).exec("INSERT INTO customer(name) VALUES ('Nobody')"),
                    SQLite::Exception);
    CHECK(sqlite(db).execAndGet("SELECT count(*) FROM customer").getInt() == 1);

    auto memory = store::Database::open_in_memory();
    CHECK_THROWS_AS(store::Database::open_reader(memory), DataError);
}

TEST_CASE("a database file on a network share is recognised by its filesystem", "[database]") {
    CHECK(std::string(store::network_filesystem_name(0x6969)) == "NFS");
    CHECK(std::string(store::network_filesystem_name(0xFF534D42)) == "CIFS");
    CHECK(std::string(store::network_filesystem_name(0xFE534D42)) == "SMB2");
    CHECK(std::string(store::network_filesystem_name(0x517B)) == "SMB");
    CHECK(store::network_filesystem_name(0xEF53) == nullptr);     // ext4
    CHECK(store::network_filesystem_name(0x01021994) == nullptr); // tmpfs
    TempDir dir;
    CHECK(store::network_filesystem_of(dir / "not-yet" / "shop.db").empty());
}
