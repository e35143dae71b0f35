// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dialog to log an incident right after a hard call or visit, keyboard only: type the
// customer, what happened, what was given, Ctrl+Enter. Also used to edit an incident.
#include "core/records.h"

#include <optional>

class wxWindow;

namespace rapport::gui {

class Services;

// Logs a new incident, for `customer` when given (the field is then filled in). Returns the
// new incident's id, or nothing when the owner cancelled.
std::optional<Id> ShowLogIncidentDialog(wxWindow* parent, Services& services,
                                        std::optional<Id> customer = std::nullopt);

// Edits incident `interaction_id`; true when saved. The previous version can be restored with
// Undo.
bool ShowEditIncidentDialog(wxWindow* parent, Services& services, Id interaction_id);

} // namespace rapport::gui
