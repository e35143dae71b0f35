// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings.h"

#include "core/errors.h"
#include "core/followup_message.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

namespace rapport {
namespace {

double parse_fraction(std::string_view text, Text what, double lo, double hi) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc{} || ptr != end || !std::isfinite(v)) {
        throw InputError(tr("The {} \"{}\" is not a number; type something like 0.6."), what, text);
    }
    if (v < lo || v > hi)
        throw InputError(tr("The {} must be between {} and {} (got {})."), what, lo, hi, text);
    return v;
}

int parse_int_in(std::string_view text, Text what, int lo, int hi) {
    int v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc{} || ptr != end)
        throw InputError(tr("The {} \"{}\" is not a whole number."), what, text);
    if (v < lo || v > hi)
        throw InputError(tr("The {} must be between {} and {} (got {})."), what, lo, hi, text);
    return v;
}

std::string format_fraction(double v) {
    return fmt::format("{}", v);
}

// The text of one of the follow-up messages' templates (message_subject, message_body,
// call_message_subject, call_message_body); nullptr for any other key.
template <class S> auto* template_text(S& s, std::string_view key) {
    if (key == "message_subject")
        return &s.message_subject;
    if (key == "message_body")
        return &s.message_body;
    if (key == "call_message_subject")
        return &s.call_message_subject;
    return key == "call_message_body" ? &s.call_message_body : nullptr;
}

} // namespace

const std::vector<SettingKey>& setting_keys() {
    static const std::vector<SettingKey> keys = {
        {"business_name", "Name of the business, shown in exports"},
        {"currency", "Three-letter currency code, e.g. EUR"},
        {"hourly_rate", "What an hour of your time is worth"},
        {"default_margin", "Average gross margin in percent"},
        {"retention", "Assumed chance a customer stays another year (0-1)"},
        {"discount_rate", "Yearly discount rate for projections (0-1)"},
        {"horizon_years", "Years the projection looks ahead (1-3)"},
        {"acquisition_cost", "What winning a new customer costs you otherwise"},
        {"watch_ratio", "Handling cost share of value that means 'watch' (0-1)"},
        {"week_start", "First day of the week (monday for ISO 8601)"},
        {"backup_keep_daily", "Daily backups to keep"},
        {"backup_keep_weekly", "Weekly backups to keep"},
        {"csv_dialect", "CSV for spreadsheets in: auto (this computer's language), comma "
                        "(English: , and 1234.56) or semicolon (German: ; and 1234,56)"},
        {"message_subject", "Subject of the follow-up message; placeholders {first_name}, "
                            "{shop}, {what_happened}, {what_was_given}, {date}; 'default' for "
                            "the built-in one in your language"},
        {"message_body", "Text of the follow-up message, with the same placeholders; "
                         "'default' for the built-in one in your language"},
        {"call_message_subject", "Subject of the message for a call to a customer with no "
                                 "complaint; placeholders {first_name}, {shop}, {date} (the day "
                                 "of the call); 'default' for the built-in one in your language"},
        {"call_message_body", "Text of the message for a call with no complaint, with the same "
                              "placeholders; 'default' for the built-in one in your language"},
    };
    return keys;
}

void apply_setting(Settings& s, std::string_view key, std::string_view value) {
    if (key == "business_name") {
        s.business_name = std::string(value);
    } else if (key == "currency") {
        if (value.size() != 3 || !std::isalpha(static_cast<unsigned char>(value[0])) ||
            !std::isalpha(static_cast<unsigned char>(value[1])) ||
            !std::isalpha(static_cast<unsigned char>(value[2])))
            throw InputError(
                tr("The currency \"{}\" is not a three-letter code like EUR, USD or GBP."), value);
        std::string c(value);
        for (char& ch : c)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        s.currency = c;
    } else if (key == "hourly_rate") {
        s.hourly_rate = parse_money(value, AllowNegative::no, tr("hourly rate"));
    } else if (key == "default_margin") {
        s.default_margin = parse_percent(value, tr("default margin"), -10000, 10000);
    } else if (key == "retention") {
        s.retention = parse_fraction(value, tr("retention"), 0.0, 1.0);
    } else if (key == "discount_rate") {
        s.discount_rate = parse_fraction(value, tr("discount rate"), 0.0, 1.0);
    } else if (key == "horizon_years") {
        s.horizon_years = parse_int_in(value, tr("horizon"), 1, 3);
    } else if (key == "acquisition_cost") {
        s.acquisition_cost = parse_money(value, AllowNegative::no, tr("acquisition cost"));
    } else if (key == "watch_ratio") {
        s.watch_ratio = parse_fraction(value, tr("watch ratio"), 0.0, 1.0);
    } else if (key == "week_start") {
        s.week_start = parse_weekday(value);
    } else if (key == "backup_keep_daily") {
        s.backup_keep_daily = parse_int_in(value, tr("number of daily backups"), 0, 365);
    } else if (key == "backup_keep_weekly") {
        s.backup_keep_weekly = parse_int_in(value, tr("number of weekly backups"), 0, 520);
    } else if (key == "csv_dialect") {
        s.csv_dialect = parse_csv_dialect(value);
    } else if (std::string* text = template_text(s, key)) {
        const bool call = key.starts_with("call_");
        const bool subject = key.ends_with("_subject");
        if (value == "default") {
            text->clear();
        } else {
            check_message_template(value, subject ? tr("subject") : tr("text"),
                                   call ? MessageKind::call : MessageKind::incident);
            *text = std::string(value);
        }
    } else {
        std::string names;
        for (const auto& k : setting_keys())
            names += (names.empty() ? "" : ", ") + std::string(k.key);
        throw InputError(tr("There is no setting \"{}\"; the settings are: {}."), key, names);
    }
}

CsvDialect effective_csv_dialect(const Settings& s) {
    return s.csv_dialect.value_or(system_csv_dialect());
}

std::string setting_value(const Settings& s, std::string_view key) {
    // One key a line.
    // clang-format off
    if (key == "business_name") return s.business_name;
    if (key == "currency") return s.currency;
    if (key == "hourly_rate") return format_amount(s.hourly_rate);
    if (key == "default_margin") return format_percent(s.default_margin);
    if (key == "retention") return format_fraction(s.retention);
    if (key == "discount_rate") return format_fraction(s.discount_rate);
    if (key == "horizon_years") return std::to_string(s.horizon_years);
    if (key == "acquisition_cost") return format_amount(s.acquisition_cost);
    if (key == "watch_ratio") return format_fraction(s.watch_ratio);
    if (key == "week_start") return format_weekday(s.week_start);
    if (key == "backup_keep_daily") return std::to_string(s.backup_keep_daily);
    if (key == "backup_keep_weekly") return std::to_string(s.backup_keep_weekly);
    if (key == "csv_dialect") return s.csv_dialect ? std::string(to_key(*s.csv_dialect)) : "auto";
    // clang-format on
    if (const std::string* text = template_text(s, key))
        return text->empty() ? "default" : *text;
    Settings copy = s;
    apply_setting(copy, key, ""); // throws the unknown-key sentence
    return {};
}

} // namespace rapport
