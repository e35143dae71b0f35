// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The message the owner sends when following up: thanks for their patience, what was done,
// are they satisfied, any feedback. Drafted from a template with placeholders, in the owner's
// language (the built-in English and German defaults, or the owner's own text from Settings),
// and handed to the mail program as a mailto: URL (RFC 6068) or to the clipboard as text.
//
// The template text is what the customer reads, not the program's own words: it is kept here
// as data in both languages, not in the window's catalog, so the command line drafts the same
// German message the window does.
#include "core/dates.h"
#include "core/records.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class MessageLanguage { english, german };

// "en" or "de" (also "english", "deutsch", "de_DE.UTF-8"); InputError otherwise.
MessageLanguage parse_message_language(std::string_view text);
std::string_view to_key(MessageLanguage l); // "en", "de"
// The language of a POSIX locale name or a LANGUAGE list ("de_DE.UTF-8", "de:en"): German when
// the first one is German, else English.
MessageLanguage message_language_of_locale(std::string_view locale);
// The language the desktop speaks, looked up as gettext does (LANGUAGE, LC_ALL, LC_MESSAGES,
// LANG): what the command line drafts in unless told otherwise.
MessageLanguage message_language_from_environment();

struct MessageTemplate {
    std::string subject;
    std::string body;
};

// The built-in template of a language.
const MessageTemplate& default_message_template(MessageLanguage l);
// The built-in template of a call to a customer who has not been back and never complained
// (a follow-up with no incident, store/gone.h): no incident to thank them for, so it asks how
// they are and whether anything kept them away.
const MessageTemplate& default_call_template(MessageLanguage l);

// Which of the two templates: the message after a complaint (a follow-up of an incident) or
// the one for a call to a customer with no incident (the call_message_* settings).
enum class MessageKind { incident, call };
const MessageTemplate& default_template(MessageKind kind, MessageLanguage l);

struct Settings;
// The owner's subject and text from Settings where they wrote one, else the built-in ones.
MessageTemplate effective_message_template(const Settings& s, MessageLanguage l);
MessageTemplate effective_call_template(const Settings& s, MessageLanguage l);
MessageTemplate effective_template(const Settings& s, MessageKind kind, MessageLanguage l);

// The placeholders a template may use, each written {name} in the text.
struct MessagePlaceholder {
    std::string_view name; // "first_name"
    std::string_view description;
};
const std::vector<MessagePlaceholder>& message_placeholders();
// A call has no incident: {first_name}, {shop} and {date} (the day the call is due).
const std::vector<MessagePlaceholder>& call_placeholders();
const std::vector<MessagePlaceholder>& placeholders_of(MessageKind kind);

// Throws InputError with a sentence when `text` is empty (only spaces) or names a placeholder
// that does not exist for `kind` ("{frist_name}", or {what_happened} in a call's message);
// `what` is tr("subject") or tr("message").
void check_message_template(std::string_view text, Text what,
                            MessageKind kind = MessageKind::incident);

// What fills the placeholders, for one follow-up.
struct MessageFacts {
    std::string customer_name; // the first word becomes {first_name}
    std::string shop;          // the business name setting
    std::string what_happened; // the incident's summary
    std::vector<Resolution> given;
    std::string currency;
    Date incident_day; // a call with no incident: the day it is due
};

// The first word of a name ("Anna" of "Anna Schmidt"); the whole name when it has one word.
std::string first_name(std::string_view name);
// What was given, in words of the language: the accepted resolutions, else those still offered
// (declined ones are not mentioned), "a refund of 25.00 EUR and a replacement"; with none,
// "our apology".
std::string describe_given(const std::vector<Resolution>& given, const std::string& currency,
                           MessageLanguage l);
// "5 March 2026" / "5. März 2026".
std::string format_message_date(Date d, MessageLanguage l);

struct DraftMessage {
    std::string to; // the customer's email address; may be empty
    std::string subject;
    std::string body; // lines end in "\n"
};

// Fills the template's placeholders; unknown ones are left as typed (the template was checked
// when saved).
DraftMessage draft_message(const MessageTemplate& t, const MessageFacts& facts, MessageLanguage l,
                           std::string to = {});

// A mailto: URL per RFC 6068 for the draft: the address and the subject and body percent-encoded
// as UTF-8 (every byte but the unreserved ones, so "&", "?", "#", "+" and "%" stay text), line
// breaks in the body as %0D%0A. Without an address the URL is "mailto:?subject=...", which the
// mail program opens with the "To" field empty.
std::string mailto_url(const DraftMessage& m);

} // namespace rapport
