// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/json_out.h"

#include "exchange/json_money.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {

using nlohmann::json;

// The money placeholder lives in the store so the history export writes money the same way.
json money_json(Money m) {
    return exchange::money_json(m);
}

namespace {
// "by" and "at" of a Stamp: null when nobody (a change never made, a follow-up not done) or
// when the time was not kept (rows from before schema version 4).
void put_stamp(json& j, const std::string& prefix, const Stamp& s) {
    j[prefix + "_by"] = s.empty() ? json(nullptr) : json(s.by);
    j[prefix + "_at"] = s.at ? json(format_date_time(*s.at)) : json(nullptr);
}

// A profile's part, or nothing when it is not known ('').
std::optional<std::string> known(std::string_view key) {
    if (key.empty())
        return std::nullopt;
    return std::string(key);
}
} // namespace

json to_json(const ContactProfile& p) {
    const auto or_null = [](const std::optional<std::string>& v) {
        return v ? json(*v) : json(nullptr);
    };
    return {{"channel", or_null(known(to_key(p.channel)))},
            {"time", or_null(known(p.time))},
            {"wants", or_null(known(to_key(p.wants)))}};
}

void write_json(exchange::JsonWriter& w, const ContactProfile& p) {
    w.begin_object()
        .field("channel", known(to_key(p.channel)))
        .field("time", known(p.time))
        .field("wants", known(to_key(p.wants)))
        .end_object();
}

json to_json(const Customer& c) {
    json j = {{"id", c.id},
              {"name", c.name},
              {"phone", c.phone},
              {"email", c.email},
              {"note", c.note},
              {"tags", c.tags},
              {"referred_by", c.referred_by ? json(*c.referred_by) : json(nullptr)},
              {"came_anyway", c.came_anyway},
              {"referral_reward", money_json(c.referral_reward)},
              {"prefers", to_json(c.profile)},
              {"archived", c.archived}};
    put_stamp(j, "added", c.added);
    put_stamp(j, "changed", c.changed);
    j["version"] = c.version;
    return j;
}

// Keys in nlohmann's (sorted) order: the writer checks it.
void write_json(exchange::JsonWriter& w, const store::CustomerSummary& s) {
    w.begin_object()
        .field("archived", s.archived)
        .field("complaints", s.complaints)
        .field("email", s.email)
        .field("id", s.id)
        .field("last_contact", s.last_contact)
        .field("money_given_back", s.given_back)
        .field("name", s.name)
        .field("phone", s.phone)
        .end_object();
}

json to_json(const Interaction& i) {
    json resolutions = json::array();
    for (const auto& r : i.resolutions) {
        json one = {{"id", r.id},
                    {"type", to_key(r.type)},
                    {"cost", money_json(r.cost)},
                    {"status", to_key(r.status)}};
        put_stamp(one, "added", r.added);
        resolutions.push_back(std::move(one));
    }
    json follow_ups = json::array();
    for (const auto& f : i.follow_ups) {
        json one = {{"id", f.id},
                    {"due", format_date(f.due)},
                    {"note", f.note},
                    {"done_on", f.done_on ? json(format_date(*f.done_on)) : json(nullptr)},
                    {"outcome", f.outcome ? json(to_key(*f.outcome)) : json(nullptr)},
                    {"outcome_note", f.outcome_note},
                    {"minutes", f.minutes},
                    {"satisfaction", f.satisfaction ? json(*f.satisfaction) : json(nullptr)},
                    {"customer_said", f.customer_said}};
        put_stamp(one, "done", f.done);
        follow_ups.push_back(std::move(one));
    }
    json j = {{"id", i.id},
              {"customer_id", i.customer_id},
              {"at", format_date_time(i.at)},
              {"channel", to_key(i.channel)},
              {"category", to_key(i.category)},
              {"severity", i.severity},
              {"summary", i.summary},
              {"asked_for", i.asked_for},
              {"minutes", i.minutes},
              {"escalated_to", i.escalated_to},
              {"lesson", i.lesson},
              {"checklist",
               {{"listened", i.checklist.listened},
                {"empathised", i.checklist.empathised},
                {"apologised", i.checklist.apologised},
                {"offered_solutions", i.checklist.offered_solutions},
                {"agreed_follow_up", i.checklist.agreed_follow_up}}},
              {"resolutions", resolutions},
              {"follow_ups", follow_ups}};
    put_stamp(j, "logged", i.logged);
    put_stamp(j, "changed", i.changed);
    j["version"] = i.version;
    return j;
}

json to_json(const Purchase& p) {
    json j = {{"id", p.id},
              {"customer_id", p.customer_id},
              {"date", format_date(p.on)},
              {"amount", money_json(p.amount)},
              {"margin_percent", p.margin_known ? json(format_percent(p.margin)) : json(nullptr)}};
    put_stamp(j, "added", p.added);
    return j;
}

void print_json(const json& j) {
    std::cout << exchange::dump_json(j, 2) << '\n';
}

} // namespace rapport::cli
