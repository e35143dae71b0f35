#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real window started on damaged data files (issue 19), with --screenshot.

Each start must end in one of two ways: a picture of the window (the damage was in bytes the
view never reads, or the view or today's backup says what it found), or a refusal with a
sentence on stderr (exit 1, or wx's 255 when the window never opened) and the file left byte
for byte as it was. Never a signal, a hang or another exit code. A person gets the same
sentences in dialogs (OfferRestoreOfDamaged, the daily backup's); headless runs print them.

    damaged_start.py RAPPORT RAPPORT_CLI [FILES] [KEEP_DIR]

Run under a display (xvfb-run -a; CI runs ctest in one). FILES defaults to 8, one of each
kind; KEEP_DIR keeps the pictures and the sentences there to look at. RAPPORT_DAMAGED_SEED
(default 19) picks other damage, for batches run side by side. Under AddressSanitizer and
UBSan (a RAPPORT_SANITIZE=ON build with the window) set their exitcode to 86: a report is
then an exit code the script counts as a failure.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

PAGE = 4096
VIEWS = ["today", "customers", "customer:1", "followups", "reports"]


def damaged(kind, real, rng):
    """Bytes of a damaged copy of `real` and a label, as tests/cli/damaged_files.h makes them."""
    pages = len(real) // PAGE
    b = bytearray(real)
    if kind == 0:
        spots = [rng.randrange(len(b)) for _ in range(rng.randint(1, 8))]
        for at in spots:
            b[at] ^= rng.randint(1, 255)
        return bytes(b), "byte flips at " + ",".join(map(str, spots))
    if kind == 1:
        # Page headers and cell pointers, where a flip is seen rather than read as text.
        at = rng.randrange(1, pages) * PAGE + rng.randrange(40)
        b[at] ^= rng.randint(1, 255)
        return bytes(b), f"page header flip at {at}"
    if kind == 2:
        at = rng.randrange(1, pages) * PAGE if rng.random() < 0.5 else rng.randrange(1, len(b))
        return bytes(b[:at]), f"cut at {at}"
    if kind == 3:
        x, y = rng.randrange(pages), rng.randrange(pages)
        px, py = b[x * PAGE:(x + 1) * PAGE], b[y * PAGE:(y + 1) * PAGE]
        b[x * PAGE:(x + 1) * PAGE], b[y * PAGE:(y + 1) * PAGE] = py, px
        return bytes(b), f"pages {x + 1} and {y + 1} swapped"
    if kind == 4:
        p = rng.randrange(pages)
        b[p * PAGE:(p + 1) * PAGE] = bytes(PAGE)
        return bytes(b), f"page {p + 1} zeroed"
    if kind == 5:
        b[100:] = bytes(rng.getrandbits(8) for _ in range(len(b) - 100))
        return bytes(b), "a valid header over garbage"
    if kind == 6:
        p = rng.randrange(1, pages)
        b[p * PAGE:(p + 1) * PAGE] = bytes(rng.getrandbits(8) for _ in range(PAGE))
        return bytes(b), f"page {p + 1} random"
    return bytes(rng.getrandbits(8) for _ in range(len(b))), "garbage"


def main():
    rapport, cli = sys.argv[1], sys.argv[2]
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    keep = sys.argv[4] if len(sys.argv) > 4 else None
    work = tempfile.mkdtemp()
    try:
        env = dict(os.environ, XDG_CONFIG_HOME=f"{work}/config", XDG_DATA_HOME=f"{work}/data",
                   XDG_RUNTIME_DIR=f"{work}/run", LANG="C.UTF-8", LANGUAGE="")
        env.pop("RAPPORT_DB", None)
        os.makedirs(f"{work}/run", mode=0o700)
        real_db = f"{work}/real.db"
        subprocess.run([cli, "--db", real_db, "--today", "2026-11-25", "demo", "--customers",
                        "60", "--interactions", "600", "--seed", "11"], check=True,
                       capture_output=True, env=env)
        with open(real_db, "rb") as f:
            real = f.read()
        rng = random.Random(int(os.environ.get("RAPPORT_DAMAGED_SEED", "19")))
        tally = {"pictures": 0, "refused": 0}
        failures = []
        for i in range(files):
            data, label = damaged(i % 8, real, rng)
            folder = f"{work}/{i}"
            os.makedirs(folder)
            db, png = f"{folder}/shop.db", f"{folder}/window.png"
            with open(db, "wb") as f:
                f.write(data)
            view = VIEWS[i % len(VIEWS)]
            try:
                r = subprocess.run([rapport, "--db", db, "--screenshot", png, "--view", view],
                                   capture_output=True, timeout=120, env=env)
            except subprocess.TimeoutExpired:
                failures.append(f"{label} ({view}): no answer in 120 s")
                continue
            with open(db, "rb") as f:
                after = f.read()
            err = r.stderr.decode("utf-8", errors="replace").strip()
            try:
                r.stderr.decode("utf-8")
            except UnicodeDecodeError:
                # A sentence quoting damaged bytes as they are is no text for a terminal.
                failures.append(f"{label} ({view}): said something that is not UTF-8: {err[-400:]}")
                continue
            sentences = [line for line in err.splitlines() if line.startswith("rapport: ")]
            if r.returncode == 0 and os.path.getsize(png) > 0:
                tally["pictures"] += 1
                outcome = "picture"
            elif r.returncode in (1, 255) and sentences and after == data:
                tally["refused"] += 1
                outcome = sentences[0]
            else:
                failures.append(f"{label} ({view}): exit {r.returncode}, changed "
                                f"{after != data}, said: {err[-400:]}")
                continue
            print(f"{label} ({view}): {outcome}")
            if keep:
                os.makedirs(keep, exist_ok=True)
                if os.path.exists(png):
                    shutil.copy(png, f"{keep}/{i}-{view.replace(':', '-')}.png")
        print(f"{files} damaged files: {tally['pictures']} drawn, {tally['refused']} refused "
              f"with a sentence, {len(failures)} failed")
        for line in failures:
            print("FAILED:", line)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
