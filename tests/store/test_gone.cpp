// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The "Haven't been back" list from the store: who is listed, in which order, and the edges
// (two purchases only, all on one day, archived customers, a complaint as the last contact).
#include "../support/test_database.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/gone.h"
#include "store/interactions.h"
#include "store/purchases.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

namespace {

struct Shop {
    store::Database db = test::fresh_database();

    Id customer(const std::string& name, std::vector<std::pair<Date, std::int64_t>> bought,
                BasisPoints margin = 4000) {
        Customer c;
        c.name = name;
        c.phone = "+49 30 1234";
        const Id id = store::CustomerRepo(db).add(c);
        for (const auto& [day, cents] : bought) {
            Purchase p;
            p.customer_id = id;
            p.on = day;
            p.amount = Money{cents};
            p.margin = margin;
            store::PurchaseRepo(db).add(p);
        }
        return id;
    }
};

} // namespace

TEST_CASE("the gone list holds G6 on 2026-06-15 and not on 2026-05-05 and leaves out the edges",
          "[gone][golden]") {
    Shop shop;
    // G6: every 30 days; own margin of the year up to 04-10: 40 % of 100+200+300+400 = 400.00.
    const Id g6 = shop.customer("Greta Sechs", {{2026_y / 1 / 10, 10000},
                                                {2026_y / 2 / 9, 20000},
                                                {2026_y / 3 / 11, 30000},
                                                {2026_y / 4 / 10, 40000}});
    // Gone too, bigger in 2025 but its last year (from 2025-04-09 on) brings less: 10 % of
    // 500 + 500 + 500 = 150.00; the purchase of 2024 is outside that year.
    const Id old = shop.customer("Otto Alt",
                                 {{2024_y / 1 / 5, 900000},
                                  {2026_y / 2 / 1, 50000},
                                  {2026_y / 2 / 11, 50000},
                                  {2026_y / 2 / 21, 50000}},
                                 1000);
    shop.customer("Zwei Mal", {{2025_y / 1 / 1, 10000}, {2025_y / 2 / 1, 10000}});
    shop.customer("Ein Tag",
                  {{2025_y / 1 / 1, 10000}, {2025_y / 1 / 1, 10000}, {2025_y / 1 / 1, 10000}});
    const Id archived = shop.customer(
        "Archie Ved", {{2025_y / 1 / 1, 10000}, {2025_y / 2 / 1, 10000}, {2025_y / 3 / 1, 10000}});
    store::CustomerRepo(shop.db).set_archived(archived, true);
    // Otto complained after his last purchase: the last contact was a complaint.
    Interaction i;
    i.customer_id = old;
    i.at = LocalDateTime{2026_y / 2 / 25, 11 * 60};
    i.summary = "Wrong size again";
    store::InteractionRepo(shop.db).add(i);
    // Greta complained before her last purchase: not marked.
    i.customer_id = g6;
    i.at = LocalDateTime{2026_y / 3 / 20, 9 * 60};
    store::InteractionRepo(shop.db).add(i);

    const auto june = store::gone_customers(shop.db, 2026_y / 6 / 15);
    REQUIRE(june.size() == 2);
    CHECK(june[0].customer_id == g6);
    CHECK(june[0].name == "Greta Sechs");
    CHECK(june[0].phone == "+49 30 1234");
    CHECK(june[0].purchases == 4);
    CHECK(june[0].last_purchase == 2026_y / 4 / 10);
    CHECK(june[0].days_since_last == 66);
    CHECK(june[0].usual_gap_days == 30.0);
    CHECK(june[0].own_margin_last_year == Money{40000});
    CHECK_FALSE(june[0].complaint_after_last_purchase.has_value());
    CHECK(june[1].customer_id == old);
    CHECK(june[1].own_margin_last_year == Money{15000});
    CHECK(june[1].usual_gap_days == 10.0); // gaps 758, 10, 10
    CHECK(june[1].complaint_after_last_purchase == 2026_y / 2 / 25);

    const auto may = store::gone_customers(shop.db, 2026_y / 5 / 5);
    REQUIRE(may.size() == 1); // Otto: 73 days against a usual 10
    CHECK(may[0].customer_id == old);
    // Purchases after "today" do not count: on 2026-02-15 Otto's last purchase (02-11) is 4
    // days old, and Greta has two.
    CHECK(store::gone_customers(shop.db, 2026_y / 2 / 15).empty());
}

TEST_CASE("a call planned for a gone customer goes on their newest incident and shows on the list",
          "[gone]") {
    Shop shop;
    const std::vector<std::pair<Date, std::int64_t>> monthly = {
        {2026_y / 1 / 10, 10000}, {2026_y / 2 / 9, 10000}, {2026_y / 3 / 11, 10000}};
    const Id quiet = shop.customer("Quentin Still", monthly);
    const Id loud = shop.customer("Lara Laut", monthly);
    Interaction i;
    i.customer_id = loud;
    i.summary = "Late delivery";
    i.at = LocalDateTime{2026_y / 1 / 20, 10 * 60};
    const Id older = store::InteractionRepo(shop.db).add(i);
    i.at = LocalDateTime{2026_y / 3 / 1, 10 * 60};
    const Id newer = store::InteractionRepo(shop.db).add(i);
    REQUIRE(older != newer);

    auto gone = store::gone_customers(shop.db, 2026_y / 6 / 15);
    REQUIRE(gone.size() == 2);
    const auto find = [&](Id id) {
        for (const auto& g : gone)
            if (g.customer_id == id)
                return g;
        FAIL("customer " << id << " is not on the list");
        return store::GoneCustomer{};
    };
    CHECK(find(loud).newest_incident == newer);
    CHECK(find(quiet).newest_incident == 0);
    CHECK_FALSE(find(loud).call_planned.has_value());

    const Id call = store::plan_gone_call(shop.db, loud, 2026_y / 6 / 15, "Call them");
    const auto planned = store::FollowUpRepo(shop.db).get(call);
    CHECK(planned.interaction_id == newer);
    CHECK(planned.follow_up.due == 2026_y / 6 / 15);
    CHECK(planned.follow_up.note == "Call them");
    gone = store::gone_customers(shop.db, 2026_y / 6 / 15);
    CHECK(find(loud).call_planned == 2026_y / 6 / 15);
    CHECK_FALSE(find(quiet).call_planned.has_value());
    // A planned call is not a complaint: the list still says their last contact was none.
    CHECK_FALSE(find(loud).complaint_after_last_purchase.has_value());

    // Never complained: the call belongs to them alone (schema version 6).
    const Id own = store::plan_gone_call(shop.db, quiet, 2026_y / 6 / 15, "Call");
    CHECK(store::FollowUpRepo(shop.db).get(own).interaction_id == 0);
    CHECK(store::FollowUpRepo(shop.db).get(own).customer_id == quiet);
    CHECK(store::FollowUpRepo(shop.db).all_open().size() == 2);
    gone = store::gone_customers(shop.db, 2026_y / 6 / 15);
    CHECK(find(quiet).call_planned == 2026_y / 6 / 15);
}
