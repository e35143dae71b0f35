// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Who did what on a local file, through rapport-cli (issue 16): --by names who is saving, every
// save carries it, `customer show` prints it, and a bad name is one sentence with nothing saved.
#include "../support/temp_dir.h"
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

using namespace rapport::test;
using nlohmann::json;

namespace {} // namespace

TEST_CASE("cli: --by stamps each save with who made it and customer show prints it",
          "[cli][who_did_what]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Anna Schmidt"});
    ok(db, {"log", "1", "--summary", "Kettle leaks", "--at", "2026-12-01T09:00", "--resolution",
            "refund", "--cost", "15", "--follow-up", "2026-12-04"});
    ok(db, {"--by", "Sam", "log", "1", "--summary", "Late delivery", "--at", "2026-12-02T11:00"});
    ok(db, {"followup", "done", "1", "--outcome", "satisfied", "--by", "Jürgen Weiß"});
    ok(db, {"--by", "Sam", "purchase", "add", "1", "--amount", "40", "--date", "2026-12-03"});
    ok(db, {"--by", "Ana", "customer", "edit", "1", "--phone", "0170 123"});

    const json shown = json::parse(ok(db, {"customer", "show", "1", "--json"}).out);
    CHECK(shown["customer"]["added_by"] == "owner");
    CHECK(shown["customer"]["changed_by"] == "Ana");
    CHECK(shown["customer"]["version"] == 2);
    std::map<std::string, json> by_summary;
    json purchase;
    for (const auto& item : shown["timeline"]) {
        if (item["kind"] == "interaction")
            by_summary[item["summary"]] = item;
        else
            purchase = item;
    }
    const json& kettle = by_summary.at("Kettle leaks");
    CHECK(kettle["logged_by"] == "owner");
    const std::regex minute(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})");
    CHECK(std::regex_match(kettle["logged_at"].get<std::string>(), minute));
    CHECK(kettle["changed_by"].is_null());
    CHECK(kettle["resolutions"][0]["added_by"] == "owner");
    CHECK(kettle["follow_ups"][0]["done_by"] == "Jürgen Weiß");
    CHECK(by_summary.at("Late delivery")["logged_by"] == "Sam");
    CHECK(purchase["added_by"] == "Sam");

    const std::string text = ok(db, {"customer", "show", "1"}).out;
    CHECK(std::regex_search(text, std::regex(R"(logged by Sam, \d{4}-\d{2}-\d{2}T\d{2}:\d{2})")));
    CHECK(text.find("done 2026-") != std::string::npos);
    CHECK(text.find(" by Jürgen Weiß, satisfied") != std::string::npos);
    CHECK(text.find("added by Sam") != std::string::npos);
}

TEST_CASE("cli: a name --by cannot take is one sentence and nothing is saved",
          "[cli][who_did_what]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Anna Schmidt"});
    for (const std::string bad :
         {std::string("  "), std::string("Sam\nAna"), std::string(61, 'x')}) {
        const CliResult r = run_cli(db, {"--by", bad, "log", "1", "--summary", "Kettle leaks"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("name") != std::string::npos);
    }
    const json shown = json::parse(ok(db, {"customer", "show", "1", "--json"}).out);
    CHECK(shown["timeline"].empty());
}

TEST_CASE("cli: customer show --staff keeps one staff member's history and report staff sums it",
          "[cli][who_did_what]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Anna Schmidt"});
    ok(db, {"--by", "Sam", "log", "1", "--summary", "Kettle leaks", "--at", "2026-11-02T09:00",
            "--resolution", "refund", "--cost", "15", "--follow-up", "2026-11-05"});
    ok(db, {"--by", "Sam", "log", "1", "--summary", "Lid broken", "--at", "2026-11-03T09:00",
            "--resolution", "discount", "--cost", "4.50", "--status", "offered"});
    ok(db, {"--by", "Ana", "log", "1", "--summary", "Late delivery", "--at", "2026-11-04T10:00",
            "--resolution", "refund", "--cost", "10", "--follow-up", "2026-11-06"});
    ok(db,
       {"--by", "Ana", "--today", "2026-11-05", "followup", "done", "1", "--outcome", "satisfied"});
    ok(db,
       {"--by", "Ana", "--today", "2026-11-09", "followup", "done", "2", "--outcome", "satisfied"});

    const json sams =
        json::parse(ok(db, {"customer", "show", "1", "--staff", "Sam", "--json"}).out);
    REQUIRE(sams["timeline"].size() == 2);
    for (const auto& item : sams["timeline"])
        CHECK(item["logged_by"] == "Sam");

    // Hand-counted: Sam logged 2 incidents, 15.00 accepted (the 4.50 is only offered); Ana
    // logged 1 with 10.00 accepted and did both follow-ups, one on its day, one 3 days late.
    const json report = json::parse(
        ok(db, {"--today", "2026-11-30", "report", "staff", "--from", "2026-11-01", "--json"}).out);
    REQUIRE(report["staff"].size() == 2);
    const json& ana = report["staff"][0];
    const json& sam = report["staff"][1];
    CHECK(ana["name"] == "Ana");
    CHECK(ana["incidents"] == 1);
    CHECK(ana["given_back"] == json::parse("10.00"));
    CHECK(ana["follow_ups_done"] == 2);
    CHECK(ana["follow_ups_on_time"] == 1);
    CHECK(sam["name"] == "Sam");
    CHECK(sam["incidents"] == 2);
    CHECK(sam["given_back"] == json::parse("15.00"));
    CHECK(sam["follow_ups_done"] == 0);
    const std::string text =
        ok(db, {"--today", "2026-11-30", "report", "staff", "--from", "2026-11-01"}).out;
    CHECK(text.find("Sam") != std::string::npos);
    CHECK(text.find("50 % (1 of 2)") != std::string::npos);
}
