// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dates.h"
#include "core/ics_writer.h"

#include "format_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

using namespace rapport;
using namespace format_test;

namespace {

// 2026-11-25 14:30:05 UTC
const std::chrono::sys_seconds kStamp = date::sys_days{date::year{2026} / 11 / 25} +
                                        std::chrono::hours{14} + std::chrono::minutes{30} +
                                        std::chrono::seconds{5};

Date ymd(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

std::string calendar_of(const std::vector<IcsEvent>& events) {
    std::ostringstream out;
    IcsWriter ics(out, kStamp);
    for (const auto& e : events)
        ics.event(e);
    ics.finish();
    return out.str();
}

std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < ics.size()) {
        const std::size_t end = ics.find("\r\n", pos);
        REQUIRE(end != std::string::npos); // the file ends with CRLF
        lines.push_back(ics.substr(pos, end - pos));
        pos = end + 2;
    }
    return lines;
}

// Every line at most 75 octets, valid UTF-8 by itself, no bare CR or LF anywhere.
void check_physical_lines(const std::string& ics) {
    for (const std::string& line : physical_lines(ics)) {
        INFO(line);
        CHECK(line.size() <= 75);
        CHECK(is_utf8(line));
        CHECK(line.find_first_of("\r\n") == std::string::npos);
    }
}

std::string unfold(const std::string& ics) {
    std::string out;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += ics[i];
    }
    return out;
}

} // namespace

TEST_CASE("a follow-up becomes one all-day event in a calendar file", "[ics]") {
    const std::string ics =
        calendar_of({{"followup-42@io.github.rapport.Rapport", ymd(2026, 12, 31), "Call Ann",
                      "About the refund", IcsStatus::confirmed}});
    CHECK(ics == "BEGIN:VCALENDAR\r\n"
                 "VERSION:2.0\r\n"
                 "PRODID:-//Rapport//Rapport " RAPPORT_VERSION "//EN\r\n"
                 "CALSCALE:GREGORIAN\r\n"
                 "METHOD:PUBLISH\r\n"
                 "BEGIN:VEVENT\r\n"
                 "UID:followup-42@io.github.rapport.Rapport\r\n"
                 "DTSTAMP:20261125T143005Z\r\n"
                 "DTSTART;VALUE=DATE:20261231\r\n"
                 "DTEND;VALUE=DATE:20270101\r\n"
                 "SUMMARY:Call Ann\r\n"
                 "DESCRIPTION:About the refund\r\n"
                 "STATUS:CONFIRMED\r\n"
                 "END:VEVENT\r\n"
                 "END:VCALENDAR\r\n");
}

TEST_CASE("an empty calendar and optional fields left out are still valid", "[ics]") {
    CHECK(calendar_of({}) ==
          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Rapport " RAPPORT_VERSION
          "//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
    const std::string ics = calendar_of({{"u1@x", ymd(2028, 2, 28), "Leap", "", IcsStatus::none}});
    CHECK(ics.find("DESCRIPTION") == std::string::npos);
    CHECK(ics.find("STATUS") == std::string::npos);
    CHECK(ics.find("DTEND;VALUE=DATE:20280229\r\n") != std::string::npos);
}

TEST_CASE("the calendar can carry the name calendar apps show", "[ics]") {
    std::ostringstream out;
    IcsWriter ics(out, kStamp, "Rapport, follow-ups");
    ics.finish();
    CHECK(out.str().find("X-WR-CALNAME:Rapport\\, follow-ups\r\n") != std::string::npos);
}

TEST_CASE("an event without a UID is refused: re-imports would duplicate it", "[ics]") {
    std::ostringstream out;
    IcsWriter ics(out, kStamp);
    CHECK_THROWS_AS(ics.event({"", ymd(2026, 1, 1), "x", "", IcsStatus::none}), std::logic_error);
}

TEST_CASE("DTSTAMP is written in UTC as YYYYMMDDTHHMMSSZ", "[ics]") {
    CHECK(ics_utc_stamp(kStamp) == "20261125T143005Z");
    CHECK(ics_utc_stamp(date::sys_days{date::year{2027} / 1 / 1}) == "20270101T000000Z");
}

TEST_CASE("backslashes, semicolons, commas and line breaks in text are escaped", "[ics]") {
    CHECK(ics_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(ics_escape_text("tab\tkept, bell\a dropped") == "tab\tkept\\, bell dropped");
    CHECK(ics_escape_text("Zoë: 5 €") == "Zoë: 5 €");
    CHECK(ics_escape_text("\r\n\r\n") == "\\n\\n");
}

TEST_CASE("long lines are folded at 75 octets with a leading space", "[ics]") {
    const std::string line = "SUMMARY:" + std::string(200, 'x');
    const std::string folded = ics_fold_line(line);
    const auto lines = physical_lines(folded);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[1][0] == ' ');
    CHECK(lines[2][0] == ' ');
    CHECK(unfold(folded) == line + "\r\n");
    CHECK(ics_fold_line(std::string(75, 'y')) == std::string(75, 'y') + "\r\n");
    CHECK(physical_lines(ics_fold_line(std::string(76, 'y'))).size() == 2);
}

TEST_CASE("folding never cuts a UTF-8 character, at any offset", "[ics]") {
    // 2-, 3- and 4-byte characters, shifted by every possible ASCII prefix length.
    for (const std::string ch : {"é", "€", "日", "😀"}) {
        for (std::size_t prefix = 0; prefix <= 80; ++prefix) {
            std::string text(prefix, 'a');
            for (int i = 0; i < 60; ++i)
                text += ch;
            const std::string line = "DESCRIPTION:" + ics_escape_text(text);
            const std::string folded = ics_fold_line(line);
            INFO("character " << ch << ", prefix " << prefix);
            check_physical_lines(folded);
            CHECK(unfold(folded) == line + "\r\n");
        }
    }
}

TEST_CASE("a whole calendar of long multi-byte events keeps every line within bounds", "[ics]") {
    std::vector<IcsEvent> events;
    std::string text = "Müller, Zoë; rang about the \"deluxe\" model\\\nsaid: ";
    for (int i = 0; i < 40; ++i) {
        text += "日本語😀é,;";
        events.push_back({"followup-" + std::to_string(i) + "@io.github.rapport.Rapport",
                          ymd(2026, 3, 1), text, text + "\r\nsecond line", IcsStatus::tentative});
    }
    check_physical_lines(calendar_of(events));
}

TEST_CASE("python3-icalendar reads back the same summaries and descriptions", "[ics][roundtrip]") {
    const std::vector<IcsEvent> events = {
        {"followup-1@io.github.rapport.Rapport", ymd(2026, 12, 28), "Call Ann, about the refund",
         "Asked for: replacement; offered 20 % off\nShe was calm at the end.",
         IcsStatus::confirmed},
        {"followup-2@io.github.rapport.Rapport", ymd(2026, 12, 31), "Zoë Müller — café machine ☕",
         "Windows line\r\nOld Mac line\rback\\slash, 😀 done", IcsStatus::none},
        {"followup-3@io.github.rapport.Rapport", ymd(2027, 1, 4),
         std::string(30, ';') + std::string(100, 'x') + "日本語のテキスト",
         "long " + std::string(300, ',') + "end", IcsStatus::tentative},
    };
    TempDir dir;
    write_bytes(dir / "followups.ics", calendar_of(events));
    REQUIRE(run_tool("parse_ics.py", dir / "followups.ics", dir / "parsed.txt") == 0);
    const auto parsed = read_hex_records(dir / "parsed.txt");
    REQUIRE(parsed.size() == events.size() + 1);
    CHECK(parsed[0] == std::vector<std::string>{"2.0",
                                                "-//Rapport//Rapport " RAPPORT_VERSION "//EN",
                                                "GREGORIAN", "PUBLISH"});
    const std::vector<std::string> dates = {"2026-12-28", "2026-12-29", "2026-12-31",
                                            "2027-01-01", "2027-01-04", "2027-01-05"};
    const std::vector<std::string> statuses = {"CONFIRMED", "", "TENTATIVE"};
    for (std::size_t i = 0; i < events.size(); ++i) {
        INFO("event " << i);
        const auto& p = parsed[i + 1];
        CHECK(p[0] == events[i].uid);
        CHECK(p[1] == events[i].summary);
        // Line breaks come back as LF, whichever form they were typed in.
        std::string description = events[i].description;
        for (std::size_t k; (k = description.find("\r\n")) != std::string::npos;)
            description.replace(k, 2, "\n");
        std::replace(description.begin(), description.end(), '\r', '\n');
        CHECK(p[2] == description);
        CHECK(p[3] == dates[2 * i]);
        CHECK(p[4] == dates[2 * i + 1]);
        CHECK(p[5] == "2026-11-25T14:30:05+00:00");
        CHECK(p[6] == statuses[i]);
    }
}
