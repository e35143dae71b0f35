#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses a mailto: URL written by Rapport with Python's urllib.parse, as a second opinion.

Usage: parse_mailto.py IN.txt OUT.txt
IN holds the URL (one line). OUT gets one record: the field count, then the address, the
subject and the body as UTF-8 hex, tab-separated. Exits 1 when the URL is not a mailto: URL
with exactly one subject and one body, or holds a character RFC 6068 does not allow unencoded.
"""
import sys
from urllib.parse import parse_qs, unquote, urlsplit

# RFC 6068 / RFC 3986: what may appear in a mailto: URL as it is.
ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
              "-._~!$'()*+,;:@%?&=/")


def line(fields):
    return "\t".join([str(len(fields))] + [f.encode("utf-8").hex() for f in fields]) + "\n"


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="ascii") as f:
        url = f.read().strip()
    if any(c not in ALLOWED for c in url):
        print("a character is not percent-encoded", file=sys.stderr)
        return 1
    parts = urlsplit(url)
    if parts.scheme != "mailto" or parts.fragment:
        print("not a mailto: URL", file=sys.stderr)
        return 1
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True,
                      encoding="utf-8", errors="strict")
    if sorted(fields) != ["body", "subject"] or any(len(v) != 1 for v in fields.values()):
        print("expected one subject and one body, got", sorted(fields), file=sys.stderr)
        return 1
    with open(dst, "w") as out:
        out.write(line([unquote(parts.path, errors="strict"), fields["subject"][0],
                        fields["body"][0]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
