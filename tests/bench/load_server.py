#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""A shop's busy hour on one shop database: N clients saving at once for S seconds.

    load_server.py --build BUILD [--clients 5] [--seconds 60]

A throwaway PostgreSQL server (tests/bench/server.py) and N rapport-cli clients in parallel,
each in a loop: log an incident with a resolution and a follow-up (most of the time), or mark
done a follow-up any client logged, with an answer of its own. Several clients go for the same
follow-up on purpose: exactly one may win, the others must be refused with a sentence.

Then it checks what the issue asks of a shared database and prints it: every incident id a
client was told is saved is there; no error other than that refusal reached a client (no
deadlock, no busy, no lost connection); every follow-up marked done holds the answer of the
one client told it won (no lost update); and the throughput and the slowest save.
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import ThrowawayServer  # noqa: E402

ALREADY_DONE = re.compile(r"already marked done")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--clients", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    cli = os.path.join(args.build, "src", "cli", "rapport-cli")

    server = ThrowawayServer()
    work = tempfile.mkdtemp(prefix="rapport-load-")
    env = dict(os.environ, XDG_DATA_HOME=work, RAPPORT_DB=server.uri())
    lock = threading.Lock()
    logged = []        # interaction ids the clients were told are saved
    open_follow_ups = []  # follow-up ids seen open, shared by all clients
    won = {}           # follow-up id -> the answer of the client told it was marked done
    refused_done = [0]  # "already marked done": the designed answer to a lost race
    failures = []      # anything else a client was told
    saves = []         # (seconds, what)

    def cli_run(*a):
        start = time.perf_counter()
        r = subprocess.run([cli, *a], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        return r, time.perf_counter() - start

    try:
        r, _ = cli_run("server", "init")
        if r.returncode != 0:
            sys.exit("server init failed: " + r.stderr)
        names = [f"Kunde {i:02d}" for i in range(30)]
        for n in names:
            cli_run("customer", "add", n)

        def client(number):
            rng = random.Random(number)
            end = time.time() + args.seconds
            op = 0
            while time.time() < end:
                op += 1
                with lock:
                    pool = list(open_follow_ups)
                if pool and rng.random() < 0.35:
                    # The top of the list half the time, as staff working down the same list
                    # do: so two clients go for the same follow-up now and then
                    fid = min(pool) if rng.random() < 0.5 else rng.choice(pool)
                    said = f"client {number} op {op}"
                    r, seconds = cli_run("followup", "done", str(fid), "--outcome", "satisfied",
                                         "--satisfaction", "5", "--said", said)
                    with lock:
                        if fid in open_follow_ups:
                            open_follow_ups.remove(fid)
                        if r.returncode == 0:
                            if fid in won:
                                failures.append(f"follow-up {fid} marked done twice")
                            won[fid] = said
                            saves.append((seconds, "follow-up done"))
                        elif ALREADY_DONE.search(r.stderr):
                            refused_done[0] += 1
                        else:
                            failures.append(r.stderr.strip())
                else:
                    r, seconds = cli_run("log", rng.choice(names), "--summary",
                                         f"Busy hour, client {number}, call {op}",
                                         "--resolution", "discount", "--cost", "5.00",
                                         "--follow-up", "+1d")
                    with lock:
                        if r.returncode == 0 and r.stdout.strip().isdigit():
                            logged.append(int(r.stdout.strip()))
                            saves.append((seconds, "log"))
                        else:
                            failures.append(r.stderr.strip())
                if op % 5 == 0:  # what a person sees on the follow-up list now and then
                    r, _ = cli_run("--json", "followups", "--week", "next")
                    if r.returncode == 0:
                        listed = json.loads(r.stdout)
                        ids = [f["id"] for f in listed["overdue"] + listed["week"]["follow_ups"]]
                        with lock:
                            open_follow_ups[:] = [i for i in ids if i not in won]
                    else:
                        with lock:
                            failures.append(r.stderr.strip())

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started

        # What the database holds, read once at the end through the history export
        history_file = os.path.join(work, "history.json")
        r, _ = cli_run("export", "history", "--format", "json", "--out", history_file)
        if r.returncode != 0:
            sys.exit("export failed: " + r.stderr)
        with open(history_file) as f:
            history = json.load(f)
        interactions = {i["id"] for i in history["interactions"]}
        answers = {f["id"]: f.get("customer_said") for i in history["interactions"]
                   for f in i["follow_ups"] if f.get("done_on")}
        missing = [i for i in logged if i not in interactions]
        lost_updates = [fid for fid, said in won.items() if answers.get(fid) != said]
        done_unclaimed = [fid for fid in answers if fid not in won]

        times = sorted(s for s, _ in saves)
        print(f"\n{args.clients} rapport-cli clients on one shop database for {elapsed:.0f} s")
        print(f"  incidents logged: {len(logged)}, follow-ups marked done: {len(won)}, "
              f"lost races refused with a sentence: {refused_done[0]}")
        print(f"  throughput: {len(saves) / elapsed:.1f} saves/s "
              f"(each a rapport-cli process: start, connect, save)")
        if times:
            print(f"  save time: median {statistics.median(times) * 1000:.0f} ms, "
                  f"95th percentile {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms, "
                  f"slowest {times[-1] * 1000:.0f} ms")
        print(f"  reported ids missing afterwards: {len(missing)} (goal 0)")
        print(f"  errors other than a lost race reaching a client: {len(failures)} (goal 0)")
        for f in failures[:5]:
            print(f"    {f}")
        print(f"  lost updates (answer not the winner's): {len(lost_updates)} (goal 0)")
        print(f"  follow-ups done that no client was told it did: {len(done_unclaimed)} (goal 0)")
        return 0 if not (missing or failures or lost_updates or done_unclaimed) else 1
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
