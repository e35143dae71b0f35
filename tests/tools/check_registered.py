#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every test case of the suites whose cases are listed by hand in CMake is a ctest test.

The window's suites name each case in tests/gui/CMakeLists.txt and tests/desktop/CMakeLists.txt
(each runs alone, with the display locked, some in German): a case written but not listed
compiled, passed when run by hand, and never ran in CI.

    check_registered.py BUILD_DIR PROGRAM...

Lists each PROGRAM's cases (Catch2's --list-test-names-only) and the build's ctest tests, and
fails naming every case no ctest test runs ("<prefix>: <case name>").
"""
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    build, programs = sys.argv[1], sys.argv[2:]
    listing = subprocess.run(["ctest", "--test-dir", build, "-N"], capture_output=True,
                             text=True, check=True).stdout
    # "  Test #12: gui: Some case name" -> "Some case name"
    registered = set()
    for line in listing.splitlines():
        line = line.strip()
        if line.startswith("Test") and ": " in line:
            name = line.split(": ", 1)[1]
            if ": " in name:
                registered.add(name.split(": ", 1)[1])
    missing = []
    cases = 0
    for program in programs:
        # Catch2 v2 exits with the number of cases it listed.
        listed = subprocess.run([program, "--list-test-names-only"], capture_output=True,
                                text=True, check=False)
        if listed.returncode < 0 or not listed.stdout.strip():
            print(f"{program} listed no cases: {listed.stderr.strip()}")
            return 1
        names = listed.stdout
        for case in (n.strip() for n in names.splitlines()):
            if not case:
                continue
            cases += 1
            if case not in registered:
                missing.append(f"{program.rsplit('/', 1)[-1]}: {case}")
    if missing:
        print("These test cases are no ctest test (add each to its CMakeLists.txt list):")
        for m in missing:
            print("  " + m)
        return 1
    print(f"{cases} cases of {len(programs)} programs, each a ctest test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
