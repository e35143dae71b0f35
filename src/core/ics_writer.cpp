// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ics_writer.h"

#include "core/errors.h"

#include <fmt/format.h>

#include <ostream>
#include <stdexcept>

namespace rapport {
namespace {

// RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
constexpr std::size_t kMaxLineOctets = 75;

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void append_escaped(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i; // CRLF is one line break
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7F')
                break;
            out += c;
        }
    }
}

void append_folded(std::string& out, std::string_view line) {
    std::size_t pos = 0;
    std::size_t room = kMaxLineOctets;
    while (line.size() - pos > room) {
        std::size_t cut = pos + room;
        // Back up to the first byte of the character that would be split.
        while (cut > pos && is_continuation_byte(line[cut]))
            --cut;
        if (cut == pos) // not UTF-8 at all: cutting anywhere is all that is left
            cut = pos + room;
        out.append(line.substr(pos, cut - pos));
        out.append("\r\n ");
        pos = cut;
        room = kMaxLineOctets - 1; // the leading space counts
    }
    out.append(line.substr(pos));
    out.append("\r\n");
}

std::string_view status_name(IcsStatus s) {
    switch (s) {
    case IcsStatus::tentative:
        return "TENTATIVE";
    case IcsStatus::confirmed:
        return "CONFIRMED";
    case IcsStatus::cancelled:
        return "CANCELLED";
    case IcsStatus::none:
        break;
    }
    return {};
}

std::string ics_date(Date d) {
    return fmt::format("{:04}{:02}{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

} // namespace

std::string ics_escape_text(std::string_view text) {
    std::string out;
    append_escaped(out, text);
    return out;
}

std::string ics_fold_line(std::string_view line) {
    std::string out;
    append_folded(out, line);
    return out;
}

std::string ics_utc_stamp(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<std::chrono::seconds> time{t - day};
    return fmt::format("{}T{:02}{:02}{:02}Z", ics_date(ymd), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

IcsWriter::IcsWriter(std::ostream& out, std::chrono::sys_seconds dtstamp,
                     std::string_view calendar_name)
    : m_out(out), m_stamp(ics_utc_stamp(dtstamp)) {
    property("BEGIN", "VCALENDAR");
    property("VERSION", "2.0");
    property("PRODID", "-//Rapport//Rapport " RAPPORT_VERSION "//EN");
    property("CALSCALE", "GREGORIAN");
    property("METHOD", "PUBLISH");
    if (!calendar_name.empty())
        text_property("X-WR-CALNAME", calendar_name);
}

void IcsWriter::property(std::string_view name, std::string_view value) {
    m_line.assign(name);
    m_line += ':';
    m_line.append(value);
    m_folded.clear();
    append_folded(m_folded, m_line);
    m_out.write(m_folded.data(), static_cast<std::streamsize>(m_folded.size()));
}

void IcsWriter::text_property(std::string_view name, std::string_view text) {
    m_line.assign(name);
    m_line += ':';
    append_escaped(m_line, text);
    m_folded.clear();
    append_folded(m_folded, m_line);
    m_out.write(m_folded.data(), static_cast<std::streamsize>(m_folded.size()));
}

void IcsWriter::event(const IcsEvent& e) {
    if (m_finished)
        throw std::logic_error("IcsWriter::event() after finish()");
    if (e.uid.empty())
        throw std::logic_error("an iCalendar event needs a UID");
    property("BEGIN", "VEVENT");
    text_property("UID", e.uid);
    property("DTSTAMP", m_stamp);
    property("DTSTART;VALUE=DATE", ics_date(e.day));
    property("DTEND;VALUE=DATE", ics_date(add_days(e.day, 1)));
    text_property("SUMMARY", e.summary);
    if (!e.description.empty())
        text_property("DESCRIPTION", e.description);
    if (e.status != IcsStatus::none)
        property("STATUS", status_name(e.status));
    property("END", "VEVENT");
}

void IcsWriter::finish() {
    if (!m_finished)
        property("END", "VCALENDAR");
    m_finished = true;
    m_out.flush();
    if (!m_out)
        throw DataError(tr("The calendar file could not be written."));
}

} // namespace rapport
