// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/enums.h"

#include "core/errors.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string>

namespace rapport {
namespace {

constexpr std::array<EnumEntry<Channel>, 5> kChannels{{
    {Channel::phone, "phone", "Phone"},
    {Channel::email, "email", "Email"},
    {Channel::in_person, "in-person", "In person"},
    {Channel::online, "online", "Online"},
    {Channel::other, "other", "Other"},
}};

constexpr std::array<EnumEntry<Category>, 7> kCategories{{
    {Category::product_fault, "product-fault", "Product fault"},
    {Category::service_error, "service-error", "Service error"},
    {Category::delay, "delay", "Delay"},
    {Category::billing, "billing", "Billing"},
    {Category::misunderstanding, "misunderstanding", "Misunderstanding"},
    {Category::behaviour, "behaviour", "Behaviour"},
    {Category::other, "other", "Other"},
}};

constexpr std::array<EnumEntry<ResolutionType>, 8> kResolutionTypes{{
    {ResolutionType::refund, "refund", "Refund"},
    {ResolutionType::replacement, "replacement", "Replacement"},
    {ResolutionType::discount, "discount", "Discount"},
    {ResolutionType::store_credit, "store-credit", "Store credit"},
    {ResolutionType::free_upgrade, "free-upgrade", "Free upgrade"},
    {ResolutionType::repair_visit, "repair-visit", "Repair / technician visit"},
    {ResolutionType::apology_only, "apology-only", "Apology only"},
    {ResolutionType::other, "other", "Other"},
}};

constexpr std::array<EnumEntry<ResolutionStatus>, 3> kResolutionStatuses{{
    {ResolutionStatus::offered, "offered", "Offered"},
    {ResolutionStatus::accepted, "accepted", "Accepted"},
    {ResolutionStatus::declined, "declined", "Declined"},
}};

constexpr std::array<EnumEntry<Outcome>, 4> kOutcomes{{
    {Outcome::satisfied, "satisfied", "Satisfied"},
    {Outcome::still_unhappy, "still-unhappy", "Still unhappy"},
    {Outcome::no_answer, "no-answer", "No answer"},
    {Outcome::other, "other", "Other"},
}};

std::string normalise(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '_' || c == ' ')
            c = '-';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

template <typename E, std::size_t N>
const EnumEntry<E>& entry_of(const std::array<EnumEntry<E>, N>& table, E v) {
    for (const auto& e : table)
        if (e.value == v)
            return e;
    return table.back(); // unreachable for valid enum values
}

template <typename E, std::size_t N>
E parse_from(const std::array<EnumEntry<E>, N>& table, std::string_view text, Text what) {
    const std::string n = normalise(text);
    for (const auto& e : table)
        if (e.key == n)
            return e.value;
    std::string choices;
    for (const auto& e : table)
        choices += (choices.empty() ? "" : ", ") + std::string(e.key);
    throw InputError(tr("The {} \"{}\" is not one of: {}."), what, text, choices);
}

} // namespace

std::span<const EnumEntry<Channel>> all_channels() { return kChannels; }
std::span<const EnumEntry<Category>> all_categories() { return kCategories; }
std::span<const EnumEntry<ResolutionType>> all_resolution_types() { return kResolutionTypes; }
std::span<const EnumEntry<ResolutionStatus>> all_resolution_statuses() { return kResolutionStatuses; }
std::span<const EnumEntry<Outcome>> all_outcomes() { return kOutcomes; }

std::string_view to_key(Channel v) { return entry_of(kChannels, v).key; }
std::string_view to_key(Category v) { return entry_of(kCategories, v).key; }
std::string_view to_key(ResolutionType v) { return entry_of(kResolutionTypes, v).key; }
std::string_view to_key(ResolutionStatus v) { return entry_of(kResolutionStatuses, v).key; }
std::string_view to_key(Outcome v) { return entry_of(kOutcomes, v).key; }

std::string_view to_label(Channel v) { return entry_of(kChannels, v).label; }
std::string_view to_label(Category v) { return entry_of(kCategories, v).label; }
std::string_view to_label(ResolutionType v) { return entry_of(kResolutionTypes, v).label; }
std::string_view to_label(ResolutionStatus v) { return entry_of(kResolutionStatuses, v).label; }
std::string_view to_label(Outcome v) { return entry_of(kOutcomes, v).label; }

Channel parse_channel(std::string_view t) {
    return parse_from(kChannels, t, tr("channel"));
}
Category parse_category(std::string_view t) {
    return parse_from(kCategories, t, tr("category"));
}
ResolutionType parse_resolution_type(std::string_view t) {
    return parse_from(kResolutionTypes, t, tr("resolution type"));
}
ResolutionStatus parse_resolution_status(std::string_view t) {
    return parse_from(kResolutionStatuses, t, tr("resolution status"));
}
Outcome parse_outcome(std::string_view t) {
    return parse_from(kOutcomes, t, tr("outcome"));
}

} // namespace rapport
