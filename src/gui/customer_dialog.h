// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Adding and editing a customer, and adding and editing one of their purchases.
#include "core/records.h"

#include <optional>

class wxWindow;

namespace rapport::gui {

class Services;

// Adds a customer (no `existing`) or edits one. Returns the customer's id when saved.
std::optional<Id> ShowCustomerDialog(wxWindow* parent, Services& services,
                                     std::optional<Id> existing = std::nullopt);

// Adds a purchase for `customer` (no `existing`) or edits purchase `existing`. True when saved.
bool ShowPurchaseDialog(wxWindow* parent, Services& services, Id customer,
                        std::optional<Id> existing = std::nullopt);

} // namespace rapport::gui
