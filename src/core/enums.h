// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The closed vocabularies of Rapport. Each has exactly one table mapping values to the strings
// stored in the database and typed on the command line; the GUI translates the labels.
#include <span>
#include <string_view>

namespace rapport {

enum class Channel { phone, email, in_person, online, other };
enum class Category { product_fault, service_error, delay, billing, misunderstanding, behaviour, other };
enum class ResolutionType {
    refund, replacement, discount, store_credit, free_upgrade, repair_visit, apology_only, other
};
enum class ResolutionStatus { offered, accepted, declined };
enum class Outcome { satisfied, still_unhappy, no_answer, other };

// One row of a vocabulary: the stored/typed key and an English label for people.
template <typename E> struct EnumEntry {
    E value;
    std::string_view key;   // "product-fault": database, CLI, exports
    std::string_view label; // "Product fault": shown (translated) in the window
};

std::span<const EnumEntry<Channel>> all_channels();
std::span<const EnumEntry<Category>> all_categories();
std::span<const EnumEntry<ResolutionType>> all_resolution_types();
std::span<const EnumEntry<ResolutionStatus>> all_resolution_statuses();
std::span<const EnumEntry<Outcome>> all_outcomes();

std::string_view to_key(Channel v);
std::string_view to_key(Category v);
std::string_view to_key(ResolutionType v);
std::string_view to_key(ResolutionStatus v);
std::string_view to_key(Outcome v);

std::string_view to_label(Channel v);
std::string_view to_label(Category v);
std::string_view to_label(ResolutionType v);
std::string_view to_label(ResolutionStatus v);
std::string_view to_label(Outcome v);

// Parsers accept the key, case-insensitively, with '_' or ' ' for '-'. They throw InputError
// naming the accepted values.
Channel parse_channel(std::string_view text);
Category parse_category(std::string_view text);
ResolutionType parse_resolution_type(std::string_view text);
ResolutionStatus parse_resolution_status(std::string_view text);
Outcome parse_outcome(std::string_view text);

} // namespace rapport
