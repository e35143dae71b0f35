#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses an iCalendar file written by Rapport with python3-icalendar, as a second opinion.

Usage: parse_ics.py IN.ics OUT.txt
OUT gets one line per component, fields as UTF-8 hex, tab-separated after the field count:
  the calendar: VERSION, PRODID, CALSCALE, METHOD
  each VEVENT:  UID, SUMMARY, DESCRIPTION, DTSTART, DTEND, DTSTAMP, STATUS (ISO forms)
"""
import sys

from icalendar import Calendar


def line(fields):
    return "\t".join([str(len(fields))] + [f.encode("utf-8").hex() for f in fields]) + "\n"


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        cal = Calendar.from_ical(f.read())
    with open(dst, "w") as out:
        out.write(line([str(cal.get(k, "")) for k in ("VERSION", "PRODID", "CALSCALE", "METHOD")]))
        for ev in cal.walk("VEVENT"):
            out.write(line([
                str(ev.get("UID", "")),
                str(ev.get("SUMMARY", "")),
                str(ev.get("DESCRIPTION", "")),
                ev.decoded("DTSTART").isoformat(),
                ev.decoded("DTEND").isoformat(),
                ev.decoded("DTSTAMP").isoformat(),
                str(ev.get("STATUS", "")),
            ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
