# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark's server rows: a throwaway PostgreSQL server holding the same demo shop.

Every operation of the file table runs again with --db pointing at the server. Its floor is
psql running exactly the statements Rapport sent: the server logs them for one run
(log_statement = all, for the benchmark's database only), they are turned back into a psql
script with their parameters filled in, and psql replays the script. So the ratio is Rapport's
own cost (process start, translation, reading results, formatting) against the server's work
for the same statements, and the count says how many round trips the operation needs.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

BINDIR = "/usr/lib/postgresql/15/bin"
ENTRY = re.compile(r"\n(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ \w+ \[\d+\] )")
STATEMENT = re.compile(r"LOG:  (?:statement|execute [^:]*): (.*)", re.S)
PARAMETERS = re.compile(r"DETAIL:  parameters: (.*)", re.S)
PARAMETER = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def _run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


class ThrowawayServer:
    """initdb into a temporary folder, pg_ctl on a Unix socket there (no TCP port), removed
    by stop(). As root the server runs as `nobody`, since initdb refuses root."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="rapport-bench-pg-")
        self.log = os.path.join(self.dir, "log")
        as_nobody = os.geteuid() == 0
        self.prefix = ["runuser", "-u", "nobody", "--"] if as_nobody else []
        if as_nobody:
            shutil.chown(self.dir, "nobody")
        data = os.path.join(self.dir, "data")
        self._must(self.prefix + [f"{BINDIR}/initdb", "-D", data, "-E", "UTF8", "--locale=C",
                                  "-A", "trust", "-U", "rapport"])
        # A desktop-sized server: the defaults except what a benchmark must not measure
        # (fsync waits are the same for both sides, and no writes are timed).
        self._must(self.prefix + [f"{BINDIR}/pg_ctl", "-D", data, "-l", self.log, "-w", "-o",
                                  f"-k {self.dir} -c listen_addresses='' -c shared_buffers=256MB",
                                  "start"])
        self.data = data
        self._must(self.psql("postgres") + ["-c", "CREATE DATABASE shop"])

    def _must(self, cmd):
        r = _run(cmd)
        if r.returncode != 0:
            raise RuntimeError(" ".join(cmd) + ": " + r.stderr.strip())
        return r

    def uri(self, database="shop"):
        return f"postgresql://rapport@/{database}?host={self.dir}"

    def psql(self, database="shop"):
        return [f"{BINDIR}/psql", "-h", self.dir, "-U", "rapport", "-d", database, "-X", "-q"]

    def set_logging(self, on):
        setting = "SET log_statement = 'all'" if on else "RESET log_statement"
        self._must(self.psql("postgres") + ["-c", f"ALTER DATABASE shop {setting}"])

    def capture(self, cmd, env=None):
        """Runs `cmd` once with every statement on `shop` logged; returns the statements as a
        psql script (parameters filled in) and their number."""
        self.set_logging(True)
        start = os.path.getsize(self.log)
        _run(cmd, env=env)
        time.sleep(0.3)  # the server's log writes are not synchronous with the client
        self.set_logging(False)
        with open(self.log, encoding="utf-8", errors="replace") as f:
            f.seek(start)
            entries = ENTRY.split("\n" + f.read())
        statements = []
        for i, entry in enumerate(entries):
            m = STATEMENT.search(entry)
            if not m:
                continue
            params = {}
            if i + 1 < len(entries):
                d = PARAMETERS.search(entries[i + 1])
                if d:
                    params = dict(PARAMETER.findall(d.group(1)))
            sql = re.sub(r"\$(\d+)", lambda p: params.get(p.group(1), p.group(0)),
                         m.group(1).strip())
            statements.append(sql.rstrip(";") + ";")
        return "\n".join(statements) + "\n", len(statements)

    def stop(self):
        _run(self.prefix + [f"{BINDIR}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


def server_rows(operations, cli, db, today, runs, timed, rows, window=None):
    """Moves a copy of `db` into a fresh server (timed, with its peak memory), then runs every
    (label, cli_args, file_output) of `operations` against it beside psql's replay, checking
    that it gives what the file gave; then `window(uri, env)`, the window's rows, when given."""
    if not os.path.exists(f"{BINDIR}/initdb"):
        rows.append(("server rows", "SKIPPED: PostgreSQL 15 is not installed", "-", "-", "-"))
        return
    server = ThrowawayServer()
    work = tempfile.mkdtemp(prefix="rapport-bench-srv-")
    env = dict(os.environ, XDG_DATA_HOME=work)  # the day's pg_dump lands here, not in $HOME
    try:
        copy = os.path.join(work, "moved.db")
        shutil.copy(db, copy)
        start = time.perf_counter()
        r = _run(["/usr/bin/time", "-v", cli, "--db", server.uri(), "--today", today, "server",
                  "import", copy], env=env)
        seconds = time.perf_counter() - start
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        rows.append(("server import of the demo file (one transaction)",
                     f"{seconds:.1f} s, {int(peak.group(1)) / 1024:.0f} MB"
                     if r.returncode == 0 and peak else "FAILED: " + r.stderr.strip()[-80:],
                     "-", "-", "time printed"))
        if r.returncode != 0:
            return
        base = [cli, "--db", server.uri(), "--today", today]
        for label, args, file_output in operations:
            ms, result = timed(base + args, runs, env=env)
            same = "same as file" if operation_output(result, args) == file_output else "DIFFERS from file"
            script, count = server.capture(base + args, env=env)
            script_path = os.path.join(work, "replay.sql")
            with open(script_path, "w") as f:
                f.write(script)
            floor_ms, replay = timed(server.psql() + ["-A", "-t", "-f", script_path, "-o",
                                                      "/dev/null"], runs)
            ok = result.returncode == 0 and replay.returncode == 0
            rows.append((f"server: {label} ({count} statements, {same})",
                         f"{ms:.1f} ms" if result.returncode == 0
                         else "FAILED: " + result.stderr.strip()[:60],
                         f"{floor_ms:.1f} ms" if replay.returncode == 0 else "psql FAILED",
                         f"{ms / floor_ms:.2f}x" if ok and floor_ms > 0 else "-", "<= 2x psql"))
        if window:
            window(server.uri(), env)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def operation_output(result, args):
    """What an operation produced: its --out file when it writes one, else what it printed."""
    if "--out" in args:
        path = args[args.index("--out") + 1]
        with open(path, "rb") as f:
            out = f.read()
    else:
        out = result.stdout.encode()
    # The history export says when it was written; that is the one field two runs differ in
    return re.sub(rb'"exported_at": ?"[^"]*"', b'"exported_at": ""', out)
