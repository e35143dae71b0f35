#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rapport's performance benchmark: each operation against sqlite3 doing the same work.

Creates (once) a demo database with 10,000 customers, 1,000,000 interactions and 200,000
purchases, then times each operation as the median of several runs of the real program, next
to the sqlite3 command-line shell running equivalent SQL on the same file, and prints one
table with the ratio. Usage: bench.py --build BUILD_DIR [--db PATH] [--runs N]
"""
import datetime
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from png_rows import png_rows
from server import operation_output, server_rows

TODAY = "2026-11-25"  # fixed, so the data and the week are the same on every run
WEEK = "2026-W48"
WEEK_FIRST, WEEK_LAST = "2026-11-23", "2026-11-29"
YEAR_FROM, YEAR_TO = "2025-11-26", "2026-11-25"
SEARCH_WORD = None  # picked from the data: a rare order number


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def timed(cmd, runs, env=None):
    """Median wall time in ms of `runs` runs (after one warm-up run, whose result is returned).

    The timed runs write their output to a file, as `command > file` does: read through a pipe
    into Python, 12 MB of JSON cost Python's decoding more than the command took to write it."""
    result = run(cmd, env=env)
    times = []
    with tempfile.TemporaryFile() as sink:
        for _ in range(runs):
            sink.seek(0)
            sink.truncate()
            start = time.perf_counter()
            subprocess.run(cmd, stdout=sink, stderr=subprocess.DEVNULL, env=env)
            times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), result


def sqlite(db, sql, mode=None, out=None):
    cmd = ["sqlite3"]
    if mode:
        cmd.append(mode)
    if out:
        cmd += ["-cmd", f".output {out}"]  # a dot-command must be its own argument
    return cmd + [db, sql]


def common_word(db):
    """A word users search for that occurs in at least 5 % of the incidents, and its share."""
    total = int(run(["sqlite3", db, "SELECT count(*) FROM interaction"]).stdout.strip() or 0)
    for w in ("kettle", "leak", "wrong", "refund", "order"):
        n = int(run(["sqlite3", db, "SELECT count(*) FROM interaction_fts "
                     f"WHERE interaction_fts MATCH '\"{w}\"*'"]).stdout.strip() or 0)
        if total and n / total >= 0.05:
            return w, n / total
    return "order", 0.0


def prefix_display():
    """What runs the window: as it is under a display, else under a private Xvfb."""
    return [] if os.environ.get("DISPLAY") else ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]


STATUS_BAR_PX = 40  # the bottom of a screenshot, where the status bar names the data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "rapport-bench.db"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--server", action="store_true",
                    help="also move the demo into a throwaway PostgreSQL server and time the "
                         "same operations there, beside psql replaying Rapport's statements")
    ap.add_argument("--only", help="time only the rows whose name matches this regular "
                                   "expression (and skip the window)")
    args = ap.parse_args()
    cli = os.path.join(args.build, "src", "cli", "rapport-cli")
    gui = os.path.join(args.build, "src", "gui", "rapport")
    db = args.db
    rows = []
    operations = []  # (label, cli_args, output) of each timed CLI row, for the server rows
    ms_of = {}  # label -> median ms of each CLI row that ran, for the JSON/text ratios

    if not os.path.exists(db):
        start = time.perf_counter()
        r = run([cli, "--db", db, "--today", TODAY, "demo", "--customers", "10000",
                 "--interactions", "1000000", "--purchases", "200000", "--seed", "1"])
        if r.returncode != 0:
            sys.exit("demo failed: " + r.stderr)
        demo_s = time.perf_counter() - start
        rows.append(("demo: 10k customers, 1M interactions", f"{demo_s:.1f} s", "-", "-", "< 60 s"))
    size_mb = os.path.getsize(db) / 1e6
    run([cli, "--db", db, "init"])  # up to date (a migration), and the WAL checkpointed

    heavy = run(["sqlite3", db, "SELECT customer_id FROM interaction GROUP BY customer_id "
                 "ORDER BY count(*) DESC LIMIT 1"]).stdout.strip()
    word = run(["sqlite3", db, "SELECT substr(summary, instr(summary, '(order ') + 7, 6) "
                "FROM interaction WHERE summary LIKE '%(order %' LIMIT 1 OFFSET 5000"]).stdout.strip()
    name = run(["sqlite3", db, f"SELECT name FROM customer WHERE id = {heavy}"]).stdout.strip()
    # the last four digits of a phone number, as someone reads them off a missed call
    phone = run(["sqlite3", db, "SELECT substr(phone, -4) FROM customer "
                 "WHERE length(phone) > 10 LIMIT 1 OFFSET 77"]).stdout.strip()
    base = [cli, "--db", db, "--today", TODAY]

    def compare(name, cli_args, sql, target, mode=None, out_file=None):
        if args.only and not re.search(args.only, name):
            return
        ms, r = timed(base + cli_args, args.runs)
        ok = r.returncode == 0
        if ok:
            operations.append((name, cli_args, operation_output(r, cli_args)))
            ms_of[name] = ms
        floor_ms, _ = timed(sqlite(db, sql, mode, out_file), args.runs)
        ratio = f"{ms / floor_ms:.2f}x" if ok and floor_ms > 0 else "-"
        rows.append((name, f"{ms:.1f} ms" if ok else "FAILED: " + r.stderr.strip()[:60],
                     f"{floor_ms:.1f} ms", ratio, target))

    # The statement the store runs (src/store/followups.cpp): each open follow-up due before
    # the week's end with its incident, customer and resolutions.
    compare(f"follow-ups, week {WEEK} + overdue", ["followups", "--week", WEEK], f"""
        SELECT f.id, f.interaction_id, f.due_on, f.note, f.done_on, f.outcome, f.outcome_note,
               f.minutes, i.customer_id, c.name, i.summary, i.category, r.type, r.cost, r.status
          FROM follow_up f
          JOIN interaction i ON i.id = f.interaction_id
          JOIN customer c ON c.id = i.customer_id
          LEFT JOIN resolution r ON r.interaction_id = f.interaction_id
         WHERE f.done_on IS NULL
           AND (f.due_on < '{TODAY}' OR f.due_on BETWEEN '{TODAY}' AND '{WEEK_LAST}')
         ORDER BY f.due_on, c.name COLLATE NOCASE, f.id, r.id;""", "< 20 ms, <= 2x")

    compare(f"one customer's history (id {heavy})", ["customer", "show", heavy], f"""
        SELECT * FROM customer WHERE id = {heavy};
        SELECT * FROM interaction WHERE customer_id = {heavy} ORDER BY occurred_at DESC;
        SELECT r.* FROM resolution r JOIN interaction i ON i.id = r.interaction_id
         WHERE i.customer_id = {heavy};
        SELECT f.* FROM follow_up f JOIN interaction i ON i.id = f.interaction_id
         WHERE i.customer_id = {heavy};
        SELECT * FROM purchase WHERE customer_id = {heavy} ORDER BY purchased_on DESC;""",
            "< 20 ms, <= 2x")

    # The statement the store runs (src/store/customers.cpp, CustomerRepo::list): the customer
    # and incident indexes, phone and email, and each match's kept figures (customer_figures).
    def list_sql(search, active_only):
        where = []
        if search is not None:
            fts = " ".join(f'"{w}"*' for w in re.findall(r"[0-9A-Za-z\x80-\U0010FFFF]+", search))
            where.append(f"""c.id IN (
            SELECT rowid FROM customer_fts WHERE customer_fts MATCH '{fts}'
            UNION SELECT i.customer_id FROM interaction_fts f JOIN interaction i ON i.id = f.rowid
             WHERE interaction_fts MATCH '{fts}'
            UNION SELECT id FROM customer WHERE (phone <> '' AND phone LIKE '%{search}%')
                                             OR (email <> '' AND email LIKE '%{search}%'))""")
        if active_only:
            where.append("c.archived = 0")
        return f"""
        SELECT c.id, c.name, c.phone, c.email, c.archived, coalesce(f.complaints, 0),
               f.last_contact, coalesce(f.given_back, 0)
          FROM customer c LEFT JOIN customer_figures f ON f.customer_id = c.id
         {"WHERE " + " AND ".join(where) if where else ""}
         ORDER BY c.name COLLATE NOCASE, c.id;"""

    compare(f"full-text search '{word}'", ["customer", "list", "--search", word],
            list_sql(word, False), "< 20 ms, <= 2x")

    # What users type (issue 21): a common word, a name, a piece of a phone number, and the
    # whole list, as text and as JSON (the floor: sqlite3's own -json output).
    common, share = common_word(db)
    compare(f"search common word '{common}' ({share:.0%} of incidents)",
            ["customer", "list", "--search", common], list_sql(common, False), "< 300 ms")
    compare(f"search name '{name}'", ["customer", "list", "--search", name],
            list_sql(name, False), "< 100 ms")
    compare(f"search phone fragment '{phone}'", ["customer", "list", "--search", phone],
            list_sql(phone, False), "< 100 ms")
    compare("customer list (all, text)", ["customer", "list"], list_sql(None, False), "< 300 ms")
    compare("customer list (all, JSON)", ["--json", "customer", "list"], list_sql(None, False),
            "< 300 ms, <= 1.2x text", mode="-json")

    # The statements the store runs for the whole portfolio (src/store/worth_query.cpp): the
    # kept months (store/worth_months.h), then the records of the days that cut the window's
    # first month and of the days after today, by their date indexes.
    def dated_range(lo, hi):
        return f"""
        SELECT customer_id, sum(p), sum(mg), sum(mi), sum(a), sum(o)
          FROM (SELECT +customer_id AS customer_id, count(*) AS p, sum(amount * margin_bp) AS mg,
                       0 AS mi, 0 AS a, 0 AS o
                  FROM purchase WHERE purchased_on >= '{lo}' AND purchased_on < '{hi}' GROUP BY 1
                UNION ALL
                SELECT +customer_id, 0, 0, sum(minutes), 0, 0 FROM interaction
                 WHERE occurred_at >= '{lo}' AND occurred_at < '{hi}' GROUP BY 1
                UNION ALL
                SELECT +i.customer_id, 0, 0, 0,
                       sum(CASE WHEN r.status = 'accepted' THEN r.cost ELSE 0 END),
                       sum(CASE WHEN r.status = 'offered' THEN r.cost ELSE 0 END)
                  FROM interaction AS i CROSS JOIN resolution AS r
                 WHERE r.interaction_id = i.id AND i.occurred_at >= '{lo}'
                   AND i.occurred_at < '{hi}' GROUP BY 1
                UNION ALL
                SELECT +i.customer_id, 0, 0, sum(f.minutes), 0, 0
                  FROM follow_up AS f CROSS JOIN interaction AS i
                 WHERE i.id = f.interaction_id AND f.done_on >= '{lo}' AND f.done_on < '{hi}'
                 GROUP BY 1) AS parts
         GROUP BY customer_id;"""
    from_day = datetime.date.fromisoformat(YEAR_FROM)
    month_start = from_day.replace(day=1)
    next_month = (month_start + datetime.timedelta(days=32)).replace(day=1)
    add_inside = from_day.day > 16
    after_today = datetime.date.fromisoformat(TODAY) + datetime.timedelta(days=1)
    first_month = f"{(next_month if add_inside else month_start):%Y-%m}"
    worth_sql = f"""
        SELECT id, name, referred_by, came_anyway, referral_reward FROM customer ORDER BY id;
        SELECT m.customer_id, m.month, m.first_day, m.purchases, m.margin_cent_bp, m.minutes,
               m.accepted, m.offered
          FROM customer AS c CROSS JOIN customer_worth_month AS m
         WHERE m.customer_id = c.id AND m.month >= '{first_month}';
        {dated_range(from_day, next_month) if add_inside else dated_range(month_start, from_day)}
        {dated_range(after_today, "9999-12-31")}"""
    compare("worth --all", ["worth", "--all"], worth_sql, "< 300 ms")
    compare("worth --all --csv", ["worth", "--all", "--csv"], worth_sql, "< 300 ms", mode="-csv")
    compare("worth --all --json", ["--json", "worth", "--all"], worth_sql, "< 300 ms",
            mode="-json")

    # Issue 18: the statements the store runs (src/store/gone.cpp, src/store/won_back.cpp); the
    # judging, sorting and per-customer look-ups happen in the program on top of them. The
    # floor prints its rows to /dev/null: the program prints only the result.
    compare("customers gone (Haven't been back)", ["--json", "customers", "gone"], f"""
        SELECT id, archived, name, phone, email FROM customer ORDER BY id;
        SELECT customer_id, purchased_on, amount * margin_bp FROM purchase NOT INDEXED
         WHERE purchased_on <= '{TODAY}';
        SELECT i.customer_id, min(f.due_on)
          FROM follow_up f JOIN interaction i ON i.id = f.interaction_id
         WHERE f.done_on IS NULL GROUP BY i.customer_id;""", "< 1 s, <= 2x",
            out_file=os.devnull)
    compare("report won-back", ["--json", "report", "won-back"], f"""
        SELECT customer_id, purchased_on FROM purchase NOT INDEXED
         WHERE purchased_on <= '{TODAY}';
        SELECT interaction_id, type FROM resolution WHERE status = 'accepted';
        SELECT id, customer_id, occurred_at, category FROM interaction;""", "< 1 s, <= 2x",
            out_file=os.devnull)

    out_dir = tempfile.mkdtemp(prefix="rapport-bench-")
    csv_out = os.path.join(out_dir, "year.csv")
    compare(f"accountant CSV {YEAR_FROM}..{YEAR_TO}",
            ["export", "accountant", "--from", YEAR_FROM, "--to", YEAR_TO, "--format", "csv",
             "--out", csv_out], f"""
        SELECT substr(i.occurred_at, 1, 10), c.name, c.id, i.id, i.category, r.type,
               printf('%.2f', r.cost / 100.0), 'EUR', i.summary
          FROM resolution r JOIN interaction i ON i.id = r.interaction_id
          JOIN customer c ON c.id = i.customer_id
         WHERE r.status = 'accepted' AND r.cost > 0
           AND i.occurred_at >= '{YEAR_FROM}' AND i.occurred_at < '{YEAR_TO}T99'
         ORDER BY i.occurred_at, r.id;""", "<= 1.5x", mode="-csv",
            out_file=os.path.join(out_dir, "floor.csv"))
    # The whole history as one JSON file; the floor is every table in sqlite3's JSON mode.
    compare("export history (JSON)",
            ["export", "history", "--out", os.path.join(out_dir, "history.json")],
            "".join(f"SELECT * FROM {t};" for t in ("setting", "category_default", "customer",
                                                     "customer_tag", "tag", "interaction",
                                                     "resolution", "follow_up", "purchase")),
            "<= 2x", mode="-json", out_file=os.path.join(out_dir, "floor.json"))
    def window_rows(location, env=None, where=""):
        """The window's rows on `location` (the file, or the server's URI); `where` prefixes
        their labels."""
        rows_before = len(rows)
        prefix = prefix_display()
        startups = []
        peak_kb = None
        for _ in range(args.runs):
            r = run(prefix + ["/usr/bin/time", "-v", gui, "--db", location, "--measure-startup"],
                    env=env)
            m = re.search(r"^(\d+)\s*$", r.stdout, re.M)  # milliseconds, alone on a line
            if m:
                startups.append(float(m.group(1)))
            k = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
            if k:
                peak_kb = max(peak_kb or 0, int(k.group(1)))
        rows.append(("window cold start to customer list",
                     f"{statistics.median(startups):.0f} ms" if startups else "FAILED", "-", "-",
                     "< 1 s"))
        rows.append(("window peak memory (RSS)", f"{peak_kb / 1024:.0f} MB" if peak_kb else "FAILED",
                     "-", "-", "< 150 MB"))
        # The window's everyday steps, each timed inside the window from the action until the
        # result is drawn (src/gui/app.cpp, --measure): opening the customer with the most
        # incidents, a three-letter search typed into the customer list, and saving an incident
        # with every list refreshed (then taken back, so the file stays as it was).
        # Issue 21: a common word and a name typed into the search (counted from the end of the
        # typing pause), and a click on each column header of the customer list.
        sorts = tuple((f"window: sort customer list by {col}", f"sort:{k}")
                      for k, col in enumerate(("name", "phone", "complaints", "last contact",
                                               "given back")))
        # A search prints when its results are drawn, then ("page MS") when the first result's
        # page has followed; the portfolio is timed until every customer's worth is drawn.
        for label, action, target in (
                (f"window: open customer {heavy} (history)", f"open-customer:{heavy}", "< 100 ms"),
                ("window: type a 3-letter search 'ket'", "search:ket", "< 100 ms"),
                (f"window: type common word '{common}'", f"search:{common}", "< 100 ms"),
                (f"window: type name '{name}'", f"search:{name}", "< 100 ms"),
                *((label, action, "< 100 ms") for label, action in sorts),
                ("window: save an incident, lists refreshed", f"save-incident:{heavy}",
                 "< 100 ms"),
                ("window: Reports, every customer's worth drawn", "portfolio", "< 300 ms")):
            times, pages = [], []
            for _ in range(args.runs):
                r = run(prefix + [gui, "--db", location, "--measure", action], env=env)
                m = re.search(r"^(\d+(?:\.\d+)?)\s*$", r.stdout, re.M)
                if m:
                    times.append(float(m.group(1)))
                p = re.search(r"^page (\d+(?:\.\d+)?)\s*$", r.stdout, re.M)
                if p:
                    pages.append(float(p.group(1)))
            rows.append((label + (", results drawn" if pages else ""),
                         f"{statistics.median(times):.1f} ms" if times else "FAILED", "-", "-",
                         target))
            if pages:
                rows.append((label + ", first result's page drawn",
                             f"{statistics.median(pages):.1f} ms", "-", "-", "(< 100 ms)"))
        # The heaviest view: every customer's worth and a year's report, read on a worker, drawn
        # and captured to a PNG (the capture's own buffers count too).
        shot_dir = tempfile.mkdtemp(prefix="rapport-bench-")
        r = run(prefix + ["/usr/bin/time", "-v", gui, "--db", location, "--screenshot",
                          os.path.join(shot_dir, "reports.png"), "--view", "reports"], env=env)
        shutil.rmtree(shot_dir, ignore_errors=True)
        k = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        rows.append(("window peak RSS with Reports shown", f"{int(k.group(1)) / 1024:.0f} MB"
                     if r.returncode == 0 and k else "FAILED", "-", "-", "(< 150 MB)"))
        for i in range(rows_before, len(rows)):
            rows[i] = (where + rows[i][0],) + tuple(rows[i][1:])

    if os.path.exists(gui) and not args.only:
        window_rows(db)

    def same_screens(uri, env):
        """Whether the window shows the same on the server as on the file: each view's
        screenshot compared pixel by pixel, the status bar (which names the data) aside."""
        shot_dir = tempfile.mkdtemp(prefix="rapport-bench-")
        def same_view(view):
            shots = []
            for where, location in (("file", db), ("server", uri)):
                shot = os.path.join(shot_dir, f"{view}-{where}.png")
                run(prefix_display() + [gui, "--db", location, "--screenshot", shot, "--view",
                                        view], env=env)
                shots.append(png_rows(shot) if os.path.exists(shot) else None)
            if None in shots or shots[0][:2] != shots[1][:2]:
                return False
            height = shots[0][1]
            differing = [y for y in range(height) if shots[0][2][y] != shots[1][2][y]]
            return not differing or min(differing) >= height - STATUS_BAR_PX

        shot_dir = tempfile.mkdtemp(prefix="rapport-bench-")
        views = ("today", "customers", "followups", "reports")
        # Twice at most: a minute can turn between the two screenshots ("saved 10:14")
        differ = [v for v in views if not same_view(v) and not same_view(v)]
        shutil.rmtree(shot_dir, ignore_errors=True)
        rows.append(("server: window views identical to the file's (status bar aside)",
                     f"{len(views) - len(differ)} of {len(views)}"
                     + (f" (differ: {', '.join(differ)})" if differ else ""), "-", "-", "all"))

    def on_server(uri, env):
        same_screens(uri, env)
        window_rows(uri, env, "server: ")

    if args.server:
        server_rows(operations, cli, db, TODAY, args.runs, timed, rows,
                    window=on_server if os.path.exists(gui) and not args.only else None)
    shutil.rmtree(out_dir, ignore_errors=True)

    print(f"\nRapport benchmark on {db} ({size_mb:.0f} MB), median of {args.runs} runs, "
          f"today {TODAY}; floor: sqlite3 on the file"
          + (", psql replaying Rapport's own statements on the server" if args.server else "")
          + "\n")
    # Issue 21: JSON (and CSV) output costs little more than the same command's text.
    pairs = [("customer list (all, JSON)", "customer list (all, text)"),
             ("worth --all --json", "worth --all"), ("worth --all --csv", "worth --all")]
    for output, text in pairs:
        if output in ms_of and text in ms_of and ms_of[text] > 0:
            rows.append((f"{output} / {text}", f"{ms_of[output] / ms_of[text]:.2f}x", "-", "-",
                         "<= 1.2x"))
    header = ("operation", "rapport", "floor", "ratio", "target")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
