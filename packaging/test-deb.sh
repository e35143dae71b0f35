#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# test-deb.sh BUILD_DIR VERSION APP_ID [lintian]
# Builds the .deb from BUILD_DIR with cpack into a temporary folder, unpacks it with dpkg -x
# into a temporary root and checks what an owner installing it would get: the programs run
# from where the package puts them, every file a desktop needs is there, and every library
# the programs load comes from a package the .deb depends on. With "lintian": only builds the
# package and lets lintian judge it (errors fail; warnings and notes are printed).
set -euo pipefail
build="$1"
version="$2"
app_id="$3"
mode="${4:-unpack}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; fail "cpack could not build the package"; }
deb="$(ls "$tmp"/out/*.deb)"
echo "built $(basename "$deb"): $(stat -c %s "$deb") bytes"
if [ "$mode" = lintian ]; then
    # lintian warns when run as root (CI is root); that line is not about the package.
    lintian --fail-on error --display-info "$deb" 2>&1 | grep -v 'running with root privileges'
    exit "${PIPESTATUS[0]}"
fi

[ "$(dpkg-deb -f "$deb" Package)" = rapport ] || fail "the package is not called rapport"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package version is not $version"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"

root="$tmp/root"
dpkg -x "$deb" "$root"

out="$("$root/usr/bin/rapport-cli" --version)"
[ "$out" = "rapport-cli $version" ] || fail "rapport-cli --version printed '$out'"
echo "installed rapport-cli --version: $out"
# Not only the version flag: the unpacked program makes a database and reads it back.
"$root/usr/bin/rapport-cli" --db "$tmp/check.db" customer add "Ann Example" >/dev/null
"$root/usr/bin/rapport-cli" --db "$tmp/check.db" customer list | grep -q "Ann Example" ||
    fail "the unpacked rapport-cli did not list the customer it added"

expect=(
    usr/bin/rapport-cli
    usr/share/man/man1/rapport-cli.1.gz
    usr/share/doc/rapport/copyright
    usr/share/doc/rapport/changelog.gz
)
if [ -e "$build/src/gui/rapport" ]; then
    expect+=(
        usr/bin/rapport
        usr/share/man/man1/rapport.1.gz
        "usr/share/applications/$app_id.desktop"
        "usr/share/metainfo/$app_id.metainfo.xml"
        "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
        usr/share/locale/de/LC_MESSAGES/rapport.mo
    )
    for size in 16 24 32 48 64 128 256 512; do
        expect+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
    done
fi
for f in "${expect[@]}"; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
done
echo "all ${#expect[@]} expected files are in the package"

# The manual page renders without a groff warning.
warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$root/usr/share/man/man1/rapport-cli.1.gz" 2>&1 >/dev/null || true)"
[ -z "$warnings" ] || fail "the rapport-cli manual page has warnings: $warnings"

# The changelog's newest entry is this version.
top="$(zcat "$root/usr/share/doc/rapport/changelog.gz" | sed -n 1p)"
[[ "$top" == "rapport ($version) "* ]] || fail "changelog.gz starts with '$top', not version $version"

# Every shared library the programs load belongs to a package in Depends.
declare -A depended=()
IFS=',' read -ra parts <<<"$depends"
for p in "${parts[@]}"; do
    p="${p// /}"
    depended["${p%%(*}"]=1
done
for bin in "$root"/usr/bin/*; do
    for lib in $(objdump -p "$bin" | awk '/NEEDED/ { print $2 }'); do
        # awk reads to the end: an early exit would SIGPIPE ldconfig and, under pipefail,
        # end this script without a word.
        path="$(ldconfig -p | awk -v l="$lib" '$1 == l && !found { print $NF; found = 1 }')"
        [ -n "$path" ] || fail "$(basename "$bin") needs $lib, which is not on this machine"
        owner="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path")"
        owner="${owner%%:*}"
        [ -n "${depended[$owner]:-}" ] ||
            fail "$(basename "$bin") needs $lib from $owner, which is not in Depends" \
                "(mark it '# runtime' in packaging/debian-packages.txt)"
    done
done
echo "every library the programs load comes from a package in Depends"
