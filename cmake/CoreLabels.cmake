# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DSOURCE_DIR=<repo> -DOUT=<file.pot> -P CoreLabels.cmake
#
# The core (no wx) names its enum values and verdicts in English, and the window passes those
# strings through wxGetTranslation. xgettext cannot see them (they are table entries, not
# calls), so this script lists them as a .pot with their file and line, to be merged with what
# xgettext finds in the window:
#   src/core/enums.cpp  {Channel::phone, "phone", "Phone"}   -> "Phone" (the third field)
#   src/core/worth.cpp  return "Mixed: watch"; inside a to_label() function
#   src/exchange/importer_columns.cpp  {ImportField::phone, "phone", "Phone", ...} -> "Phone"
cmake_minimum_required(VERSION 3.22)

# A label used by several tables ("Other") becomes one entry with all its references.
set(texts "")
function(add_entry file line text)
    string(MD5 key "${text}")
    if(NOT DEFINED ref_${key})
        set(texts ${texts} "${text}" PARENT_SCOPE)
        set(ref_${key} "${file}:${line}" PARENT_SCOPE)
    else()
        set(ref_${key} "${ref_${key}} ${file}:${line}" PARENT_SCOPE)
    endif()
endfunction()

# enums.cpp: one table row per line.
file(STRINGS "${SOURCE_DIR}/src/core/enums.cpp" lines)
set(n 0)
foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "^[ \t]*{[A-Za-z_:]+, \"[^\"]*\", \"([^\"]+)\"},?")
        add_entry(src/core/enums.cpp ${n} "${CMAKE_MATCH_1}")
    endif()
endforeach()

# worth.cpp: the string returns of each to_label() body (a function ends at a line "}").
file(STRINGS "${SOURCE_DIR}/src/core/worth.cpp" lines)
set(n 0)
set(in_label FALSE)
foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "^std::string_view to_label\\(")
        set(in_label TRUE)
    elseif(line MATCHES "^}")
        set(in_label FALSE)
    elseif(in_label AND line MATCHES "return \"([^\"]+)\";")
        add_entry(src/core/worth.cpp ${n} "${CMAKE_MATCH_1}")
    endif()
endforeach()

# importer_columns.cpp: the import's field labels (the import dialog's "First name:"), the third
# item of a field_table row, on the row's line or two lines below {ImportField::x,.
file(STRINGS "${SOURCE_DIR}/src/exchange/importer_columns.cpp" lines)
set(n 0)
set(after_field -1)
foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "^[ \t]*{ImportField::[a-z_]+, \"[a-z_]+\", \"([^\"]+)\"")
        add_entry(src/exchange/importer_columns.cpp ${n} "${CMAKE_MATCH_1}")
        set(after_field -1)
    elseif(line MATCHES "^[ \t]*{ImportField::[a-z_]+,$")
        set(after_field 0)
    elseif(after_field GREATER_EQUAL 0)
        math(EXPR after_field "${after_field} + 1")
        if(after_field EQUAL 2)
            if(line MATCHES "^[ \t]*\"([^\"]+)\",$")
                add_entry(src/exchange/importer_columns.cpp ${n} "${CMAKE_MATCH_1}")
            endif()
            set(after_field -1)
        endif()
    endif()
endforeach()

if(texts STREQUAL "")
    message(FATAL_ERROR "CoreLabels.cmake found no labels in src/core: has the table format changed?")
endif()
set(entries "")
foreach(text IN LISTS texts)
    string(MD5 key "${text}")
    string(REPLACE "\\" "\\\\" escaped "${text}")
    string(APPEND entries "#: ${ref_${key}}\nmsgid \"${escaped}\"\nmsgstr \"\"\n\n")
endforeach()
file(WRITE "${OUT}" "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n${entries}")
