#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's start when the shop database it remembers cannot be reached.

    remembered_server.py RAPPORT RAPPORT_CLI

The real program, started as the owner starts it (no --db, no RAPPORT_DB), with a
rapport.conf that names a shop database on a server that is not running. What a person must
meet, read through AT-SPI as screen_reader.py reads the window: the form comes up by itself,
says the server cannot be reached, keeps the remembered address, and offers this PC's file.
Choosing "Use the file on this PC" opens the window on the file in the user's data folder, and
the next start opens that file directly without asking. Exits 1 naming what went wrong.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from screen_reader import Reader, tr, walk_all  # noqa: E402

FAILURES = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        FAILURES.append(what)


def texts(window):
    """Every text shown in a window: labels, fields' contents, buttons' names."""
    out = []
    for acc in walk_all(window):
        if acc.name:
            out.append(acc.name)
        try:
            t = acc.queryText()
            out.append(t.getText(0, t.characterCount))
        except NotImplementedError:
            pass
    return out


def wait_for(condition, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    return None


def main_window(reader):
    """The main window: the top-level window with the menu bar."""
    for w in reader.windows():
        if any(a.getRole() == pyatspi.ROLE_MENU_BAR for a in walk_all(w)):
            return w
    return None


def start(reader, args, env, log):
    # As in screen_reader.py: on a machine shared with other displays the program now and then
    # cannot open this one ("Unable to initialize GTK+"), so it gets three tries.
    for attempt in range(3):
        proc = subprocess.Popen([args[0]], env=env, stdout=log, stderr=log)
        if reader.find_app(proc) is not None:
            return proc
        print(f"the window ended before showing (exit {proc.returncode}); starting it again")
        time.sleep(2)
    log.flush()
    with open(log.name, errors="replace") as f:
        print(f.read()[-2000:])
    raise SystemExit("FAIL: the window never showed up")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def main():
    args = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="rapport-remembered-")
    run = os.path.join(work, "run")
    os.mkdir(run, 0o700)
    env = dict(os.environ)
    env.pop("RAPPORT_DB", None)
    env.update(XDG_RUNTIME_DIR=run, XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"), HOME=work, LANGUAGE="en",
               LANG="C.UTF-8")
    # The server's socket folder exists, but nothing listens in it: "not running".
    gone = os.path.join(work, "server-gone")
    os.mkdir(gone)
    # Where earlier builds kept it (wx's own place, ~/.rapport): it moves to the XDG one.
    old_conf = os.path.join(work, ".rapport", "rapport.conf")
    conf = os.path.join(work, "config", "rapport", "rapport.conf")
    os.makedirs(os.path.dirname(old_conf))
    with open(old_conf, "w") as f:
        f.write(f"[ShopDatabase]\nServer={gone}\nPort=\nDatabase=shop\nUser=sam\nActive=1\n")
    # This PC's own file holds one customer, so the window shows that it opened the file.
    local = os.path.join(work, "data", "rapport", "rapport.db")
    subprocess.run([args[1], "--db", local, "customer", "add", "Ana Kovač"], check=True,
                   env=env, stdout=subprocess.DEVNULL)

    log = open(os.path.join(work, "rapport.log"), "w")
    reader = Reader(None)
    proc = start(reader, args, env, log)
    try:
        # At start there is no main window yet, so the form is a top-level window of its own
        form = wait_for(lambda: next((w for w in reader.windows()
                                      if w.name == tr("Open shop database")), None))
        check(os.path.exists(conf) and not os.path.exists(os.path.dirname(old_conf)),
              "rapport.conf moved from ~/.rapport to $XDG_CONFIG_HOME/rapport")
        check(form is not None, "the form comes up by itself at start")
        if form is None:
            print("windows:", [(w.getRoleName(), w.name) for w in reader.windows()])
        if form is None:
            return 1
        shown = texts(form)
        check(any("cannot be reached" in t for t in shown),
              "it says the server cannot be reached")
        check(gone in shown, "the remembered server is kept in the form")
        check("sam" in shown and "shop" in shown, "the remembered user and database are kept")
        local_button = next((a for a in walk_all(form) if a.getRole() ==
                             pyatspi.ROLE_PUSH_BUTTON and a.name == tr("Use the file on this PC")),
                            None)
        check(local_button is not None, "it offers 'Use the file on this PC'")
        if local_button is None:
            return 1
        reader.click(local_button)
        frame = wait_for(lambda: main_window(reader))
        check(frame is not None, "the window opens after choosing the file")
        if frame is None:
            return 1
        time.sleep(1.0)
        shown = texts(frame)
        # (wx draws the status bar itself, so AT-SPI cannot read "Data: ..." there; the customer
        # only this PC's file holds is the proof)
        check(any("Ana Kovač" in t for t in shown), "the file's customer is on screen")
        with open(conf) as f:
            check("Active=0" in f.read(), "rapport.conf no longer opens the server at start")
    finally:
        stop(proc)

    # The next start opens the file at once: no form.
    reader = Reader(None)
    proc = start(reader, args, env, log)
    try:
        frame = wait_for(lambda: main_window(reader))
        time.sleep(1.0)
        check(frame is not None and not any(w.name == tr("Open shop database")
                                            for w in reader.windows()),
              "the next start opens the file without the form")
    finally:
        stop(proc)
        log.close()
        with open(os.path.join(work, "rapport.log"), errors="replace") as f:
            said = f.read().strip()
        if said:
            print("the window said:\n" + said[-3000:])
        shutil.rmtree(work, ignore_errors=True)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
