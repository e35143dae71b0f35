// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The owner's settings, typed, with their defaults in one place. Stored as text key/value rows;
// this file is the only one that knows the keys, their defaults and what values are valid.
#include "core/csv_dialect.h"
#include "core/dates.h"
#include "core/money.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct Settings {
    std::string business_name;
    std::string currency = "EUR";
    Money hourly_rate = Money::from_cents(3000);
    BasisPoints default_margin = 4000;
    double retention = 0.6;      // assumption: chance a customer stays another year
    double discount_rate = 0.10; // per year
    int horizon_years = 1;       // 1..3
    Money acquisition_cost;      // what winning a new customer costs otherwise
    double watch_ratio = 0.5;    // handling cost above this share of value means "watch"
    date::weekday week_start = date::Monday;
    int backup_keep_daily = 7;
    int backup_keep_weekly = 4;
    // The CSV files for spreadsheets (accountant, history); none: this computer's language.
    std::optional<CsvDialect> csv_dialect;
    // The follow-up message (core/followup_message.h) the owner wrote; empty: the built-in one
    // in the language of the program drafting it.
    std::string message_subject;
    std::string message_body;
    // The same for a call to a customer with no incident (a follow-up planned from the "Haven't
    // been back" list or `followup plan`): placeholders {first_name}, {shop}, {date}.
    std::string call_message_subject;
    std::string call_message_body;
};

// The CSV dialect exports write: the one chosen, else the one of this computer's language.
CsvDialect effective_csv_dialect(const Settings& s);

struct SettingKey {
    std::string_view key;
    std::string_view description;
};

// Every key `settings get/set` knows, in display order.
const std::vector<SettingKey>& setting_keys();

// Validates `value` for `key` and stores it in `s`; throws InputError with a sentence on a bad
// key or value. Values are typed as a person would: "30", "0.6", "40", "sunday".
void apply_setting(Settings& s, std::string_view key, std::string_view value);

// The stored text form of one setting (what `settings get` prints).
std::string setting_value(const Settings& s, std::string_view key);

} // namespace rapport
