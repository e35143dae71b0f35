#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-reads a CSV written by Rapport with Python's csv module, as a second opinion.

Usage: read_csv.py IN.csv OUT.txt
OUT gets one line per record: the field count, then each field as UTF-8 hex, tab-separated.
Exits 3 when the file does not start with a UTF-8 byte order mark. Files for German spreadsheets
have ';' between fields: a header line with more semicolons than commas is read that way.
"""
import csv
import sys


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        if not f.read(3) == b"\xef\xbb\xbf":
            print(f"{src}: no UTF-8 byte order mark", file=sys.stderr)
            return 3
    # newline="" hands CR and LF inside quoted fields to the csv module untouched.
    with open(src, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
    delimiter = ";" if header.count(";") > header.count(",") else ","
    with open(src, encoding="utf-8-sig", newline="") as f, open(dst, "w") as out:
        for row in csv.reader(f, dialect="excel", delimiter=delimiter, strict=True):
            out.write("\t".join([str(len(row))] + [c.encode("utf-8").hex() for c in row]))
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
