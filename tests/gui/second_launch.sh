#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A second `rapport` for the same user must bring the first window to the front and exit,
# leaving one window. Run under a display (xvfb-run -a in CI).
set -u
rapport="$1"
work="$(mktemp -d)"
trap 'kill "$first" 2>/dev/null; wait "$first" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -m 700 "$work/run"
export XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

"$rapport" --db "$work/one.db" >"$work/first.out" 2>&1 &
first=$!
# Wait for the first instance to take the lock and open its socket.
i=0
while [ ! -S "$work/run/rapport-$(id -un).socket" ]; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
        echo "the first instance never opened its socket"; cat "$work/first.out"; exit 1
    fi
    if ! kill -0 "$first" 2>/dev/null; then
        echo "the first instance exited"; cat "$work/first.out"; exit 1
    fi
    sleep 0.1
done

if ! timeout 20 "$rapport" --db "$work/two.db" >"$work/second.out" 2>&1; then
    echo "the second launch failed:"; cat "$work/second.out"; exit 1
fi
if ! grep -q "already open; its window was brought to the front" "$work/second.out"; then
    echo "the second launch did not hand over to the first:"; cat "$work/second.out"; exit 1
fi
if [ -e "$work/two.db" ]; then
    echo "the second launch opened its own database"; exit 1
fi
if ! kill -0 "$first" 2>/dev/null; then
    echo "the first instance is gone"; exit 1
fi
echo "second launch handed over to the first window"
