// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SQL that takes a file of today's schema back to an older version, for the migration tests:
// each undoes one step of migration_sql (store/database.cpp), newest first.

#include "store/worth_months.h"

#include <string>

namespace rapport::test {

// 8 -> 7: the worth triggers as version 7 had them, and no to-date rows.
inline std::string back_to_version_7_steps() {
    return std::string(store::version_7_worth_triggers_file_sql()) +
           "DELETE FROM customer_worth_month WHERE month = '" + store::kToDateMonth + "';";
}
inline const std::string kBackToVersion7 = back_to_version_7_steps() + "PRAGMA user_version = 7;";

// 7 -> 6: the search's index from an incident to its customer.
#define RAPPORT_BACK_TO_VERSION_6 "DROP INDEX interaction_customer;"
inline const std::string kBackToVersion6 =
    back_to_version_7_steps() + RAPPORT_BACK_TO_VERSION_6 "PRAGMA user_version = 6;";

// 8 -> 5, the tables: the search's index (above), then how the customer likes to be dealt with
// (core/contact_profile.h), and follow_up as version 5 had it (every follow-up belongs to an
// incident; those of a customer alone are left out). Rebuilding follow_up drops its triggers, and
// the two on interaction that read it must go for the rename; kBackToVersion5 puts them back,
// kBackToVersion4 drops the rest.
#define RAPPORT_BACK_TO_VERSION_5_TABLES                                                           \
    RAPPORT_BACK_TO_VERSION_6                                                                      \
    "ALTER TABLE customer DROP COLUMN preferred_channel;"                                          \
    "ALTER TABLE customer DROP COLUMN preferred_time;"                                             \
    "ALTER TABLE customer DROP COLUMN wants_when_wrong;"                                           \
    "DROP TRIGGER customer_worth_interaction_delete;"                                              \
    "DROP TRIGGER customer_worth_interaction_moves;"                                               \
    "CREATE TABLE follow_up_v5 ("                                                                  \
    "  id INTEGER PRIMARY KEY,"                                                                    \
    "  interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,"             \
    "  due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"     \
    "  note TEXT NOT NULL DEFAULT '',"                                                             \
    "  done_on TEXT CHECK (done_on IS NULL OR done_on GLOB"                                        \
    "                      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"                         \
    "  outcome TEXT CHECK (outcome IS NULL OR outcome IN"                                          \
    "                      ('satisfied', 'still-unhappy', 'no-answer', 'other')),"                 \
    "  outcome_note TEXT NOT NULL DEFAULT '',"                                                     \
    "  minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 100000),"                   \
    "  satisfaction INTEGER CHECK (satisfaction IS NULL OR"                                        \
    "                              (satisfaction BETWEEN 1 AND 5 AND done_on IS NOT NULL)),"       \
    "  customer_said TEXT NOT NULL DEFAULT '',"                                                    \
    "  done_by TEXT NOT NULL DEFAULT '',"                                                          \
    "  done_at TEXT NOT NULL DEFAULT '',"                                                          \
    "  CHECK (done_on IS NOT NULL OR outcome IS NULL));"                                           \
    "INSERT INTO follow_up_v5 SELECT id, interaction_id, due_on, note, done_on, outcome,"          \
    "  outcome_note, minutes, satisfaction, customer_said, done_by, done_at FROM follow_up"        \
    "  WHERE interaction_id IS NOT NULL;"                                                          \
    "DROP TABLE follow_up; ALTER TABLE follow_up_v5 RENAME TO follow_up;"                          \
    "CREATE INDEX follow_up_open_by_due ON follow_up (due_on) WHERE done_on IS NULL;"              \
    "CREATE INDEX follow_up_by_interaction ON follow_up (interaction_id);"                         \
    "CREATE INDEX follow_up_done_by_day ON follow_up (done_on) WHERE done_on IS NOT NULL;"

// 8 -> 5: and version 5's triggers that read follow_up back.
inline std::string back_to_version_5() {
    return back_to_version_7_steps() + RAPPORT_BACK_TO_VERSION_5_TABLES +
           store::version_5_follow_up_triggers_file_sql() + "PRAGMA user_version = 5;";
}

// 8 -> 4: and the worth sums kept by month (store/worth_months.h), their triggers and index.
#define RAPPORT_BACK_TO_VERSION_4                                                                  \
    RAPPORT_BACK_TO_VERSION_5_TABLES                                                               \
    "DROP TRIGGER customer_worth_purchase_insert; DROP TRIGGER customer_worth_purchase_delete;"    \
    "DROP TRIGGER customer_worth_purchase_update;"                                                 \
    "DROP TRIGGER customer_worth_interaction_insert;"                                              \
    "DROP TRIGGER customer_worth_interaction_update;"                                              \
    "DROP TRIGGER customer_worth_resolution_insert;"                                               \
    "DROP TRIGGER customer_worth_resolution_delete;"                                               \
    "DROP TRIGGER customer_worth_resolution_update;"                                               \
    "DROP TABLE customer_worth_month; DROP INDEX purchase_by_day;"
inline const std::string kBackToVersion4 =
    back_to_version_7_steps() + RAPPORT_BACK_TO_VERSION_4 "PRAGMA user_version = 4;";

// 8 -> 3: and who saved each record and when, and the rows' versions.
inline const std::string kBackToVersion3 = back_to_version_7_steps() + RAPPORT_BACK_TO_VERSION_4 R"(
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
