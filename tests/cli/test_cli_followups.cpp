// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The weekly follow-up review and the calendar export, end to end through rapport-cli.
#include "../core/format_test_support.h"
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

using namespace rapport::test;
using nlohmann::json;

namespace {

const std::string kName = "Zoë Martin, née Dupont; Café \"Zum Löwen\"";
const std::string kSummary = "Kettle (Wasserkocher) stopped heating after a week;\nshe came "
                             "back, upset, with the receipt — 日本語のメモ too";

// Logs an incident for customer 1 with a follow-up due `due`; returns the interaction id.
std::string log_with_follow_up(const std::filesystem::path& db, const std::string& due,
                               const std::string& note = {}) {
    std::vector<std::string> args{"--today",   "2026-11-20", "log",          "1",
                                  "--summary", kSummary,     "--resolution", "refund",
                                  "--cost",    "25",         "--follow-up",  due};
    if (!note.empty())
        args.insert(args.end(), {"--follow-up-note", note});
    return trimmed(ok(db, args).out);
}

// One customer (id 1) with follow-ups 1..4 due Tue 2026-11-24, Wed 11-25, Fri 11-27 and
// Mon 11-30; "today" in these tests is Wednesday 2026-11-25.
std::filesystem::path make_week(const TempDir& dir) {
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", kName});
    log_with_follow_up(db, "2026-11-24", "Ask if the new one works");
    log_with_follow_up(db, "2026-11-25");
    log_with_follow_up(db, "2026-11-27", "Second line\nof the note");
    log_with_follow_up(db, "2026-11-30");
    return db;
}

std::vector<std::int64_t> ids(const json& items) {
    std::vector<std::int64_t> out;
    for (const auto& item : items)
        out.push_back(item["id"].get<std::int64_t>());
    return out;
}

using Ids = std::vector<std::int64_t>;

json list_json(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "followups"});
    return json::parse(ok(db, args).out);
}

} // namespace

TEST_CASE("followups shows overdue first, then this week by day, each with customer, incident, "
          "offer and note",
          "[cli][followups]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto r = ok(db, {"followups", "--today", "2026-11-25"});
    const auto at = [&](const std::string& text) {
        const auto pos = r.out.find(text);
        INFO(r.out);
        CHECK(pos != std::string::npos);
        return pos;
    };
    const auto overdue = at("Overdue (1)\n");
    const auto one = at("1  due 2026-11-24  " + kName +
                        " | Kettle (Wasserkocher) stopped heating after a week; she came back");
    at("| offered: refund 25.00 (accepted) | note: Ask if the new one works\n");
    const auto week = at("Week 2026-W48: Monday 2026-11-23 to Sunday 2026-11-29\n");
    const auto today = at("Wednesday 2026-11-25 (today)\n");
    const auto friday = at("Friday 2026-11-27\n");
    at("note: Second line of the note\n");
    CHECK(overdue < one);
    CHECK(one < week);
    CHECK(week < today);
    CHECK(today < friday);
    CHECK(r.out.find("2026-11-30") == std::string::npos); // next week
}

TEST_CASE("followups --json gives the overdue list and the week's list with their fields",
          "[cli][followups]") {
    TempDir dir;
    const auto db = make_week(dir);
    const json j = list_json(db, {"--today", "2026-11-25"});
    CHECK(j["today"] == "2026-11-25");
    CHECK(ids(j["overdue"]) == Ids{1});
    CHECK(j["week"]["id"] == "2026-W48");
    CHECK(j["week"]["first"] == "2026-11-23");
    CHECK(j["week"]["last"] == "2026-11-29");
    CHECK(ids(j["week"]["follow_ups"]) == Ids{2, 3});
    const json& item = j["overdue"][0];
    CHECK(item["due"] == "2026-11-24");
    CHECK(item["customer"] == kName);
    CHECK(item["customer_id"] == 1);
    CHECK(item["interaction_id"] == 1);
    CHECK(item["summary"] == kSummary);
    CHECK(item["resolution_offered"] == "refund 25.00 (accepted)");
    CHECK(item["note"] == "Ask if the new one works");
}

TEST_CASE("followups --overdue alone lists only the overdue ones, --week next the next week",
          "[cli][followups]") {
    TempDir dir;
    const auto db = make_week(dir);
    const json overdue = list_json(db, {"--today", "2026-11-25", "--overdue"});
    CHECK(ids(overdue["overdue"]) == Ids{1});
    CHECK(overdue["week"].is_null());
    const json next = list_json(db, {"--today", "2026-11-25", "--week", "next"});
    CHECK(next["week"]["id"] == "2026-W49");
    CHECK(ids(next["week"]["follow_ups"]) == Ids{4});
    CHECK(ids(next["overdue"]) == Ids{1});
}

TEST_CASE("Sunday 2027-01-03 is in week 2026-W53 and Monday 2027-01-04 in 2027-W01, unless the "
          "week starts on Sunday",
          "[cli][followups][weeks]") {
    TempDir dir;
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", "Ann"});
    log_with_follow_up(db, "2027-01-03");
    log_with_follow_up(db, "2027-01-04");
    const std::string today = "2026-12-28";
    CHECK(ids(list_json(db, {"--today", today, "--week", "2026-W53"})["week"]["follow_ups"]) ==
          Ids{1});
    CHECK(ids(list_json(db, {"--today", today, "--week", "2027-W01"})["week"]["follow_ups"]) ==
          Ids{2});
    CHECK(list_json(db, {"--today", "2027-01-03"})["week"]["id"] == "2026-W53");

    ok(db, {"settings", "set", "week_start", "sunday"});
    const json w01 = list_json(db, {"--today", today, "--week", "2027-W01"});
    CHECK(w01["week"]["first"] == "2027-01-03");
    CHECK(w01["week"]["last"] == "2027-01-09");
    CHECK(ids(w01["week"]["follow_ups"]) == Ids{1, 2});
    // With a Sunday start, "this week" on Sunday 2027-01-03 is the week it opens.
    CHECK(list_json(db, {"--today", "2027-01-03"})["week"]["id"] == "2027-W01");
}

TEST_CASE("a week the year does not have (2026-W54, 2026-W00) is a usage error",
          "[cli][followups][refuse]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto before = file_bytes(db);
    for (const std::string week : {"2026-W54", "2026-W00", "2026-54", "soon"}) {
        const auto r = run_cli(db, {"followups", "--week", week});
        INFO(week);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(week) != std::string::npos);
    }
    CHECK(run_cli(db, {"followups", "--week", "2026-W53", "--today", "2026-12-28"}).exit_code == 0);
    CHECK(run_cli(db, {"followups", "--week", "2027-W53"}).exit_code == 2); // 2027 has 52
    CHECK(file_bytes(db) == before);
}

TEST_CASE("an unknown follow-up id is a data error, a non-number is a usage error",
          "[cli][followups][refuse]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto before = file_bytes(db);
    const auto done = run_cli(db, {"followup", "done", "99"});
    CHECK(done.exit_code == 1);
    CHECK(done.err.find("No follow-up has id 99.") != std::string::npos);
    CHECK(run_cli(db, {"followup", "move", "99", "+3d"}).exit_code == 1);
    CHECK(run_cli(db, {"followup", "add", "99", "+3d"}).exit_code == 1);
    CHECK(run_cli(db, {"followup", "done", "one"}).exit_code == 2);
    CHECK(run_cli(db, {"followup", "done", "1", "--outcome", "thrilled"}).exit_code == 2);
    CHECK(run_cli(db, {"followup", "done", "1", "--minutes", "-5"}).exit_code == 2);
    CHECK(run_cli(db, {"followup", "move", "1", "someday"}).exit_code == 2);
    CHECK(file_bytes(db) == before);
}

TEST_CASE("a follow-up already done cannot be done again, and nothing changes",
          "[cli][followups][refuse]") {
    TempDir dir;
    const auto db = make_week(dir);
    ok(db, {"--today", "2026-11-25", "followup", "done", "1", "--outcome", "satisfied", "--note",
            "All good", "--minutes", "6"});
    const auto before = file_bytes(db);
    const auto again = run_cli(db, {"--today", "2026-11-26", "followup", "done", "1", "--outcome",
                                    "no-answer", "--minutes", "3"});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already marked done on 2026-11-25") != std::string::npos);
    CHECK(again.out.empty());
    CHECK(file_bytes(db) == before);
    const json shown = json::parse(ok(db, {"customer", "show", "1", "--json"}).out);
    bool found = false;
    for (const auto& entry : shown["timeline"]) {
        if (entry.value("kind", "") != "interaction" || entry["id"] != 1)
            continue;
        const auto& f = entry["follow_ups"][0];
        CHECK(f["outcome"] == "satisfied");
        CHECK(f["outcome_note"] == "All good");
        CHECK(f["minutes"] == 6);
        CHECK(f["done_on"] == "2026-11-25");
        found = true;
    }
    CHECK(found);
}

TEST_CASE("done leaves the list at once, still unhappy suggests the next step",
          "[cli][followups]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto r =
        ok(db, {"--today", "2026-11-25", "followup", "done", "1", "--outcome", "still-unhappy"});
    CHECK(r.out.find("rapport-cli followup add 1 +3d") != std::string::npos);
    CHECK(list_json(db, {"--today", "2026-11-25"})["overdue"].empty());

    const auto added =
        ok(db, {"--today", "2026-11-25", "followup", "add", "1", "+2d", "--note", "Try once more"});
    CHECK(trimmed(added.out) == "5");
    const json j = list_json(db, {"--today", "2026-11-25"});
    CHECK(ids(j["week"]["follow_ups"]) == Ids{2, 3, 5});
}

TEST_CASE("followup move reschedules to a date or +N days, a done one cannot move",
          "[cli][followups]") {
    TempDir dir;
    const auto db = make_week(dir);
    ok(db, {"--today", "2026-11-25", "followup", "move", "1", "+1w"});
    ok(db, {"followup", "move", "2", "2026-11-28"});
    const json j = list_json(db, {"--today", "2026-11-25", "--week", "2026-W49"});
    CHECK(j["overdue"].empty());
    CHECK(ids(j["week"]["follow_ups"]) == Ids{4, 1}); // Mon 11-30, then Wed 12-02
    CHECK(ids(list_json(db, {"--today", "2026-11-25"})["week"]["follow_ups"]) == Ids{3, 2});

    ok(db, {"--today", "2026-11-25", "followup", "done", "3"});
    const auto before = file_bytes(db);
    CHECK(run_cli(db, {"followup", "move", "3", "+2d"}).exit_code == 1);
    CHECK(file_bytes(db) == before);
}

TEST_CASE("the calendar file reads back in python3-icalendar with names, punctuation, line "
          "breaks and non-ASCII intact",
          "[cli][followups][ics]") {
    TempDir dir;
    const auto db = make_week(dir);
    ok(db, {"--today", "2026-11-25", "followup", "done", "2"});
    const auto ics = dir / "followups.ics";
    const auto r = ok(db, {"export", "followups", "--format", "ics", "--out", ics.string()});
    CHECK(r.out.find("Wrote 3 open follow-ups") != std::string::npos);

    REQUIRE(format_test::run_tool("parse_ics.py", ics, dir / "parsed.txt") == 0);
    const auto records = format_test::read_hex_records(dir / "parsed.txt");
    REQUIRE(records.size() == 4); // the calendar, then the 3 open follow-ups (2 is done)
    CHECK(records[0][0] == "2.0");
    CHECK(records[0][1].find("Rapport") != std::string::npos);

    const auto& first = records[1]; // UID, SUMMARY, DESCRIPTION, DTSTART, DTEND, DTSTAMP, STATUS
    CHECK(first[0] == std::string("followup-1@") + RAPPORT_APP_ID);
    CHECK(first[1] == "Follow up: " + kName);
    CHECK(first[2] == "Incident: " + kSummary +
                          "\nOffered: refund 25.00 (accepted)\nNote: Ask if the new one works"
                          "\nRapport follow-up 1 (incident 1, customer 1)");
    CHECK(first[3] == "2026-11-24");
    CHECK(first[4] == "2026-11-25");
    CHECK(first[5].find("+00:00") != std::string::npos); // DTSTAMP in UTC
    CHECK(records[2][0] == std::string("followup-3@") + RAPPORT_APP_ID);
    CHECK(records[2][2].find("Note: Second line\nof the note") != std::string::npos);
    CHECK(records[3][3] == "2026-11-30");
}

TEST_CASE("every line of the calendar file is CRLF-terminated and at most 75 octets, the file is "
          "private",
          "[cli][followups][ics]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto ics = dir / "followups.ics";
    ok(db, {"export", "followups", "--out", ics.string()});
    const std::string bytes = read_all(ics);
    REQUIRE(bytes.size() > 200);
    CHECK(bytes.substr(bytes.size() - 2) == "\r\n");
    std::size_t start = 0;
    int folded = 0;
    while (start < bytes.size()) {
        const auto lf = bytes.find('\n', start);
        REQUIRE(lf != std::string::npos);
        REQUIRE(lf > start);
        CHECK(bytes[lf - 1] == '\r');
        const std::string line = bytes.substr(start, lf - 1 - start);
        CHECK(line.size() <= 75);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(format_test::is_utf8(line)); // no character cut in two
        folded += line.starts_with(" ") ? 1 : 0;
        start = lf + 1;
    }
    CHECK(folded > 0); // the long descriptions were folded
    struct stat st {};
    REQUIRE(::stat(ics.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("exporting again keeps each follow-up's UID, so calendars update instead of duplicating",
          "[cli][followups][ics]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto uids = [&](const std::string& name) {
        const auto ics = dir / name;
        ok(db, {"export", "followups", "--out", ics.string()});
        REQUIRE(format_test::run_tool("parse_ics.py", ics, dir / (name + ".txt")) == 0);
        std::vector<std::string> out;
        for (const auto& rec : format_test::read_hex_records(dir / (name + ".txt")))
            if (rec.size() == 7)
                out.push_back(rec[0] + " " + rec[3]);
        return out;
    };
    const auto first = uids("a.ics");
    ok(db, {"--today", "2026-11-25", "followup", "move", "4", "+7d"});
    const auto second = uids("b.ics");
    REQUIRE(first.size() == 4);
    REQUIRE(second.size() == 4);
    CHECK(first[3] == std::string("followup-4@") + RAPPORT_APP_ID + " 2026-11-30");
    CHECK(second[3] == std::string("followup-4@") + RAPPORT_APP_ID + " 2026-12-02");
}

TEST_CASE("export followups refuses another format and writes nothing",
          "[cli][followups][refuse]") {
    TempDir dir;
    const auto db = make_week(dir);
    const auto out = dir / "followups.csv";
    const auto r = run_cli(db, {"export", "followups", "--format", "csv", "--out", out.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("ics") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK(run_cli(db, {"export", "followups"}).exit_code == 2); // --out is required
}
