#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader reads in Rapport's window.

    screen_reader.py RAPPORT RAPPORT_CLI [--report] [--only VIEW]

Starts the real window on demo data and reads it through AT-SPI, the accessibility tree Orca
reads: every view, the customer page and its tabs, and every dialog the menus open. Each
control that takes the keyboard must have a role and a name a screen reader speaks (its own,
or the label it is labelled by) and the name must be the text shown for it; a list row must
read as its text, a chart must carry its figures in its description, and the sidebar must be
a list of named views. Exits 1 naming every control that fails.

Needs a display (xvfb-run), a private session bus (dbus-run-session) for the AT-SPI bus and
registry (Debian's at-spi2-core), and Debian's /usr/bin/python3, which imports pyatspi.
"""
import argparse
import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.pop("NO_AT_BRIDGE", None)
os.environ.pop("GTK_A11Y", None)
import pyatspi  # noqa: E402  (after the environment is set for the bridge)

# Roles whose own text is what is shown: a button's name is its label.
SELF_LABELLED = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_LINK, pyatspi.ROLE_LIST_ITEM,
}
TABLES = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE}


def clean(text):
    """A label as a person sees it: no mnemonic underscore, no trailing colon, one space."""
    text = (text or "").split("\t")[0].replace("_", "").replace("&", "")
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def states(acc):
    return acc.getState()


def showing(acc):
    s = states(acc)
    return s.contains(pyatspi.STATE_SHOWING) and s.contains(pyatspi.STATE_VISIBLE)


def labels_of(acc):
    """The names of the labels this control is labelled by."""
    out = []
    for rel in acc.getRelationSet():
        if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(rel.getNTargets()):
                target = rel.getTarget(i)
                if target is not None:
                    out.append(target.name or text_of(target))
    return [t for t in out if t]


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return ""


def spoken_name(acc):
    """What a screen reader says for the control: its own name, else its labels'."""
    if acc.name:
        return acc.name, "own"
    labels = labels_of(acc)
    if labels:
        return " ".join(labels), "label"
    if acc.getRole() == pyatspi.ROLE_LINK:  # a link inside a label reads as its words
        try:
            link = acc.queryHyperlink()
            words = text_of(acc.parent)[link.startIndex:link.endIndex]
            if words.strip():
                return words, "text"
        except (NotImplementedError, AttributeError):
            pass
    return "", ""


def describe(acc):
    """Where a control is, for a failure message: its text, position and neighbours."""
    parts = []
    content = text_of(acc).strip()
    if content:
        parts.append(f"holding \"{content[:40]}\"")
    try:
        box = extents(acc)
        parts.append(f"at {box[0]},{box[1]} size {box[2]}x{box[3]}")
    except Exception:
        pass
    try:
        siblings = [acc.parent.getChildAtIndex(i) for i in range(acc.parent.childCount)]
        near = [clean(x.name or text_of(x)) for x in siblings if x is not None][:8]
        parts.append(f"beside {near}")
    except Exception:
        pass
    return ", ".join(parts)


def walk(acc, depth=0):
    """Every showing object under acc, tables without their cells (read apart)."""
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        child = acc.getChildAtIndex(i)
        if child is None:
            continue
        try:
            if not showing(child):
                continue
        except Exception:
            continue
        yield child
        if child.getRole() in TABLES or child.getRole() == pyatspi.ROLE_MENU_BAR:
            continue
        yield from walk(child, depth + 1)


class Reader:
    def __init__(self, args):
        self.args = args
        self.failures = []
        self.counts = {}  # window title -> (focusable, named)
        self.app = None
        self.work = None  # the folder the window runs in: its HOME, its files

    # -- the application and its windows ------------------------------------------------------
    def find_app(self, proc, timeout=60):
        """The window's application in the tree; None when the program ended first."""
        pid = proc.pid
        end = time.time() + timeout
        while time.time() < end:
            if proc.poll() is not None:
                return None
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                try:
                    if app is not None and app.childCount and (
                            app.get_process_id() == pid or app.name == os.environ.get(
                                "RAPPORT_A11Y_APP_NAME", "\0")):
                        self.app = app
                        return app
                except Exception:
                    pass
            time.sleep(0.2)
        raise SystemExit("FAIL: the window never showed up in the accessibility tree "
                         "(is the AT-SPI bus running? is this dbus-run-session?)")

    def windows(self):
        out = []
        for i in range(self.app.childCount):
            w = self.app.getChildAtIndex(i)
            if w is not None and showing(w):
                out.append(w)
        return out

    def frame(self):
        for w in self.windows():
            if w.getRole() == pyatspi.ROLE_FRAME:
                return w
        raise SystemExit("FAIL: no main window in the accessibility tree")

    def wait_for_new_window(self, before, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            for w in self.windows():
                if all(not self.same(w, b) for b in before):
                    time.sleep(0.5)  # let it lay out and fill
                    return w
            time.sleep(0.1)
        return None

    @staticmethod
    def same(a, b):
        try:
            return a.path == b.path
        except AttributeError:
            return a == b

    def wait_gone(self, window, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            if all(not self.same(w, window) for w in self.windows()):
                return True
            time.sleep(0.1)
        return False

    # -- acting as a screen reader user would ---------------------------------------------------
    def menu_items(self):
        """(menu index, item index, item) for every item of the menu bar, submenus excluded."""
        bar = next((a for a in walk_all(self.frame()) if a.getRole() == pyatspi.ROLE_MENU_BAR),
                   None)
        if bar is None:
            raise SystemExit("FAIL: the window has no menu bar in the accessibility tree")
        for m in range(bar.childCount):
            menu = bar.getChildAtIndex(m)
            index = 0
            for i in range(menu.childCount):
                item = menu.getChildAtIndex(i)
                if item.getRole() == pyatspi.ROLE_SEPARATOR:
                    continue
                yield m, index, item
                index += 1

    def menu_item(self, menu, index):
        for m, i, item in self.menu_items():
            if m == menu and i == index:
                return item
        raise SystemExit(f"FAIL: no item {index} in menu {menu}")

    def click(self, acc):
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
                return
        action.doAction(0)

    def press_escape(self):
        press_keys("Escape")

    def open_with_keys(self, item):
        """Opens a menu item with its keys, as a person would: its shortcut, else its
        Alt+letter path ("<Alt>f:a"). An AT-SPI action would do, but GTK runs it inside the
        D-Bus call, so a dialog's own loop would block the bridge until the dialog closes."""
        binding = item.queryAction().getKeyBinding(0).split(";")
        if len(binding) > 2 and binding[2]:
            press_keys(binding[2])
        else:
            for step in binding[1].split(":"):
                press_keys(step)
                time.sleep(0.3)

    # -- reading --------------------------------------------------------------------------------
    def check_window(self, title, window):
        shown_texts = set()
        objects = list(walk(window))
        for acc in objects:
            role = acc.getRole()
            if role in (pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING, pyatspi.ROLE_STATIC,
                        pyatspi.ROLE_PAGE_TAB):
                shown_texts.add(clean(acc.name or text_of(acc)))
        self.check_labels_fit(title, window, objects)
        focusable = named = 0
        for acc in objects:
            s = states(acc)
            role = acc.getRole()
            if role in TABLES:
                self.check_table(title, acc)
            if role == pyatspi.ROLE_CHART or "chart" in acc.getRoleName():
                self.check_chart(title, acc)
            if role == pyatspi.ROLE_LIST and acc.childCount and \
                    acc.getChildAtIndex(0).getRole() == pyatspi.ROLE_LIST_ITEM:
                self.check_list(title, acc)
            if not s.contains(pyatspi.STATE_FOCUSABLE) or role == pyatspi.ROLE_MENU_ITEM:
                continue
            focusable += 1
            name, how = spoken_name(acc)
            where = f"{title}: a {acc.getRoleName()}"
            if not name.strip():
                self.fail(f"{where} has no name a screen reader can speak ({describe(acc)})")
                continue
            named += 1
            # A list of named entries (the sidebar) is read by its entries.
            if role == pyatspi.ROLE_LIST and acc.childCount and all(
                    acc.getChildAtIndex(i).name for i in range(acc.childCount)):
                how = "entries"
            if how == "own" and role not in SELF_LABELLED and role not in (
                    pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
                    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX) and \
                    clean(name) not in shown_texts and not self.is_title_of(window, name):
                self.fail(f"{where} is called \"{name}\", which is not a text shown in the "
                          f"window (shown: {sorted(t for t in shown_texts if t)[:40]})")
            if self.args.report:
                print(f"  {title}: {acc.getRoleName():14} \"{name}\" ({how})")
        self.counts[title] = (focusable, named)
        print(f"{title}: {named} of {focusable} controls that take the keyboard are named")

    def check_labels_fit(self, title, window, objects):
        """Every label's text lies inside the label, and the label inside its window: with
        big fonts a label too small for its text, or pushed out of the window, is cut."""
        frame = extents(window)
        shown = []  # (ink rectangle, words) of every label read so far
        # What takes the keyboard lies on top of a label it overlaps (a list, a tab).
        # Only the part of a control inside the pane it scrolls in lies over anything.
        controls = [(visible_part(a), a) for a in objects
                    if states(a).contains(pyatspi.STATE_FOCUSABLE) and a.getRole() not in (
                        pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK)]
        for acc in objects:
            if acc.getRole() != pyatspi.ROLE_LABEL:
                continue
            try:
                text = acc.queryText()
            except NotImplementedError:
                continue
            n = text.characterCount
            words = text.getText(0, n).strip()
            if not words:
                continue
            box = extents(acc)
            if box[2] <= 0 or box[3] <= 0:
                continue
            ink = text.getRangeExtents(0, n, pyatspi.DESKTOP_COORDS)
            ink = (ink[0], ink[1], ink[2], ink[3])
            where = f"{title}: the label \"{words[:60]}\""
            if scrolled_away(acc, ink):
                continue  # above or below the part of its pane on screen: scrolling shows it
            if not inside(ink, box, 2):
                self.fail(f"{where} is cut: its text needs {ink[2]}x{ink[3]} at "
                          f"{ink[0]},{ink[1]} but has {box[2]}x{box[3]} at {box[0]},{box[1]}")
            elif not inside(box, frame, 2):
                self.fail(f"{where} at {box} lies outside its window {frame}")
            else:
                # Inside the panel that holds it (which cuts what sticks out), and clear of
                # every other label (two labels on one spot are both unreadable).
                holder = acc.parent
                while holder is not None and holder.getRole() not in (
                        pyatspi.ROLE_PANEL, pyatspi.ROLE_FILLER, pyatspi.ROLE_SCROLL_PANE,
                        pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME):
                    holder = holder.parent
                if holder is not None and not inside(ink, extents(holder), 2):
                    self.fail(f"{where} at {ink} is cut by the {holder.getRoleName()} "
                              f"around it at {extents(holder)}")
                around = ancestors(acc) | {path_of(acc)}  # a selectable label takes focus
                for rect, control in controls:
                    if path_of(control) not in around and overlap(ink, rect):
                        self.fail(f"{where} at {ink} lies under the {control.getRoleName()} "
                                  f"\"{spoken_name(control)[0][:40]}\" at {rect}")
                        break
                for other, other_words in shown:
                    if overlap(ink, other):
                        self.fail(f"{where} at {ink} lies over the label \"{other_words[:40]}\" "
                                  f"at {other}")
            shown.append((ink, words))

    @staticmethod
    def is_title_of(window, name):
        return clean(window.name) == clean(name)

    def check_table(self, title, acc):
        name, _ = spoken_name(acc)
        try:
            table = acc.queryTable()
        except NotImplementedError:
            return
        if table.nRows == 0 or table.nColumns == 0:
            return
        cells = []
        for c in range(table.nColumns):
            cell = table.getAccessibleAt(0, c)
            if cell is not None:
                cells.append((cell.name or text_of(cell)).strip())
        row = " ".join(t for t in cells if t)
        if not row:
            self.fail(f"{title}: the first row of the list \"{name}\" reads as nothing")
        elif self.args.report:
            print(f"  {title}: list \"{name}\" row 1 reads \"{row[:100]}\"")

    def check_chart(self, title, acc):
        description = acc.description or ""
        if not re.search(r"\d", description):
            self.fail(f"{title}: the chart \"{acc.name}\" has no figures in its description "
                      f"(\"{description}\")")
        elif self.args.report:
            print(f"  {title}: chart \"{acc.name}\": \"{description[:160]}\"")

    def check_list(self, title, acc):
        items = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
        names = [i.name for i in items if i is not None]
        if not all(names):
            self.fail(f"{title}: the list \"{acc.name}\" has items without a name: {names}")
        selected = [i.name for i in items if i is not None and
                    i.getState().contains(pyatspi.STATE_SELECTED)]
        if len(selected) != 1:
            self.fail(f"{title}: the list \"{acc.name}\" should have one selected item, "
                      f"has {selected}")
        if self.args.report:
            print(f"  {title}: list \"{acc.name}\" items {names}, selected {selected}")

    def fail(self, message):
        self.failures.append(message)
        print("FAIL: " + message)


_keymap = []


def keycode(name):
    """The X keycode of a key named as GTK names it ("Escape", "comma", "n")."""
    if not _keymap:
        import gi
        gi.require_version("Gdk", "3.0")
        from gi.repository import Gdk
        Gdk.init([])
        _keymap.append((Gdk, Gdk.Keymap.get_for_display(Gdk.Display.get_default())))
    gdk, keymap = _keymap[0]
    ok, keys = keymap.get_entries_for_keyval(gdk.keyval_from_name(name))
    if not ok or not keys:
        raise SystemExit(f"FAIL: no key for {name} on this display")
    return keys[0].keycode


def press_keys(combination):
    """Types a GTK accelerator such as "<Primary><Shift>n", "<Alt>f" or "F1"."""
    modifiers = re.findall(r"<(\w+)>", combination)
    key = re.sub(r"<\w+>", "", combination)
    held = [keycode({"Primary": "Control_L", "Control": "Control_L", "Shift": "Shift_L",
                     "Alt": "Alt_L"}[m]) for m in modifiers]
    for code in held:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keycode(key), None, pyatspi.KEY_PRESSRELEASE)
    for code in reversed(held):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return (e.x, e.y, e.width, e.height)


def inside(inner, outer, slack):
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and
            inner[0] + inner[2] <= outer[0] + outer[2] + slack and
            inner[1] + inner[3] <= outer[1] + outer[3] + slack)


def scroll_pane_of(acc):
    """The nearest pane around acc that scrolls, or None."""
    node = acc.parent
    while node is not None:
        if node.getRole() == pyatspi.ROLE_SCROLL_PANE:
            return node
        node = node.parent
    return None


def scrolled_away(acc, ink):
    """Whether the text lies above or below the part of its scroll pane on screen, wholly
    within its width: not cut, a person scrolls to it (big text makes panels scroll)."""
    pane = scroll_pane_of(acc)
    if pane is None:
        return False
    view = extents(pane)
    across = ink[0] >= view[0] - 2 and ink[0] + ink[2] <= view[0] + view[2] + 2
    return across and not inside(ink, view, 2)


def visible_part(acc):
    """A control's rectangle less what its scroll pane hides."""
    box = extents(acc)
    pane = scroll_pane_of(acc)
    if pane is None:
        return box
    view = extents(pane)
    x0, y0 = max(box[0], view[0]), max(box[1], view[1])
    x1 = min(box[0] + box[2], view[0] + view[2])
    y1 = min(box[1] + box[3], view[1] + view[3])
    return (x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def path_of(acc):
    try:
        return acc.path
    except AttributeError:
        return id(acc)


def ancestors(acc):
    out = set()
    node = acc.parent
    while node is not None:
        out.add(path_of(node))
        node = node.parent
    return out


def overlap(a, b):
    return (a[0] < b[0] + b[2] - 1 and b[0] < a[0] + a[2] - 1 and
            a[1] < b[1] + b[3] - 1 and b[1] < a[1] + a[3] - 1)


def walk_all(acc):
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is None:
            continue
        yield child
        if child.getRole() in TABLES:
            continue
        yield from walk_all(child)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rapport")
    parser.add_argument("rapport_cli")
    parser.add_argument("--report", action="store_true", help="print every name read")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="rapport-a11y-")
    env = dict(os.environ)
    run = os.path.join(work, "run")
    os.mkdir(run, 0o700)
    env.update(XDG_RUNTIME_DIR=run, XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"), HOME=work)
    db = os.path.join(work, "demo.db")
    subprocess.run([args.rapport_cli, "--db", db, "demo", "--customers", "40",
                    "--interactions", "240", "--seed", "7"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    log = open(os.path.join(work, "rapport.log"), "w")
    reader = Reader(args)
    reader.work = work
    languages = [l for l in os.environ.get("LANGUAGE", "").split(":") if l]
    _catalog.append(gettext.translation(
        "rapport", os.path.join(os.path.dirname(os.path.abspath(args.rapport)), "locale"),
        languages=languages or None, fallback=True))
    # On a machine shared with other displays the program now and then cannot open this one
    # ("Unable to initialize GTK+"): it is started again, up to three times.
    for attempt in range(3):
        proc = subprocess.Popen([args.rapport, "--db", db], env=env, stdout=log, stderr=log)
        if reader.find_app(proc) is not None:
            break
        print(f"the window ended before showing (exit {proc.returncode}); starting it again")
        time.sleep(2)
    try:
        if reader.app is None:
            raise SystemExit("FAIL: the window never showed up in the accessibility tree "
                             "(is the AT-SPI bus running? is this dbus-run-session?)")
        run_checks(reader)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        with open(os.path.join(work, "rapport.log"), errors="replace") as f:
            said = f.read().strip()
        if said:
            print("the window said:\n" + said[-3000:])
        shutil.rmtree(work, ignore_errors=True)
    total = sum(f for f, _ in reader.counts.values())
    named = sum(n for _, n in reader.counts.values())
    print(f"in all: {named} of {total} controls that take the keyboard are named, "
          f"in {len(reader.counts)} views and dialogs")
    if reader.failures:
        print(f"{len(reader.failures)} problems a screen reader user would meet")
        return 1
    return 0


# The menus by position (the same in every language): File, Edit, View, Help.
FILE, EDIT, VIEW, HELP = 0, 1, 2, 3
VIEWS = ["Today", "Customers", "Follow-ups", "Reports"]
# Menu items that open a dialog or window, by position among their menu's items (separators
# not counted). The print dialog and the file choosers are GTK's, and demo data changes the
# data: they are left out (an import dialog is read again after a file is chosen in GTK's).
DIALOGS = [
    ("log incident dialog", FILE, 0),
    ("new customer dialog", FILE, 1),
    ("shop database dialog", FILE, 3),
    ("print preview", FILE, 5),
    ("accountant export dialog", FILE, 7),
    ("import purchases dialog", FILE, 10),
    ("backup message", FILE, 11),
    ("restore dialog", FILE, 12),
    ("settings dialog", FILE, 13),
    ("about box", HELP, 1),
    ("guide", HELP, 0),
]
# The buttons that close a dialog without changing anything, in English and German (GTK's
# and wx's own labels).
CLOSERS = {"Cancel", "Close", "OK", "Abbrechen", "Schließen"}


def run_checks(reader):
    time.sleep(1.0)
    for index, view in enumerate(VIEWS):
        reader.click(reader.menu_item(VIEW, index))
        time.sleep(1.5)
        reader.check_window(view, reader.frame())
        if view == "Customers":
            check_customer_page(reader)
        if view == "Reports":
            for tab in range(1, 3):
                select_tab(reader, reader.frame(), "report_tabs", tab)
                reader.check_window(f"Reports, tab {tab + 1}", reader.frame())
        if view == "Follow-ups":
            check_follow_up_dialogs(reader)
    for title, menu, index in DIALOGS:
        open_and_check(reader, title,
                       lambda: reader.open_with_keys(reader.menu_item(menu, index)))
    check_import_dialog(reader)


def open_and_check(reader, title, opener, then=None):
    """Opens a window with `opener`, reads it, runs `then(window)` when given (which may read
    it again), and closes it as a person would."""
    before = reader.windows()
    opener()
    window = reader.wait_for_new_window(before)
    if window is None:
        reader.fail(f"the {title} did not open")
        return
    reader.check_window(title, window)
    if then is not None:
        then(window)
    close(reader, window)
    if not reader.wait_gone(window, 5) and title != "guide":
        reader.fail(f"the {title} did not close")


def check_follow_up_dialogs(reader):
    """On the week's list, the keys a person presses on a follow-up: 1 opens the Done dialog
    and M the Move dialog; both are cancelled, so nothing changes."""
    found = tables(reader.frame())
    if not found:
        reader.fail("Follow-ups: no list of follow-ups")
        return
    table = found[0]
    # The first row is the day's heading ("Overdue (1)"): the follow-up is the row under it.
    row = next((r for r in range(table.queryTable().nRows)
                if r > 0 and (table.queryTable().getAccessibleAt(r, 1).name or
                              text_of(table.queryTable().getAccessibleAt(r, 1))).strip()), None)
    if row is None:
        reader.fail("Follow-ups: the demo shop has no follow-up to mark done")
        return
    table.queryComponent().grabFocus()
    time.sleep(0.3)
    table.queryTable().addRowSelection(row)
    time.sleep(0.5)
    for title, key in (("follow-up done dialog", "1"), ("follow-up move dialog", "m")):
        open_and_check(reader, title, lambda: press_keys(key))
        table.queryComponent().grabFocus()
        time.sleep(0.3)


def check_import_dialog(reader):
    """File > Import customers, then Choose file (its Alt+letter) and a file typed into GTK's
    chooser as a person types it (Ctrl+L, the path, Enter): the dialog is read empty and again
    with the file's rows, mapping and check shown."""
    csv = os.path.join(reader.work, "customers-to-import.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("Name;Phone;Email;Note\n"
                "Jürgen Groß;+49 30 1234 5678;jg@example.org;Prefers mornings\n"
                "Zoë Lefèvre;+33 1 23 45 67 89;zoe@example.org;\n"
                ";;;no name on this line\n")

    def choose_file(window):
        button = find_button(window, "C&hoose file...")
        if button is None:
            reader.fail(f"import customers dialog: no button \"{tr('C&hoose file...')}\"")
            return
        before = reader.windows()
        press_keys(button.queryAction().getKeyBinding(0).split(";")[0])
        chooser = reader.wait_for_new_window(before)
        if chooser is None:
            reader.fail("import customers dialog: Choose file opened no file chooser")
            return
        press_keys("<Primary>l")
        time.sleep(0.5)
        entry = next((a for a in walk(chooser) if a.getRole() == pyatspi.ROLE_TEXT and
                      states(a).contains(pyatspi.STATE_EDITABLE)), None)
        if entry is None:
            reader.fail("GTK's file chooser showed no field for the file's name")
            reader.press_escape()
            return
        entry.queryEditableText().setTextContents(csv)
        time.sleep(0.3)
        press_keys("Return")
        if not reader.wait_gone(chooser, 10):
            reader.fail("GTK's file chooser did not close on Enter")
            return
        time.sleep(1.0)
        reader.check_window("import customers dialog with a file", window)

    open_and_check(reader, "import customers dialog",
                   lambda: reader.open_with_keys(reader.menu_item(FILE, 9)), then=choose_file)


def close(reader, window):
    for acc in walk(window):
        if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and clean(acc.name) in CLOSERS:
            reader.click(acc)
            return
    reader.press_escape()


def tables(window):
    return [a for a in walk(window) if a.getRole() in TABLES]


def select_tab(reader, window, _name, index, nth=0):
    """Selects tab `index` of the nth tab list shown in the window, as a screen reader does."""
    lists = [a for a in walk(window) if a.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]
    if len(lists) <= nth:
        reader.fail("no tabs where tabs were expected")
        return
    lists[nth].querySelection().selectChild(index)
    time.sleep(1.0)


def check_customer_page(reader):
    """Opens the first customer of the list (Enter on its row) and reads their page and tabs."""
    frame = reader.frame()
    found = tables(frame)
    if not found:
        reader.fail("Customers: no list of customers")
        return
    cell = found[0].queryTable().getAccessibleAt(0, 0)
    action = cell.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("activate") if "activate" in names else 0)
    time.sleep(1.5)
    reader.check_window("customer page", reader.frame())
    select_tab(reader, reader.frame(), "customer_tabs", 1)
    reader.check_window("customer page, Worth it?", reader.frame())
    # The charts are tabs of their own inside the worth tab.
    for chart in (1, 2):
        select_tab(reader, reader.frame(), "worth_charts", chart, nth=1)
        reader.check_window(f"customer page, Worth it?, tab {chart + 1}", reader.frame())
    select_tab(reader, reader.frame(), "customer_tabs", 0)
    # The page's own dialogs, opened with their buttons' Alt+letters.
    for title, label in (("purchase dialog", "Add &purchase..."),
                         ("edit customer dialog", "Ed&it...")):
        button = find_button(reader.frame(), label)
        if button is None:
            reader.fail(f"customer page: no button \"{tr(label)}\"")
            continue
        keys = button.queryAction().getKeyBinding(0)
        if not keys:
            reader.fail(f"customer page: the button \"{button.name}\" has no Alt+letter")
            continue
        open_and_check(reader, title, lambda: press_keys(keys.split(";")[0]))


_catalog = []


def tr(text):
    """A label of the window in the language it runs in, from its own catalog."""
    return _catalog[0].gettext(text) if _catalog else text


def find_button(window, label):
    want = clean(tr(label))
    for acc in walk(window):
        if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and clean(acc.name) == want:
            return acc
    return None


if __name__ == "__main__":
    sys.exit(main())
