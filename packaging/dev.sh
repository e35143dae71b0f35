#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for developers and CI on a fresh Debian 12 machine.
#   ./packaging/dev.sh run    build and start the app on its default database
#   ./packaging/dev.sh test   build and run every test
#   ./packaging/dev.sh bench  Release build, then the performance benchmark (tests/bench);
#                             --server adds the same rows on a throwaway PostgreSQL server
#   ./packaging/dev.sh load [--clients N] [--seconds S]  N clients saving on one server at once
#   ./packaging/dev.sh build  just build
#   ./packaging/dev.sh deps   just install the Debian packages
#   ./packaging/dev.sh sanitize        core/store/CLI tests under ASan+UBSan (build-sanitize)
#   ./packaging/dev.sh fuzz [seconds] [parsers|import|open]  fuzz the parsers, the CSV importer
#                                   and the database opener with libFuzzer (clang; build-fuzz)
#   ./packaging/dev.sh durability [--cuts N] [--seed S]  simulated power cuts and a failing
#                                   disk, with figures (tests/durability)
#   ./packaging/dev.sh damaged [N] [FROM]  N damaged database files (10,000) through the CLI
#                                   under ASan+UBSan (build-sanitize); FROM: only those from
#                                   number FROM on (batches of one run side by side)
#   ./packaging/dev.sh package      build the .deb into build/packages and run lintian on it
#   ./packaging/dev.sh screenshots  redraw assets/screenshots (the metainfo's pictures) from demo data
#   ./packaging/dev.sh windows      cross-build for Windows (build-windows), its installer, and
#                                   the Windows tests under wine (packaging/windows/)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build_dir="${RAPPORT_BUILD_DIR:-$root/build}"
build_type="${RAPPORT_BUILD_TYPE:-RelWithDebInfo}"

say() { printf '==> %s\n' "$*"; }

install_packages() {
    local list="${1:-$here/debian-packages.txt}" wanted missing=()
    wanted=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
    for pkg in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing missing packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The German window needs a de_DE.UTF-8 locale for its dates and numbers; Debian generates
# only the locales listed in /etc/locale.gen. Done once, and skipped when already there.
ensure_locales() {
    if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then return 0; fi
    command -v locale-gen >/dev/null || return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    say "generating the de_DE.UTF-8 locale"
    $sudo sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen >/dev/null
}

configure_and_build() {
    if [ ! -f "$build_dir/build.ninja" ]; then
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type"
    fi
    cmake --build "$build_dir" -j "$(nproc)"
}

run_tests() {
    # GUI tests need a display; xvfb-run gives them a private one.
    local jobs
    jobs="$(nproc)"
    if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
        xvfb-run -a -s '-screen 0 1600x1000x24' ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    else
        ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    fi
}

run_app() {
    local gui="$build_dir/src/gui/rapport" cli="$build_dir/src/cli/rapport-cli"
    if [ -x "$gui" ]; then
        if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            exec "$gui" "$@"
        fi
        local shot="$build_dir/rapport-screenshot.png"
        say "no display here: rendering the window under xvfb-run to $shot"
        xvfb-run -a -s '-screen 0 1600x1000x24' "$gui" --screenshot "$shot" "$@"
        say "screenshot written to $shot"
        return 0
    fi
    "$cli" init "$@"
    "$cli" customer list "$@"
}

# Release build in its own folder, so benchmark figures never come from a debug build.
bench_build="$root/build-release"
build_release() {
    if [ ! -f "$bench_build/build.ninja" ]; then
        cmake -S "$root" -B "$bench_build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAPPORT_BUILD_TESTS=OFF
    fi
    cmake --build "$bench_build" -j "$(nproc)"
}

run_bench() {
    build_release
    python3 "$root/tests/bench/bench.py" --build "$bench_build" "$@"
}

run_load() {
    # A shop's busy hour on a throwaway PostgreSQL server: N rapport-cli clients saving at
    # once (tests/bench/load_server.py)
    build_release
    python3 "$root/tests/bench/load_server.py" --build "$bench_build" "$@"
}

run_sanitize() {
    # A second build with AddressSanitizer and UBSan, without the window (GTK's own leaks are
    # not ours): the core, store and CLI suites, the crash and corruption tests included.
    local san_build="$root/build-sanitize"
    if [ ! -f "$san_build/build.ninja" ]; then
        cmake -S "$root" -B "$san_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DRAPPORT_BUILD_GUI=OFF -DRAPPORT_SANITIZE=ON
    fi
    cmake --build "$san_build" -j "$(nproc)"
    # A sanitizer report exits 86, which no test takes for the CLI's own 0, 1 or 2.
    ASAN_OPTIONS="exitcode=86:detect_leaks=1:strict_string_checks=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86" \
        ctest --test-dir "$san_build" --output-on-failure -j "$(nproc)"
}

run_fuzz() {
    # libFuzzer needs clang. New inputs collect in build-fuzz/corpus-<target>; the seed corpora
    # in tests/fuzz/corpus* stay small and are what CI replays. A crash leaves its input in
    # build-fuzz/ (crash-*), to be added to the seed corpus with the fix.
    # ./packaging/dev.sh fuzz [seconds per target] [parsers|import|open]
    local seconds="${1:-60}" only="${2:-}"
    local fuzz_build="$root/build-fuzz"
    if [ ! -f "$fuzz_build/build.ninja" ]; then
        CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz_build" -G Ninja \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_BUILD_GUI=OFF -DRAPPORT_FUZZ=ON \
            -DRAPPORT_SANITIZE=ON
    fi
    local target seeds max_len
    for target in parsers import open; do
        [ -n "$only" ] && [ "$only" != "$target" ] && continue
        case "$target" in
            parsers) seeds="$root/tests/fuzz/corpus" max_len=4096 ;;
            import) seeds="$root/tests/fuzz/corpus_import" max_len=16384 ;;
            open) seeds="$root/tests/fuzz/corpus_open" max_len=65536 ;;
        esac
        cmake --build "$fuzz_build" --target "fuzz_$target" -j "$(nproc)"
        mkdir -p "$fuzz_build/corpus-$target"
        "$fuzz_build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" \
            -artifact_prefix="$fuzz_build/" -print_final_stats=1 \
            "$fuzz_build/corpus-$target" "$seeds"
    done
}

run_durability() {
    # Simulated power cuts across Rapport's operations (tests/durability): prints the figures
    # and fails when a reported commit was lost, an operation half-applied or a file damaged.
    cmake --build "$build_dir" --target rapport-durability -j "$(nproc)"
    "$build_dir/tests/durability/rapport-durability" "$@"
}

run_damaged() {
    # The damaged-files case of tests/cli at full size, in the sanitizer build: a crash or a
    # sanitizer report (exit 86) fails it. Its figures are the WARN lines at the end.
    local files="${1:-10000}" from="${2:-0}" san_build="$root/build-sanitize"
    if [ ! -f "$san_build/build.ninja" ]; then
        cmake -S "$root" -B "$san_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DRAPPORT_BUILD_GUI=OFF -DRAPPORT_SANITIZE=ON
    fi
    cmake --build "$san_build" --target test_cli -j "$(nproc)"
    RAPPORT_DAMAGED_FILES="$files" RAPPORT_DAMAGED_FROM="$from" ASAN_OPTIONS="exitcode=86:detect_leaks=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86" \
        "$san_build/tests/test_cli" "[damaged]"
}

run_package() {
    # cpack installs the build into a staging tree and writes build/packages/*.deb; lintian
    # then judges it as Debian would (errors fail this mode, warnings are shown).
    rm -f "$build_dir"/packages/*.deb
    cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir/packages"
    local deb
    deb="$(ls "$build_dir"/packages/*.deb)"
    say "package: $deb ($(du -h "$deb" | cut -f1))"
    dpkg-deb --field "$deb"
    say "lintian"
    lintian --fail-on error --display-info "$deb"
}

run_screenshots() {
    # The pictures the AppStream metainfo links to, drawn by the real window on demo data.
    # The window shows the data file's path, so the demo file is opened by a relative name.
    local gui="$build_dir/src/gui/rapport" cli="$build_dir/src/cli/rapport-cli" work
    work="$(mktemp -d)"
    mkdir -p "$root/assets/screenshots"
    (
        cd "$work"
        "$cli" --db demo.db demo --customers 200 --interactions 1500 --seed 7 >/dev/null
        # The customer with the longest history, for the customer view.
        local id
        id="$("$cli" --db demo.db --json customer list |
            python3 -c 'import json, sys; print(max(json.load(sys.stdin), key=lambda c: c["complaints"])["id"])')"
        for view in today log "customer:$id" followups reports; do
            local name="${view%%:*}"
            [ "$name" = customer ] && name=customers
            env -u LANGUAGE LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1600x1000x24' \
                "$gui" --db demo.db --view "$view" \
                --screenshot "$root/assets/screenshots/$name.png"
            say "assets/screenshots/$name.png"
        done
    )
    rm -rf "$work"
}

# The Windows build: MinGW-w64, wine and NSIS from Debian; the libraries Debian has no Windows
# build of, cross-built from Debian's source packages once into a cache outside the tree
# (packaging/windows/build-deps.sh); then this project with a toolchain file, its installer,
# and its tests under wine (packaging/windows/test-wine.sh).
run_windows() {
    local win_build="${RAPPORT_WINDOWS_BUILD_DIR:-$root/build-windows}"
    local cache="${RAPPORT_WINDOWS_CACHE:-$HOME/.cache/rapport-windows}"
    local start=$SECONDS sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    install_packages
    if ! apt-cache showsrc wxwidgets3.2 2>/dev/null | grep -q '^Version:'; then
        say "adding deb-src lines for Debian's archive (apt-get source)"
        $sudo cp "$here/windows/deb-src.sources" /etc/apt/sources.list.d/rapport-deb-src.sources
        $sudo apt-get update -q
    fi
    install_packages "$here/windows/debian-packages.txt"
    say "third-party libraries for Windows (cache: $cache)"
    local deps
    deps="$("$here/windows/build-deps.sh" "$cache" | tail -n 1)"
    say "third-party libraries ready after $((SECONDS - start)) s"
    if [ ! -f "$win_build/build.ninja" ]; then
        # Unity build: one compiler run per batch of sources, so the wx and Catch2 headers
        # are parsed once a batch instead of once a file (tests/CMakeLists.txt: the suites).
        cmake -S "$root" -B "$win_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_TOOLCHAIN_FILE="$here/windows/toolchain-mingw64.cmake" \
            -DCMAKE_UNITY_BUILD=ON -DRAPPORT_WINDOWS_DEPS="$deps"
    else
        cmake "$win_build" -DRAPPORT_WINDOWS_DEPS="$deps" >/dev/null
    fi
    cmake --build "$win_build" -j "$(nproc)"
    cmake --build "$win_build" --target windows-installer
    say "built after $((SECONDS - start)) s: $(ls "$win_build"/Rapport-*-setup.exe)"
    "$here/windows/test-wine.sh" "$win_build"
    say "packaging/dev.sh windows: $((SECONDS - start)) s in all"
}

cmd="${1:-}"
shift || true
case "$cmd" in
    deps) install_packages ;;
    build) install_packages; configure_and_build ;;
    test) install_packages; ensure_locales; configure_and_build; run_tests ;;
    run) install_packages; configure_and_build; run_app "$@" ;;
    bench) install_packages; run_bench "$@" ;;
    load) install_packages; run_load "$@" ;;
    sanitize) install_packages; run_sanitize ;;
    fuzz) install_packages; run_fuzz "$@" ;;
    damaged) install_packages; run_damaged "$@" ;;
    durability)
        install_packages
        [ -f "$build_dir/build.ninja" ] || cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type"
        run_durability "$@"
        ;;
    package) install_packages; ensure_locales; configure_and_build; run_package ;;
    screenshots) install_packages; configure_and_build; run_screenshots ;;
    windows) run_windows ;;
    *)
        echo "usage: $0 run|test|build|bench|load|sanitize|fuzz|durability|damaged|package|screenshots|windows|deps" >&2
        exit 2
        ;;
esac
