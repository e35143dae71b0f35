#!/usr/bin/env bash
# One entry point for developers and CI on a fresh Debian 12 machine.
#   ./packaging/dev.sh run    build and start the app on its default database
#   ./packaging/dev.sh test   build and run every test
#   ./packaging/dev.sh bench  Release build, then the performance benchmark (tests/bench)
#   ./packaging/dev.sh build  just build
#   ./packaging/dev.sh deps   just install the Debian packages
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build_dir="${RAPPORT_BUILD_DIR:-$root/build}"
build_type="${RAPPORT_BUILD_TYPE:-RelWithDebInfo}"

say() { printf '==> %s\n' "$*"; }

install_packages() {
    local wanted missing=()
    wanted=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/debian-packages.txt" | grep -v '^$')
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

run_bench() {
    # Release build in its own folder, so benchmark figures never come from a debug build.
    local bench_build="$root/build-release"
    if [ ! -f "$bench_build/build.ninja" ]; then
        cmake -S "$root" -B "$bench_build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAPPORT_BUILD_TESTS=OFF
    fi
    cmake --build "$bench_build" -j "$(nproc)"
    python3 "$root/tests/bench/bench.py" --build "$bench_build" "$@"
}

cmd="${1:-}"
shift || true
case "$cmd" in
    deps) install_packages ;;
    build) install_packages; configure_and_build ;;
    test) install_packages; configure_and_build; run_tests ;;
    run) install_packages; configure_and_build; run_app "$@" ;;
    bench) install_packages; run_bench "$@" ;;
    *)
        echo "usage: $0 run|test|build|bench|deps" >&2
        exit 2
        ;;
esac
