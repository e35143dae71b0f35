// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// How a customer likes to be dealt with, from the command line: customer add and edit take it,
// show and the follow-up list print it, JSON carries it, and a bad value changes nothing.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapport::test;
using nlohmann::json;

namespace {

json shown(const std::filesystem::path& db, const std::string& who) {
    const auto r = run_cli(db, {"--json", "customer", "show", who});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["customer"];
}

} // namespace

TEST_CASE("customer add and edit take how the customer likes to be dealt with", "[cli][profile]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    REQUIRE(
        run_cli(db, {"customer", "add", "Anna Schmidt", "--phone", "030 123", "--preferred-channel",
                     "Phone", "--preferred-time", "mornings", "--wants", "reassurance"})
            .exit_code == 0);
    auto r = run_cli(db, {"customer", "show", "Anna Schmidt"});
    CHECK(r.out.find("How they like it: prefers phone, mornings; wants reassurance\n") !=
          std::string::npos);
    json anna = shown(db, "Anna Schmidt");
    CHECK(anna["prefers"] ==
          json{{"channel", "phone"}, {"time", "mornings"}, {"wants", "reassurance"}});

    // An edit changes what it names and keeps the rest.
    REQUIRE(run_cli(db, {"customer", "edit", "Anna Schmidt", "--wants", "quick_fix"}).exit_code ==
            0);
    anna = shown(db, "Anna Schmidt");
    CHECK(anna["prefers"]["wants"] == "quick-fix");
    CHECK(anna["prefers"]["channel"] == "phone");
    CHECK(anna["prefers"]["time"] == "mornings");
    REQUIRE(run_cli(db, {"customer", "edit", "1", "--preferred-channel", "not-known",
                         "--preferred-time", ""})
                .exit_code == 0);
    anna = shown(db, "1");
    CHECK(anna["prefers"]["channel"].is_null());
    CHECK(anna["prefers"]["time"].is_null());
    CHECK(anna["prefers"]["wants"] == "quick-fix");
}

TEST_CASE("an unknown channel or wish is refused with the accepted values and changes nothing",
          "[cli][profile]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    REQUIRE(run_cli(db, {"customer", "add", "Anna", "--phone", "030 123", "--preferred-channel",
                         "email"})
                .exit_code == 0);

    auto r = run_cli(
        db, {"customer", "edit", "Anna", "--phone", "040 999", "--preferred-channel", "fax"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("The preferred channel \"fax\" is not one of: not-known, any, phone, email, "
                     "in-person, text.") != std::string::npos);
    json anna = shown(db, "Anna");
    CHECK(anna["phone"] == "030 123"); // the whole edit was refused, not only the channel
    CHECK(anna["prefers"]["channel"] == "email");

    r = run_cli(db, {"customer", "add", "Ben", "--wants", "a refund"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not one of: not-known, detail, reassurance, quick-fix") != std::string::npos);
    r = run_cli(db, {"customer", "add", "Ben", "--preferred-time",
                     "weekday mornings before the shop opens at 9"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("at most 40 characters (got 43)") != std::string::npos);
    r = run_cli(db, {"--json", "customer", "list"});
    CHECK(json::parse(r.out).size() == 1); // Ben was never added
}

TEST_CASE("the follow-up list and the drafted message show how they like to be dealt with",
          "[cli][profile]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    REQUIRE(run_cli(db, {"customer", "add", "Anna", "--phone", "030 123", "--preferred-channel",
                         "text", "--preferred-time", "after 6 pm", "--wants", "detail"})
                .exit_code == 0);
    REQUIRE(run_cli(db, {"--today", "2026-11-25", "log", "Anna", "--summary", "Late delivery",
                         "--follow-up", "2026-11-27"})
                .exit_code == 0);
    auto r = run_cli(db, {"--today", "2026-11-30", "followups"});
    CHECK(r.out.find("Anna (030 123) [prefers text message, after 6 pm; wants technical detail] | "
                     "Late delivery") != std::string::npos);
    r = run_cli(db, {"--today", "2026-11-30", "--json", "followups"});
    const json list = json::parse(r.out);
    INFO(r.out);
    CHECK(list["overdue"][0]["prefers"] ==
          json{{"channel", "text"}, {"time", "after 6 pm"}, {"wants", "detail"}});
    r = run_cli(db, {"followup", "message", "1"});
    CHECK(r.out.find("How they like it: prefers text message, after 6 pm; wants technical "
                     "detail\n") != std::string::npos);
}
