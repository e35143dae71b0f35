# Cross-building Rapport for 64-bit Windows on Debian with MinGW-w64 (packaging/dev.sh windows).
#
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=packaging/windows/toolchain-mingw64.cmake \
#         -DRAPPORT_WINDOWS_DEPS="<prefix>;<prefix>;..."     (printed by build-deps.sh)
#
# The -posix compilers: GCC 12's win32 thread model has no std::mutex / std::thread.
# Programs are linked statically (libstdc++, libgcc, winpthread too), so the installer carries
# two .exe files and no DLLs. Tests and catch_discover_tests run the .exe files under wine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(RAPPORT_WINDOWS_HOST x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${RAPPORT_WINDOWS_HOST}-gcc-posix)
set(CMAKE_CXX_COMPILER ${RAPPORT_WINDOWS_HOST}-g++-posix)
set(CMAKE_RC_COMPILER ${RAPPORT_WINDOWS_HOST}-windres)

# try_compile projects see the toolchain file again; they need the same prefixes.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES RAPPORT_WINDOWS_DEPS)

set(CMAKE_FIND_ROOT_PATH /usr/${RAPPORT_WINDOWS_HOST} ${RAPPORT_WINDOWS_DEPS})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Static archives only: no libz.dll.a or other import library is picked by mistake (the .exe
# would then need zlib1.dll, which the installer does not carry). CMake's Windows-GNU platform
# file, read after this one, puts .dll.a first again; a file run right after project() wins.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
set(CMAKE_PROJECT_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/static-libraries.cmake)

# pkg-config reads only the cross-built libraries' .pc files, never the Linux ones.
set(_rapport_pc "")
foreach(_prefix IN LISTS RAPPORT_WINDOWS_DEPS)
    list(APPEND _rapport_pc ${_prefix}/lib/pkgconfig)
endforeach()
string(REPLACE ";" ":" _rapport_pc "${_rapport_pc}")
set(ENV{PKG_CONFIG_LIBDIR} "${_rapport_pc}")
set(ENV{PKG_CONFIG_PATH} "")

# wxWidgets' own wx-config, from the static MSW build.
foreach(_prefix IN LISTS RAPPORT_WINDOWS_DEPS)
    if(EXISTS ${_prefix}/bin/wx-config)
        set(wxWidgets_CONFIG_EXECUTABLE ${_prefix}/bin/wx-config CACHE FILEPATH "")
    endif()
endforeach()

# MinGW's time.h declares localtime_r and gmtime_r (the code's thread-safe calls) only with this.
set(CMAKE_C_FLAGS_INIT "-D_POSIX_THREAD_SAFE_FUNCTIONS")
set(CMAKE_CXX_FLAGS_INIT "-D_POSIX_THREAD_SAFE_FUNCTIONS")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

find_program(RAPPORT_WINE NAMES wine wine64)
if(RAPPORT_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${RAPPORT_WINE})
endif()
