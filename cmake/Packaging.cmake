# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installing Rapport, and the Debian package (CPack).
#
#   cmake --build <build> --target package      (or ./packaging/dev.sh package)
#
# writes rapport_<version>_<arch>.deb (into <build>, or <build>/packages with dev.sh) with rapport and rapport-cli in
# /usr/bin, the launcher, icons and metainfo (assets/), the catalogs (po/), the manual pages
# (packaging/man) and the copyright and changelog. Its Depends are the lines of
# packaging/debian-packages.txt marked "# runtime", the same list ./packaging/dev.sh installs.
include(GNUInstallDirs)

# Debian wants directories 0755 whatever the umask of whoever builds the package.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

find_program(GZIP_EXECUTABLE gzip REQUIRED)

# Manual pages and the changelog, compressed the way Debian wants them (-9, no name or time
# stamp in the header, so the same input makes the same bytes).
set(man_pages rapport-cli.1)
if(RAPPORT_BUILD_GUI)
    list(APPEND man_pages rapport.1)
endif()
set(packaging_outputs "")
foreach(page IN LISTS man_pages)
    set(out ${CMAKE_BINARY_DIR}/packaging/man/${page})
    add_custom_command(
        OUTPUT ${out}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/man
        COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/packaging/man/${page} ${out}
        COMMAND ${GZIP_EXECUTABLE} -9nf ${out}
        DEPENDS ${CMAKE_SOURCE_DIR}/packaging/man/${page}
        VERBATIM)
    list(APPEND packaging_outputs ${out}.gz)
    install(FILES ${out}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
set(changelog ${CMAKE_BINARY_DIR}/packaging/changelog)
add_custom_command(
    OUTPUT ${changelog}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/packaging/changelog ${changelog}
    COMMAND ${GZIP_EXECUTABLE} -9nf ${changelog}
    DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog
    VERBATIM)
list(APPEND packaging_outputs ${changelog}.gz)
add_custom_target(rapport-packaging-files ALL DEPENDS ${packaging_outputs})
install(FILES ${changelog}.gz packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/rapport)

# Depends: the packages marked "# runtime" in the list dev.sh installs.
file(STRINGS ${CMAKE_SOURCE_DIR}/packaging/debian-packages.txt package_lines
     REGEX "#[ \t]*runtime")
set(RAPPORT_RUNTIME_PACKAGES "")
foreach(line IN LISTS package_lines)
    if(line MATCHES "^[ \t]*([a-z0-9][a-z0-9.+-]+)[ \t]*#[ \t]*runtime")
        set(package ${CMAKE_MATCH_1})
        if(package MATCHES "^(libwxgtk|wx3)" AND NOT RAPPORT_BUILD_GUI)
            continue() # a package without the window needs no GTK
        endif()
        list(APPEND RAPPORT_RUNTIME_PACKAGES ${package})
    endif()
endforeach()
list(JOIN RAPPORT_RUNTIME_PACKAGES ", " runtime_depends)

set(RAPPORT_MAINTAINER
    "The Rapport developers <maintainers@users.noreply.h-seed-160a9b41.example>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VENDOR "The Rapport developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${RAPPORT_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "remember every difficult customer, and know who is worth it")
# Lines under 80 characters, paragraphs apart: CPack writes them as the Debian extended
# description (" ." for the empty lines).
set(CPACK_PACKAGE_DESCRIPTION
    "Rapport is for the owner of a small shop or service business. Right after
a hard call or visit, log what happened, what the customer asked for, what
was offered to make it right and what it cost, and when to follow up.

Rapport lists the follow-ups due each week, shows each customer's whole
history with a warning for repeat complainers, and tells whether a
customer is worth it from margin, time, money given back and referrals. It
exports the money given back for the accountant (CSV, XLSX), follow-ups
for a calendar (iCalendar) and the full history (CSV, JSON).

This package holds the desktop window (rapport) and the command line tool
(rapport-cli).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${runtime_depends}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/rapport/rapport")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)

# A sanitizer build links libasan into the programs: it is never shipped, so it is not packaged
# or checked as a package. The Windows build ships an installer instead (cmake/Windows.cmake).
if(RAPPORT_BUILD_TESTS AND NOT RAPPORT_SANITIZE AND NOT WIN32)
    add_test(NAME "package: the .deb unpacks and its rapport-cli runs"
             COMMAND ${CMAKE_SOURCE_DIR}/packaging/test-deb.sh ${CMAKE_BINARY_DIR}
                     ${PROJECT_VERSION} ${RAPPORT_APP_ID})
    # cpack strips and compresses the whole install tree: give it time on a busy machine.
    set_tests_properties("package: the .deb unpacks and its rapport-cli runs"
                         PROPERTIES TIMEOUT 600 RESOURCE_LOCK package)
    find_program(LINTIAN_EXECUTABLE lintian)
    if(LINTIAN_EXECUTABLE)
        add_test(NAME "package: lintian finds no error in the .deb"
                 COMMAND ${CMAKE_SOURCE_DIR}/packaging/test-deb.sh ${CMAKE_BINARY_DIR}
                         ${PROJECT_VERSION} ${RAPPORT_APP_ID} lintian)
        set_tests_properties("package: lintian finds no error in the .deb"
                             PROPERTIES TIMEOUT 600 RESOURCE_LOCK package)
    else()
        message(WARNING "lintian not found: the .deb is not checked by it")
    endif()
endif()
