// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/followup_message.h"

#include "store/settings_store.h"

namespace rapport::store {

DraftMessage draft_follow_up_message(const FollowUpItem& item, const Settings& settings,
                                     MessageLanguage language) {
    MessageFacts facts;
    facts.customer_name = item.customer_name;
    facts.shop = settings.business_name;
    facts.what_happened = item.summary;
    facts.given = item.resolutions;
    facts.currency = settings.currency;
    // A call to a customer who never complained has no incident to thank them for: its own
    // template, whose {date} is the day of the call.
    const bool call = item.interaction_id == 0;
    facts.incident_day = call ? item.follow_up.due : item.incident_day;
    const MessageTemplate t =
        effective_template(settings, call ? MessageKind::call : MessageKind::incident, language);
    return draft_message(t, facts, language, item.customer_email);
}

DraftMessage draft_follow_up_message(Database& db, Id follow_up, MessageLanguage language) {
    const FollowUpItem item = FollowUpRepo(db).get(follow_up);
    return draft_follow_up_message(item, SettingsStore(db).load(), language);
}

} // namespace rapport::store
