// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The weekly follow-up review: open follow-ups that are overdue or due in a chosen week, with
// what the owner needs to make the call (who, what happened, what was offered), and the
// changes made from that list: done with an outcome, moved to another day, one more scheduled.
// Follow-ups are created with their interaction (store/interactions.h), or for a customer
// alone (schedule_for_customer); this repo works on them one at a time, each change in its own
// write transaction.
#include "core/records.h"
#include "core/satisfaction.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rapport::store {

// One line of the follow-up list.
struct FollowUpItem {
    FollowUp follow_up;
    Id customer_id = 0;
    std::string customer_name;
    std::string customer_phone; // how to reach them: the call, a text message
    std::string customer_email;
    ContactProfile customer_prefers; // how they like to be dealt with
    // 0 for a follow-up of a customer with no incident (a call to someone who quietly left,
    // store/gone.h): then there is no incident day, summary, category or resolution, and the
    // lists show its note instead.
    Id interaction_id = 0;
    Date incident_day;   // the day of the incident
    std::string summary; // the incident's summary
    // Every resolution of the incident in the order logged (type, cost, status; no ids): each
    // program words them itself (core/resolutions.h for the command line, gui/format.h).
    std::vector<Resolution> resolutions;
    Category category = Category::other;
};

// Each open follow-up appears at most once: one due before `today` is overdue even when it also
// falls in `week`, so `week_items` only holds days from today on.
struct FollowUpAgenda {
    Date today;
    std::optional<WeekSpan> week;
    std::vector<FollowUpItem> overdue;    // due before today, oldest first
    std::vector<FollowUpItem> week_items; // due in `week` on or after today, by day
};

// What the Today view shows.
struct FollowUpCounts {
    std::int64_t overdue = 0;
    std::int64_t due_today = 0;
    std::int64_t total() const { return overdue + due_today; }
};

class FollowUpRepo {
public:
    explicit FollowUpRepo(Database& db) : m_db(db) {}

    // Open follow-ups due before `today`, then those due in `week` (none when no week is given),
    // each list by due day, then customer name, then id.
    FollowUpAgenda agenda(Date today, const std::optional<WeekSpan>& week);
    // Every open follow-up, by due day (what goes into the calendar file).
    std::vector<FollowUpItem> all_open();
    FollowUpCounts counts(Date today);

    std::optional<FollowUpItem> find(Id id); // open or done
    FollowUpItem get(Id id);                 // DataError when there is no such follow-up

    // Records the call and the customer's answer (satisfaction 1-5 or none, what they said).
    // Returns the follow-up as it was before, for undo (restore()).
    // DataError for an unknown id or one already done (nothing is changed);
    // InputError for minutes outside kMinutesMin..kMinutesMax (core/limits.h) or a satisfaction
    // outside 1..5.
    FollowUp mark_done(Id id, std::optional<Outcome> outcome, const std::string& note, int minutes,
                       Date done_on, const CustomerAnswer& answer = {});
    // Reschedules (snoozes) an open follow-up; returns it as it was before. DataError for an
    // unknown id or one already done.
    FollowUp move(Id id, Date new_due);
    // Schedules one more follow-up for an incident (e.g. the customer is still unhappy);
    // returns its id. DataError when the incident does not exist.
    Id schedule(Id interaction_id, Date due, const std::string& note);
    // The follow-ups that belong to customer `customer_id` alone (no incident), by due day:
    // what a customer's history shows beside their incidents' follow-ups.
    std::vector<FollowUp> of_customer_alone(Id customer_id);
    // Schedules a follow-up that belongs to the customer alone, not to an incident (schema
    // version 6); returns its id. DataError when the customer does not exist.
    Id schedule_for_customer(Id customer_id, Date due, const std::string& note);
    // Puts every field of a follow-up back as `before` (undo of mark_done or move).
    void restore(const FollowUp& before);
    // Deletes one follow-up (undo of schedule). DataError when there is no such follow-up.
    void remove(Id id);

private:
    std::vector<FollowUpItem> items_where(const char* condition,
                                          const std::vector<std::string>& args);
    Database& m_db;
};

} // namespace rapport::store
