#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-builds, once, the third-party libraries that Rapport links on Windows and that Debian
# ships no Windows build of, from Debian's own *source* packages (apt-get source; a deb-src
# line is added by packaging/dev.sh windows):
#
#   libpng1.6      for wxWidgets' PNG support (screenshots, icons); zlib is libz-mingw-w64-dev
#   sqlite3        sqlite3.c generated from Debian's tree, with Debian's compile options + FTS5
#   sqlitecpp      SQLiteCpp over that sqlite3 (not the older amalgamation it bundles)
#   libxlsxwriter  the accountant's workbook
#   libcsv         the CSV reader
#   wxwidgets3.2   static MSW port: base, core, adv, html, net only
#
# plus a folder of the header-only libraries copied from the -dev packages already installed
# (date, CLI11, fmt, nlohmann-json, Catch2) with small CMake package files for them.
#
# Each library goes to its own prefix <cache>/<name>-<Debian version>-r<recipe>, so a second
# run, or a run after an unrelated library changed, takes seconds. Nothing lands in the tree.
# The last line printed is the ';'-list of prefixes, for the toolchain's RAPPORT_WINDOWS_DEPS.
#
#   packaging/windows/build-deps.sh [cache folder]   (default ~/.cache/rapport-windows)
set -euo pipefail

cache="${1:-${RAPPORT_WINDOWS_CACHE:-$HOME/.cache/rapport-windows}}"
host=x86_64-w64-mingw32
jobs="${RAPPORT_JOBS:-$(nproc)}"
mkdir -p "$cache/src"

# The posix thread model: GCC 12's win32 one has no std::mutex / std::thread.
export CC="$host-gcc-posix" CXX="$host-g++-posix" AR="$host-ar" RANLIB="$host-ranlib"
export STRIP="$host-strip" RC="$host-windres" WINDRES="$host-windres"
export CFLAGS="-O2" CXXFLAGS="-O2"
# zlib (libz-mingw-w64-dev) lives in the cross compiler's own sysroot.
mingw_root="/usr/$host"

say() { printf '==> [%s] %s\n' "$(date -u +%T)" "$*" >&2; }

# Downloads and unpacks (Debian patches applied) the newest version of a source package that
# the archive really serves, into <cache>/src/<pkg>-<version>; prints the version. A mirror can
# list a security update before it serves it, so older listed versions are tried in turn.
fetch_source() {
    local pkg="$1" version dir
    for version in $(apt-cache showsrc "$pkg" | sed -n 's/^Version: //p' | sort -rV | uniq); do
        dir="$cache/src/$pkg-$version"
        if [ -f "$dir/.unpacked" ]; then
            echo "$version"
            return 0
        fi
        local dl="$cache/src/download-$pkg-$version"
        rm -rf "$dl" && mkdir -p "$dl"
        if (cd "$dl" && apt-get source -q --download-only "$pkg=$version" >/dev/null 2>&1); then
            rm -rf "$dir"
            dpkg-source --no-check -x "$dl"/*.dsc "$dir" >/dev/null
            rm -rf "$dl"
            touch "$dir/.unpacked"
            echo "$version"
            return 0
        fi
        rm -rf "$dl"
        say "$pkg $version is listed but not served here; trying an older one"
    done
    echo "no downloadable source package for $pkg (is there a deb-src line?)" >&2
    return 1
}

# Where a library's build goes; run_once skips the recipe when it already finished once.
# The r<n> suffix is the recipe's own revision: bump it when the flags below change.
prefix_of() { echo "$cache/$1-$2-r$3"; }
run_once() {
    local prefix="$1" name="$2"
    shift 2
    if [ -f "$prefix/.done" ]; then
        say "$name: cached in $prefix"
        return 0
    fi
    say "$name: building into $prefix"
    local start=$SECONDS
    rm -rf "$prefix" "$prefix.build"
    mkdir -p "$prefix" "$prefix.build"
    "$@"
    rm -rf "$prefix.build"
    touch "$prefix/.done"
    say "$name: built in $((SECONDS - start)) s"
}

cmake_cross() {
    # A minimal cross setup for the libraries' own CMake builds.
    cmake -G Ninja -DCMAKE_SYSTEM_NAME=Windows -DCMAKE_C_COMPILER="$CC" \
        -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_RC_COMPILER="$RC" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_FIND_ROOT_PATH_MODE_PROGRAM=NEVER -DCMAKE_FIND_ROOT_PATH_MODE_LIBRARY=ONLY \
        -DCMAKE_FIND_ROOT_PATH_MODE_INCLUDE=ONLY -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=ONLY \
        -DBUILD_SHARED_LIBS=OFF "$@"
}

# --- libpng ---------------------------------------------------------------------------------
# Just the static library, compiled file by file with the configuration libpng ships prebuilt
# (scripts/pnglibconf.h.prebuilt, Debian's patches applied): its configure script and its test
# and tool programs took about 4 of the 4.5 minutes this step used to take.
png_sources="png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil pngset
 pngtrans pngwio pngwrite pngwtran pngwutil"
build_png() {
    local src="$1" prefix="$2" version="$3" f
    mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
    cp "$src/scripts/pnglibconf.h.prebuilt" "$prefix.build/pnglibconf.h"
    # shellcheck disable=SC2086
    printf '%s\n' $png_sources | xargs -P "$jobs" -I{} \
        "$CC" -O2 -I"$prefix.build" -I"$src" -c "$src/{}.c" -o "$prefix.build/{}.o"
    for f in $png_sources; do "$AR" rcs "$prefix/lib/libpng16.a" "$prefix.build/$f.o"; done
    cp "$prefix/lib/libpng16.a" "$prefix/lib/libpng.a"
    cp "$src/png.h" "$src/pngconf.h" "$prefix.build/pnglibconf.h" "$prefix/include/"
    cat >"$prefix/lib/pkgconfig/libpng.pc" <<EOF
prefix=$prefix
Name: libpng
Description: PNG library (Debian's libpng1.6 $version, cross-built)
Version: ${version%%-*}
Libs: -L\${prefix}/lib -lpng16 -lz
Cflags: -I\${prefix}/include
EOF
    cp "$prefix/lib/pkgconfig/libpng.pc" "$prefix/lib/pkgconfig/libpng16.pc"
}

# --- sqlite3 --------------------------------------------------------------------------------
# Debian's compile options (debian/rules of sqlite3) that matter to a library, plus FTS5,
# which schema.sql uses (Debian enables it with --enable-fts5).
sqlite_flags="-DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3
 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE=1
 -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1
 -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_LOAD_EXTENSION -DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1
 -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1
 -DSQLITE_USE_URI=1 -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK
 -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000"
build_sqlite() {
    local src="$1" prefix="$2" version="$3"
    # The amalgamation is generated on the build machine (it needs tclsh), then cross-compiled.
    (cd "$prefix.build" &&
        CC=gcc CFLAGS= "$src/configure" --disable-tcl >/dev/null &&
        make sqlite3.c >/dev/null)
    mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
    # shellcheck disable=SC2086
    "$CC" -O2 $sqlite_flags -c "$prefix.build/sqlite3.c" -o "$prefix.build/sqlite3.o"
    "$AR" rcs "$prefix/lib/libsqlite3.a" "$prefix.build/sqlite3.o"
    cp "$prefix.build/sqlite3.h" "$prefix.build/sqlite3ext.h" "$prefix/include/"
    cat >"$prefix/lib/pkgconfig/sqlite3.pc" <<EOF
prefix=$prefix
Name: SQLite
Description: SQL database engine (Debian's sqlite3 $version, cross-built)
Version: ${version%%-*}
Libs: -L\${prefix}/lib -lsqlite3
Cflags: -I\${prefix}/include
EOF
}

# --- SQLiteCpp ------------------------------------------------------------------------------
build_sqlitecpp() {
    local src="$1" prefix="$2" sqlite_prefix="$3"
    (cd "$prefix.build" &&
        cmake_cross -S "$src" -B . -DCMAKE_INSTALL_PREFIX="$prefix" \
            -DCMAKE_FIND_ROOT_PATH="$sqlite_prefix;$mingw_root" \
            -DSQLITECPP_INTERNAL_SQLITE=OFF -DSQLITECPP_RUN_CPPLINT=OFF \
            -DSQLITECPP_RUN_CPPCHECK=OFF -DSQLITECPP_BUILD_TESTS=OFF \
            -DSQLITECPP_BUILD_EXAMPLES=OFF -DSQLITECPP_USE_STACK_PROTECTION=OFF >/dev/null &&
        ninja -j"$jobs" >/dev/null && ninja install >/dev/null)
}

# --- libxlsxwriter --------------------------------------------------------------------------
build_xlsxwriter() {
    local src="$1" prefix="$2" version="$3"
    (cd "$prefix.build" &&
        cmake_cross -S "$src" -B . -DCMAKE_INSTALL_PREFIX="$prefix" \
            -DCMAKE_FIND_ROOT_PATH="$mingw_root" -DZLIB_USE_STATIC_LIBS=ON \
            -DZLIB_LIBRARY="$mingw_root/lib/libz.a" >/dev/null &&
        ninja -j"$jobs" >/dev/null && ninja install >/dev/null)
    mkdir -p "$prefix/lib/pkgconfig"
    cat >"$prefix/lib/pkgconfig/xlsxwriter.pc" <<EOF
prefix=$prefix
Name: libxlsxwriter
Description: A C library for creating Excel XLSX files (Debian's $version, cross-built)
Version: ${version%%-*}
Libs: -L\${prefix}/lib -lxlsxwriter -lz
Cflags: -I\${prefix}/include
EOF
}

# --- libcsv: one C file ---------------------------------------------------------------------
build_csv() {
    local src="$1" prefix="$2"
    mkdir -p "$prefix/include" "$prefix/lib"
    "$CC" -O2 -c "$src/libcsv.c" -o "$prefix.build/libcsv.o"
    "$AR" rcs "$prefix/lib/libcsv.a" "$prefix.build/libcsv.o"
    cp "$src/csv.h" "$prefix/include/"
}

# --- wxWidgets ------------------------------------------------------------------------------
# Static, MSW, only what Rapport calls: base, core, adv, html, net (single instance). Debian's
# "+dfsg" tree has no bundled zlib/libpng/libjpeg/libtiff/expat: zlib and libpng come from
# above, the rest is switched off (no XML/XRC, no JPEG/TIFF images).
# wx_unused: features that neither Rapport (grep src for wx classes) nor the parts of wx it
# uses need, each a set of sources that would otherwise be compiled for nothing: the grid,
# document/view and MDI, the help systems, the file watcher, web requests, and controls and
# dialogs the window never shows. Something here that the code starts to use fails at compile
# time (wx/chkconf.h, or the missing class), not at run time.
wx_unused="grid docview mdi mdidoc help htmlhelp mshtmlhelp fswatcher webrequest debugreport
 sound joystick mediactrl svg postscript propgrid ribbon stc richtext aui xrc webview
 wizarddlg tipdlg tipwindow splash animatectrl actindicator addremovectrl bannerwindow
 bmpcombobox commandlinkbutton editablebox filectrl fontpicker colourpicker dirpicker
 filepicker infobar listbook choicebook toolbook treebook treelist notifmsg prefseditor
 rearrangectrl richtooltip sash taskbaricon taskbarbutton miniframe splines hotkey creddlg
 finddlg numberdlg dialupman ftp protocol-ftp uiactionsim gif pcx tga iff pnm tests"
build_wx() {
    local src="$1" prefix="$2" png_prefix="$3" f disable=()
    for f in $wx_unused; do disable+=("--disable-$f"); done
    (cd "$prefix.build" &&
        CPPFLAGS="-I$png_prefix/include" LDFLAGS="-L$png_prefix/lib" \
            PKG_CONFIG_LIBDIR="$png_prefix/lib/pkgconfig" \
            "$src/configure" --host=$host --build=x86_64-linux-gnu --prefix="$prefix" \
            --with-msw --disable-shared --enable-unicode --disable-debug_info \
            --with-zlib=sys --with-libpng=sys --without-libjpeg --without-libtiff \
            --without-expat --without-libxpm --without-opengl --without-liblzma \
            --with-regex=builtin "${disable[@]}" >"$prefix.build/configure.log" 2>&1 ||
            { tail -30 "$prefix.build/configure.log" >&2; exit 1; }
        make -j"$jobs" >"$prefix.build/make.log" 2>&1 ||
            { tail -40 "$prefix.build/make.log" >&2; exit 1; }
        make install >/dev/null)
}

# --- header-only libraries from the installed -dev packages ---------------------------------
dpkg_version() { dpkg-query -W -f='${Version}' "$1"; }
build_headers() {
    local prefix="$1"
    mkdir -p "$prefix/include" "$prefix/lib/cmake"
    cp -r /usr/include/date /usr/include/CLI /usr/include/nlohmann /usr/include/fmt \
        /usr/include/catch2 "$prefix/include/"
    local d
    for d in date fmt nlohmann_json CLI11 Catch2; do mkdir -p "$prefix/lib/cmake/$d"; done
    # Each file makes the target the project links, over <prefix>/include.
    local inc='${CMAKE_CURRENT_LIST_DIR}/../../../include'
    printf 'if(NOT TARGET date::date)\n add_library(date::date INTERFACE IMPORTED)\n set_target_properties(date::date PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s")\nendif()\n' \
        "$inc" >"$prefix/lib/cmake/date/dateConfig.cmake"
    # libfmt-dev is a compiled library for Linux; on Windows fmt is used header-only.
    printf 'if(NOT TARGET fmt::fmt)\n add_library(fmt::fmt INTERFACE IMPORTED)\n set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s" INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)\nendif()\n' \
        "$inc" >"$prefix/lib/cmake/fmt/fmtConfig.cmake"
    printf 'if(NOT TARGET nlohmann_json::nlohmann_json)\n add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)\n set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s")\nendif()\n' \
        "$inc" >"$prefix/lib/cmake/nlohmann_json/nlohmann_jsonConfig.cmake"
    printf 'if(NOT TARGET CLI11::CLI11)\n add_library(CLI11::CLI11 INTERFACE IMPORTED)\n set_target_properties(CLI11::CLI11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s")\nendif()\n' \
        "$inc" >"$prefix/lib/cmake/CLI11/CLI11Config.cmake"
    # Catch2 v2 and its catch_discover_tests (which runs the tests through the emulator, wine).
    cp /usr/lib/cmake/Catch2/Catch.cmake /usr/lib/cmake/Catch2/CatchAddTests.cmake \
        /usr/lib/cmake/Catch2/Catch2ConfigVersion.cmake "$prefix/lib/cmake/Catch2/"
    printf 'if(NOT TARGET Catch2::Catch2)\n add_library(Catch2::Catch2 INTERFACE IMPORTED)\n set_target_properties(Catch2::Catch2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s")\nendif()\nlist(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")\nset(Catch2_VERSION %s)\n' \
        "$inc" "$(dpkg_version catch2 | sed 's/-.*//')" >"$prefix/lib/cmake/Catch2/Catch2Config.cmake"
}

png_v=$(fetch_source libpng1.6)
sqlite_v=$(fetch_source sqlite3)
sqlitecpp_v=$(fetch_source sqlitecpp)
xlsx_v=$(fetch_source libxlsxwriter)
csv_v=$(fetch_source libcsv)
wx_v=$(fetch_source wxwidgets3.2)

png_p=$(prefix_of libpng "$png_v" 2)
sqlite_p=$(prefix_of sqlite3 "$sqlite_v" 1)
sqlitecpp_p=$(prefix_of sqlitecpp "$sqlitecpp_v-sqlite$sqlite_v" 1)
xlsx_p=$(prefix_of libxlsxwriter "$xlsx_v" 1)
csv_p=$(prefix_of libcsv "$csv_v" 1)
wx_p=$(prefix_of wxwidgets "$wx_v-png$png_v" 2)
headers_key="date$(dpkg_version libhowardhinnant-date-dev)-cli$(dpkg_version libcli11-dev)"
headers_key+="-fmt$(dpkg_version libfmt-dev)-json$(dpkg_version nlohmann-json3-dev)"
headers_key+="-catch$(dpkg_version catch2)"
headers_p=$(prefix_of headers "$(echo "$headers_key" | md5sum | cut -c1-12)" 2)

run_once "$png_p" libpng build_png "$cache/src/libpng1.6-$png_v" "$png_p" "$png_v"
# wxWidgets (needs libpng) takes most of the time, and its configure script runs on one core:
# the small libraries are built beside it instead of before it.
(
    run_once "$sqlite_p" sqlite3 build_sqlite "$cache/src/sqlite3-$sqlite_v" "$sqlite_p" \
        "$sqlite_v"
    run_once "$sqlitecpp_p" SQLiteCpp build_sqlitecpp "$cache/src/sqlitecpp-$sqlitecpp_v" \
        "$sqlitecpp_p" "$sqlite_p"
    run_once "$xlsx_p" libxlsxwriter build_xlsxwriter "$cache/src/libxlsxwriter-$xlsx_v" \
        "$xlsx_p" "$xlsx_v"
    run_once "$csv_p" libcsv build_csv "$cache/src/libcsv-$csv_v" "$csv_p"
    run_once "$headers_p" headers build_headers "$headers_p"
) &
small_libs=$!
run_once "$wx_p" wxWidgets build_wx "$cache/src/wxwidgets3.2-$wx_v" "$wx_p" "$png_p"
wait "$small_libs"

echo "$png_p;$sqlite_p;$sqlitecpp_p;$xlsx_p;$csv_p;$headers_p;$wx_p"
