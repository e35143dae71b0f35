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
    facts.incident_day = item.incident_day;
    // A call to a customer who never complained has no incident to thank them for.
    const MessageTemplate t = item.interaction_id == 0
                                  ? default_call_template(language)
                                  : effective_message_template(settings, language);
    return draft_message(t, facts, language, item.customer_email);
}

DraftMessage draft_follow_up_message(Database& db, Id follow_up, MessageLanguage language) {
    const FollowUpItem item = FollowUpRepo(db).get(follow_up);
    return draft_follow_up_message(item, SettingsStore(db).load(), language);
}

} // namespace rapport::store
