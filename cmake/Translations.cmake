# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations of the window (gettext).
#
#   <build>/po/rapport.pot   every translatable string: xgettext over src/gui, the sentences of
#                            the layers below marked tr("...") (core/message.h: errors the
#                            window shows in the user's language), the core's labels that the
#                            window translates (cmake/CoreLabels.cmake), and the launcher's and
#                            the metainfo's texts (assets/*.in)
#   po/<lang>.po             one file per language listed in po/LINGUAS, kept in the repository
#   rapport.mo               compiled by msgfmt next to the uninstalled program
#                            (<build>/src/gui/locale/<lang>/LC_MESSAGES/) and installed to
#                            share/locale/<lang>/LC_MESSAGES/
#
# `cmake --build <build> --target update-po` merges new strings into po/*.po for translators;
# the test "translations: ..." lists any string a catalog still lacks.
if(NOT RAPPORT_BUILD_GUI)
    return()
endif()

find_program(XGETTEXT_EXECUTABLE xgettext)
find_program(MSGFMT_EXECUTABLE msgfmt)
find_program(MSGMERGE_EXECUTABLE msgmerge)
find_program(MSGCAT_EXECUTABLE msgcat)
# gettext's rules for which parts of an AppStream file are text to translate (a file of the
# build machine, also when cross-building for Windows).
find_file(RAPPORT_METAINFO_ITS metainfo.its PATHS /usr/share/gettext/its NO_DEFAULT_PATH
          NO_CMAKE_FIND_ROOT_PATH)
if(NOT XGETTEXT_EXECUTABLE OR NOT MSGFMT_EXECUTABLE OR NOT MSGMERGE_EXECUTABLE
   OR NOT MSGCAT_EXECUTABLE OR NOT RAPPORT_METAINFO_ITS)
    message(WARNING "gettext tools not found (Debian package gettext): the window stays in "
                    "English")
    return()
endif()

include(GNUInstallDirs)
set(RAPPORT_PO_DIR ${CMAKE_SOURCE_DIR}/po)
set(RAPPORT_POT ${CMAKE_BINARY_DIR}/po/rapport.pot)
file(STRINGS ${RAPPORT_PO_DIR}/LINGUAS RAPPORT_LANGUAGES REGEX "^[a-z]")

# Relative paths, so the references in the catalogs read src/gui/... on every machine.
file(GLOB rapport_pot_sources CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}
     ${CMAKE_SOURCE_DIR}/src/gui/*.cpp ${CMAKE_SOURCE_DIR}/src/gui/*.h)
list(SORT rapport_pot_sources)
# The layers below the window mark their sentences with tr() (src/core/text.h); their
# placeholders are fmt's "{}" (a "%" sign in one says // xgettext:no-c-format above it).
file(GLOB rapport_tr_sources CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}
     ${CMAKE_SOURCE_DIR}/src/core/*.cpp ${CMAKE_SOURCE_DIR}/src/core/*.h
     ${CMAKE_SOURCE_DIR}/src/store/*.cpp ${CMAKE_SOURCE_DIR}/src/store/*.h
     ${CMAKE_SOURCE_DIR}/src/exchange/*.cpp ${CMAKE_SOURCE_DIR}/src/exchange/*.h)
list(SORT rapport_tr_sources)

add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/po/core-labels.pot
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
            -DOUT=${CMAKE_BINARY_DIR}/po/core-labels.pot -P ${CMAKE_SOURCE_DIR}/cmake/CoreLabels.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/src/core/enums.cpp ${CMAKE_SOURCE_DIR}/src/core/worth.cpp
            ${CMAKE_SOURCE_DIR}/src/exchange/importer_columns.cpp
            ${CMAKE_SOURCE_DIR}/cmake/CoreLabels.cmake
    COMMENT "Collecting the core's labels for translation"
    VERBATIM)
add_custom_command(
    OUTPUT ${RAPPORT_POT}
    COMMAND ${XGETTEXT_EXECUTABLE} --language=C++ --from-code=UTF-8 --keyword=_
            --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=wxGETTEXT_IN_CONTEXT:1c,2
            --add-comments=TRANSLATORS: --package-name=Rapport
            --package-version=${PROJECT_VERSION} --sort-by-file
            --output=${CMAKE_BINARY_DIR}/po/window.pot ${rapport_pot_sources}
    COMMAND ${XGETTEXT_EXECUTABLE} --language=C++ --from-code=UTF-8 --keyword --keyword=tr
            --add-comments=TRANSLATORS: --sort-by-file
            --output=${CMAKE_BINARY_DIR}/po/sentences.pot ${rapport_tr_sources}
    COMMAND ${XGETTEXT_EXECUTABLE} --language=Desktop --keyword=Name --keyword=GenericName
            --keyword=Comment --keyword=Keywords --output=${CMAKE_BINARY_DIR}/po/desktop.pot
            assets/${RAPPORT_APP_ID}.desktop.in
    COMMAND ${XGETTEXT_EXECUTABLE} --its=${RAPPORT_METAINFO_ITS}
            --output=${CMAKE_BINARY_DIR}/po/metainfo.pot assets/${RAPPORT_APP_ID}.metainfo.xml.in
    COMMAND ${MSGCAT_EXECUTABLE} --use-first --sort-by-file --output-file=${RAPPORT_POT}
            ${CMAKE_BINARY_DIR}/po/window.pot ${CMAKE_BINARY_DIR}/po/sentences.pot
            ${CMAKE_BINARY_DIR}/po/core-labels.pot
            ${CMAKE_BINARY_DIR}/po/desktop.pot ${CMAKE_BINARY_DIR}/po/metainfo.pot
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    DEPENDS ${rapport_pot_sources} ${rapport_tr_sources} ${CMAKE_BINARY_DIR}/po/core-labels.pot
            ${CMAKE_SOURCE_DIR}/assets/${RAPPORT_APP_ID}.desktop.in
            ${CMAKE_SOURCE_DIR}/assets/${RAPPORT_APP_ID}.metainfo.xml.in
    COMMENT "Writing ${RAPPORT_POT}"
    VERBATIM)

# The uninstalled program looks for its catalogs in <its folder>/locale (help_desktop.cpp).
get_target_property(rapport_gui_dir rapport BINARY_DIR)
set(rapport_mo_files "")
foreach(lang IN LISTS RAPPORT_LANGUAGES)
    set(mo_dir ${rapport_gui_dir}/locale/${lang}/LC_MESSAGES)
    add_custom_command(
        OUTPUT ${mo_dir}/rapport.mo
        COMMAND ${CMAKE_COMMAND} -E make_directory ${mo_dir}
        COMMAND ${MSGFMT_EXECUTABLE} --check --output-file=${mo_dir}/rapport.mo
                ${RAPPORT_PO_DIR}/${lang}.po
        DEPENDS ${RAPPORT_PO_DIR}/${lang}.po
        COMMENT "Compiling the ${lang} catalog"
        VERBATIM)
    list(APPEND rapport_mo_files ${mo_dir}/rapport.mo)
    install(FILES ${mo_dir}/rapport.mo DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(rapport-translations ALL DEPENDS ${RAPPORT_POT} ${rapport_mo_files})

# For translators: bring po/*.po up to date with the strings in the code (new ones empty,
# changed ones marked fuzzy with the previous text).
set(update_commands "")
foreach(lang IN LISTS RAPPORT_LANGUAGES)
    list(APPEND update_commands COMMAND ${MSGMERGE_EXECUTABLE} --quiet --update --backup=none
         --previous --sort-by-file ${RAPPORT_PO_DIR}/${lang}.po ${RAPPORT_POT})
endforeach()
add_custom_target(update-po ${update_commands} DEPENDS ${RAPPORT_POT}
                  COMMENT "Merging new strings into po/*.po" VERBATIM)

if(RAPPORT_BUILD_TESTS)
    # The guide and the German window, driven under a display like tests/gui (on Linux; the
    # Windows build is checked under wine by packaging/windows/test-wine.sh).
    if(NOT CMAKE_CROSSCOMPILING)
        add_subdirectory(${CMAKE_SOURCE_DIR}/tests/desktop ${CMAKE_BINARY_DIR}/tests/desktop)
    endif()
    foreach(lang IN LISTS RAPPORT_LANGUAGES)
        add_test(NAME "translations: the ${lang} catalog translates every string of the window"
                 COMMAND ${RAPPORT_PO_DIR}/check-po.sh ${RAPPORT_PO_DIR}/${lang}.po ${RAPPORT_POT})
    endforeach()
endif()
