#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# test-wine.sh BUILD_DIR: checks the Windows build in BUILD_DIR (packaging/dev.sh windows) under
# wine, each step in a wine prefix (a fresh "Windows") of its own under BUILD_DIR/wine:
#
#   1. the programs import no DLL that Windows lacks; the core, store and CLI suites as Windows
#      programs (ctest; the few cases that cannot run under wine are listed with their reasons
#      in wine-skipped-tests.txt)
#   2. rapport.exe --screenshot of each main view on demo data, under Xvfb, for a Windows user
#      named "Zoë": in English on a --db file into BUILD_DIR/wine/screenshots/en/*.png, and in
#      German on the default database (%APPDATA%\rapport) into .../screenshots/de/*.png, each
#      checked to be a picture and not one flat colour
#   3. the installer, silently (/S), into a fresh prefix: the Start-menu entry and the programs
#      are there; the installed rapport-cli.exe logs an incident into a database in a folder
#      named "Zoë" (by --db and by RAPPORT_DB) and into its default place, %APPDATA%\rapport;
#      then the uninstaller (/S) removes the program and leaves every database where it was.
#
#   test-wine.sh BUILD_DIR [suites] [window] [installer]   (all three when none is named)
set -euo pipefail

build="$(cd "${1:?usage: test-wine.sh BUILD_DIR [suites|window|installer ...]}" && pwd)"
shift
steps="${*:-suites window installer}" # all three unless some are named
want() { [[ " $steps " == *" $1 "* ]]; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# No wine debug chatter, and no offer to download Mono or Gecko (nothing here needs them).
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LC_ALL=C.UTF-8
unset LANGUAGE
wine_root="$build/wine"

say() { printf '==> %s\n' "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# A new prefix, made before its first use so the tests do not pay for it (wineboot: ~20 s).
fresh_prefix() {
    export WINEPREFIX="$wine_root/$1"
    rm -rf "$WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1
    wineserver -w
}
stop_prefix() {
    wineserver -k 2>/dev/null || true
    wineserver -w 2>/dev/null || true
}

# --- 1. the test suites ---------------------------------------------------------------------
start=$SECONDS
fresh_prefix tests
# The installer carries the two programs and no DLL: each may import only what Windows itself
# has (wine's system32 holds its own version of each of those).
system32="$WINEPREFIX/drive_c/windows/system32"
for exe in "$build/src/cli/rapport-cli.exe" "$build/src/gui/rapport.exe"; do
    [ -f "$exe" ] || continue
    for dll in $(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p'); do
        [ -n "$(find "$system32" -maxdepth 1 -iname "$dll" -print -quit)" ] ||
            fail "$(basename "$exe") needs $dll, which Windows does not have and the installer does not carry"
    done
done
if want suites; then
    say "the core, store and CLI suites under wine"
    # The first program in a prefix makes wine start its services (explorer.exe, services.exe,
    # ...), which inherit that program's output: under ctest they held a suite's pipe open until
    # the wine server ended, so a 1 s suite was counted for 6 minutes. A persistent server, its
    # services started here on /dev/null, keeps them out of the suites' pipes.
    wineserver -p
    wine cmd /c exit </dev/null >/dev/null 2>&1
    # Each suite is one Windows process (tests/CMakeLists.txt): two at a time, as on Linux.
    ctest --test-dir "$build" --output-on-failure -j "${RAPPORT_JOBS:-2}"
    say "suites passed under wine in $((SECONDS - start)) s"
fi
stop_prefix

# --- 2. screenshots of the window -----------------------------------------------------------
cli="$build/src/cli/rapport-cli.exe"
gui="$build/src/gui/rapport.exe"
window=yes
if [ ! -f "$gui" ]; then
    # Only a build configured with RAPPORT_BUILD_GUI=OFF; packaging/dev.sh windows always
    # builds the window.
    window=no
    say "SKIPPED: no rapport.exe in $build (built without the window): no screenshots"
fi
screenshots() {
    local shots="$wine_root/screenshots" start=$SECONDS
    # A Windows user named "Zoë" (wine names the profile folder after $USER), so the window's
    # own database is C:\users\Zoë\AppData\Roaming\rapport\rapport.db.
    export USER="Zoë"
    fresh_prefix window
    rm -rf "$shots"
    mkdir -p "$shots/en" "$shots/de"
    (cd "$shots/en" && wine "$cli" --db demo.db demo --customers 200 --interactions 1500 \
        --seed 7 >/dev/null)
    wine "$cli" demo --customers 200 --interactions 1500 --seed 7 >/dev/null
    local default_db="$WINEPREFIX/drive_c/users/Zoë/AppData/Roaming/rapport/rapport.db"
    [ -f "$default_db" ] || fail "no default database in C:\\users\\Zoë\\AppData\\Roaming\\rapport"
    # The wine server those runs started has a desktop without a display, and rapport.exe
    # crashes on it (a page fault in wxArrayString::Add): let it end before the X server starts.
    wineserver -w
    say "rapport.exe --screenshot under Xvfb, in English (--db) and German (default database)"
    # One X server for all views: wine's desktop process stays with the first display it met.
    xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
        set -e
        for view in today log customer:1 followups reports; do
            name="${view%%:*}"
            [ "$name" = customer ] && name=customers
            (cd "$1/en" && wine "$2" --db demo.db --view "$view" --screenshot "$name.png")
            (cd "$1/de" && LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 \
                wine "$2" --view "$view" --screenshot "$name.png")
        done
        wineserver -k || true' _ "$shots" "$gui"
    local view lang
    for lang in en de; do
        for view in today log customers followups reports; do
            python3 "$here/check-png.py" "$shots/$lang/$view.png" ||
                fail "the $lang $view screenshot is not a picture"
        done
    done
    stop_prefix
    say "screenshots in $shots/en and $shots/de ($((SECONDS - start)) s)"
}
if [ "$window" = yes ] && want window; then
    (screenshots)
fi

# --- 3. the installer -----------------------------------------------------------------------
want installer || exit 0
start=$SECONDS
setup="$(ls "$build"/Rapport-*-setup.exe)"
fresh_prefix install
say "installing $(basename "$setup") silently into a fresh prefix"
wine "$setup" /S
wineserver -w
user_dir() { winepath -u "$(wine cmd /c echo "%$1%" | tr -d '\r')"; }
local_app="$(user_dir LOCALAPPDATA)"
roaming="$(user_dir APPDATA)"
menu="$(user_dir APPDATA)/Microsoft/Windows/Start Menu/Programs"
program="$local_app/Programs/Rapport"
expected="bin/rapport-cli.exe uninstall.exe README.txt LICENSE.txt"
if [ "$window" = yes ]; then
    expected+=" bin/rapport.exe share/locale/de/LC_MESSAGES/rapport.mo"
    expected+=" share/locale/de/LC_MESSAGES/wxstd-3.2.mo"
fi
for f in $expected; do
    [ -f "$program/$f" ] || fail "the installer did not put $f into $program"
done
if [ "$window" = yes ]; then
    [ -f "$menu/Rapport.lnk" ] || fail "no Start-menu entry in $menu"
fi

installed_cli="$program/bin/rapport-cli.exe"
zoe_unix="$WINEPREFIX/drive_c/Zoë/Kunden"
mkdir -p "$zoe_unix"
zoe='C:\Zoë\Kunden'
# --db with a name wine passes as UTF-16 and the program sees as UTF-8 (its manifest).
id="$(wine "$installed_cli" --db "$zoe\\rapport.db" customer add "Jürgen Groß" | tr -d '\r')"
wine "$installed_cli" --db "$zoe\\rapport.db" log "$id" --summary "Reklamation: Preis zu hoch" \
    --severity 4 >/dev/null
[ -f "$zoe_unix/rapport.db" ] || fail "no database in $zoe_unix"
shown="$(wine "$installed_cli" --db "$zoe\\rapport.db" customer show "$id" | tr -d '\r')"
grep -q 'Reklamation: Preis zu hoch' <<<"$shown" || fail "the incident is not in the customer's history"
grep -q 'Jürgen Groß' <<<"$shown" || fail "the customer's name did not come back as written"
# RAPPORT_DB, as on Linux.
RAPPORT_DB="$zoe\\other.db" WINEDEBUG=-all wine "$installed_cli" customer add "Zoë" >/dev/null
[ -f "$zoe_unix/other.db" ] || fail "RAPPORT_DB was not followed"
# No --db: %APPDATA%\rapport\rapport.db.
wine "$installed_cli" customer add "Standard" >/dev/null
[ -f "$roaming/rapport/rapport.db" ] || fail "the default database is not in %APPDATA%\\rapport"
say "the installed rapport-cli.exe logged an incident in $zoe\\rapport.db"

wine "$program/uninstall.exe" /S
wineserver -w
# The uninstaller copies itself to the temporary folder and runs from there: wait for it.
for _ in $(seq 1 30); do
    [ -e "$program/bin/rapport-cli.exe" ] || break
    sleep 1
done
[ ! -e "$program/bin/rapport-cli.exe" ] || fail "the uninstaller left rapport-cli.exe"
[ ! -e "$program" ] || fail "the uninstaller left $program: $(ls -R "$program")"
[ ! -e "$menu/Rapport.lnk" ] || fail "the uninstaller left the Start-menu entry"
for db in "$zoe_unix/rapport.db" "$zoe_unix/other.db" "$roaming/rapport/rapport.db"; do
    [ -f "$db" ] || fail "the uninstaller removed the owner's data: $db"
done
stop_prefix
say "installer: installs, works with 'Zoë' paths, uninstalls and keeps the data ($((SECONDS - start)) s)"
say "installer size: $(stat -c %s "$setup") bytes ($(du -h "$setup" | cut -f1))"
