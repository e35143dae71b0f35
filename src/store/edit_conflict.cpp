// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/edit_conflict.h"

#include <fmt/format.h>

namespace rapport::store {
namespace {

std::string clock_time(const LocalDateTime& t) {
    return fmt::format("{:02}:{:02}", t.minutes_of_day / 60, t.minutes_of_day % 60);
}

} // namespace

// One sentence per kind of record, so a translation can decline its noun.
EditConflict incident_conflict(const Stamp& theirs) {
    if (!theirs.at)
        return EditConflict(Message(tr("{} changed this incident after you opened it. Your "
                                       "version was not saved over theirs: nothing was changed."),
                                    theirs.by),
                            theirs);
    return EditConflict(Message(tr("{} changed this incident at {} on {}, after you opened it. "
                                   "Your version was not saved over theirs: nothing was changed."),
                                theirs.by, clock_time(*theirs.at), format_date(theirs.at->day)),
                        theirs);
}

EditConflict customer_conflict(const Stamp& theirs) {
    if (!theirs.at)
        return EditConflict(Message(tr("{} changed this customer after you opened them. Your "
                                       "version was not saved over theirs: nothing was changed."),
                                    theirs.by),
                            theirs);
    return EditConflict(Message(tr("{} changed this customer at {} on {}, after you opened them. "
                                   "Your version was not saved over theirs: nothing was changed."),
                                theirs.by, clock_time(*theirs.at), format_date(theirs.at->day)),
                        theirs);
}

} // namespace rapport::store
