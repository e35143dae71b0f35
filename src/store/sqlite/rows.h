// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Row readers shared by several store files; for src/store only (see connection.h).
#include "store/customers.h"
#include "store/followups.h"
#include "store/sqlite/connection.h"

namespace rapport::store {

// The SELECT (no WHERE yet) that reads CustomerSummary rows, and the reader of its columns,
// shared by CustomerRepo::list and the window's CustomerTable.
extern const char* const kCustomerSummarySelect;
CustomerSummary read_customer_summary(sql::Statement& st);

// The customer's preferred_channel, preferred_time and wants_when_wrong, read from three
// columns from `first` on (schema version 6).
ContactProfile read_contact_profile(sql::Statement& st, int first);

// The columns of a follow-up row in the order read_follow_up reads them, for a SELECT over
// follow_up aliased `f`; shared by the follow-up list and a customer's history.
inline constexpr const char* kFollowUpColumns =
    "f.id, f.interaction_id, f.due_on, f.note, f.done_on, f.outcome, f.outcome_note, f.minutes, "
    "f.satisfaction, f.customer_said, f.done_by, f.done_at";
inline constexpr int kFollowUpColumnCount = 12;
// Reads the first kFollowUpColumnCount columns of `st`, selected as kFollowUpColumns.
FollowUp read_follow_up(sql::Statement& st);

// Who saved a row and when, from its `*_by` and `*_at` columns ('' when not kept: no time, and
// no one for a follow-up not done), and bound back the same way.
Stamp read_stamp(sql::Statement& st, int by_column, int at_column);
void bind_stamp(sql::Statement& st, int by_index, int at_index, const Stamp& stamp);

} // namespace rapport::store
