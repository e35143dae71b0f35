// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport-cli followup message ID`: the drafted message, the phone and email beside it, and a
// mailto: URL that Python's urllib.parse (tests/tools/parse_mailto.py) reads back to exactly the
// subject and body printed; `followup done --satisfaction --said`: the customer's answer kept.
#include "../core/format_test_support.h"
#include "cli_ok.h"
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace rapport::test;
using nlohmann::json;

namespace {

const std::string kName = "Jürgen & Söhne? Müller";
const std::string kEmail = "j.mueller+laden@example.com";
const std::string kPhone = "+49 170 1234567";

// Customer 1 with phone and email, an incident on 2026-11-20 with an accepted refund, and its
// follow-up 1.
std::filesystem::path make_shop(const TempDir& dir) {
    const auto db = dir / "shop.db";
    ok(db, {"customer", "add", kName, "--phone", kPhone, "--email", kEmail});
    ok(db, {"settings", "set", "business_name", "Kaffee & Kuchen? Ja!"});
    ok(db, {"--today", "2026-11-20", "log", "1", "--summary", "Tasse kaputt & Henkel ab?", "--at",
            "2026-11-20T10:30", "--resolution", "refund", "--cost", "25", "--status", "accepted",
            "--follow-up", "+3d"});
    return db;
}

// Sets an environment variable for the life of the object (the CLI inherits it).
struct Env {
    std::string name;
    std::string old;
    bool had = false;
    Env(std::string n, const char* value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) {
            had = true;
            old = v;
        }
        ::setenv(name.c_str(), value, 1);
    }
    ~Env() {
        if (had)
            ::setenv(name.c_str(), old.c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

} // namespace

TEST_CASE("a mailto for a name with & and ? and an umlaut and line breaks parses back exactly in "
          "python3",
          "[cli][followups][message]") {
    TempDir dir;
    const auto db = make_shop(dir);
    // A subject full of what a URL must encode, and a body with line breaks (the default has
    // them too) and a "+" that a form decoder would turn into a space.
    ok(db, {"settings", "set", "message_subject", "{first_name}, {shop} #1 = 100% für Sie"});
    ok(db, {"settings", "set", "message_body",
            "Hallo {first_name},\nwie geht's? {what_was_given} + {what_happened}\n\n{shop}"});
    const json j =
        json::parse(ok(db, {"--json", "followup", "message", "1", "--language", "de"}).out);
    CHECK(j["email"] == kEmail);
    CHECK(j["phone"] == kPhone);
    CHECK(j["subject"] == "Jürgen, Kaffee & Kuchen? Ja! #1 = 100% für Sie");
    CHECK(j["body"] == "Hallo Jürgen,\nwie geht's? eine Erstattung von 25,00 EUR + Tasse kaputt & "
                       "Henkel ab?\n\nKaffee & Kuchen? Ja!");

    const auto url_file = dir / "mailto.txt";
    format_test::write_bytes(url_file, j["mailto"].get<std::string>());
    REQUIRE(format_test::run_tool("parse_mailto.py", url_file, dir / "parsed.txt") == 0);
    const auto records = format_test::read_hex_records(dir / "parsed.txt");
    REQUIRE(records.size() == 1);
    CHECK(records[0][0] == kEmail);
    CHECK(records[0][1] == j["subject"].get<std::string>());
    // RFC 6068: line breaks travel as CRLF; the text is otherwise byte for byte the same.
    std::string crlf;
    for (char c : j["body"].get<std::string>())
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(records[0][2] == crlf);

    // The built-in German template, with its line breaks, reads back too.
    ok(db, {"settings", "set", "message_subject", "default"});
    ok(db, {"settings", "set", "message_body", "default"});
    const json d =
        json::parse(ok(db, {"--json", "followup", "message", "1", "--language", "de"}).out);
    format_test::write_bytes(url_file, d["mailto"].get<std::string>());
    REQUIRE(format_test::run_tool("parse_mailto.py", url_file, dir / "parsed.txt") == 0);
    const auto again = format_test::read_hex_records(dir / "parsed.txt");
    REQUIRE(again.size() == 1);
    CHECK(again[0][1] == "Danke für Ihre Geduld");
    CHECK(again[0][2].find("Guten Tag Jürgen,\r\n\r\nvielen Dank") == 0);
}

TEST_CASE("followup message prints whom to write to and the draft in the desktop's language",
          "[cli][followups][message]") {
    TempDir dir;
    const auto db = make_shop(dir);
    {
        const auto r = ok(db, {"followup", "message", "1"}); // the suite runs in C.UTF-8
        CHECK(r.out.starts_with("To: " + kEmail + "  Phone: " + kPhone +
                                "\nSubject: Thank you for your patience\n\nDear Jürgen,\n\n"
                                "thank you for your patience after what happened on 20 November "
                                "2026 (Tasse kaputt & Henkel ab?). To make it right we offered "
                                "you a refund of 25.00 EUR.\n"));
        CHECK(r.out.ends_with("Kind regards,\nKaffee & Kuchen? Ja!\n"));
    }
    {
        Env lc_all("LC_ALL", "de_DE.UTF-8");
        const auto r = ok(db, {"followup", "message", "1"});
        CHECK(r.out.find("Subject: Danke für Ihre Geduld\n\nGuten Tag Jürgen,") !=
              std::string::npos);
    }
    // The list shows how to reach them, beside the name.
    const auto list = ok(db, {"--today", "2026-11-23", "followups"});
    CHECK(list.out.find(kName + " (" + kPhone + ", " + kEmail + ") | Tasse kaputt") !=
          std::string::npos);
    const json lj = json::parse(ok(db, {"--today", "2026-11-23", "--json", "followups"}).out);
    CHECK(lj["week"]["follow_ups"][0]["email"] == kEmail);
    CHECK(lj["week"]["follow_ups"][0]["phone"] == kPhone);
}

TEST_CASE("followup message refuses an unknown id and language and a template that cannot work",
          "[cli][followups][message]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const auto unknown = run_cli(db, {"followup", "message", "99"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("No follow-up has id 99.") != std::string::npos);
    CHECK(run_cli(db, {"followup", "message", "1", "--language", "fr"}).exit_code == 2);
    CHECK(run_cli(db, {"followup", "message", "x"}).exit_code == 2);

    ok(db, {"settings", "set", "message_body", "Hello {first_name}"});
    const auto empty = run_cli(db, {"settings", "set", "message_body", " "});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("cannot be empty") != std::string::npos);
    const auto typo = run_cli(db, {"settings", "set", "message_body", "Hi {frist_name}"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("{frist_name}") != std::string::npos);
    CHECK(trimmed(ok(db, {"settings", "get", "message_body"}).out) == "Hello {first_name}");
}

TEST_CASE("followup done keeps the satisfaction and what they said and refuses a 7",
          "[cli][followups][answers]") {
    TempDir dir;
    const auto db = make_shop(dir);
    const auto before = file_bytes(db);
    const auto seven = run_cli(db, {"followup", "done", "1", "--satisfaction", "7"});
    CHECK(seven.exit_code == 2);
    CHECK(seven.err.find("from 1 (very unhappy) to 5 (very happy)") != std::string::npos);
    CHECK(run_cli(db, {"followup", "done", "1", "--satisfaction", "four"}).exit_code == 2);
    CHECK(run_cli(db, {"followup", "done", "9", "--satisfaction", "4"}).exit_code == 1);
    CHECK(file_bytes(db) == before); // nothing written

    const json done = json::parse(
        ok(db, {"--json", "--today", "2026-11-23", "followup", "done", "1", "--outcome",
                "satisfied", "--satisfaction", "4", "--said", "Alles gut, danke & bis bald"})
            .out);
    CHECK(done["satisfaction"] == 4);
    CHECK(done["customer_said"] == "Alles gut, danke & bis bald");
    const json shown = json::parse(ok(db, {"--json", "customer", "show", "1"}).out);
    const auto& f = shown["timeline"][0]["follow_ups"][0];
    CHECK(f["satisfaction"] == 4);
    CHECK(f["customer_said"] == "Alles gut, danke & bis bald");
    const auto text = ok(db, {"customer", "show", "1"}).out;
    CHECK(text.find("done 2026-11-23 by owner, satisfied, satisfaction 4/5 - they said: Alles "
                    "gut, danke & bis bald") != std::string::npos);
}
