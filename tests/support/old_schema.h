// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SQL that takes a file of today's schema back to an older version, for the migration tests:
// each undoes one step of migration_sql (store/database.cpp), newest first.

namespace rapport::test {

// 4 -> 3: who saved each record and when, and the rows' versions.
inline constexpr const char* kBackToVersion3 = R"(
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
