// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/followup_message.h"

#include "core/errors.h"
#include "core/settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace rapport {
namespace {

std::string lower(std::string_view text) {
    std::string l(text);
    std::transform(l.begin(), l.end(), l.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return l;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool known_placeholder(std::string_view name, MessageKind kind) {
    const auto& all = placeholders_of(kind);
    return std::any_of(all.begin(), all.end(),
                       [&](const MessagePlaceholder& p) { return p.name == name; });
}

// Calls `on_name` for each {name} in `text` (a brace not around a name is plain text) and
// returns the text with each replaced by what `on_name` gives.
template <class F> std::string each_placeholder(std::string_view text, F on_name) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            std::size_t j = i + 1;
            while (j < text.size() && is_name_char(text[j]))
                ++j;
            if (j > i + 1 && j < text.size() && text[j] == '}') {
                out += on_name(text.substr(i + 1, j - i - 1), text.substr(i, j - i + 1));
                i = j + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

std::string amount_in(Money m, std::string_view currency, MessageLanguage l) {
    std::string amount = format_amount(m); // "1234.50"
    if (l == MessageLanguage::german)
        std::replace(amount.begin(), amount.end(), '.', ',');
    return amount + " " + std::string(currency);
}

std::string one_given(const Resolution& r, const std::string& currency, MessageLanguage l) {
    const bool de = l == MessageLanguage::german;
    const std::string money = amount_in(r.cost, currency, l);
    const bool costed = r.cost.cents > 0;
    switch (r.type) {
    case ResolutionType::refund:
        return de ? (costed ? "eine Erstattung von " + money : "eine Erstattung")
                  : (costed ? "a refund of " + money : "a refund");
    case ResolutionType::replacement:
        return de ? "einen Ersatz" : "a replacement";
    case ResolutionType::discount:
        return de ? (costed ? "einen Nachlass von " + money : "einen Nachlass")
                  : (costed ? "a discount of " + money : "a discount");
    case ResolutionType::store_credit:
        return de ? (costed ? "ein Guthaben von " + money : "ein Guthaben")
                  : (costed ? "store credit of " + money : "store credit");
    case ResolutionType::free_upgrade:
        return de ? "ein kostenloses Upgrade" : "a free upgrade";
    case ResolutionType::repair_visit:
        return de ? "eine Reparatur" : "a repair";
    case ResolutionType::apology_only:
        return de ? "unsere Entschuldigung" : "our apology";
    case ResolutionType::other:
        break;
    }
    return de ? "eine andere Lösung" : "another solution";
}

} // namespace

MessageLanguage parse_message_language(std::string_view text) {
    const std::string l = lower(text);
    if (l == "en" || l == "english" || l.starts_with("en_"))
        return MessageLanguage::english;
    if (l == "de" || l == "german" || l == "deutsch" || l.starts_with("de_"))
        return MessageLanguage::german;
    throw InputError(tr("The language \"{}\" is not en (English) or de (German)."), text);
}

std::string_view to_key(MessageLanguage l) {
    return l == MessageLanguage::german ? "de" : "en";
}

MessageLanguage message_language_of_locale(std::string_view locale) {
    const std::string_view first = locale.substr(0, locale.find(':'));
    if (first == "de" || first.starts_with("de_") || first.starts_with("de."))
        return MessageLanguage::german;
    return MessageLanguage::english;
}

MessageLanguage message_language_from_environment() {
    // gettext: LANGUAGE wins when a locale is set at all; then the first of LC_ALL,
    // LC_MESSAGES, LANG that is set and not empty.
    std::string_view locale;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) {
            locale = v;
            break;
        }
    }
    if (locale.empty() || locale == "C" || locale == "POSIX" || locale.starts_with("C."))
        return MessageLanguage::english;
    if (const char* language = std::getenv("LANGUAGE"); language && *language)
        return message_language_of_locale(language);
    return message_language_of_locale(locale);
}

const MessageTemplate& default_message_template(MessageLanguage l) {
    static const MessageTemplate english{
        "Thank you for your patience",
        "Dear {first_name},\n"
        "\n"
        "thank you for your patience after what happened on {date} ({what_happened}). To make "
        "it right we offered you {what_was_given}.\n"
        "\n"
        "Are you satisfied with how it was resolved? Any feedback helps us do better - just "
        "reply to this message.\n"
        "\n"
        "Kind regards,\n"
        "{shop}\n"};
    static const MessageTemplate german{
        "Danke für Ihre Geduld",
        "Guten Tag {first_name},\n"
        "\n"
        "vielen Dank für Ihre Geduld nach dem, was am {date} passiert ist ({what_happened}). "
        "Zur Wiedergutmachung haben wir Ihnen {what_was_given} angeboten.\n"
        "\n"
        "Sind Sie mit der Lösung zufrieden? Jede Rückmeldung hilft uns, besser zu werden - "
        "antworten Sie einfach auf diese Nachricht.\n"
        "\n"
        "Mit freundlichen Grüßen\n"
        "{shop}\n"};
    return l == MessageLanguage::german ? german : english;
}

const MessageTemplate& default_call_template(MessageLanguage l) {
    static const MessageTemplate english{
        "We would like to hear from you",
        "Dear {first_name},\n"
        "\n"
        "it has been a while since we last saw you, and we wanted to ask how you are. If "
        "anything was not as it should have been, we would like to know - just reply to this "
        "message.\n"
        "\n"
        "Kind regards,\n"
        "{shop}\n"};
    static const MessageTemplate german{
        "Wir würden gern von Ihnen hören",
        "Guten Tag {first_name},\n"
        "\n"
        "wir haben Sie eine Weile nicht gesehen und möchten fragen, wie es Ihnen geht. Falls "
        "etwas nicht so war, wie es sein sollte, würden wir es gern wissen - antworten Sie "
        "einfach auf diese Nachricht.\n"
        "\n"
        "Mit freundlichen Grüßen\n"
        "{shop}\n"};
    return l == MessageLanguage::german ? german : english;
}

const MessageTemplate& default_template(MessageKind kind, MessageLanguage l) {
    return kind == MessageKind::call ? default_call_template(l) : default_message_template(l);
}

MessageTemplate effective_template(const Settings& s, MessageKind kind, MessageLanguage l) {
    MessageTemplate t = default_template(kind, l);
    const bool call = kind == MessageKind::call;
    const std::string& subject = call ? s.call_message_subject : s.message_subject;
    const std::string& body = call ? s.call_message_body : s.message_body;
    if (!subject.empty())
        t.subject = subject;
    if (!body.empty())
        t.body = body;
    return t;
}

MessageTemplate effective_message_template(const Settings& s, MessageLanguage l) {
    return effective_template(s, MessageKind::incident, l);
}

MessageTemplate effective_call_template(const Settings& s, MessageLanguage l) {
    return effective_template(s, MessageKind::call, l);
}

const std::vector<MessagePlaceholder>& message_placeholders() {
    static const std::vector<MessagePlaceholder> all = {
        {"first_name", "the customer's first name"},
        {"shop", "your business name"},
        {"what_happened", "what happened (the incident's summary)"},
        {"what_was_given", "what was given to make it right"},
        {"date", "the day of the incident"},
    };
    return all;
}

const std::vector<MessagePlaceholder>& call_placeholders() {
    static const std::vector<MessagePlaceholder> all = {
        {"first_name", "the customer's first name"},
        {"shop", "your business name"},
        {"date", "the day the call is due"},
    };
    return all;
}

const std::vector<MessagePlaceholder>& placeholders_of(MessageKind kind) {
    return kind == MessageKind::call ? call_placeholders() : message_placeholders();
}

void check_message_template(std::string_view text, Text what, MessageKind kind) {
    const bool call = kind == MessageKind::call;
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; }))
        throw InputError(call ? tr("The {} of the call message cannot be empty; type \"default\" "
                                   "to go back to the built-in one.")
                              : tr("The {} of the follow-up message cannot be empty; type "
                                   "\"default\" to go back to the built-in one."),
                         what);
    std::string unknown;
    each_placeholder(text, [&](std::string_view name, std::string_view) {
        if (!known_placeholder(name, kind) && unknown.empty())
            unknown = "{" + std::string(name) + "}";
        return std::string();
    });
    if (!unknown.empty()) {
        std::string names;
        for (const auto& p : placeholders_of(kind))
            names += (names.empty() ? "{" : ", {") + std::string(p.name) + "}";
        throw InputError(call ? tr("The {} of the call message names {}, which is not a "
                                   "placeholder of a call; the placeholders are: {}.")
                              : tr("The {} of the follow-up message names {}, which is not a "
                                   "placeholder; the placeholders are: {}."),
                         what, unknown, names);
    }
}

std::string first_name(std::string_view name) {
    const auto begin = name.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = name.find_first_of(" \t\r\n", begin);
    return std::string(name.substr(begin, end == std::string_view::npos ? end : end - begin));
}

std::string describe_given(const std::vector<Resolution>& given, const std::string& currency,
                           MessageLanguage l) {
    const bool any_accepted = std::any_of(given.begin(), given.end(), [](const Resolution& r) {
        return r.status == ResolutionStatus::accepted;
    });
    const ResolutionStatus wanted =
        any_accepted ? ResolutionStatus::accepted : ResolutionStatus::offered;
    std::vector<std::string> parts;
    for (const auto& r : given)
        if (r.status == wanted)
            parts.push_back(one_given(r, currency, l));
    if (parts.empty())
        return l == MessageLanguage::german ? "unsere Entschuldigung" : "our apology";
    std::string out = parts.front();
    for (std::size_t k = 1; k < parts.size(); ++k)
        out += (k + 1 == parts.size() ? (l == MessageLanguage::german ? " und " : " and ") : ", ") +
               parts[k];
    return out;
}

std::string format_message_date(Date d, MessageLanguage l) {
    static constexpr std::array<std::string_view, 12> en = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    static constexpr std::array<std::string_view, 12> de = {
        "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
        "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
    const unsigned month = static_cast<unsigned>(d.month()) - 1;
    const unsigned day = static_cast<unsigned>(d.day());
    const int year = static_cast<int>(d.year());
    if (l == MessageLanguage::german)
        return fmt::format("{}. {} {}", day, de.at(month), year);
    return fmt::format("{} {} {}", day, en.at(month), year);
}

DraftMessage draft_message(const MessageTemplate& t, const MessageFacts& facts, MessageLanguage l,
                           std::string to) {
    const auto fill = [&](std::string_view text) {
        return each_placeholder(text, [&](std::string_view name, std::string_view as_typed) {
            if (name == "first_name")
                return first_name(facts.customer_name);
            if (name == "shop")
                return facts.shop;
            if (name == "what_happened")
                return facts.what_happened;
            if (name == "what_was_given")
                return describe_given(facts.given, facts.currency, l);
            if (name == "date")
                return facts.incident_day.ok() ? format_message_date(facts.incident_day, l)
                                               : std::string();
            return std::string(as_typed);
        });
    };
    DraftMessage m;
    m.to = std::move(to);
    m.subject = fill(t.subject);
    // One line: a subject with a line break would end the mail header.
    std::replace_if(
        m.subject.begin(), m.subject.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    m.body = fill(t.body);
    m.body.erase(std::remove(m.body.begin(), m.body.end(), '\r'), m.body.end());
    return m;
}

namespace {

// RFC 3986 unreserved characters stay; every other byte (UTF-8 included) is %XX.
void percent_encode(std::string& out, std::string_view text, std::string_view also_keep = {}) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80)
            out += ch;
        else if (ch == '-' || ch == '.' || ch == '_' || ch == '~' ||
                 also_keep.find(ch) != std::string_view::npos)
            out += ch;
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
}

} // namespace

std::string mailto_url(const DraftMessage& m) {
    std::string url = "mailto:";
    percent_encode(url, m.to, "@");
    url += "?subject=";
    percent_encode(url, m.subject);
    url += "&body=";
    // RFC 6068 section 5: line breaks in the body are encoded as %0D%0A.
    std::string crlf;
    crlf.reserve(m.body.size() + 16);
    for (char c : m.body) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    percent_encode(url, crlf);
    return url;
}

} // namespace rapport
