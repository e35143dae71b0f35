// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a customer likes to be dealt with ("mirror your customers", schema version 6): the way
// and the time they like to be reached, and what they want when something goes wrong. Every
// part may be not known, which is what a customer saved before version 6 has.
#include "core/enums.h"

#include <span>
#include <string>
#include <string_view>

namespace rapport {

// `not_known` is stored as '' and has no key of its own; `any` is a known answer ("any way
// suits them").
enum class PreferredChannel { not_known, any, phone, email, in_person, text_message };
enum class WantsWhenWrong { not_known, detail, reassurance, quick_fix };

// The most characters a preferred time may have ("mornings", "after 6 pm, not Fridays"): a
// reminder beside a name, not a note (the customer's note is for that).
inline constexpr std::size_t kPreferredTimeMaxChars = 40;

struct ContactProfile {
    PreferredChannel channel = PreferredChannel::not_known;
    std::string time; // free text, at most kPreferredTimeMaxChars characters
    WantsWhenWrong wants = WantsWhenWrong::not_known;
    bool empty() const {
        return channel == PreferredChannel::not_known && time.empty() &&
               wants == WantsWhenWrong::not_known;
    }
    bool operator==(const ContactProfile&) const = default;
};

std::span<const EnumEntry<PreferredChannel>> all_preferred_channels();
std::span<const EnumEntry<WantsWhenWrong>> all_wants_when_wrong();

// The stored and typed key: "" for not_known, else "any", "phone", "email", "in-person",
// "text"; "" or "detail", "reassurance", "quick-fix".
std::string_view to_key(PreferredChannel v);
std::string_view to_key(WantsWhenWrong v);
std::string_view to_label(PreferredChannel v); // English; the window translates it
std::string_view to_label(WantsWhenWrong v);

// Accept the key case-insensitively with '_' or ' ' for '-', and "" or "not-known" for
// not_known. InputError naming the accepted values otherwise.
PreferredChannel parse_preferred_channel(std::string_view text);
WantsWhenWrong parse_wants_when_wrong(std::string_view text);
// The time trimmed; InputError when it is longer than kPreferredTimeMaxChars characters or
// holds a line break.
std::string checked_preferred_time(std::string_view text);

// One English line for the command line and the printed lists, e.g.
// "prefers phone, mornings; wants reassurance"; "" when the profile is empty.
std::string describe(const ContactProfile& p);

} // namespace rapport
