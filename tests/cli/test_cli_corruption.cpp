// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Damaged files through the real rapport-cli: garbage, a file cut in half, and 200 single-byte
// flips of a real database, spread over the header, the first page and the b-tree pages. Each
// must give a clear refusal or a clean check failure - exit 0 or 1 with one line on stderr,
// never a crash or a signal - and a refused file must be left exactly as it was.
// Then every kind of damage of damaged_files.h (issue 19), through check, customer show, customer
// list and restore: RAPPORT_DAMAGED_FILES sets how many files (35 by default; the long run,
// `./packaging/dev.sh damaged`, makes 10,000), RAPPORT_DAMAGED_FROM the first one tried (the
// ones before it are made and skipped, so batches of one long run can go side by side).
// Run under AddressSanitizer and UBSan by `./packaging/dev.sh sanitize`.
#include "cli_runner.h"
#include "core/utf8.h"
#include "damaged_files.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>

using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-11-25";

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

int lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

struct Tally {
    int refused = 0;      // at least one command said no, with a sentence
    int check_failed = 0; // check exit 1
    int list_refused = 0; // customer list exit 1
    int unnoticed = 0;    // both succeeded: the byte was in free space or plain text
};

// Runs check and customer list on `damaged` (in a folder of its own, so each case gets its own
// backups folder) and checks the contract.
void try_damaged(const std::string& label, const std::string& damaged, Tally& tally) {
    TempDir dir;
    const fs::path db = dir / "shop.db";
    write_bytes(db, damaged);
    INFO(label);
    bool refused = false;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check"}, std::vector<std::string>{"customer", "list"}}) {
        std::vector<std::string> full = {"--today", kToday};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = run_cli(db, full);
        INFO(args[0] << " exited " << r.exit_code << " and said: " << r.err);
        REQUIRE((r.exit_code == 0 || r.exit_code == 1)); // never 2 (usage) or a signal
        if (r.exit_code == 1) {
            refused = true;
            CHECK(lines(r.err) == 1);
            CHECK(r.err.rfind("rapport-cli: ", 0) == 0);
            (args[0] == "check" ? tally.check_failed : tally.list_refused) += 1;
            CHECK(read_all(db) == damaged); // a refused file is left exactly as it was
        }
    }
    if (refused)
        ++tally.refused;
    else
        ++tally.unnoticed;
    // Looking never writes, refused or not.
    CHECK(read_all(db) == damaged);
}

// A realistic database made by the CLI itself, closed (no -wal), as bytes.
std::string real_database(const TempDir& dir) {
    const fs::path db = dir / "real.db";
    auto r = run_cli(db, {"--today", kToday, "demo", "--customers", "60", "--interactions", "600",
                          "--seed", "11"});
    REQUIRE(r.exit_code == 0);
    REQUIRE(run_cli(db, {"check"}).exit_code == 0);
    REQUIRE_FALSE((fs::exists(db.string() + "-wal") && fs::file_size(db.string() + "-wal") > 0));
    return read_all(db);
}

} // namespace

TEST_CASE("a garbage file and a database cut in half are refused clearly and left as they were",
          "[cli][corruption]") {
    TempDir dir;
    const std::string real = real_database(dir);
    Tally tally;
    std::mt19937 rng(42);
    std::string garbage(real.size(), '\0');
    for (char& c : garbage)
        c = static_cast<char>(rng());
    try_damaged("garbage", garbage, tally);
    try_damaged("cut in half", real.substr(0, real.size() / 2), tally);
    try_damaged("only the header", real.substr(0, 100), tally);
    // Each of these must be noticed: the garbage is no database, and half the pages are gone.
    CHECK(tally.refused == 3);
}

TEST_CASE(
    "200 single-byte flips across a real database never crash the CLI, and refused files stay "
    "as they were",
    "[cli][corruption]") {
    TempDir dir;
    const std::string real = real_database(dir);
    const std::size_t pages = real.size() / 4096;
    REQUIRE(pages > 20);
    std::mt19937 rng(20261125);
    auto below = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    Tally tally;
    Tally regions[4]; // header, schema page, page headers, anywhere
    for (int i = 0; i < 200; ++i) {
        std::size_t at = 0;
        if (i < 30)
            at = below(100); // the database header
        else if (i < 60)
            at = 100 + below(4096 - 100); // the schema page
        else if (i < 130)
            at = (1 + below(pages - 1)) * 4096 + below(40); // b-tree page headers and pointers
        else
            at = below(real.size()); // anywhere
        const auto mask = static_cast<unsigned char>(1 + below(255));
        std::string damaged = real;
        damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ mask);
        const int region = i < 30 ? 0 : i < 60 ? 1 : i < 130 ? 2 : 3;
        try_damaged("byte " + std::to_string(at) + " xor " + std::to_string(mask), damaged,
                    regions[region]);
    }
    for (const Tally& r : regions) {
        tally.refused += r.refused;
        tally.check_failed += r.check_failed;
        tally.list_refused += r.list_refused;
        tally.unnoticed += r.unnoticed;
    }
    WARN("refused: header " << regions[0].refused << "/30, schema page " << regions[1].refused
                            << "/30, page headers " << regions[2].refused << "/70, anywhere "
                            << regions[3].refused << "/70");
    WARN("200 flips: " << tally.refused << " refused (check failed " << tally.check_failed
                       << ", customer list refused " << tally.list_refused << "), "
                       << tally.unnoticed << " in bytes nothing reads");
    // Most flips of b-tree page headers and cell pointers must be noticed; flips in text, in
    // free space or in header fields SQLite does not rely on cannot be, and need not be.
    CHECK(regions[2].refused > 70 / 2);
}

TEST_CASE("a value changed outside Rapport is the data's fault: exit 1 naming the column, and "
          "check finds it",
          "[cli][damage]") {
    TempDir dir;
    const fs::path db = dir / "shop.db";
    REQUIRE(run_cli(db, {"customer", "add", "Anna Schmidt"}).exit_code == 0);
    REQUIRE(run_cli(db, {"--today", kToday, "log", "1", "--summary", "Wrong bill", "--category",
                         "billing", "--follow-up", "+2d"})
                .exit_code == 0);
    {
        // What another program, or a flipped byte inside the text, leaves behind.
        SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA ignore_check_constraints = ON");
        raw.exec("UPDATE interaction SET category = 'bilming'");
    }
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"customer", "show", "1"},
          std::vector<std::string>{"followups", "--week", "this"}}) {
        std::vector<std::string> full = {"--today", kToday};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = run_cli(db, full);
        INFO(args[0] << " exited " << r.exit_code << " and said: " << r.err);
        CHECK(r.exit_code == 1); // not 2: nobody typed anything wrong
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find("'category'") != std::string::npos);
        CHECK(r.err.find("rapport-cli check") != std::string::npos);
    }
    const auto check = run_cli(db, {"check"});
    CHECK(check.exit_code == 1);
}

// Found by the window's damaged-start run under the sanitizers: a byte flipped inside a date
// (0xF6, "ö" in Latin-1) was quoted into the sentence as it was, which is not UTF-8.
TEST_CASE("a damaged value that is not UTF-8 is quoted as text in the sentence", "[cli][damage]") {
    TempDir dir;
    const fs::path db = dir / "shop.db";
    REQUIRE(run_cli(db, {"customer", "add", "Anna Schmidt"}).exit_code == 0);
    REQUIRE(run_cli(db, {"--today", kToday, "log", "1", "--summary", "Wrong bill"}).exit_code == 0);
    {
        SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA ignore_check_constraints = ON");
        // "2024?-11-25 10:00" with 0xF6 where the question mark is
        raw.exec("UPDATE interaction SET occurred_at = "
                 "CAST(X'32303234F62D31312D32352031303A3030' AS TEXT)");
    }
    const auto r = run_cli(db, {"customer", "show", "1"});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("'occurred_at'") != std::string::npos);
    CHECK(rapport::valid_utf8(r.err) == r.err);
    CHECK(r.err.find("2024\xEF\xBF\xBD-11-25") != std::string::npos); // U+FFFD for the byte
}

// Found by the sanitizer run of 10,000 damaged files: a byte flipped inside a trigger's text
// made SQLite's finding quote the trigger's whole SQL, over many lines.
TEST_CASE("a damaged schema is said in one short line and the file is left as it was",
          "[cli][damage]") {
    TempDir dir;
    const fs::path db = dir / "shop.db";
    REQUIRE(run_cli(db, {"customer", "add", "Anna Schmidt"}).exit_code == 0);
    {
        SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA writable_schema = ON");
        raw.exec("UPDATE sqlite_schema SET sql = 'CREATE TRIGGER customer_fts_update AFTER "
                 "UPDATE ON customer BEGIN\n    UPDATE customer_fts [\n      SET name = "
                 "new.name\n     WHERE rowid = new.id;\n' || printf('%.*c', 400, 'x') || "
                 "'\nEND' WHERE name = 'customer_fts_update'");
    }
    const std::string damaged = read_all(db);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"customer", "list"}, std::vector<std::string>{"check"}}) {
        const auto r = run_cli(db, args);
        INFO(args[0] << " exited " << r.exit_code << " and said: " << r.err);
        CHECK(r.exit_code == 1);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.size() < 400);
        CHECK((r.err + r.out).find("customer_fts_update") != std::string::npos); // what broke
        CHECK(lines(r.out) <= 1); // check's finding too
        CHECK(read_all(db) == damaged);
    }
}

namespace {

// Another shop's database and a WAL of it whose frames were never checkpointed.
void another_database(const TempDir& dir, std::string& db_bytes, std::string& wal_bytes) {
    const fs::path other = dir / "other.db";
    REQUIRE(run_cli(other, {"--today", kToday, "demo", "--customers", "40", "--interactions", "300",
                            "--seed", "12"})
                .exit_code == 0);
    db_bytes = read_all(other);
    SQLite::Database raw(other.string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_autocheckpoint = 0");
    raw.exec("UPDATE customer SET note = note || ' (moved)' WHERE id % 3 = 0");
    raw.exec("DELETE FROM interaction WHERE id % 5 = 0");
    wal_bytes = read_all(other.string() + "-wal");
    REQUIRE(wal_bytes.size() > 4096);
}

struct DamageTally {
    int files = 0;
    int refused = 0;          // a reading command said no, with a sentence
    int changed_by_check = 0; // `check` changed the file or its -wal: must stay 0
    int changed_refused = 0;  // a command that refused the file changed it: must stay 0
    int restore_failed = 0;   // restoring a good backup over it did not work: must stay 0
};

std::string bytes_with_wal(const fs::path& db) {
    std::error_code ec;
    const fs::path wal = db.string() + "-wal";
    return read_all(db) + "|wal:" + (fs::exists(wal, ec) ? read_all(wal) : "");
}

void try_damage(const DamagedFile& file, const std::string& good, DamageTally& tally) {
    TempDir dir;
    const fs::path db = dir / "shop.db";
    write_bytes(db, file.db);
    if (!file.wal.empty())
        write_bytes(db.string() + "-wal", file.wal);
    write_bytes(dir / "good.db", good);
    INFO(file.label);
    ++tally.files;
    std::string found = bytes_with_wal(db);
    bool refused = false;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check"}, std::vector<std::string>{"customer", "show", "1"},
          std::vector<std::string>{"customer", "list"}}) {
        std::vector<std::string> full = {"--today", kToday};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = run_cli(db, full);
        INFO(args[0] << " exited " << r.exit_code << " and said: " << r.err);
        REQUIRE((r.exit_code == 0 || r.exit_code == 1)); // never a signal or a sanitizer's 86
        const std::string after = bytes_with_wal(db);
        if (r.exit_code == 1) {
            CHECK(lines(r.err) == 1);
            CHECK(r.err.rfind("rapport-cli: ", 0) == 0);
        }
        // "No customer has id 1" answers about a file that was taken as sound.
        if (r.exit_code == 1 && r.err.find("No customer") == std::string::npos) {
            refused = true;
            tally.changed_refused += after != found; // left exactly as the command found it
        }
        // check only looks, at a sound file as at a damaged one: not even a -wal moves in.
        if (args[0] == "check")
            tally.changed_by_check += after != found;
        found = after;
    }
    tally.refused += refused;
    // The way back: a good backup restores over any of them, and the result is sound.
    const auto restored =
        run_cli(db, {"--today", kToday, "restore", (dir / "good.db").string(), "--yes"});
    INFO("restore said: " << restored.err);
    const bool ok = restored.exit_code == 0 && run_cli(db, {"check"}).exit_code == 0;
    tally.restore_failed += !ok;
}

} // namespace

TEST_CASE("every kind of damaged file is refused or read without a crash and restore brings it "
          "back",
          "[cli][corruption][damaged]") {
    TempDir dir;
    const std::string real = real_database(dir);
    std::string other, other_wal;
    another_database(dir, other, other_wal);
    const char* env = std::getenv("RAPPORT_DAMAGED_FILES");
    const int files = env && *env ? std::max(kDamageKinds, std::atoi(env)) : 35;
    const char* from_env = std::getenv("RAPPORT_DAMAGED_FROM");
    const int from = from_env && *from_env ? std::max(0, std::atoi(from_env)) : 0;
    std::mt19937 rng(19);
    DamageTally by_kind[kDamageKinds];
    for (int i = 0; i < files; ++i) {
        const auto kind = static_cast<Damage>(i % kDamageKinds);
        DamagedFile file = make_damaged(kind, real, other, other_wal, rng);
        if (i >= from)
            try_damage(file, real, by_kind[i % kDamageKinds]);
    }
    DamageTally all;
    for (int k = 0; k < kDamageKinds; ++k) {
        const DamageTally& t = by_kind[k];
        WARN(damage_name(static_cast<Damage>(k))
             << ": " << t.files << " files, " << t.refused << " refused, " << t.changed_by_check
             << " changed by check, " << t.changed_refused << " changed when refused, "
             << t.restore_failed << " not restored");
        all.files += t.files;
        all.refused += t.refused;
        all.changed_by_check += t.changed_by_check;
        all.changed_refused += t.changed_refused;
        all.restore_failed += t.restore_failed;
    }
    WARN(all.files << " damaged files (from number " << from << "): " << all.refused << " refused, "
                   << all.changed_by_check << " changed by check (goal 0), " << all.changed_refused
                   << " changed when refused (goal 0), " << all.restore_failed
                   << " not restored (goal 0); no crash (the test stops at the first)");
    CHECK(all.changed_by_check == 0);
    CHECK(all.changed_refused == 0);
    CHECK(all.restore_failed == 0);
    // Garbage behind a valid header and zeroed pages cannot all pass unnoticed.
    CHECK(by_kind[static_cast<int>(Damage::header_over_garbage)].refused ==
          by_kind[static_cast<int>(Damage::header_over_garbage)].files);
}
