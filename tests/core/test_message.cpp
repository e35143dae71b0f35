// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/errors.h"
#include "core/message.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/utf8.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <map>

using namespace rapport;

namespace {

// A catalog as the window has one: English in, German out, unknown texts unchanged.
std::string german(std::string_view english) {
    static const std::map<std::string, std::string, std::less<>> catalog = {
        {"Could not {}: {}.", "{0} ging nicht: {1}."},
        {"save the customer", "Den Kunden speichern"},
        {"the disk is full", "die Festplatte ist voll"},
        {"The {} is empty; type a number like 12.50.",
         "Das Feld „{}“ ist leer; geben Sie eine Zahl wie 12,50 ein."},
        {"amount", "Betrag"},
        {"Line {} is too large to read.", "Zeile {} {} ist zu lang."}, // one placeholder too many
        {"{} and {}", "{1} und {0}"},
    };
    const auto it = catalog.find(english);
    return it == catalog.end() ? std::string(english) : it->second;
}

} // namespace

TEST_CASE("a sentence's English is the template filled in as fmt would write it", "[message]") {
    const Message m(tr("Line {} of {} has {} fields."), 7, std::string("clients.csv"), 2.5);
    CHECK(m.english() == "Line 7 of clients.csv has 2.5 fields.");
    CHECK(m.text() == "Line {} of {} has {} fields.");
    CHECK(m.translatable());
    REQUIRE(m.args().size() == 3);
    CHECK_FALSE(m.args()[1].translatable());
    CHECK(Message().empty());
    CHECK_FALSE(m.empty());
    // Without arguments a template is taken as it is, braces and all.
    CHECK(Message(tr("A {} stays.")).english() == "A {} stays.");
}

TEST_CASE("the window says a sentence and its nested phrases in the user's language", "[message]") {
    const Message m(tr("Could not {}: {}."), tr("save the customer"), tr("the disk is full"));
    CHECK(m.english() == "Could not save the customer: the disk is full.");
    CHECK(m.render(german) == "Den Kunden speichern ging nicht: die Festplatte ist voll.");
    // A name or a plain string argument is never looked up.
    const Message named(tr("{} and {}"), "amount", tr("amount"));
    CHECK(named.render(german) == "Betrag und amount");
}

TEST_CASE("a translation whose placeholders do not fit stays English instead of garbled",
          "[message]") {
    const Message m(tr("Line {} is too large to read."), 12);
    CHECK(m.render(german) == "Line 12 is too large to read.");
}

TEST_CASE("an error keeps its English what() and carries the template for the window",
          "[message]") {
    try {
        parse_money("", AllowNegative::no);
        FAIL("an empty amount was accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "The amount is empty; type a number like 12.50.");
        CHECK(e.message().text() == "The {} is empty; type a number like 12.50.");
        CHECK(e.message().render(german) ==
              "Das Feld „Betrag“ ist leer; geben Sie eine Zahl wie 12,50 ein.");
    }
    // A field the CLI names by its flag stays as the CLI wrote it.
    CHECK_THROWS_WITH(parse_money("x", AllowNegative::no, "--cost"),
                      "The --cost \"x\" is not a valid amount; use a number with at most two "
                      "decimals, like 12.50.");
    // A sentence given whole (already in the user's language) is shown as it is.
    const DataError whole(std::string("Schon übersetzt {}."));
    CHECK(whole.message().render(german) == "Schon übersetzt {}.");
    CHECK_FALSE(whole.message().translatable());
}

TEST_CASE("a full disk's reason is strerror's English and translatable", "[message]") {
    const Message full = system_reason(ENOSPC);
    CHECK(full.english() == std::generic_category().message(ENOSPC));
    CHECK(full.translatable());
    CHECK_FALSE(system_reason(ENOTSUP).translatable());
}

TEST_CASE("a bad setting names the setting in words the window can translate", "[message]") {
    Settings s;
    try {
        apply_setting(s, "retention", "2");
        FAIL("a retention of 2 was accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "The retention must be between 0 and 1 (got 2).");
        REQUIRE(e.message().args().size() == 4);
        CHECK(e.message().args()[0].translatable());
        CHECK(e.message().args()[0].text() == "retention");
    }
}

TEST_CASE("a sentence quoting bytes that are not UTF-8 is still text", "[message]") {
    // A damaged value or a file name in another encoding: each stray byte becomes U+FFFD.
    const Message m(tr("The date \"{}\" is not a date."), std::string("2024\xF6-11-25"));
    CHECK(m.english() == "The date \"2024\xEF\xBF\xBD-11-25\" is not a date.");
    CHECK(rapport::valid_utf8("Jürgen, Zoë, 日本") == "Jürgen, Zoë, 日本");
    CHECK(rapport::valid_utf8("\xC3") == "\xEF\xBF\xBD"); // cut short
    CHECK(rapport::valid_utf8("a\xC0\xAF"
                              "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD"
                                      "b"); // overlong "/"
    CHECK(rapport::valid_utf8("\xED\xA0\x80") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
    CHECK(SentenceError(std::string("bad \xFF")).what() == std::string("bad \xEF\xBF\xBD"));
}
