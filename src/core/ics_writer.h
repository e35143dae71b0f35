// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// iCalendar (RFC 5545) for putting follow-ups in the owner's calendar: one all-day VEVENT per
// follow-up, each with a stable UID so importing the file again updates the events instead of
// duplicating them. CRLF line ends, TEXT escaping, and lines folded at 75 octets without ever
// cutting a UTF-8 character in two.
#include "core/dates.h"

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>

namespace rapport {

enum class IcsStatus { none, tentative, confirmed, cancelled };

struct IcsEvent {
    std::string uid; // stable across exports, e.g. "followup-42@io.github.rapport.Rapport"
    Date day;        // all day: DTSTART is this day, DTEND the next
    std::string summary;
    std::string description;            // omitted when empty
    IcsStatus status = IcsStatus::none; // omitted when none
};

//     IcsWriter ics(out, stamp);
//     ics.event({"followup-42@" RAPPORT_APP_ID, day, "Call Ann", "About the refund"});
//     ics.finish();
class IcsWriter {
public:
    // `dtstamp` is when the file was made (UTC); passed in so exports are reproducible.
    // `calendar_name`, when given, becomes X-WR-CALNAME (the name calendar apps show).
    IcsWriter(std::ostream& out, std::chrono::sys_seconds dtstamp,
              std::string_view calendar_name = {});
    IcsWriter(const IcsWriter&) = delete;
    IcsWriter& operator=(const IcsWriter&) = delete;

    // Throws std::logic_error for an empty UID (a programming mistake: events would merge).
    void event(const IcsEvent& e);
    // Closes the calendar; throws DataError if the stream failed.
    void finish();

private:
    void property(std::string_view name, std::string_view value);
    void text_property(std::string_view name, std::string_view text);

    std::ostream& m_out;
    std::string m_stamp;
    std::string m_line;   // reused for every logical line
    std::string m_folded; // and for its physical lines
    bool m_finished = false;
};

// RFC 5545 TEXT: backslash, ';' and ',' escaped; CRLF, CR and LF become "\n"; other control
// characters (never meaningful in a calendar) are dropped. Tabs are kept.
std::string ics_escape_text(std::string_view text);

// One logical line as physical lines, each ending in CRLF: at most 75 octets before the CRLF,
// continuation lines starting with one space, cuts only between UTF-8 characters.
std::string ics_fold_line(std::string_view line);

// "20261125T143000Z"
std::string ics_utc_stamp(std::chrono::sys_seconds t);

} // namespace rapport
