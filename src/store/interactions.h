// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Interactions (incidents) with their resolutions and follow-ups, saved and removed as one.
#include "core/records.h"
#include "store/database.h"

#include <optional>
#include <vector>

namespace rapport::store {

class InteractionRepo {
public:
    explicit InteractionRepo(Database& db) : m_db(db) {}

    // Validates and saves the interaction with its resolutions and follow-ups in one
    // transaction; returns the new interaction id (child ids are not returned).
    Id add(const Interaction& i);
    // Replaces the interaction's fields, resolutions and follow-ups, stamped as changed by the
    // database's actor; returns the row's new version. When `i.version` is set and someone
    // saved the incident since it was read, nothing is changed: EditConflict
    // (store/edit_conflict.h) names who and when.
    std::int64_t update(const Interaction& i);
    std::optional<Interaction> find(Id id);
    Interaction get(Id id); // DataError when missing
    // Newest first, with resolutions and follow-ups.
    std::vector<Interaction> for_customer(Id customer_id);
    // Deletes it with its resolutions and follow-ups; returns what was deleted so it can be
    // restored (undo).
    Interaction remove(Id id);
    // Puts a deleted interaction back with its original ids, stamps and version (undo of
    // remove).
    void restore(const Interaction& i);

    // Complaints and accepted costs of one customer since a day, for the "3rd complaint in
    // 90 days" banner.
    struct RecentHistory {
        std::int64_t complaints = 0;
        Money given_back;
    };
    RecentHistory recent(Id customer_id, Date since);

    // The names incidents were logged by, sorted, for the "Logged by" choice (a covering index:
    // about a full index scan, tens of ms at a million incidents).
    std::vector<std::string> staff_names();

private:
    void validate(const Interaction& i);
    void insert_children(const Interaction& i, Id interaction_id, bool keep_ids);
    Database& m_db;
};

} // namespace rapport::store
