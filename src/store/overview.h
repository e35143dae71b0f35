// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Read-only queries behind the window's Today, Follow-ups and Reports views: what is due, what
// happened lately, and plain totals. Each query is bounded (LIMIT or an index range) so the
// views open at once on a database of a million incidents.
#include "core/limits.h"
#include "core/records.h"
#include "core/satisfaction.h"
#include "store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport::store {

// One follow-up that is not done yet, with what it is about.
struct OpenFollowUpRow {
    Id follow_up_id = 0;
    Id interaction_id = 0;
    Id customer_id = 0;
    std::string customer_name;
    std::string phone; // how to reach them
    std::string email;
    ContactProfile prefers; // how they like to be dealt with
    Date due;
    std::string note;
    std::string summary; // what happened in the incident it follows
    Category category = Category::other;
};

// One incident for the "recent incidents" list.
struct RecentIncidentRow {
    Id interaction_id = 0;
    Id customer_id = 0;
    std::string customer_name;
    LocalDateTime at;
    Category category = Category::other;
    int severity = kSeverityDefault;
    std::string summary;
    Money given_back; // accepted resolutions of this incident
};

// Totals of incidents for one category or one month over a period.
struct IncidentTotals {
    std::string key; // a category key ("billing") or a month ("2026-03")
    std::int64_t incidents = 0;
    std::int64_t minutes = 0;
    Money given_back; // accepted resolutions
    Money pending;    // offered, not yet accepted or declined
};

// One customer among those who cost the most in money given back over a period.
struct CostlyCustomerRow {
    Id customer_id = 0;
    std::string name;
    std::int64_t incidents = 0; // all their incidents in the period
    Money given_back;
};

struct PeriodReport {
    std::vector<IncidentTotals> by_category;
    std::vector<IncidentTotals> by_month;
    // Complaints by category per month: for each month of by_month, in the same order, the
    // number of incidents of each category in all_categories() order.
    std::vector<std::vector<std::int64_t>> by_month_category;
    std::vector<CostlyCustomerRow> costliest;
};

// The key of the "by what was given" row for follow-ups whose incident had no accepted
// resolution.
inline constexpr const char* kNothingGiven = "nothing";
// The row of the follow-ups report for the calls to customers with no incident (schema version
// 6): no category and nothing given, but an answer all the same.
inline constexpr const char* kNoComplaint = "no-complaint";

// One row of the follow-ups report: a category key, or a resolution type key (or kNothingGiven).
struct AnswersRow {
    std::string key;
    AnswerTally tally;
};

// The follow-ups done in a period (by the day they were done) and the customers' answers. By
// what was given: each resolution type accepted for the follow-up's incident (a follow-up whose
// incident had a refund and a discount counts under both; two refunds count once), and
// kNothingGiven when none was accepted. The calls with no incident are a row of their own,
// kNoComplaint, last in both lists. Rows with no follow-up done are left out; categories and
// types in their vocabulary's order, kNothingGiven then kNoComplaint last.
struct FollowUpAnswers {
    AnswerTally all;
    std::vector<AnswersRow> by_category;
    std::vector<AnswersRow> by_given;
};

// What one staff member did over a period (who did what, schema version 4): the incidents
// they logged, the money given back on those incidents (accepted resolutions), and the
// follow-ups they marked done in the period, how many of them on or before the day due.
struct StaffTotals {
    std::string name;
    std::int64_t incidents = 0;
    Money given_back;
    std::int64_t follow_ups_done = 0;
    std::int64_t follow_ups_on_time = 0;
};

class OverviewQueries {
public:
    explicit OverviewQueries(Database& db) : m_db(db) {}

    // Open follow-ups (done_on IS NULL) due on or before `due_up_to` (all when unset), earliest
    // first; at most `limit`.
    std::vector<OpenFollowUpRow> open_follow_ups(std::optional<Date> due_up_to, int limit);
    std::int64_t count_open_follow_ups_due_before(Date day); // overdue on `day`
    std::int64_t count_open_follow_ups_due_on(Date day);

    // The newest incidents of all customers, newest first.
    std::vector<RecentIncidentRow> recent_incidents(int limit);

    // True when there is nothing at all yet: the first-run screen is shown.
    bool is_empty();

    // Incidents whose date is in [from, to] (inclusive) summed by category (every category,
    // zeros included), by month (months with incidents only, oldest first), and the customers
    // given back the most (at most `top`), from one pass over the period's incidents.
    PeriodReport period_report(Date from, Date to, int top);

    // Follow-ups done from `from` to `to` (inclusive): on time, satisfaction, by category and
    // by what was given.
    FollowUpAnswers follow_up_answers(Date from, Date to);
    // One row per name that logged an incident or did a follow-up from `from` to `to`
    // (inclusive), by name.
    std::vector<StaffTotals> staff_report(Date from, Date to);

private:
    Database& m_db;
};

} // namespace rapport::store
