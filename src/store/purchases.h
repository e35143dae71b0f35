// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Purchases: what a customer bought and the margin it left, for the worth model.
#include "core/records.h"
#include "store/database.h"

#include <vector>

namespace rapport::store {

class PurchaseRepo {
public:
    explicit PurchaseRepo(Database& db) : m_db(db) {}

    Id add(const Purchase& p);
    void update(const Purchase& p);
    void remove(Id id);
    Purchase get(Id id);
    std::vector<Purchase> for_customer(Id customer_id); // newest first

private:
    void validate(const Purchase& p);
    Database& m_db;
};

} // namespace rapport::store
