// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Did it bring them back?" from the store: a golden with every edge counted by hand (a purchase
// on the complaint's day, the 90th and the 91st day, a window not over yet, two refunds, an
// offer not accepted, an incident after today, an archived customer, one day bought twice).
#include "../support/test_database.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/purchases.h"
#include "store/won_back.h"

#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;

namespace {

struct Shop {
    store::Database db = test::fresh_database();

    Id customer(const std::string& name, const std::vector<Date>& bought) {
        Customer c;
        c.name = name;
        const Id id = store::CustomerRepo(db).add(c);
        for (const Date day : bought) {
            Purchase p;
            p.customer_id = id;
            p.on = day;
            p.amount = Money{5000};
            p.margin = 3000;
            store::PurchaseRepo(db).add(p);
        }
        return id;
    }

    void complaint(Id customer, Date day, Category category,
                   std::vector<std::pair<ResolutionType, ResolutionStatus>> given = {}) {
        Interaction i;
        i.customer_id = customer;
        i.at = LocalDateTime{day, 15 * 60};
        i.category = category;
        i.summary = "Complaint";
        for (const auto& [type, status] : given) {
            Resolution r;
            r.type = type;
            r.cost = Money{1000};
            r.status = status;
            i.resolutions.push_back(r);
        }
        store::InteractionRepo(db).add(i);
    }
};

} // namespace

TEST_CASE("won back on 2026-06-15 counts each complaint whose 90 days are over",
          "[won-back][golden]") {
    Shop shop;
    using RT = ResolutionType;
    using RS = ResolutionStatus;
    // Anna: complained 01-10 and bought that day (not counted) and on 04-10, the 90th day after:
    // won back. Two accepted refunds count once under refund.
    const Id anna = shop.customer("Anna", {2026_y / 1 / 10, 2026_y / 4 / 10});
    shop.complaint(anna, 2026_y / 1 / 10, Category::delay,
                   {{RT::refund, RS::accepted}, {RT::refund, RS::accepted}});
    // Bert: complained 02-01, bought on 05-03, the 91st day: not won back. The apology was only
    // offered, so it is not what was given.
    const Id bert = shop.customer("Bert", {2026_y / 5 / 3});
    shop.complaint(bert, 2026_y / 2 / 1, Category::billing,
                   {{RT::discount, RS::accepted}, {RT::apology_only, RS::offered}});
    // Cara: 03-16's window ends 06-14, when she bought: won back, nothing accepted. 03-17's
    // window ends today: not over, not judged.
    const Id cara = shop.customer("Cara", {2026_y / 6 / 14});
    shop.complaint(cara, 2026_y / 3 / 16, Category::product_fault);
    shop.complaint(cara, 2026_y / 3 / 17, Category::delay);
    // Dora's only complaint is after today, so on 2026-06-15 she never complained. Her purchase
    // days judged: 01-05 (02-05 follows: again) and 02-05 (05-20 is the 104th day: not again);
    // 05-20's window is not over, 06-20 is after today.
    const Id dora =
        shop.customer("Dora", {2026_y / 1 / 5, 2026_y / 2 / 5, 2026_y / 5 / 20, 2026_y / 6 / 20});
    shop.complaint(dora, 2026_y / 7 / 1, Category::behaviour);
    // Emil, archived and never complained, bought twice on one day: one day, not again.
    const Id emil = shop.customer("Emil", {2025_y / 12 / 1, 2025_y / 12 / 1});
    store::CustomerRepo(shop.db).set_archived(emil, true);
    // Finn never bought: not judged.
    shop.customer("Finn", {});

    const auto r = store::won_back_report(shop.db, 2026_y / 6 / 15);
    CHECK(r.complaints == WonBackTally{3, 2});
    using Row = store::WonBackRow;
    CHECK(r.by_category ==
          std::vector<Row>{{"product-fault", {1, 1}}, {"delay", {1, 1}}, {"billing", {1, 0}}});
    CHECK(r.by_given == std::vector<Row>{{"refund", {1, 1}},
                                         {"discount", {1, 0}},
                                         {std::string(store::kNothingGiven), {1, 1}}});
    CHECK(r.never_complained == WonBackTally{3, 1});
    CHECK(r.never_complained_customers == 2);
    CHECK(r.complaints.share() == Approx(2.0 / 3.0));

    // A day later Cara's second complaint is judged too: a delay, won back by 06-14.
    const auto next = store::won_back_report(shop.db, 2026_y / 6 / 16);
    CHECK(next.complaints == WonBackTally{4, 3});
    REQUIRE(next.by_category.size() == 3);
    CHECK(next.by_category[1] == Row{"delay", {2, 2}});
    // An empty database has nothing to judge.
    Shop empty;
    const auto none = store::won_back_report(empty.db, 2026_y / 6 / 15);
    CHECK(none.complaints.judged == 0);
    CHECK_FALSE(none.complaints.share().has_value());
    CHECK(none.by_category.empty());
    CHECK(none.never_complained_customers == 0);
}
