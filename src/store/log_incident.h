// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Logging an incident, as the window's dialog and `rapport-cli log` both do it: for a customer
// already known, or for a new one typed in the same breath, saved together in ONE transaction.
// A failure anywhere (the disk, a check) leaves neither the customer nor the incident behind,
// and a crash in between cannot leave a customer nobody logged.
#include "core/records.h"
#include "store/database.h"

#include <optional>

namespace rapport::store {

struct LoggedIncident {
    Id interaction_id = 0;
    std::optional<Id> new_customer_id; // set when the customer was created with the incident
};

// Saves `incident` for `incident.customer_id`, or, when `new_customer` is given, for that
// customer saved first in the same transaction (incident.customer_id is then ignored).
// InputError/DataError as CustomerRepo::add and InteractionRepo::add; nothing is written then.
LoggedIncident log_incident(Database& db, Interaction incident,
                            const std::optional<Customer>& new_customer = std::nullopt);

struct SavedEdit {
    std::optional<Id> new_customer_id; // set when the edit moved it to a customer made with it
    std::int64_t version = 0;          // the incident's version after the save (for undo)
};

// Saves the edited `incident` (same id), moved to `new_customer` when one is given, in one
// transaction. EditConflict when someone saved it since `incident.version` was read.
SavedEdit save_incident_edit(Database& db, Interaction incident,
                             const std::optional<Customer>& new_customer = std::nullopt);

// Takes a logged incident back (undo): the incident goes, and the customer made with it too when
// nothing else of theirs has been saved since. One transaction. EditConflict when someone
// changed the incident after it was logged: their change stays.
void unlog_incident(Database& db, const LoggedIncident& logged);

} // namespace rapport::store
