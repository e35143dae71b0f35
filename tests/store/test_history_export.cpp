// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The full history out: a JSON document and a folder of CSV files that hold every record,
// with ids that link up, read back by independent parsers.
#include "../core/format_test_support.h"
#include "../support/test_database.h"
#include "export_test_support.h"

#include "exchange/demo.h"
#include "exchange/history_export.h"
#include "exchange/json_money.h"
#include "store/customers.h"
#include "store/settings_store.h"
#include "store/sqlite/connection.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <sys/stat.h>

using namespace rapport;
using namespace date::literals;
using format_test::TempDir;

namespace {

// A demo shop plus the awkward bits: tags, a referral, a name that looks like a formula.
void make_shop(store::Database& db, int customers = 60, std::int64_t interactions = 700) {
    exchange::generate_demo(db, {.customers = customers,
                                 .interactions = interactions,
                                 .seed = 11,
                                 .today = 2026_y / 11 / 25});
    store::CustomerRepo repo(db);
    Customer c = repo.get(1);
    c.tags = {"vip", "wholesale"};
    repo.update(c);
    repo.add(Customer{.name = "=cmd|' /C calc'!A0",
                      .note = "line one\nline two, \"quoted\"",
                      .tags = {"vip"},
                      .referred_by = 1,
                      .referral_reward = Money{1000}});
    store::SettingsStore(db).set("business_name", "Café Zürich");
}

std::int64_t count(store::Database& db, const char* table) {
    return export_test::count(db, std::string("SELECT count(*) FROM ") + table);
}

// The file re-read by Python's csv module: header names to column, and the rows.
struct CsvFile {
    std::map<std::string, std::size_t> column;
    std::vector<std::vector<std::string>> rows;
    const std::string& at(std::size_t row, const std::string& name) const {
        return rows.at(row).at(column.at(name));
    }
};

CsvFile read_with_python(const std::filesystem::path& file, const TempDir& tmp) {
    const auto out = tmp / (file.filename().string() + ".txt");
    REQUIRE(format_test::run_tool("read_csv.py", file, out) == 0);
    auto records = format_test::read_hex_records(out);
    CsvFile f;
    REQUIRE(!records.empty());
    for (std::size_t k = 0; k < records[0].size(); ++k)
        f.column[records[0][k]] = k;
    for (std::size_t k = 1; k < records.size(); ++k) {
        REQUIRE(records[k].size() == records[0].size());
        f.rows.push_back(std::move(records[k]));
    }
    return f;
}

std::set<std::string> ids(const CsvFile& f, const std::string& column) {
    std::set<std::string> out;
    for (std::size_t k = 0; k < f.rows.size(); ++k)
        out.insert(f.at(k, column));
    return out;
}

} // namespace

TEST_CASE("the history JSON parses back with every record the database holds", "[history]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    make_shop(db);
    const auto n = exchange::export_history_json(db, dir / "history.json", "2026-11-25T10:00:00Z");
    const std::string text = format_test::read_bytes(dir / "history.json");
    const auto j = nlohmann::json::parse(text);

    // Version 2: schema 6's profile fields and the customers' own calls (history_export.h).
    CHECK(exchange::kHistoryFormatVersion == 2);
    CHECK(j["format_version"] == 2);
    for (const auto& c : j["customers"]) {
        CHECK(c.contains("preferred_channel"));
        CHECK(c.contains("preferred_time"));
        CHECK(c.contains("wants_when_wrong"));
        CHECK(c["follow_ups"].is_array());
    }
    CHECK(j["exported_at"] == "2026-11-25T10:00:00Z");
    CHECK(j["settings"]["business_name"] == "Café Zürich");
    CHECK(j["settings"]["currency"] == "EUR");
    CHECK(std::int64_t(j["customers"].size()) == count(db, "customer"));
    CHECK(std::int64_t(j["interactions"].size()) == count(db, "interaction"));
    CHECK(std::int64_t(j["purchases"].size()) == count(db, "purchase"));
    std::int64_t resolutions = 0, follow_ups = 0, tags = 0;
    for (const auto& i : j["interactions"]) {
        resolutions += std::int64_t(i["resolutions"].size());
        follow_ups += std::int64_t(i["follow_ups"].size());
        for (const auto& r : i["resolutions"])
            CHECK(r["interaction_id"] == i["id"]);
        for (const auto& f : i["follow_ups"])
            CHECK(f["interaction_id"] == i["id"]);
    }
    for (const auto& c : j["customers"])
        tags += std::int64_t(c["tags"].size());
    CHECK(resolutions == count(db, "resolution"));
    CHECK(follow_ups == count(db, "follow_up"));
    CHECK(tags == count(db, "customer_tag"));
    CHECK(n.interactions == count(db, "interaction"));
    CHECK(n.resolutions == resolutions);
    CHECK(n.customer_tags == tags);

    const auto& first = j["customers"][0];
    CHECK(first["id"] == 1);
    CHECK(first["tags"] == nlohmann::json({"vip", "wholesale"}));
    const auto& last = j["customers"].back();
    CHECK(last["name"] == "=cmd|' /C calc'!A0"); // JSON keeps text exactly
    CHECK(last["note"] == "line one\nline two, \"quoted\"");
    CHECK(last["referred_by"] == 1);
    CHECK(last["referral_reward"] == 10.0);
    // Money is a number with two decimals in the text itself.
    CHECK(text.find("\"referral_reward\":10.00") != std::string::npos);
    CHECK(text.find("\"referral_reward\":\"") == std::string::npos);
    CHECK(text.find("\"cost\":\"") == std::string::npos);
}

namespace {

// What the writer before the streaming one wrote for a record: nlohmann's object, its keys
// sorted, dumped on one line with money as two-decimal numbers. Every number with a fraction in
// the history is money or a margin.
nlohmann::json with_money(const nlohmann::json& j) {
    if (j.is_number_float())
        return exchange::money_json(Money{std::llround(j.get<double>() * 100.0)});
    if (j.is_object() || j.is_array()) {
        nlohmann::json out = j;
        for (auto& [key, value] : out.items())
            value = with_money(value);
        return out;
    }
    return j;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1)
        out.push_back(text.substr(from, at - from));
    return out;
}

} // namespace

TEST_CASE("the streamed history JSON is byte for byte what the per-record writer wrote",
          "[history]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    make_shop(db, 300, 6000);
    // Text from outside: control characters, and bytes that are not UTF-8 (written as U+FFFD)
    store::sql::Statement odd(store::session(db), "UPDATE customer SET note = ? WHERE id = ?");
    odd.bind(1, std::string("tab\tnul\x01 bad \xff\xc3 end"));
    odd.bind(2, 2);
    odd.exec();

    exchange::export_history_json(db, dir / "history.json", "2026-11-25T10:00:00Z");
    const std::string text = format_test::read_bytes(dir / "history.json");
    const auto j = nlohmann::json::parse(text); // valid JSON, whole
    CHECK(j["customers"][1]["note"] == "tab\tnul\x01 bad \ufffd\ufffd end");

    // The document's own lines, then one record per line
    std::string expected =
        "{\"format_version\": " + std::to_string(exchange::kHistoryFormatVersion) +
        ",\n\"application\": " + j["application"].dump() +
        ",\n\"exported_at\": \"2026-11-25T10:00:00Z\"" +
        ",\n\"settings\": " + exchange::dump_json(j["settings"]);
    for (const char* name : {"category_defaults", "customers", "interactions", "purchases"}) {
        expected += ",\n" + nlohmann::json(name).dump() + ": [";
        const auto& records = j[name];
        for (std::size_t k = 0; k < records.size(); ++k)
            expected += (k == 0 ? "\n" : ",\n") + exchange::dump_json(with_money(records[k]));
        expected += records.empty() ? "]" : "\n]";
    }
    expected += "\n}\n";
    REQUIRE(j["interactions"].size() >= 6000);
    if (text != expected) { // the first line that differs, rather than 3 MB of text
        const auto got = lines_of(text), want = lines_of(expected);
        for (std::size_t k = 0; k < std::min(got.size(), want.size()); ++k) {
            INFO("line " << k + 1);
            REQUIRE(got[k] == want[k]);
        }
        CHECK(got.size() == want.size());
    }
    CHECK(text == expected);
}

TEST_CASE("history CSV files hold every record and their ids link up", "[history][csv]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    make_shop(db);
    const auto out = dir / "export" / "history";
    const auto n = exchange::export_history_csv(db, out);

    const auto customers = read_with_python(out / "customers.csv", dir);
    const auto interactions = read_with_python(out / "interactions.csv", dir);
    const auto resolutions = read_with_python(out / "resolutions.csv", dir);
    const auto follow_ups = read_with_python(out / "follow_ups.csv", dir);
    const auto purchases = read_with_python(out / "purchases.csv", dir);
    const auto tags = read_with_python(out / "tags.csv", dir);
    const auto customer_tags = read_with_python(out / "customer_tags.csv", dir);
    const auto settings = read_with_python(out / "settings.csv", dir);
    read_with_python(out / "category_defaults.csv", dir);

    CHECK(std::int64_t(customers.rows.size()) == count(db, "customer"));
    CHECK(std::int64_t(interactions.rows.size()) == count(db, "interaction"));
    CHECK(std::int64_t(resolutions.rows.size()) == count(db, "resolution"));
    CHECK(std::int64_t(follow_ups.rows.size()) == count(db, "follow_up"));
    CHECK(std::int64_t(purchases.rows.size()) == count(db, "purchase"));
    CHECK(std::int64_t(customer_tags.rows.size()) == count(db, "customer_tag"));
    CHECK(n.customers == std::int64_t(customers.rows.size()));

    const auto customer_ids = ids(customers, "id");
    const auto interaction_ids = ids(interactions, "id");
    const auto tag_ids = ids(tags, "id");
    CHECK(customer_ids.size() == customers.rows.size());
    for (const auto& id : ids(interactions, "customer_id"))
        CHECK(customer_ids.count(id) == 1);
    for (const auto& id : ids(purchases, "customer_id"))
        CHECK(customer_ids.count(id) == 1);
    for (const auto& id : ids(resolutions, "interaction_id"))
        CHECK(interaction_ids.count(id) == 1);
    for (const auto& id : ids(follow_ups, "interaction_id"))
        CHECK(interaction_ids.count(id) == 1);
    for (const auto& id : ids(customer_tags, "customer_id"))
        CHECK(customer_ids.count(id) == 1);
    for (const auto& id : ids(customer_tags, "tag_id"))
        CHECK(tag_ids.count(id) == 1);

    // Spreadsheet-safe text, exact numbers, and empty cells for "none".
    const std::size_t last = customers.rows.size() - 1;
    CHECK(customers.at(last, "name") == "'=cmd|' /C calc'!A0");
    CHECK(customers.at(last, "note") == "line one\nline two, \"quoted\"");
    CHECK(customers.at(last, "referred_by") == "1");
    CHECK(customers.at(last, "referral_reward") == "10.00");
    CHECK(customers.at(0, "referred_by").empty());
    const std::int64_t first_amount =
        export_test::count(db, "SELECT amount FROM purchase ORDER BY id LIMIT 1");
    CHECK(purchases.at(0, "amount") == format_amount(Money{first_amount}));
    CHECK(purchases.at(0, "margin_percent").find('.') != std::string::npos);
    bool business = false;
    for (std::size_t k = 0; k < settings.rows.size(); ++k)
        business = business || (settings.at(k, "key") == "business_name" &&
                                settings.at(k, "value") == "Café Zürich");
    CHECK(business);

    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("history CSV files for German spreadsheets have semicolons and decimal commas",
          "[history][csv][dialect]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    make_shop(db);
    store::SettingsStore(db).set("csv_dialect", "semicolon");
    const auto out = dir / "history";
    exchange::export_history_csv(db, out); // no dialect given: the setting's
    const std::string customers = format_test::read_bytes(out / "customers.csv");
    CHECK(customers.rfind("\xEF\xBB\xBFid;name;phone;email;note;", 0) == 0);
    CHECK(customers.find(";10,00;") != std::string::npos); // the referral reward
    const auto purchases = read_with_python(out / "purchases.csv", dir);
    REQUIRE_FALSE(purchases.rows.empty());
    const std::int64_t first_amount =
        export_test::count(db, "SELECT amount FROM purchase ORDER BY id LIMIT 1");
    std::string amount = format_amount(Money{first_amount});
    amount[amount.size() - 3] = ',';
    CHECK(purchases.at(0, "amount") == amount);
    CHECK(purchases.at(0, "purchased_on").size() == 10); // ISO dates in every dialect
    const std::string settings = format_test::read_bytes(out / "settings.csv");
    CHECK(settings.find("csv_dialect;semicolon\r\n") != std::string::npos);

    exchange::export_history_csv(db, dir / "english", CsvDialect::comma); // an explicit choice
    CHECK(format_test::read_bytes(dir / "english" / "customers.csv").find(",10.00,") !=
          std::string::npos);
}

TEST_CASE("a history folder that is really a file is refused with a sentence", "[history]") {
    TempDir dir;
    auto db = test::fresh_database();
    format_test::write_bytes(dir / "taken", "x");
    CHECK_THAT(format_test::data_error([&] { exchange::export_history_csv(db, dir / "taken"); }),
               Catch::Contains("is a file"));
    CHECK_THAT(format_test::data_error(
                   [&] { exchange::export_history_json(db, dir / "taken" / "h.json", "now"); }),
               Catch::Contains("taken"));
    CHECK(format_test::read_bytes(dir / "taken") == "x");
}
