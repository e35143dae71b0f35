// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SQL that takes a file of today's schema back to an older version, for the migration tests:
// each undoes one step of migration_sql (store/database.cpp), newest first.

namespace rapport::test {

// 6 -> 5: how the customer likes to be dealt with (core/contact_profile.h).
#define RAPPORT_BACK_TO_VERSION_5                                                                  \
    "ALTER TABLE customer DROP COLUMN preferred_channel;"                                          \
    "ALTER TABLE customer DROP COLUMN preferred_time;"                                             \
    "ALTER TABLE customer DROP COLUMN wants_when_wrong;"
inline constexpr const char* kBackToVersion5 = RAPPORT_BACK_TO_VERSION_5 "PRAGMA user_version = 5;";

// 6 -> 4: and the worth sums kept by month (store/worth_months.h), their triggers and index.
#define RAPPORT_BACK_TO_VERSION_4                                                                  \
    RAPPORT_BACK_TO_VERSION_5                                                                      \
    "DROP TRIGGER customer_worth_purchase_insert; DROP TRIGGER customer_worth_purchase_delete;"    \
    "DROP TRIGGER customer_worth_purchase_update;"                                                 \
    "DROP TRIGGER customer_worth_interaction_insert;"                                              \
    "DROP TRIGGER customer_worth_interaction_delete;"                                              \
    "DROP TRIGGER customer_worth_interaction_update;"                                              \
    "DROP TRIGGER customer_worth_interaction_moves;"                                               \
    "DROP TRIGGER customer_worth_resolution_insert;"                                               \
    "DROP TRIGGER customer_worth_resolution_delete;"                                               \
    "DROP TRIGGER customer_worth_resolution_update;"                                               \
    "DROP TRIGGER customer_worth_follow_up_insert; DROP TRIGGER customer_worth_follow_up_delete;"  \
    "DROP TRIGGER customer_worth_follow_up_undone; DROP TRIGGER customer_worth_follow_up_done;"    \
    "DROP TABLE customer_worth_month; DROP INDEX purchase_by_day;"
inline constexpr const char* kBackToVersion4 = RAPPORT_BACK_TO_VERSION_4 "PRAGMA user_version = 4;";

// 6 -> 3: and who saved each record and when, and the rows' versions.
inline constexpr const char* kBackToVersion3 = RAPPORT_BACK_TO_VERSION_4 R"(
    DROP INDEX interaction_by_staff;
    ALTER TABLE customer DROP COLUMN added_by;
    ALTER TABLE customer DROP COLUMN changed_by;
    ALTER TABLE customer DROP COLUMN changed_at;
    ALTER TABLE customer DROP COLUMN version;
    ALTER TABLE interaction DROP COLUMN logged_by;
    ALTER TABLE interaction DROP COLUMN logged_at;
    ALTER TABLE interaction DROP COLUMN changed_by;
    ALTER TABLE interaction DROP COLUMN changed_at;
    ALTER TABLE interaction DROP COLUMN version;
    ALTER TABLE resolution DROP COLUMN added_by;
    ALTER TABLE resolution DROP COLUMN added_at;
    ALTER TABLE follow_up DROP COLUMN done_by;
    ALTER TABLE follow_up DROP COLUMN done_at;
    ALTER TABLE purchase DROP COLUMN added_by;
    ALTER TABLE purchase DROP COLUMN added_at;
    PRAGMA user_version = 3;)";

} // namespace rapport::test
