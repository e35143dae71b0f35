#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-reads an XLSX written by Rapport with openpyxl (Debian's python3-openpyxl), as a second
opinion on what a spreadsheet program will see.

Usage: read_xlsx.py IN.xlsx OUT.json
OUT gets {"sheets": [names], SHEET: {"freeze": "A2", "filter": "A1:I9", "rows": [[cell...]]}}
where each cell is {"type": "number" | "date" | "text" | "formula" | "empty", "value": ...,
"format": number format}. Dates are written as YYYY-MM-DD, text as it is, numbers as numbers.

XLSX (ECMA-376, ST_Xstring) stores control characters such as CR as "_x000D_"; spreadsheet
programs decode them, openpyxl leaves them as they are, so text is decoded here the same way.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.escape import unescape


def cell_json(cell):
    v = cell.value
    if v is None:
        return {"type": "empty", "value": None, "format": cell.number_format}
    if cell.data_type == "f":
        kind = "formula"
    elif isinstance(v, datetime.datetime) or isinstance(v, datetime.date):
        kind = "date"
        v = v.strftime("%Y-%m-%d")
    elif isinstance(v, bool):
        kind = "bool"
    elif isinstance(v, (int, float)):
        kind = "number"
    else:
        kind = "text"
        v = unescape(v)
    return {"type": kind, "value": v, "format": cell.number_format}


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(src)
    out = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        out[ws.title] = {
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        }
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
