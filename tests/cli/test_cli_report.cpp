// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport-cli report won-back` and `report answers`: goldens counted by hand.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

namespace {

CliResult ok(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--today", "2026-06-15"});
    auto r = run_cli(db, std::move(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

// Anna complained on 01-10 and bought on 04-10 (the 90th day): won back, a refund. Bert
// complained on 02-01 and bought on 05-03 (the 91st day): not, a discount. Dora never
// complained: her purchase of 01-05 was followed by one on 02-05, that one by none in 90 days.
void plant(const std::filesystem::path& db) {
    ok(db, {"customer", "add", "Anna"});
    ok(db, {"customer", "add", "Bert"});
    ok(db, {"customer", "add", "Dora"});
    ok(db, {"purchase", "add", "1", "--amount", "50", "--date", "2026-04-10"});
    ok(db, {"purchase", "add", "2", "--amount", "50", "--date", "2026-05-03"});
    ok(db, {"purchase", "add", "3", "--amount", "50", "--date", "2026-01-05"});
    ok(db, {"purchase", "add", "3", "--amount", "50", "--date", "2026-02-05"});
    ok(db, {"log", "1", "--summary", "Late", "--at", "2026-01-10T15:00", "--category", "delay",
            "--resolution", "refund", "--cost", "10"});
    ok(db, {"log", "2", "--summary", "Billed twice", "--at", "2026-02-01T10:00", "--category",
            "billing", "--resolution", "discount", "--cost", "5"});
}

} // namespace

TEST_CASE("report won-back gives the shares of complaints and of the customers who never "
          "complained",
          "[cli][won-back][golden]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    plant(db);
    const json r = json::parse(ok(db, {"--json", "report", "won-back"}).out);
    CHECK(r["today"] == "2026-06-15");
    CHECK(r["window_days"] == 90);
    CHECK(r["complaints"] == json{{"judged", 2}, {"bought_again", 1}, {"share", 0.5}});
    REQUIRE(r["by_category"].size() == 2);
    CHECK(r["by_category"][0] ==
          json{{"key", "delay"}, {"judged", 1}, {"bought_again", 1}, {"share", 1.0}});
    CHECK(r["by_category"][1] ==
          json{{"key", "billing"}, {"judged", 1}, {"bought_again", 0}, {"share", 0.0}});
    REQUIRE(r["by_given"].size() == 2);
    CHECK(r["by_given"][0]["key"] == "refund");
    CHECK(r["by_given"][0]["bought_again"] == 1);
    CHECK(r["by_given"][1]["key"] == "discount");
    CHECK(r["by_given"][1]["bought_again"] == 0);
    CHECK(r["never_complained"] ==
          json{{"judged", 2}, {"bought_again", 1}, {"share", 0.5}, {"customers", 1}});

    const std::string text = ok(db, {"report", "won-back"}).out;
    INFO(text);
    CHECK(text.find("bought again within 90 days: 50 % (1 of 2)") != std::string::npos);
    CHECK(text.find("never complained, after a purchase: 50 % (1 of 2) (1 customers)") !=
          std::string::npos);
    CHECK(text.find("  Delay                100 % (1 of 1)") != std::string::npos);
    CHECK(text.find("  Billing              0 % (0 of 1)") != std::string::npos);

    // Before any window is over there is nothing to divide: null, not 0.
    const json early =
        json::parse(run_cli(db, {"--json", "--today", "2026-02-01", "report", "won-back"}).out);
    CHECK(early["complaints"]["judged"] == 0);
    CHECK(early["complaints"]["share"].is_null());
}

TEST_CASE("report answers gives on time and satisfied shares and the average with their counts",
          "[cli][golden]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    plant(db);
    // Two follow-ups: Anna's done on its day with 4, Bert's three days late with 2.
    ok(db, {"log", "1", "--summary", "Late again", "--at", "2026-06-01T10:00", "--category",
            "delay", "--resolution", "refund", "--cost", "10", "--follow-up", "2026-06-10"});
    ok(db, {"log", "2", "--summary", "Rude", "--at", "2026-06-02T10:00", "--category", "billing",
            "--follow-up", "2026-06-05"});
    REQUIRE(run_cli(db, {"--today", "2026-06-10", "followup", "done", "1", "--outcome", "satisfied",
                         "--satisfaction", "4"})
                .exit_code == 0);
    REQUIRE(run_cli(db, {"--today", "2026-06-08", "followup", "done", "2", "--outcome",
                         "still-unhappy", "--satisfaction", "2"})
                .exit_code == 0);
    const json r = json::parse(ok(db, {"--json", "report", "answers", "--from", "2026-06-01"}).out);
    CHECK(r["from"] == "2026-06-01");
    CHECK(r["to"] == "2026-06-15");
    CHECK(r["all"]["done"] == 2);
    CHECK(r["all"]["on_time"] == 1);
    CHECK(r["all"]["answers"] == 2);
    CHECK(r["all"]["satisfied"] == 1);
    CHECK(r["all"]["satisfied_share"] == 0.5);
    CHECK(r["all"]["average"] == 3.0);
    REQUIRE(r["by_category"].size() == 2);
    CHECK(r["by_category"][0]["key"] == "delay");
    CHECK(r["by_category"][0]["average"] == 4.0);
    CHECK(r["by_category"][1]["key"] == "billing");
    CHECK(r["by_category"][1]["on_time"] == 0);
    REQUIRE(r["by_given"].size() == 2);
    CHECK(r["by_given"][0]["key"] == "refund");
    CHECK(r["by_given"][0]["satisfied"] == 1);
    CHECK(r["by_given"][1]["key"] == "nothing");
    CHECK(r["by_given"][1]["average"] == 2.0);
    const std::string text = ok(db, {"report", "answers", "--from", "2026-06-01"}).out;
    INFO(text);
    CHECK(text.find("Follow-ups done from 2026-06-01 to 2026-06-15: 2 done, on time 50 % (1 of "
                    "2), satisfied 50 % (1 of 2), average 3.0 (2 answers)") == 0);
    // A period ending before it starts is refused.
    CHECK(run_cli(db, {"report", "answers", "--from", "2026-06-10", "--to", "2026-06-01"})
              .exit_code == 2);
}

TEST_CASE("report lessons groups the lessons by category and names the delays coming back",
          "[cli][lessons][golden]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Anna"});
    ok(db, {"customer", "add", "Bert"});
    // The 90 days up to 2026-06-15 start on 2026-03-18: three delays in them.
    ok(db, {"log", "1", "--summary", "Late", "--at", "2026-04-01T10:00", "--category", "delay",
            "--lesson", "Call ahead", "--resolution", "refund", "--cost", "10", "--status",
            "accepted"});
    ok(db, {"log", "1", "--summary", "Late again", "--at", "2026-05-20T10:00", "--category",
            "delay", "--lesson", "Keep spare stock", "--resolution", "discount", "--cost", "5",
            "--status", "accepted"});
    ok(db, {"log", "2", "--summary", "Late", "--at", "2026-06-10T10:00", "--category", "delay"});
    ok(db, {"log", "2", "--summary", "Billed twice", "--at", "2026-02-01T10:00", "--category",
            "billing", "--lesson", "Check the invoice twice", "--resolution", "refund", "--cost",
            "20", "--status", "declined"});
    const json r = json::parse(ok(db, {"--json", "report", "lessons"}).out);
    CHECK(r["today"] == "2026-06-15");
    CHECK(r["recent_days"] == 90);
    CHECK(r["lessons"] == 3);
    CHECK(r["coming_back"] == json{"delay"});
    REQUIRE(r["categories"].size() == 2);
    const json& delay = r["categories"][0];
    CHECK(delay["key"] == "delay");
    CHECK(delay["incidents"] == 3);
    CHECK(delay["recent"] == 3);
    CHECK(delay["keeps_coming_back"] == true);
    CHECK(delay["given_back"] == 15.0);
    REQUIRE(delay["lessons"].size() == 2);
    CHECK(delay["lessons"][0] == json{{"interaction_id", 2},
                                      {"date", "2026-05-20"},
                                      {"customer", "Anna"},
                                      {"lesson", "Keep spare stock"},
                                      {"given_back", 5.0}});
    CHECK(delay["lessons"][1]["lesson"] == "Call ahead");
    const json& billing = r["categories"][1];
    CHECK(billing["key"] == "billing");
    CHECK(billing["incidents"] == 1);
    CHECK(billing["recent"] == 0);
    CHECK(billing["given_back"] == 0.0);
    CHECK(billing["keeps_coming_back"] == false);

    const auto text = ok(db, {"report", "lessons"}).out;
    CHECK(text.find("Keeps coming back (3 or more incidents in 90 days): Delay (3).") !=
          std::string::npos);
    CHECK(text.find("  2026-05-20  Anna: Keep spare stock (5.00 given back)") != std::string::npos);
}
