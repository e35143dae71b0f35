// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A call planned for a customer who quietly left without ever complaining (schema version 6),
// seen through the real rapport-cli: the follow-up list shows its note, marking it done takes
// its minutes, customer show lists it, check finds the kept figures right, and deleting the
// customer takes it with them. The call is planned as the window's "Plan a call" does.
#include "cli_ok.h"
#include "cli_runner.h"
#include "store/database.h"
#include "store/gone.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

namespace {} // namespace

TEST_CASE("a call for a customer who never complained is listed done counted and checked clean",
          "[cli][customer-follow-up]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Quentin Still", "--phone", "030 555"});
    for (const char* day : {"2026-01-10", "2026-02-09", "2026-03-11", "2026-04-10"})
        ok(db, {"purchase", "add", "1", "--amount", "100", "--date", day, "--margin", "40"});
    {
        auto open = rapport::store::Database::open(db);
        REQUIRE(rapport::store::plan_gone_call(open, 1, rapport::parse_date("2026-06-15"),
                                               "Haven't been back: ask how they are") == 1);
    }
    auto r = ok(db, {"--today", "2026-06-15", "followups"});
    CHECK(r.out.find("Quentin Still (030 555) | Haven't been back: ask how they are\n") !=
          std::string::npos);
    r = ok(db, {"--today", "2026-06-15", "--json", "followups"});
    const json week = json::parse(r.out)["week"]["follow_ups"];
    REQUIRE(week.size() == 1);
    CHECK(week[0]["interaction_id"].is_null());
    CHECK(week[0]["category"].is_null());
    CHECK(week[0]["customer_id"] == 1);
    // The drafted message asks how they are: no incident to thank them for, no empty date.
    r = ok(db, {"--today", "2026-06-15", "followup", "message", "1", "--language", "en"});
    CHECK(r.out.find("We would like to hear from you") != std::string::npos);
    CHECK(r.out.find("Dear Quentin,") != std::string::npos);
    CHECK(r.out.find("it has been a while since we last saw you") != std::string::npos);
    CHECK(r.out.find("patience") == std::string::npos);
    CHECK(r.out.find("()") == std::string::npos);
    r = ok(db, {"--today", "2026-06-15", "followup", "message", "1", "--language", "de"});
    CHECK(r.out.find("Wir würden gern von Ihnen hören") != std::string::npos);

    ok(db, {"--today", "2026-06-16", "followup", "done", "1", "--outcome", "satisfied", "--minutes",
            "20"});
    r = ok(db, {"customer", "show", "Quentin Still"});
    CHECK(r.out.find("Call #1 due 2026-06-15 (no incident): done 2026-06-16, satisfied - "
                     "Haven't been back: ask how they are\n") != std::string::npos);
    r = ok(db, {"--json", "customer", "show", "1"});
    CHECK(json::parse(r.out)["follow_ups_without_incident"][0]["minutes"] == 20);
    r = ok(db, {"--json", "check"});
    INFO(r.out);
    CHECK(json::parse(r.out)["ok"] == true);

    ok(db, {"customer", "delete", "1", "--yes"});
    r = ok(db, {"--today", "2026-06-15", "--json", "followups"});
    CHECK(json::parse(r.out)["week"]["follow_ups"].empty());
    r = ok(db, {"--json", "check"});
    CHECK(json::parse(r.out)["ok"] == true);
}
