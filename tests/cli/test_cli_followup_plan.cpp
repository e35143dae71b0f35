// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport-cli followup plan CUSTOMER DATE`: the call the "Haven't been back" list plans, its
// message from the call_message_* settings, its answer in `report answers`, and what a bad
// customer or date leaves behind (nothing).
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

namespace {

// Customer 1 Ida Berg who never complained; customer 2 Otto Lang with an incident on
// 2026-06-01 (and its follow-up 1).
std::filesystem::path make_shop(const TempDir& dir) {
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Ida Berg", "--email", "ida@example.org"});
    ok(db, {"customer", "add", "Otto Lang"});
    ok(db, {"settings", "set", "business_name", "Teeladen"});
    ok(db, {"log", "2", "--summary", "Lid broke", "--at", "2026-06-01T10:00", "--category", "delay",
            "--follow-up", "2026-06-05"});
    return db;
}

std::size_t own_calls(const std::filesystem::path& db, const std::string& customer) {
    const json j = json::parse(ok(db, {"--json", "customer", "show", customer}).out);
    return j["follow_ups_without_incident"].size();
}

} // namespace

TEST_CASE("followup plan gives a customer who never complained a call of their own",
          "[cli][followups][plan]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const json planned = json::parse(ok(db, {"--today", "2026-06-10", "--json", "followup", "plan",
                                             "ida berg", "+10d", "--note", "Ask about the tea"})
                                         .out);
    CHECK(planned["customer_id"] == 1);
    CHECK(planned["customer"] == "Ida Berg");
    CHECK(planned["due"] == "2026-06-20");
    CHECK(planned["interaction_id"].is_null());
    const std::string id = std::to_string(planned["id"].get<long long>());
    CHECK(own_calls(db, "1") == 1);
    const auto show = ok(db, {"customer", "show", "1"}).out;
    CHECK(show.find("Call #" + id + " due 2026-06-20 (no incident): open - Ask about the tea") !=
          std::string::npos);
    // On the follow-up list of its week, its note where the incident would be.
    const auto list = ok(db, {"--today", "2026-06-20", "followups"}).out;
    CHECK(list.find("Ida Berg (ida@example.org) | Ask about the tea") != std::string::npos);

    // A customer with an incident gets the call on their newest one, as P does.
    const json on_incident =
        json::parse(ok(db, {"--json", "followup", "plan", "2", "2026-06-12"}).out);
    CHECK(on_incident["interaction_id"] == 1);
    CHECK(own_calls(db, "2") == 0);

    // Plain output is the new id alone, for scripts.
    const auto plain = ok(db, {"followup", "plan", "1", "2026-07-01"}).out;
    CHECK(trimmed(plain) == std::to_string(on_incident["id"].get<long long>() + 1));
}

TEST_CASE("followup plan refuses an unknown customer or a bad date and writes nothing",
          "[cli][followups][plan]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const auto unknown_id = run_cli(db, {"followup", "plan", "99", "2026-06-20"});
    CHECK(unknown_id.exit_code == 1);
    CHECK(unknown_id.err.find("No customer has id or name \"99\"") != std::string::npos);
    const auto unknown_name = run_cli(db, {"followup", "plan", "Nobody Here", "2026-06-20"});
    CHECK(unknown_name.exit_code == 1);
    CHECK(unknown_name.err.find("No customer is named \"Nobody Here\"") != std::string::npos);
    for (const std::string bad : {"2026-13-01", "tomorrow", "+3x", ""}) {
        INFO(bad);
        const auto r = run_cli(db, {"followup", "plan", "1", bad});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("The follow-up") != std::string::npos);
        CHECK(r.err.find("\"" + bad + "\"") != std::string::npos);
    }
    CHECK(run_cli(db, {"followup", "plan", "1"}).exit_code == 2); // no date at all
    CHECK(own_calls(db, "1") == 0);
    const json all = json::parse(ok(db, {"--today", "2026-06-01", "--json", "followups"}).out);
    CHECK(all["week"]["follow_ups"].size() == 1); // only the incident's own follow-up
    CHECK(all["overdue"].empty());
}

TEST_CASE("followup message drafts a call from the call template the owner wrote",
          "[cli][followups][plan][message]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const std::string call =
        trimmed(ok(db, {"followup", "plan", "1", "2026-06-20", "--note", "Not back"}).out);
    // The built-in call message (the suite runs in C.UTF-8: English).
    auto r = ok(db, {"followup", "message", call});
    CHECK(r.out.find("Subject: We would like to hear from you\n\nDear Ida,\n") !=
          std::string::npos);

    ok(db, {"settings", "set", "call_message_subject", "{first_name}, how are you?"});
    ok(db, {"settings", "set", "call_message_body",
            "Hello {first_name},\nwe at {shop} think of you on {date}.\n"});
    r = ok(db, {"followup", "message", call});
    CHECK(r.out == "To: ida@example.org\nSubject: Ida, how are you?\n\nHello Ida,\n"
                   "we at Teeladen think of you on 20 June 2026.\n");
    const json j =
        json::parse(ok(db, {"--json", "followup", "message", call, "--language", "de"}).out);
    CHECK(j["subject"] == "Ida, how are you?");
    CHECK(j["body"] == "Hello Ida,\nwe at Teeladen think of you on 20. Juni 2026.\n");
    // The incident's follow-up keeps the complaint's template.
    CHECK(ok(db, {"followup", "message", "1"}).out.find("Subject: Thank you for your patience") !=
          std::string::npos);

    // A call has no incident: its placeholders are the first name, the shop and the date.
    const auto what =
        run_cli(db, {"settings", "set", "call_message_body", "About {what_happened}"});
    CHECK(what.exit_code == 2);
    CHECK(what.err.find("{what_happened}") != std::string::npos);
    CHECK(what.err.find("{first_name}, {shop}, {date}") != std::string::npos);
    CHECK(run_cli(db, {"settings", "set", "call_message_subject", "  "}).exit_code == 2);
    CHECK(trimmed(ok(db, {"settings", "get", "call_message_subject"}).out) ==
          "{first_name}, how are you?");
    // The incident's template may still name what happened.
    ok(db, {"settings", "set", "message_body", "About {what_happened}"});

    ok(db, {"settings", "set", "call_message_subject", "default"});
    ok(db, {"settings", "set", "call_message_body", "default"});
    CHECK(trimmed(ok(db, {"settings", "get", "call_message_body"}).out) == "default");
    CHECK(ok(db, {"followup", "message", call}).out.find("Subject: We would like to hear") !=
          std::string::npos);
}

TEST_CASE("report answers shows the calls with no complaint as a row of their own",
          "[cli][followups][plan][golden]") {
    TempDir dir;
    const auto db = make_shop(dir);
    // Follow-up 1 (delay) done on its day with 2; Ida's call done a day late with 5.
    ok(db, {"--today", "2026-06-05", "followup", "done", "1", "--satisfaction", "2"});
    const std::string call = trimmed(ok(db, {"followup", "plan", "Ida Berg", "2026-06-06"}).out);
    ok(db, {"--today", "2026-06-07", "followup", "done", call, "--outcome", "satisfied",
            "--satisfaction", "5", "--said", "Lovely tea"});
    const json r = json::parse(
        ok(db, {"--today", "2026-06-30", "--json", "report", "answers", "--from", "2026-06-01"})
            .out);
    CHECK(r["all"]["done"] == 2);
    CHECK(r["all"]["average"] == 3.5);
    REQUIRE(r["by_category"].size() == 2);
    CHECK(r["by_category"][0]["key"] == "delay");
    CHECK(r["by_category"][0]["average"] == 2.0);
    CHECK(r["by_category"][1]["key"] == "no-complaint");
    CHECK(r["by_category"][1]["done"] == 1);
    CHECK(r["by_category"][1]["on_time"] == 0);
    CHECK(r["by_category"][1]["answers"] == 1);
    CHECK(r["by_category"][1]["satisfied"] == 1);
    CHECK(r["by_category"][1]["average"] == 5.0);
    REQUIRE(r["by_given"].size() == 2);
    CHECK(r["by_given"][0]["key"] == "nothing");
    CHECK(r["by_given"][1]["key"] == "no-complaint");
    const std::string text =
        ok(db, {"--today", "2026-06-30", "report", "answers", "--from", "2026-06-01"}).out;
    INFO(text);
    CHECK(text.find("  Calls with no complaint") != std::string::npos);
}
