// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Purchases straight from a till's or web shop's order export (Shopify, WooCommerce, Square):
// the order number is not the customer, one order over several line-item rows is one purchase,
// refunded, cancelled and unpaid orders are left out and counted, and a column map the owner
// chose is remembered for the next file with the same header. Files hand-written, figures
// hand-counted.
#include "../support/test_database.h"
#include "export_test_support.h"

#include "exchange/importer.h"
#include "store/purchases.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

using namespace rapport;
using namespace date::literals;
using exchange::ImportField;
using exchange::ImportKind;

namespace {

exchange::ImportResult import(store::Database& db, const std::string& csv,
                              exchange::ImportOptions options = {}) {
    return exchange::run_import(db, ImportKind::purchases, read_csv(csv), options);
}

exchange::ImportPreview preview(store::Database& db, const std::string& csv,
                                exchange::ImportOptions options = {}) {
    return exchange::preview_import(db, ImportKind::purchases, read_csv(csv), options);
}

struct Shop {
    store::Database db = test::fresh_database();
    std::int64_t anna = export_test::add_customer(db, "Anna Schmidt", "anna@example.org", "030 1");
    std::int64_t bob = export_test::add_customer(db, "Bob Brown", "bob@example.org", "");
};

// Sets TZ for one test and puts it back.
class TimeZone {
public:
    explicit TimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ"))
            m_old = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~TimeZone() {
        if (m_old)
            setenv("TZ", m_old->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

private:
    std::optional<std::string> m_old;
};

const std::string kShopify =
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Total,"
    "Refunded Amount,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Billing Phone,"
    "Cancelled at,Created at\n"
    // one order over two line items: one purchase of 45.00
    "#1001,anna@example.org,paid,2026-03-04 10:20:00 +0100,fulfilled,EUR,40.00,45.00,0.00,1,"
    "Mug,25.00,Anna Schmidt,030 1,,2026-03-04 10:15:22 +0100\n"
    "#1001,anna@example.org,,,,,,,,1,\"Plate, blue\",15.00,,,,2026-03-04 10:15:22 +0100\n"
    // 60.00 with 20.00 given back: 40.00; 23:30 on the shop's clock is still the 5th
    "#1002,bob@example.org,partially_refunded,2026-03-05 23:40:00 +0100,fulfilled,EUR,55.00,"
    "60.00,20.00,2,Cup,27.50,Bob Brown,,,2026-03-05 23:30:00 +0100\n"
    "#1003,anna@example.org,refunded,2026-03-06 12:00:00 +0100,,EUR,10.00,10.00,10.00,1,Spoon,"
    "10.00,Anna Schmidt,,,2026-03-06 11:00:00 +0100\n"
    "#1004,bob@example.org,voided,,,EUR,8.00,8.00,0.00,1,Fork,8.00,Bob Brown,,,"
    "2026-03-07 09:00:00 +0100\n"
    "#1005,anna@example.org,paid,2026-03-08 09:00:00 +0100,,EUR,12.00,12.00,0.00,1,Knife,12.00,"
    "Anna Schmidt,,2026-03-08 15:00:00 +0100,2026-03-08 08:55:00 +0100\n"
    "#1005,anna@example.org,,,,,,,,1,Sharpener,0.00,,,,2026-03-08 08:55:00 +0100\n";

} // namespace

TEST_CASE("a Shopify orders export gives one purchase per order and leaves out refunds",
          "[import][orders]") {
    Shop shop;
    const auto pv = preview(shop.db, kShopify);
    REQUIRE(pv.problem.empty());
    // "Name" is the order number; the customer is the billing name or the email.
    CHECK(pv.mapping == exchange::ColumnMapping{{ImportField::order, 0},
                                                {ImportField::email, 1},
                                                {ImportField::status, 2},
                                                {ImportField::amount, 7},
                                                {ImportField::refunded, 8},
                                                {ImportField::name, 12},
                                                {ImportField::phone, 13},
                                                {ImportField::cancelled, 14},
                                                {ImportField::date, 15}});
    CHECK(pv.errors.empty());
    CHECK(pv.counts.rows == 7);
    CHECK(pv.counts.good == 7);
    CHECK(pv.counts.purchases == 2);
    CHECK(pv.counts.order_lines == 2); // #1001's plate, #1005's sharpener
    CHECK(pv.counts.refunded == 1);    // #1003
    CHECK(pv.counts.unpaid == 1);      // #1004, voided
    CHECK(pv.counts.cancelled == 1);   // #1005, cancelled at 15:00
    CHECK(pv.counts.partly_refunded == 1);

    const auto r = import(shop.db, kShopify);
    REQUIRE(r.written);
    const auto a = store::PurchaseRepo(shop.db).for_customer(shop.anna);
    REQUIRE(a.size() == 1);
    CHECK(a[0].on == 2026_y / 3 / 4);
    CHECK(a[0].amount.cents == 4500);
    const auto b = store::PurchaseRepo(shop.db).for_customer(shop.bob);
    REQUIRE(b.size() == 1);
    CHECK(b[0].on == 2026_y / 3 / 5);
    CHECK(b[0].amount.cents == 4000);

    // The same export again adds nothing.
    const auto again = import(shop.db, kShopify);
    CHECK(again.preview.counts.purchases == 0);
    CHECK(again.preview.counts.already_recorded == 2);
}

TEST_CASE("a WooCommerce orders export is understood with its order statuses", "[import][orders]") {
    Shop shop;
    const std::string csv =
        "Order Number,Order Status,Order Date,Billing First Name,Billing Last Name,"
        "Billing Email,Billing Phone,Order Total\n"
        "2001,Completed,2026-04-01 09:30,Anna,Schmidt,anna@example.org,030 1,19.90\n"
        "2002,Refunded,2026-04-02 10:00,Bob,Brown,bob@example.org,,25.00\n"
        "2003,Cancelled,2026-04-02 11:00,Bob,Brown,bob@example.org,,5.00\n"
        "2004,Processing,2026-04-03 11:00,Bob,Brown,,,12.00\n"
        "2005,Pending payment,2026-04-04 12:00,Anna,Schmidt,anna@example.org,,7.00\n"
        "2006,Failed,2026-04-04 12:05,Anna,Schmidt,anna@example.org,,7.00\n";
    const auto r = import(shop.db, csv);
    REQUIRE(r.written);
    const auto& n = r.preview.counts;
    CHECK(r.preview.mapping == exchange::ColumnMapping{{ImportField::order, 0},
                                                       {ImportField::status, 1},
                                                       {ImportField::date, 2},
                                                       {ImportField::first_name, 3},
                                                       {ImportField::last_name, 4},
                                                       {ImportField::email, 5},
                                                       {ImportField::phone, 6},
                                                       {ImportField::amount, 7}});
    CHECK(n.purchases == 2);
    CHECK(n.refunded == 1);
    CHECK(n.cancelled == 1);
    CHECK(n.unpaid == 2);
    CHECK(n.order_lines == 0);
    CHECK(n.by_email == 1);
    CHECK(n.by_name == 1); // 2004: Bob Brown by name
    const auto b = store::PurchaseRepo(shop.db).for_customer(shop.bob);
    REQUIRE(b.size() == 1);
    CHECK(b[0].on == 2026_y / 4 / 3);
    CHECK(b[0].amount.cents == 1200);
}

TEST_CASE("a Square transactions export counts the total and not its own customer id",
          "[import][orders]") {
    Shop shop;
    const std::string csv =
        "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,Total,Transaction ID,"
        "Customer ID,Customer Name\n"
        "2026-05-02,23:45:10,Europe/Berlin,10.00,0.00,10.00,1.90,1.00,12.90,TX9a,CUST8,"
        "Anna Schmidt\n"
        "2026-05-03,08:00:00,Europe/Berlin,5.00,0.00,5.00,0.95,0.00,5.95,TX9b,,Bob Brown\n";
    const auto r = import(shop.db, csv);
    REQUIRE(r.written);
    CHECK(r.preview.mapping.count(ImportField::customer_id) == 0);
    CHECK(r.preview.mapping.at(ImportField::order) == 9);
    CHECK(r.preview.mapping.at(ImportField::amount) == 8);
    CHECK(r.preview.mapping.at(ImportField::name) == 11);
    const auto a = store::PurchaseRepo(shop.db).for_customer(shop.anna);
    REQUIRE(a.size() == 1);
    CHECK(a[0].on == 2026_y / 5 / 2); // the till's own day, whatever the time
    CHECK(a[0].amount.cents == 1290);
}

// The Windows C runtime reads TZ only in the POSIX form ("CET-1CEST"), not as a zone name;
// on 4 March neither zone keeps summer time, so the standard offsets are all that is needed.
#ifdef _WIN32
constexpr const char* kBerlin = "CET-1CEST";
constexpr const char* kNewYork = "EST5EDT";
#else
constexpr const char* kBerlin = "Europe/Berlin";
constexpr const char* kNewYork = "America/New_York";
#endif

TEST_CASE("a time in UTC is the day on this computer's clock", "[import][orders]") {
    {
        TimeZone berlin(kBerlin);
        CHECK(exchange::parse_import_date("2026-03-04T23:30:00Z") == 2026_y / 3 / 5);
        CHECK(exchange::parse_import_date("2026-03-04 22:59 UTC") == 2026_y / 3 / 4);
        // With an offset it is the shop's own clock: the day as written.
        CHECK(exchange::parse_import_date("2026-03-04 23:30:00 +0100") == 2026_y / 3 / 4);
        CHECK(exchange::parse_import_date("2026-03-04T23:30:00-05:00") == 2026_y / 3 / 4);
    }
    TimeZone new_york(kNewYork);
    CHECK(exchange::parse_import_date("2026-03-04T03:30:00Z") == 2026_y / 3 / 3);
    // A time that is no time is ignored, as it always was: the day as written.
    CHECK(exchange::parse_import_date("2026-03-04T25:30:00Z") == 2026_y / 3 / 4);
}

TEST_CASE("an order export with garbage in its cells names the line and the cell",
          "[import][orders]") {
    Shop shop;
    const auto r = import(shop.db, "Name,Financial Status,Created at,Total,Refunded Amount,"
                                   "Billing Name\n"
                                   "#1,paid,yesterday,10.00,,Anna Schmidt\n"
                                   "#2,paid,2026-03-04 10:00 +0100,ten,,Anna Schmidt\n"
                                   "#3,partially_refunded,2026-03-04 10:00 +0100,10.00,lots,"
                                   "Anna Schmidt\n"
                                   "#4,paid,2026-03-04 10:00 +0100,10.00,,#4\n");
    CHECK_FALSE(r.written);
    REQUIRE(r.preview.errors.size() == 4);
    CHECK(r.preview.errors[0].message ==
          "line 2: the date \"yesterday\" is not a real day written as YYYY-MM-DD, DD.MM.YYYY "
          "or DD/MM/YYYY.");
    CHECK(r.preview.errors[1].message == "line 3: \"ten\" is not an amount like 12.50.");
    CHECK(r.preview.errors[2].message ==
          "line 4: the refunded amount \"lots\" is not an amount like 12.50.");
    CHECK(r.preview.errors[3].message ==
          "line 5: no customer named \"#4\" is known; import the customers first.");
    CHECK(export_test::count(shop.db, "SELECT count(*) FROM purchase") == 0);
}

TEST_CASE("a column map the owner chose is used again for the same header until forgotten",
          "[import][orders]") {
    Shop shop;
    const std::string header = "Wer;Wann;Wieviel;Bon\n";
    exchange::ImportOptions chosen;
    chosen.choices = exchange::parse_column_map("name=Wer,date=Wann,amount=Wieviel,order=Bon",
                                                ImportKind::purchases);
    chosen.today = 2026_y / 3 / 4;
    const auto first = import(shop.db, header + "Anna Schmidt;01.03.2026;10,00;B1\n", chosen);
    REQUIRE(first.written);
    CHECK_FALSE(first.preview.remembered_on);

    // The next file with that header needs no --map and says whose columns it uses.
    const std::string next = header + "Bob Brown;02.03.2026;5,00;B2\nBob Brown;02.03.2026;;B2\n";
    auto pv = preview(shop.db, next);
    REQUIRE(pv.problem.empty());
    CHECK(pv.remembered_on == 2026_y / 3 / 4);
    CHECK(pv.mapping == first.preview.mapping);
    CHECK(pv.counts.purchases == 1);
    CHECK(pv.counts.order_lines == 1);

    // Another layout (or another kind of import) is not given it.
    CHECK_FALSE(preview(shop.db, "Wer;Wann;Wieviel\nBob Brown;02.03.2026;5,00\n").remembered_on);
    CHECK(exchange::preview_import(shop.db, ImportKind::customers, read_csv(next), {})
              .remembered_on == std::nullopt);

    // Choosing again replaces it; forgetting it brings back the search by name.
    exchange::ImportOptions again;
    again.choices = exchange::parse_column_map("order=", ImportKind::purchases);
    again.today = 2026_y / 3 / 9;
    REQUIRE(import(shop.db, header + "Bob Brown;03.03.2026;6,00;B3\n", again).written);
    pv = preview(shop.db, next);
    CHECK(pv.remembered_on == 2026_y / 3 / 9);
    CHECK(pv.mapping.count(ImportField::order) == 0);

    const auto columns = pv.columns;
    CHECK(exchange::forget_remembered_columns(shop.db, ImportKind::purchases, columns));
    CHECK_FALSE(exchange::forget_remembered_columns(shop.db, ImportKind::purchases, columns));
    pv = preview(shop.db, next);
    CHECK_FALSE(pv.remembered_on);
    CHECK_FALSE(pv.problem.empty());
}
