# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Rapport on Windows: the programs' resources and the NSIS installer. Only in a build for
# Windows, which is cross-built on Debian with packaging/windows/toolchain-mingw64.cmake
# (./packaging/dev.sh windows does it all):
#
#   every .exe (the window, rapport-cli, the test programs) gets packaging/windows/rapport.manifest
#   (UTF-8 code page, no administrator rights) and version information; rapport.exe also the icon
#   (assets/<id>.svg drawn by rsvg-convert, packed by make-ico.py) and wxWidgets' own resources.
#
#   cmake --build build-windows --target windows-installer
#     writes build-windows/Rapport-<version>-setup.exe (packaging/windows/rapport.nsi).
if(NOT WIN32)
    return()
endif()

enable_language(RC)
set(RAPPORT_WINDOWS_DIR ${CMAKE_SOURCE_DIR}/packaging/windows)
set(RAPPORT_WINDOWS_OUT ${CMAKE_BINARY_DIR}/windows)
set(RAPPORT_MANIFEST ${RAPPORT_WINDOWS_DIR}/rapport.manifest)
set(RAPPORT_ICO ${RAPPORT_WINDOWS_OUT}/rapport.ico)
find_program(RSVG_CONVERT_EXECUTABLE rsvg-convert REQUIRED)
find_program(PYTHON3_EXECUTABLE python3 REQUIRED)

# The sizes Windows asks an icon for: lists and menus (16-48), large tiles and Explorer (256).
set(ico_pngs "")
foreach(size 16 20 24 32 40 48 64 256)
    set(png ${RAPPORT_WINDOWS_OUT}/icon-${size}.png)
    add_custom_command(
        OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${RAPPORT_WINDOWS_OUT}
        COMMAND ${RSVG_CONVERT_EXECUTABLE} --width=${size} --height=${size} --output=${png}
                ${CMAKE_SOURCE_DIR}/assets/${RAPPORT_APP_ID}.svg
        DEPENDS ${CMAKE_SOURCE_DIR}/assets/${RAPPORT_APP_ID}.svg
        VERBATIM)
    list(APPEND ico_pngs ${png})
endforeach()
add_custom_command(
    OUTPUT ${RAPPORT_ICO}
    COMMAND ${PYTHON3_EXECUTABLE} ${RAPPORT_WINDOWS_DIR}/make-ico.py ${RAPPORT_ICO} ${ico_pngs}
    DEPENDS ${ico_pngs} ${RAPPORT_WINDOWS_DIR}/make-ico.py
    COMMENT "Packing the Windows icon"
    VERBATIM)

# One resource object per program, linked in as an OBJECT library.
function(rapport_windows_resources target description)
    if(NOT TARGET ${target})
        return()
    endif()
    set(RAPPORT_PROGRAM ${target})
    set(RAPPORT_FILE_DESCRIPTION ${description})
    set(rc ${RAPPORT_WINDOWS_OUT}/${target}.rc)
    configure_file(${RAPPORT_WINDOWS_DIR}/rapport.rc.in ${rc} @ONLY)
    add_library(${target}-resources OBJECT ${rc})
    set_source_files_properties(${rc} PROPERTIES OBJECT_DEPENDS ${RAPPORT_MANIFEST})
    if(target STREQUAL "rapport")
        target_sources(${target}-resources PRIVATE ${RAPPORT_ICO})
        set_source_files_properties(${rc} PROPERTIES OBJECT_DEPENDS
                                    "${RAPPORT_MANIFEST};${RAPPORT_ICO}")
        target_compile_definitions(${target}-resources PRIVATE RAPPORT_WINDOW)
        target_include_directories(${target}-resources PRIVATE ${wxWidgets_INCLUDE_DIRS})
    endif()
    target_link_libraries(${target} PRIVATE ${target}-resources)
endfunction()

rapport_windows_resources(rapport "Rapport")
rapport_windows_resources(rapport-cli "Rapport on the command line")
foreach(suite test_core test_store test_cli)
    rapport_windows_resources(${suite} "Rapport tests")
endforeach()

# The installer: makensis from Debian's nsis package, 64-bit stub (Target amd64-unicode).
# Without the window (RAPPORT_BUILD_GUI=OFF) it packs rapport-cli.exe alone.
find_program(MAKENSIS_EXECUTABLE makensis)
if(MAKENSIS_EXECUTABLE AND TARGET rapport-cli)
    set(RAPPORT_INSTALLER ${CMAKE_BINARY_DIR}/Rapport-${PROJECT_VERSION}-setup.exe)
    set(window_defines "")
    set(window_depends "")
    if(TARGET rapport)
        # German texts of wxWidgets' own dialogs and buttons, from Debian's wx3.2-i18n (the
        # same catalog the Linux package uses).
        find_file(RAPPORT_WXSTD_DE_MO wxstd-3.2.mo PATHS /usr/share/locale/de/LC_MESSAGES
                  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
        if(NOT RAPPORT_WXSTD_DE_MO)
            message(FATAL_ERROR "wxstd-3.2.mo not found: install wx3.2-i18n")
        endif()
        get_target_property(rapport_gui_dir rapport BINARY_DIR)
        set(window_defines -DRAPPORT_EXE=$<TARGET_FILE:rapport>
            -DDE_MO=${rapport_gui_dir}/locale/de/LC_MESSAGES/rapport.mo
            -DWXSTD_DE_MO=${RAPPORT_WXSTD_DE_MO})
        set(window_depends rapport rapport-translations)
    endif()
    add_custom_target(windows-installer
        COMMAND ${MAKENSIS_EXECUTABLE} -V2 -NOCD
                -DVERSION=${PROJECT_VERSION}
                -DOUTFILE=${RAPPORT_INSTALLER}
                -DRAPPORT_CLI_EXE=$<TARGET_FILE:rapport-cli>
                ${window_defines}
                -DICON=${RAPPORT_ICO}
                -DLICENSE=${CMAKE_SOURCE_DIR}/packaging/copyright
                -DREADME=${RAPPORT_WINDOWS_DIR}/README-windows.txt
                ${RAPPORT_WINDOWS_DIR}/rapport.nsi
        DEPENDS rapport-cli ${window_depends} ${RAPPORT_ICO}
                ${RAPPORT_WINDOWS_DIR}/rapport.nsi ${RAPPORT_WINDOWS_DIR}/README-windows.txt
        BYPRODUCTS ${RAPPORT_INSTALLER}
        WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
        COMMENT "Writing ${RAPPORT_INSTALLER}"
        VERBATIM)
endif()
