// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// rapport-cli import purchases on the order exports of Shopify, WooCommerce and Square: what the
// summary and the JSON say about orders left out, a garbage file's sentence, and a --map
// remembered for the next file with the same header until --forget-map.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace rapport::test;
using nlohmann::json;

namespace {

void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

CliResult ok(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--today", "2026-03-10"});
    auto r = run_cli(db, std::move(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

void make_shop(const std::filesystem::path& db) {
    ok(db, {"customer", "add", "Anna Schmidt", "--email", "anna@example.org"});
    ok(db, {"customer", "add", "Bob Brown", "--email", "bob@example.org"});
}

} // namespace

TEST_CASE("import purchases takes a Shopify orders export and says which orders it left out",
          "[cli][import][orders]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "orders_export.csv",
               "Name,Email,Financial Status,Paid at,Subtotal,Total,Refunded Amount,"
               "Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Cancelled at,"
               "Created at\n"
               "#1001,anna@example.org,paid,2026-03-04 10:20:00 +0100,40.00,45.00,0.00,1,Mug,"
               "25.00,Anna Schmidt,,2026-03-04 10:15:22 +0100\n"
               "#1001,anna@example.org,,,,,,1,Plate,15.00,,,2026-03-04 10:15:22 +0100\n"
               "#1002,bob@example.org,partially_refunded,2026-03-05 23:40:00 +0100,55.00,60.00,"
               "20.00,2,Cup,27.50,Bob Brown,,2026-03-05 23:30:00 +0100\n"
               "#1003,anna@example.org,refunded,,10.00,10.00,10.00,1,Spoon,10.00,Anna Schmidt,,"
               "2026-03-06 11:00:00 +0100\n"
               "#1004,bob@example.org,paid,,8.00,8.00,0.00,1,Fork,8.00,Bob Brown,"
               "2026-03-07 12:00:00 +0100,2026-03-07 09:00:00 +0100\n");
    const auto file = (dir / "orders_export.csv").string();
    auto r = ok(db, {"import", "purchases", file, "--dry-run"});
    CHECK(has(r.out, "Columns: name = \"Billing Name\", email = \"Email\", date = \"Created at\", "
                     "amount = \"Total\", order = \"Name\", status = \"Financial Status\", "
                     "refunded = \"Refunded Amount\", cancelled = \"Cancelled at\"."));
    CHECK(has(r.out, "Purchases: 2 to add (2 by email), 1 partly refunded (counted without the "
                     "refund)."));
    CHECK(has(r.out, "1 row holds more line items of those orders (one purchase per order)."));
    CHECK(has(r.out, "Orders left out (no purchase): 1 refunded in full and 1 cancelled."));

    const json j = json::parse(ok(db, {"--json", "import", "purchases", file}).out);
    CHECK(j["written"] == true);
    CHECK(j["purchases"] == 2);
    CHECK(j["order_lines"] == 1);
    CHECK(j["partly_refunded"] == 1);
    CHECK(j["skipped_orders"] == json{{"refunded", 1}, {"cancelled", 1}, {"unpaid", 0}});
    CHECK(j["remembered_on"] == nullptr);
    const json bob = json::parse(ok(db, {"purchase", "list", "2", "--json"}).out);
    REQUIRE(bob.size() == 1);
    CHECK(bob[0]["date"] == "2026-03-05");
    CHECK(bob[0]["amount"] == 40.0);
}

TEST_CASE("import purchases takes WooCommerce and Square exports", "[cli][import][orders]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "woo.csv",
               "Order Number,Order Status,Order Date,Billing First Name,Billing Last Name,"
               "Billing Email,Billing Phone,Order Total\n"
               "2001,Completed,2026-04-01 09:30,Anna,Schmidt,anna@example.org,,19.90\n"
               "2002,Pending payment,2026-04-02 10:00,Bob,Brown,bob@example.org,,25.00\n");
    json j = json::parse(ok(db, {"--json", "import", "purchases", (dir / "woo.csv").string()}).out);
    CHECK(j["purchases"] == 1);
    CHECK(j["skipped_orders"]["unpaid"] == 1);

    write_file(dir / "square.csv",
               "Date,Time,Time Zone,Gross Sales,Net Sales,Total,Transaction ID,Customer ID,"
               "Customer Name\n"
               "2026-05-02,23:45:10,Europe/Berlin,10.00,10.00,12.90,TX9a,CUST8,Bob Brown\n");
    j = json::parse(ok(db, {"--json", "import", "purchases", (dir / "square.csv").string()}).out);
    CHECK(j["purchases"] == 1);
    CHECK(j["mapping"] == json{{"name", "Customer Name"},
                               {"date", "Date"},
                               {"amount", "Total"},
                               {"order", "Transaction ID"}});
}

TEST_CASE("an order export with garbage cells exits 1 naming each bad line",
          "[cli][import][orders][errors]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "garbage.csv", "Name,Financial Status,Created at,Total,Billing Name\n"
                                    "#1,paid,yesterday,10.00,Anna Schmidt\n"
                                    "#2,paid,2026-03-04 10:00 +0100,ten,Anna Schmidt\n");
    const auto r = run_cli(db, {"import", "purchases", (dir / "garbage.csv").string()});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "line 2: the date \"yesterday\" is not a real day"));
    CHECK(has(r.err, "line 3: \"ten\" is not an amount like 12.50."));
    CHECK(has(r.err, "2 of 2 rows have errors (listed above), so nothing was imported."));

    write_file(dir / "noise.csv", "Flurb,Quux\n#1,xyz\n");
    const auto n = run_cli(db, {"import", "purchases", (dir / "noise.csv").string()});
    CHECK(n.exit_code == 1);
    CHECK(has(n.err, "it is not known which column holds the customer (a name, email, phone or "
                     "Rapport id), the date and the amount; choose the columns by number."));
}

TEST_CASE("a --map is remembered for the next file with the same header until --forget-map",
          "[cli][import][orders]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    make_shop(db);
    write_file(dir / "march.csv", "Wer;Wann;Wieviel\nAnna Schmidt;01.03.2026;10,00\n");
    write_file(dir / "april.csv", "Wer;Wann;Wieviel\nBob Brown;01.04.2026;5,00\n");
    ok(db, {"import", "purchases", (dir / "march.csv").string(), "--map",
            "name=Wer,date=Wann,amount=Wieviel"});
    auto r = ok(db, {"import", "purchases", (dir / "april.csv").string(), "--dry-run"});
    CHECK(has(r.out, "Using the columns you chose on 2026-03-10 (--forget-map to find them "
                     "afresh)."));
    CHECK(has(r.out, "Purchases: 1 to add (1 by name)."));
    const json j = json::parse(
        ok(db, {"--json", "import", "purchases", (dir / "april.csv").string(), "--dry-run"}).out);
    CHECK(j["remembered_on"] == "2026-03-10");

    // --forget-map with a dry run forgets nothing; without, the columns are looked for again.
    r = run_cli(db,
                {"import", "purchases", (dir / "april.csv").string(), "--forget-map", "--dry-run"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "it is not known which column holds the customer"));
    ok(db, {"import", "purchases", (dir / "april.csv").string(), "--dry-run"});
    r = run_cli(db, {"import", "purchases", (dir / "april.csv").string(), "--forget-map"});
    CHECK(r.exit_code == 1);
    r = run_cli(db, {"import", "purchases", (dir / "april.csv").string()});
    CHECK(r.exit_code == 1);
}
