// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport-cli customers gone`: the "Haven't been back" list, golden G6 of the issue.
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

namespace {} // namespace

TEST_CASE("customers gone lists G6 on 2026-06-15 and not on 2026-05-05 and leaves out the edges",
          "[cli][gone][golden]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Greta Sechs", "--email", "greta@example.com"});
    for (const auto& [day, amount] :
         {std::pair{"2026-01-10", "100"}, std::pair{"2026-02-09", "200"},
          std::pair{"2026-03-11", "300"}, std::pair{"2026-04-10", "400"}})
        ok(db, {"purchase", "add", "1", "--amount", amount, "--date", day, "--margin", "40"});
    ok(db, {"customer", "add", "Zwei Mal"});
    for (const char* day : {"2025-01-01", "2025-02-01"})
        ok(db, {"purchase", "add", "2", "--amount", "10", "--date", day});
    ok(db, {"customer", "add", "Ein Tag"});
    for (int k = 0; k < 3; ++k)
        ok(db, {"purchase", "add", "3", "--amount", "10", "--date", "2025-01-01"});
    ok(db, {"customer", "add", "Archie Ved"});
    for (const char* day : {"2025-01-01", "2025-02-01", "2025-03-01"})
        ok(db, {"purchase", "add", "4", "--amount", "10", "--date", day});
    ok(db, {"customer", "archive", "4"});
    ok(db, {"--today", "2026-04-20", "log", "1", "--summary", "Late", "--at", "2026-04-20T10:00"});

    const json june =
        json::parse(ok(db, {"--json", "--today", "2026-06-15", "customers", "gone"}).out);
    CHECK(june["today"] == "2026-06-15");
    REQUIRE(june["customers"].size() == 1);
    const auto& g = june["customers"][0];
    CHECK(g["id"] == 1);
    CHECK(g["name"] == "Greta Sechs");
    CHECK(g["email"] == "greta@example.com");
    CHECK(g["purchases"] == 4);
    CHECK(g["last_purchase"] == "2026-04-10");
    CHECK(g["days_since_last"] == 66);
    CHECK(g["usual_gap_days"] == 30.0);
    CHECK(g["own_margin_last_year"] == 400.0);  // 40 % of 1,000.00
    CHECK(g["last_contact_complaint"] == true); // the complaint of 04-20 came after
    CHECK(g["complaint_on"] == "2026-04-20");

    const json may =
        json::parse(ok(db, {"--json", "--today", "2026-05-05", "customers", "gone"}).out);
    CHECK(may["customers"].empty());
    const auto text = ok(db, {"--today", "2026-06-15", "customers", "gone"}).out;
    CHECK(text.find("Haven't been back (1):") == 0);
    CHECK(text.find("Greta Sechs | last bought 2026-04-10 (66 days ago, usually every 30 days) | "
                    "own margin in their last year 400.00 | last contact a complaint on "
                    "2026-04-20 | greta@example.com") != std::string::npos);
    CHECK(ok(db, {"--today", "2026-05-05", "customers", "gone"}).out ==
          "Nobody has quietly stopped coming.\n");
    CHECK(run_cli(db, {"customers", "gone", "--today", "2026-13-01"}).exit_code == 2);
}
