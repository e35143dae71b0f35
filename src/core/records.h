// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records Rapport keeps, as plain values. Ids are SQLite rowids; 0 means "not saved yet".
#include "core/contact_profile.h"
#include "core/dates.h"
#include "core/enums.h"
#include "core/limits.h"
#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

using Id = std::int64_t;

// Who saved a record and when (schema version 4). On a shop database `by` is the login; on a
// file, the name chosen on this PC ("owner" unless one was chosen). Rows saved before Rapport
// kept this read as "owner" with no time.
struct Stamp {
    std::string by;
    std::optional<LocalDateTime> at;
    bool empty() const { return by.empty(); }
};

struct Customer {
    Id id = 0;
    std::string name;
    std::string phone;
    std::string email;
    std::string note;
    std::vector<std::string> tags;
    std::optional<Id> referred_by;
    bool came_anyway = false; // the referral did not really bring them
    Money referral_reward;    // paid to whoever referred them
    ContactProfile profile;   // how they like to be dealt with (schema version 6)
    bool archived = false;
    Stamp added;
    Stamp changed;
    // Counts the saves of this row; an edit names the version it started from and is refused
    // when someone else saved in between (store::EditConflict). 0: not read from the database.
    std::int64_t version = 0;
};

// The de-escalation checklist from the seed advice.
struct Checklist {
    bool listened = false;
    bool empathised = false;
    bool apologised = false;
    bool offered_solutions = false;
    bool agreed_follow_up = false;
    auto operator<=>(const Checklist&) const = default;
};

struct Resolution {
    Id id = 0;
    Id interaction_id = 0;
    ResolutionType type = ResolutionType::apology_only;
    Money cost;
    ResolutionStatus status = ResolutionStatus::offered;
    Stamp added; // kept when the incident is edited; empty on a new one: the saver's
};

struct FollowUp {
    Id id = 0;
    Id interaction_id = 0; // 0: it belongs to a customer, not an incident (store/followups.h)
    Date due;
    std::string note;
    std::optional<Date> done_on;
    std::optional<Outcome> outcome;
    std::string outcome_note;
    int minutes = 0;
    // The customer's answer (core/satisfaction.h): 1-5 when asked, and what they said.
    std::optional<int> satisfaction;
    std::string customer_said;
    Stamp done; // who marked it done, and when
    bool is_done() const { return done_on.has_value(); }
};

struct Interaction {
    Id id = 0;
    Id customer_id = 0;
    LocalDateTime at;
    Channel channel = Channel::phone;
    Category category = Category::other;
    int severity = kSeverityDefault; // kSeverityMin..kSeverityMax
    std::string summary;
    std::string asked_for;
    int minutes = 0;
    std::string escalated_to;
    std::string lesson;
    Checklist checklist;
    std::vector<Resolution> resolutions;
    std::vector<FollowUp> follow_ups;
    Stamp logged;
    Stamp changed;
    std::int64_t version = 0; // as Customer::version
};

struct Purchase {
    Id id = 0;
    Id customer_id = 0;
    Date on;
    Money amount;
    BasisPoints margin = 0; // gross margin, 40 % = 4000
    Stamp added;
    // false when read by a staff login on a shop database, which may not see margins
    // (store/roles.h): `margin` is then 0 and must not be shown
    bool margin_known = true;
};

} // namespace rapport
