// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/followups_ics.h"

#include "core/resolutions.h"

#include "core/atomic_file.h"
#include "store/settings_store.h"

#include <fmt/format.h>

#include <chrono>

namespace rapport::exchange {
using namespace rapport::store;

IcsEvent follow_up_calendar_event(const FollowUpItem& item) {
    IcsEvent e;
    // The id never changes, so importing a newer file updates the event in place.
    e.uid = fmt::format("followup-{}@{}", item.follow_up.id, RAPPORT_APP_ID);
    e.day = item.follow_up.due;
    e.summary = "Follow up: " + item.customer_name;
    if (item.interaction_id == 0) {
        // A call to a customer with no incident: its note is what it is about.
        e.description = "Note: " + item.follow_up.note;
        e.description += fmt::format("\nRapport follow-up {} (customer {})", item.follow_up.id,
                                     item.customer_id);
        return e;
    }
    e.description = "Incident: " + item.summary;
    if (!item.resolutions.empty())
        e.description += "\nOffered: " + describe_resolutions(item.resolutions);
    if (!item.follow_up.note.empty())
        e.description += "\nNote: " + item.follow_up.note;
    e.description += fmt::format("\nRapport follow-up {} (incident {}, customer {})",
                                 item.follow_up.id, item.interaction_id, item.customer_id);
    return e;
}

std::size_t export_follow_ups_ics(Database& db, const std::filesystem::path& out) {
    const auto items = FollowUpRepo(db).all_open();
    const std::string business = SettingsStore(db).load().business_name;
    const std::string calendar = business.empty() ? "Rapport follow-ups" : business + " follow-ups";
    const auto stamp = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    write_file_atomically(out, [&](std::ostream& os) {
        IcsWriter ics(os, stamp, calendar);
        for (const auto& item : items)
            ics.event(follow_up_calendar_event(item));
        ics.finish();
    });
    return items.size();
}

} // namespace rapport::exchange
