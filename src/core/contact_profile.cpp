// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contact_profile.h"

#include "core/errors.h"

#include <array>
#include <cctype>

namespace rapport {
namespace {

constexpr std::array<EnumEntry<PreferredChannel>, 6> kPreferredChannels{{
    {PreferredChannel::not_known, "", "Not known"},
    {PreferredChannel::any, "any", "Any way"},
    {PreferredChannel::phone, "phone", "Phone"},
    {PreferredChannel::email, "email", "Email"},
    {PreferredChannel::in_person, "in-person", "In person"},
    {PreferredChannel::text_message, "text", "Text message"},
}};

constexpr std::array<EnumEntry<WantsWhenWrong>, 4> kWants{{
    {WantsWhenWrong::not_known, "", "Not known"},
    {WantsWhenWrong::detail, "detail", "Technical detail"},
    {WantsWhenWrong::reassurance, "reassurance", "Reassurance"},
    {WantsWhenWrong::quick_fix, "quick-fix", "A quick fix"},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::string normalise(std::string_view text) {
    std::string out;
    for (char c : trim(text)) {
        if (c == '_' || c == ' ')
            c = '-';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out == "not-known" ? std::string() : out;
}

template <typename E, std::size_t N>
const EnumEntry<E>& entry_of(const std::array<EnumEntry<E>, N>& table, E v) {
    for (const auto& e : table)
        if (e.value == v)
            return e;
    return table.front(); // unreachable for valid enum values
}

template <typename E, std::size_t N>
E parse_from(const std::array<EnumEntry<E>, N>& table, std::string_view text, Text what) {
    const std::string n = normalise(text);
    for (const auto& e : table)
        if (e.key == n)
            return e.value;
    std::string choices;
    for (const auto& e : table)
        choices += (choices.empty() ? "" : ", ") +
                   (e.key.empty() ? std::string("not-known") : std::string(e.key));
    throw InputError(tr("The {} \"{}\" is not one of: {}."), what, text, choices);
}

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string lower_first(std::string_view s) {
    std::string out(s);
    if (!out.empty())
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace

std::span<const EnumEntry<PreferredChannel>> all_preferred_channels() {
    return kPreferredChannels;
}
std::span<const EnumEntry<WantsWhenWrong>> all_wants_when_wrong() {
    return kWants;
}

std::string_view to_key(PreferredChannel v) {
    return entry_of(kPreferredChannels, v).key;
}
std::string_view to_key(WantsWhenWrong v) {
    return entry_of(kWants, v).key;
}
std::string_view to_label(PreferredChannel v) {
    return entry_of(kPreferredChannels, v).label;
}
std::string_view to_label(WantsWhenWrong v) {
    return entry_of(kWants, v).label;
}

PreferredChannel parse_preferred_channel(std::string_view text) {
    return parse_from(kPreferredChannels, text, tr("preferred channel"));
}

WantsWhenWrong parse_wants_when_wrong(std::string_view text) {
    return parse_from(kWants, text, tr("wish when something goes wrong"));
}

std::string checked_preferred_time(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.find_first_of("\r\n") != std::string_view::npos)
        throw InputError(tr("The preferred time must be one line."));
    if (utf8_chars(t) > kPreferredTimeMaxChars)
        throw InputError(tr("The preferred time can be at most {} characters (got {})."),
                         kPreferredTimeMaxChars, utf8_chars(t));
    return std::string(t);
}

std::string describe(const ContactProfile& p) {
    std::string out;
    if (p.channel != PreferredChannel::not_known || !p.time.empty()) {
        out = "prefers";
        if (p.channel != PreferredChannel::not_known)
            out += " " + lower_first(to_label(p.channel));
        if (!p.time.empty())
            out += (p.channel != PreferredChannel::not_known ? ", " : " ") + p.time;
    }
    if (p.wants != WantsWhenWrong::not_known)
        out += (out.empty() ? "" : "; ") + std::string("wants ") + lower_first(to_label(p.wants));
    return out;
}

} // namespace rapport
