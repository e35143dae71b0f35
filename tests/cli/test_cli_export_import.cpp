// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// rapport-cli export accountant | history and import customers | purchases, end to end:
// exit codes, one-sentence errors, and nothing written when a command fails.
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace rapport::test;

namespace {

void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Anna (id 1) and Bob (id 2), with money given back in January and February 2026.
void make_shop(const std::filesystem::path& db) {
    REQUIRE(run_cli(db, {"customer", "add", "Anna Schmidt", "--email", "anna@example.org",
                         "--phone", "030 123"})
                .exit_code == 0);
    REQUIRE(run_cli(db, {"customer", "add", "=Bob", "--phone", "0171 555"}).exit_code == 0);
    const std::vector<std::vector<std::string>> logs = {
        {"log", "1", "--summary", "Kettle broke", "--at", "2026-01-05T10:00", "--resolution",
         "refund", "--cost", "35.50", "--status", "accepted"},
        {"log", "2", "--summary", "-late delivery", "--at", "2026-01-31T18:00", "--resolution",
         "discount", "--cost", "10", "--status", "accepted"},
        {"log", "1", "--summary", "Wrong colour", "--at", "2026-02-10T09:00", "--resolution",
         "replacement", "--cost", "20", "--status", "accepted"},
        {"log", "1", "--summary", "Only offered", "--at", "2026-01-20T09:00", "--resolution",
         "refund", "--cost", "99", "--status", "offered"},
    };
    for (const auto& args : logs)
        REQUIRE(run_cli(db, args).exit_code == 0);
    REQUIRE(run_cli(db, {"init"}).exit_code == 0); // settle the WAL for fingerprints
}

bool has_line(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("export accountant writes CSV and XLSX and prints the totals by type and overall",
          "[cli][export]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    auto r = run_cli(db, {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31",
                          "--out", (dir / "jan.csv").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(has_line(r.out, "Wrote 2 accepted resolutions"));
    CHECK(has_line(r.out, "Refund"));
    CHECK(has_line(r.out, "35.50 EUR"));
    CHECK(has_line(r.out, "Discount"));
    CHECK(has_line(r.out, "45.50 EUR"));
    CHECK(has_line(r.out, "Total"));
    const std::string csv = read_all(dir / "jan.csv");
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "date,customer,",
                    0) == 0);
    CHECK(has_line(csv, "2026-01-31,'=Bob,2,2,Other,Discount,10.00,EUR,'-late delivery\r\n"));

    r = run_cli(db, {"--json", "export", "accountant", "--from", "2026-01-01", "--to", "2026-12-31",
                     "--out", (dir / "year.xlsx").string()});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["rows"] == 3);
    CHECK(j["total"] == 65.5);
    CHECK(has_line(r.out, "\"total\": 65.50"));
    CHECK(j["by_type"]["replacement"]["amount"] == 20.0);
    CHECK(j["by_month"]["2026-02"]["rows"] == 1);
    CHECK(read_all(dir / "year.xlsx").rfind("PK", 0) == 0); // a zip container
    struct stat st {};
    REQUIRE(::stat((dir / "year.xlsx").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("export accountant refuses a reversed range or a bad date with exit 2, writing nothing",
          "[cli][export][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    const std::string before = file_bytes(db);
    const std::vector<std::vector<std::string>> bad = {
        {"export", "accountant", "--from", "2026-02-01", "--to", "2026-01-31", "--out", "x"},
        {"export", "accountant", "--from", "2026-02-30", "--to", "2026-03-31", "--out", "x"},
        {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "pdf",
         "--out", "x"},
        {"export", "accountant", "--from", "2026-01-01", "--out", "x"},
        {"export", "history", "--format", "xml", "--out", "x"},
    };
    for (auto args : bad) {
        args.back() = (dir / "out.file").string();
        const auto r = run_cli(db, args);
        INFO(args[3]);
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.empty());
    }
    const auto r = run_cli(db, bad[0]);
    CHECK(has_line(r.err, "starts on 2026-02-01 but ends earlier"));
    CHECK_FALSE(std::filesystem::exists(dir / "out.file"));
    CHECK(file_bytes(db) == before);
}

TEST_CASE("export accountant --csv-dialect de writes semicolons and decimal commas and says so",
          "[cli][export][dialect]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    auto r = run_cli(db, {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31",
                          "--out", (dir / "de.csv").string(), "--csv-dialect", "de"});
    REQUIRE(r.exit_code == 0);
    CHECK(has_line(r.out, "The CSV has ';' between fields and ',' as the decimal mark"));
    const std::string csv = read_all(dir / "de.csv");
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "date;customer;",
                    0) == 0);
    CHECK(has_line(csv, "2026-01-31;'=Bob;2;2;Other;Discount;10,00;EUR;'-late delivery\r\n"));
    CHECK(has_line(csv, ";35,50;EUR;"));

    // Remembered with `settings set`, the default of every later export; the flag wins.
    REQUIRE(run_cli(db, {"settings", "set", "csv_dialect", "semicolon"}).exit_code == 0);
    r = run_cli(db, {"--json", "export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31",
                     "--out", (dir / "saved.csv").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["csv_dialect"] == "semicolon");
    CHECK(has_line(read_all(dir / "saved.csv"), ";35,50;EUR;"));
    r = run_cli(db, {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31", "--out",
                     (dir / "en.csv").string(), "--csv-dialect", "comma"});
    REQUIRE(r.exit_code == 0);
    CHECK(has_line(r.out, "The CSV has ',' between fields and '.' as the decimal mark"));
    CHECK(has_line(read_all(dir / "en.csv"), ",35.50,EUR,"));
    r = run_cli(db, {"--json", "export", "history", "--out", (dir / "history").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["csv_dialect"] == "semicolon");
    CHECK(has_line(read_all(dir / "history" / "resolutions.csv"), ";35,50;accepted\r\n"));
    CHECK(run_cli(db, {"settings", "get", "csv_dialect"}).out == "semicolon\n");
}

TEST_CASE("an unknown CSV dialect or one for a file without one exits 2 and writes nothing",
          "[cli][export][dialect][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    const std::string before = file_bytes(db);
    const auto out = (dir / "out.file").string();
    const std::vector<std::vector<std::string>> bad = {
        {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31", "--out", out,
         "--csv-dialect", "tab"},
        {"export", "accountant", "--from", "2026-01-01", "--to", "2026-01-31", "--out", out,
         "--format", "xlsx", "--csv-dialect", "de"},
        {"export", "history", "--format", "json", "--out", out, "--csv-dialect", "de"},
        {"export", "history", "--out", out, "--csv-dialect", "fr"},
    };
    for (const auto& args : bad) {
        const auto r = run_cli(db, args);
        INFO(args.back());
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.empty());
    }
    CHECK(has_line(run_cli(db, bad[0]).err, "The CSV dialect \"tab\" is not one of"));
    CHECK(has_line(run_cli(db, bad[1]).err, "--csv-dialect is for CSV files only"));
    CHECK_FALSE(std::filesystem::exists(dir / "out.file"));
    CHECK(file_bytes(db) == before);
    CHECK(run_cli(db, {"settings", "set", "csv_dialect", "tabs"}).exit_code == 2);
}

TEST_CASE("an export into a folder that cannot be written exits 1 and leaves nothing",
          "[cli][export][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "somefile", "x");
    for (const std::string name : {"out.csv", "out.xlsx"}) {
        const auto r = run_cli(db, {"export", "accountant", "--from", "2026-01-01", "--to",
                                    "2026-01-31", "--out", (dir / "somefile" / name).string()});
        CHECK(r.exit_code == 1);
        CHECK(has_line(r.err, "somefile"));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    const auto r =
        run_cli(db, {"export", "history", "--format", "csv", "--out", (dir / "somefile").string()});
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.err, "is a file"));
    CHECK(read_all(dir / "somefile") == "x");
}

TEST_CASE("export history writes a folder of CSV files or one JSON document", "[cli][export]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    auto r = run_cli(db, {"export", "history", "--format", "csv", "--out", (dir / "all").string()});
    REQUIRE(r.exit_code == 0);
    for (const char* f :
         {"customers.csv", "interactions.csv", "resolutions.csv", "follow_ups.csv", "purchases.csv",
          "tags.csv", "customer_tags.csv", "settings.csv", "category_defaults.csv"})
        CHECK(std::filesystem::exists(dir / "all" / f));
    r = run_cli(db, {"export", "history", "--out", (dir / "all.json").string()});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(read_all(dir / "all.json"));
    CHECK(j["customers"].size() == 2);
    CHECK(j["interactions"].size() == 4);
    CHECK(j["interactions"][0]["resolutions"][0]["cost"] == 35.5);
}

TEST_CASE("a history export of version 2 and one of version 1 both import their customers",
          "[cli][export][import]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Ida Berg", "--phone", "030 1234", "--preferred-channel", "phone",
            "--preferred-time", "mornings", "--wants", "reassurance"});
    ok(db, {"followup", "plan", "1", "2026-06-20", "--note", "Not back"});
    ok(db, {"export", "history", "--format", "csv", "--out", (dir / "v2").string()});
    ok(db, {"export", "history", "--out", (dir / "v2.json").string()});
    const auto doc = nlohmann::json::parse(read_all(dir / "v2.json"));
    CHECK(doc["format_version"] == 2);
    CHECK(doc["customers"][0]["preferred_channel"] == "phone");
    CHECK(doc["customers"][0]["follow_ups"][0]["note"] == "Not back");
    CHECK(read_all(dir / "v2" / "customers.csv")
              .find("preferred_channel,preferred_time,wants_when_wrong") != std::string::npos);
    // The same customers.csv written before schema 6 had no profile columns.
    {
        std::ofstream v1(dir / "v1-customers.csv", std::ios::binary);
        v1 << "id,name,phone,email,note,referred_by,came_anyway,referral_reward,archived,"
              "created_at\r\n1,Ida Berg,030 1234,,,,0,0.00,0,2026-06-01T10:00\r\n";
    }
    int n = 0;
    for (const auto& file : {dir / "v2" / "customers.csv", dir / "v1-customers.csv"}) {
        INFO(file);
        const auto fresh = dir / ("fresh" + std::to_string(++n) + ".db");
        const auto r = ok(fresh, {"import", "customers", file.string()});
        CHECK(r.out.find("Added 1 customer") != std::string::npos);
        CHECK(ok(fresh, {"customer", "show", "Ida Berg"}).out.find("Phone: 030 1234") !=
              std::string::npos);
    }
}

TEST_CASE("import reports bad rows by line, a dry run and a failed import change nothing",
          "[cli][import][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "till.csv", "\xEF\xBB\xBF"
                                 "Kunde;Telefon;E-Mail\r\n"
                                 "Anna S.;;ANNA@example.org\r\n" // line 2: matches Anna
                                 ";;nobody@example.org\r\n"      // line 3: no name
                                 "Cara Neu;0151 1;cara@example.org\r\n"
                                 "Dora;;dora-at-example\r\n"); // line 5: bad email
    const std::string before = file_bytes(db);

    auto r = run_cli(db, {"import", "customers", (dir / "till.csv").string(), "--dry-run"});
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.err, "line 3: the name is empty."));
    CHECK(has_line(r.err, "line 5: \"dora-at-example\" is not an email address."));
    CHECK(has_line(r.err, "nothing would be imported"));
    CHECK(file_bytes(db) == before);

    r = run_cli(db, {"import", "customers", (dir / "till.csv").string()});
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.err, "line 3:"));
    CHECK(has_line(r.err, "2 of 4 rows have errors"));
    CHECK(has_line(r.err, "nothing was imported"));
    CHECK(r.out.empty());
    CHECK(file_bytes(db) == before);

    r = run_cli(
        db, {"import", "customers", (dir / "till.csv").string(), "--skip-bad-rows", "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(has_line(r.out, "1 new, 1 already known (1 by email)"));
    CHECK(has_line(r.out, "Dry run: nothing was written."));
    CHECK(file_bytes(db) == before);

    r = run_cli(db, {"import", "customers", (dir / "till.csv").string(), "--skip-bad-rows"});
    CHECK(r.exit_code == 0);
    CHECK(has_line(r.out, "Added 1 customer."));
    CHECK(has_line(r.err, "line 5:"));
    const auto list = nlohmann::json::parse(run_cli(db, {"customer", "list", "--json"}).out);
    CHECK(list.size() == 3);
}

TEST_CASE("import purchases matches customers and reads European dates and amounts",
          "[cli][import]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "sales.csv", "Datum;Kunde;Betrag\n25.11.2026;anna@example.org;12,50\n"
                                  "24/11/2026;=Bob;1.200,00\n");
    auto r = run_cli(db, {"--json", "import", "purchases", (dir / "sales.csv").string()});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["purchases"] == 2);
    CHECK(j["written"] == true);
    CHECK(j["matched_by"]["email"] == 1);
    CHECK(j["matched_by"]["name"] == 1);
    const auto bob = nlohmann::json::parse(run_cli(db, {"purchase", "list", "2", "--json"}).out);
    REQUIRE(bob.size() == 1);
    CHECK(bob[0]["date"] == "2026-11-24");
    CHECK(bob[0]["amount"] == 1200.0);

    r = run_cli(db, {"import", "purchases", (dir / "sales.csv").string()});
    CHECK(r.exit_code == 0);
    CHECK(has_line(r.out, "2 already recorded (skipped)"));
}

TEST_CASE("import of a missing, empty or binary file exits 1 with one sentence",
          "[cli][import][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    const std::string before = file_bytes(db);
    write_file(dir / "empty.csv", "");
    write_file(dir / "binary.csv", std::string("name\0\x01\x02", 7));
    for (const char* name : {"missing.csv", "empty.csv", "binary.csv"}) {
        const auto r = run_cli(db, {"import", "customers", (dir / name).string()});
        INFO(name);
        CHECK(r.exit_code == 1);
        CHECK(has_line(r.err, name));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    CHECK(has_line(run_cli(db, {"import", "customers", (dir / "binary.csv").string()}).err,
                   "binary"));
    CHECK(file_bytes(db) == before);
}

TEST_CASE("import --map with an unknown field is a usage error, with columns it works",
          "[cli][import]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "plain.csv", "Dora Day,0160 9\nEmil Ek,0160 8\n");
    auto r =
        run_cli(db, {"import", "customers", (dir / "plain.csv").string(), "--map", "colour=1"});
    CHECK(r.exit_code == 2);
    CHECK(has_line(r.err, "no field \"colour\""));
    r = run_cli(db, {"import", "customers", (dir / "plain.csv").string()});
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.err, "--map"));
    r = run_cli(db,
                {"import", "customers", (dir / "plain.csv").string(), "--map", "name=1,phone=2"});
    CHECK(r.exit_code == 0);
    CHECK(has_line(r.out, "2 new"));
}
