#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one GUI test with a desktop keyring of its own: GNOME Keyring's Secret Service on a
# private D-Bus session bus, its login keyring made and unlocked with a throwaway password in a
# throwaway home, so the test can check where the window keeps a password (and the owner's
# real keyring is never touched). Usage: with_keyring.sh TEST_BINARY TEST_NAME
set -euo pipefail
binary=$1
name=$2
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIPPED: $tool is not installed (./packaging/dev.sh deps installs it)"
        exit 0
    fi
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config" RAPPORT_TEST_KEYRING=1
# shellcheck disable=SC2016 # expanded by the inner shell
exec dbus-run-session -- bash -c '
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$0" "$1"' "$binary" "$name" 2> >(grep -v "Failed to set fd limit" >&2)
