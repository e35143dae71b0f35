// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The drafted follow-up message for one line of the follow-up list: the owner's template (or the
// built-in one of the language) filled with the customer, the incident and what was given.
// The window and `rapport-cli followup message ID` draft through here, so both say the same.
#include "core/followup_message.h"
#include "core/settings.h"
#include "store/database.h"
#include "store/followups.h"

namespace rapport::store {

DraftMessage draft_follow_up_message(const FollowUpItem& item, const Settings& settings,
                                     MessageLanguage language);
// DataError when there is no such follow-up.
DraftMessage draft_follow_up_message(Database& db, Id follow_up, MessageLanguage language);

} // namespace rapport::store
