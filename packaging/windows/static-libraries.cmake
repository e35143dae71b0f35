# SPDX-FileCopyrightText: 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Run right after project() by toolchain-mingw64.cmake (CMAKE_PROJECT_INCLUDE): find_library and
# pkg_check_modules take static archives (.a) only, never an import library (.dll.a) of a DLL
# the installer does not carry. Platform/Windows-GNU.cmake would list .dll.a first.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
