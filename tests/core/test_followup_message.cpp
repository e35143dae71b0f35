// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The drafted follow-up message: placeholders filled in the owner's language, templates that
// cannot be used refused in a sentence, and the mailto: URL's encoding (RFC 6068). That the URL
// reads back exactly is checked by Python's urllib in tests/cli/test_cli_followups.cpp.
#include "core/errors.h"
#include "core/followup_message.h"
#include "core/settings.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace rapport;

namespace {

MessageFacts facts() {
    MessageFacts f;
    f.customer_name = "Anna Schmidt";
    f.shop = "Kaffee & Kuchen";
    f.what_happened = "the kettle leaked";
    f.currency = "EUR";
    f.incident_day = parse_date("2026-03-05");
    Resolution refund{0, 0, ResolutionType::refund, Money{2500}, ResolutionStatus::accepted};
    Resolution swap{0, 0, ResolutionType::replacement, Money{0}, ResolutionStatus::accepted};
    Resolution refused{0, 0, ResolutionType::discount, Money{500}, ResolutionStatus::declined};
    f.given = {refund, refused, swap};
    return f;
}

} // namespace

TEST_CASE("the English draft thanks them by first name and names the day and what was given",
          "[message]") {
    const auto m = draft_message(default_message_template(MessageLanguage::english), facts(),
                                 MessageLanguage::english, "anna@example.com");
    CHECK(m.to == "anna@example.com");
    CHECK(m.subject == "Thank you for your patience");
    CHECK(m.body == "Dear Anna,\n\nthank you for your patience after what happened on 5 March "
                    "2026 (the kettle leaked). To make it right we offered you a refund of 25.00 "
                    "EUR and a replacement.\n\nAre you satisfied with how it was resolved? Any "
                    "feedback helps us do better - just reply to this message.\n\nKind "
                    "regards,\nKaffee & Kuchen\n");
}

TEST_CASE("the German draft writes the date and amounts the German way", "[message]") {
    const auto m = draft_message(default_message_template(MessageLanguage::german), facts(),
                                 MessageLanguage::german);
    CHECK(m.subject == "Danke für Ihre Geduld");
    CHECK(m.body.starts_with("Guten Tag Anna,\n\nvielen Dank für Ihre Geduld nach dem, was am 5. "
                             "März 2026 passiert ist (the kettle leaked). Zur Wiedergutmachung "
                             "haben wir Ihnen eine Erstattung von 25,00 EUR und einen Ersatz "
                             "angeboten."));
    CHECK(m.body.ends_with("Mit freundlichen Grüßen\nKaffee & Kuchen\n"));
}

TEST_CASE("what was given: accepted ones first else offered and never declined ones", "[message]") {
    Resolution offered{0, 0, ResolutionType::store_credit, Money{1000}, ResolutionStatus::offered};
    Resolution declined{0, 0, ResolutionType::refund, Money{900}, ResolutionStatus::declined};
    CHECK(describe_given({offered, declined}, "EUR", MessageLanguage::english) ==
          "store credit of 10.00 EUR");
    CHECK(describe_given({declined}, "EUR", MessageLanguage::english) == "our apology");
    CHECK(describe_given({}, "EUR", MessageLanguage::german) == "unsere Entschuldigung");
    Resolution a{0, 0, ResolutionType::free_upgrade, Money{}, ResolutionStatus::offered};
    Resolution b{0, 0, ResolutionType::repair_visit, Money{}, ResolutionStatus::offered};
    CHECK(describe_given({a, b, offered}, "GBP", MessageLanguage::english) ==
          "a free upgrade, a repair and store credit of 10.00 GBP");
}

TEST_CASE("the owner's own template is used with its placeholders filled", "[message]") {
    Settings s;
    apply_setting(s, "message_subject", "{shop}: {date}");
    apply_setting(s, "message_body", "Hi {first_name}! {what_was_given}? {what_happened}");
    const auto t = effective_message_template(s, MessageLanguage::german);
    const auto m = draft_message(t, facts(), MessageLanguage::german);
    CHECK(m.subject == "Kaffee & Kuchen: 5. März 2026");
    CHECK(m.body == "Hi Anna! eine Erstattung von 25,00 EUR und einen Ersatz? the kettle leaked");
    // Back to the built-in one.
    apply_setting(s, "message_body", "default");
    CHECK(setting_value(s, "message_body") == "default");
    CHECK(effective_message_template(s, MessageLanguage::english).body ==
          default_message_template(MessageLanguage::english).body);
}

TEST_CASE("an empty template or an unknown placeholder is refused and the old one kept",
          "[message][settings]") {
    Settings s;
    apply_setting(s, "message_body", "Hello {first_name}");
    CHECK_THROWS_WITH(apply_setting(s, "message_body", "  \n "),
                      Catch::Contains("cannot be empty"));
    CHECK_THROWS_WITH(apply_setting(s, "message_subject", ""), Catch::Contains("cannot be empty"));
    CHECK_THROWS_WITH(apply_setting(s, "message_body", "Hello {frist_name}"),
                      Catch::Contains("{frist_name}") && Catch::Contains("{first_name}"));
    CHECK(s.message_body == "Hello {first_name}");
    CHECK(s.message_subject.empty());
    // Braces around something that is not a name are plain text.
    apply_setting(s, "message_body", "Smile {:-} and { first_name }");
    CHECK(s.message_body == "Smile {:-} and { first_name }");
}

TEST_CASE("a call's own template takes the first name the shop and the date and nothing else",
          "[message][settings]") {
    Settings s;
    CHECK(effective_call_template(s, MessageLanguage::german).subject ==
          default_call_template(MessageLanguage::german).subject);
    apply_setting(s, "call_message_subject", "{first_name}, wie geht's?");
    apply_setting(s, "call_message_body", "Hallo {first_name}, {shop} ruft am {date} an.");
    const auto t = effective_template(s, MessageKind::call, MessageLanguage::german);
    const auto m = draft_message(t, facts(), MessageLanguage::german);
    CHECK(m.subject == "Anna, wie geht's?");
    CHECK(m.body == "Hallo Anna, Kaffee & Kuchen ruft am 5. März 2026 an.");
    // The complaint's template is not touched by the call's.
    CHECK(effective_message_template(s, MessageLanguage::english).subject ==
          default_message_template(MessageLanguage::english).subject);
    // No incident: what happened and what was given are not placeholders of a call.
    CHECK_THROWS_WITH(apply_setting(s, "call_message_body", "About {what_was_given}"),
                      Catch::Contains("{what_was_given}") &&
                          Catch::Contains("{first_name}, {shop}, {date}"));
    CHECK_THROWS_WITH(apply_setting(s, "call_message_subject", " "),
                      Catch::Contains("call message cannot be empty"));
    CHECK(setting_value(s, "call_message_body") == "Hallo {first_name}, {shop} ruft am {date} an.");
    apply_setting(s, "call_message_body", "default");
    CHECK(s.call_message_body.empty());
    CHECK(setting_value(s, "call_message_body") == "default");
}

TEST_CASE("the first name is the first word of the name", "[message]") {
    CHECK(first_name("  Anna Maria Schmidt") == "Anna");
    CHECK(first_name("Zoë") == "Zoë");
    CHECK(first_name("") == "");
}

TEST_CASE("mailto keeps only unreserved characters and writes line breaks as CRLF",
          "[message][mailto]") {
    DraftMessage m{"o'brien+shop@example.com", "Café & Co? 100%", "a\nb #1"};
    CHECK(mailto_url(m) == "mailto:o%27brien%2Bshop@example.com?subject=Caf%C3%A9%20%26%20Co%3F"
                           "%20100%25&body=a%0D%0Ab%20%231");
    CHECK(mailto_url(DraftMessage{"", "x", ""}) == "mailto:?subject=x&body=");
}

TEST_CASE("the message language follows the desktop's locale", "[message]") {
    CHECK(message_language_of_locale("de_DE.UTF-8") == MessageLanguage::german);
    CHECK(message_language_of_locale("de:en") == MessageLanguage::german);
    CHECK(message_language_of_locale("en_GB.UTF-8") == MessageLanguage::english);
    CHECK(message_language_of_locale("C.UTF-8") == MessageLanguage::english);
    CHECK(parse_message_language("DE") == MessageLanguage::german);
    CHECK_THROWS_AS(parse_message_language("fr"), InputError);
}
