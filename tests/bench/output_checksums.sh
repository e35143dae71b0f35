#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints a checksum of what rapport-cli writes for the heavy everyday commands on one database,
# so a refactoring can show its output is byte-for-byte what it was:
#   tests/bench/output_checksums.sh OLD/rapport-cli /tmp/rapport-bench.db > before.txt
#   tests/bench/output_checksums.sh NEW/rapport-cli /tmp/rapport-bench.db > after.txt
#   diff before.txt after.txt
# The dates are the benchmark's (tests/bench/bench.py). The JSON history's exported_at line is
# the time of the run, so it is left out of its checksum.
set -euo pipefail
cli="$1" db="$2"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() { "$cli" --db "$db" --today 2026-11-25 "$@"; }
heavy=$(sqlite3 "$db" "SELECT customer_id FROM interaction GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1")

sum() { printf '%s  %s\n' "$(sha256sum | cut -c1-16)" "$1"; }
run customer list | sum "customer list"
run --json customer list | sum "customer list --json"
run customer list --search kettle | sum "customer list --search kettle"
run --json customer list --search kettle | sum "customer list --search kettle --json"
run customer show "$heavy" | sum "customer show $heavy"
run customer show "$heavy" --json | sum "customer show $heavy --json"
run followups --week 2026-W48 | sum "followups --week 2026-W48"
run followups --week 2026-W48 --json | sum "followups --week 2026-W48 --json"
run followups --overdue --json | sum "followups --overdue --json"
run worth --all | sum "worth --all"
run worth --all --json | sum "worth --all --json"
run worth --all --csv | sum "worth --all --csv"
run worth "$heavy" | sum "worth $heavy"
run worth "$heavy" --json | sum "worth $heavy --json"
run export accountant --from 2025-11-26 --to 2026-11-25 --out "$out/year.csv" >/dev/null
sum "export accountant (a year, CSV)" <"$out/year.csv"
run export history --out "$out/history" >/dev/null
(cd "$out/history" && cat $(ls | sort)) | sum "export history (CSV folder)"
run export history --out "$out/history.json" >/dev/null
grep -v '"exported_at"' "$out/history.json" | sum "export history (JSON, without exported_at)"
run export followups --out "$out/follow-ups.ics" >/dev/null
grep -v '^DTSTAMP' "$out/follow-ups.ics" | sum "export followups (ICS, without DTSTAMP)"
