// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/log_incident.h"

#include "store/customers.h"
#include "store/edit_conflict.h"
#include "store/interactions.h"
#include "store/purchases.h"
#include "store/sqlite/connection.h"

namespace rapport::store {

LoggedIncident log_incident(Database& db, Interaction incident,
                            const std::optional<Customer>& new_customer) {
    return write(db, tr("log the incident"), [&] {
        LoggedIncident logged;
        if (new_customer) {
            logged.new_customer_id = CustomerRepo(db).add(*new_customer);
            incident.customer_id = *logged.new_customer_id;
        }
        logged.interaction_id = InteractionRepo(db).add(incident);
        return logged;
    });
}

SavedEdit save_incident_edit(Database& db, Interaction incident,
                             const std::optional<Customer>& new_customer) {
    return write(db, tr("save the incident"), [&] {
        SavedEdit saved;
        if (new_customer) {
            saved.new_customer_id = CustomerRepo(db).add(*new_customer);
            incident.customer_id = *saved.new_customer_id;
        }
        saved.version = InteractionRepo(db).update(incident);
        return saved;
    });
}

void unlog_incident(Database& db, const LoggedIncident& logged) {
    write(db, tr("take the incident back"), [&] {
        InteractionRepo interactions(db);
        // Someone who changed it since it was logged keeps their change: undo refuses.
        if (const auto now = interactions.find(logged.interaction_id); now && now->version > 1)
            throw incident_conflict(now->changed);
        interactions.remove(logged.interaction_id);
        const auto customer = logged.new_customer_id;
        if (customer && interactions.for_customer(*customer).empty() &&
            PurchaseRepo(db).for_customer(*customer).empty())
            CustomerRepo(db).remove(*customer);
    });
}

} // namespace rapport::store
