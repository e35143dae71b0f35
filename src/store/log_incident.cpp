// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/log_incident.h"

#include "store/customers.h"
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

std::optional<Id> save_incident_edit(Database& db, Interaction incident,
                                     const std::optional<Customer>& new_customer) {
    return write(db, tr("save the incident"), [&] {
        std::optional<Id> created;
        if (new_customer) {
            created = CustomerRepo(db).add(*new_customer);
            incident.customer_id = *created;
        }
        InteractionRepo(db).update(incident);
        return created;
    });
}

void unlog_incident(Database& db, const LoggedIncident& logged) {
    write(db, tr("take the incident back"), [&] {
        InteractionRepo interactions(db);
        interactions.remove(logged.interaction_id);
        const auto customer = logged.new_customer_id;
        if (customer && interactions.for_customer(*customer).empty() &&
            PurchaseRepo(db).for_customer(*customer).empty())
            CustomerRepo(db).remove(*customer);
    });
}

} // namespace rapport::store
