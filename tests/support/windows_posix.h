// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Built into every test program of the Windows build (tests/CMakeLists.txt: -include), so the
// suites compile there unchanged: the few POSIX calls they use to look at files and the
// environment, mapped to the C runtime's wide-character ones (paths are UTF-16 on Windows,
// fs::path::c_str() is a wchar_t*).
//
// Modes: Windows keeps only a read-only flag, and _wstat copies the owner's bits to group and
// other. What 0600/0700 promise on Linux is the ACL a file inherits from the user's profile
// there (README, "Windows"), which no mode shows; so stat() here reports the owner's bits only,
// and the suites' mode checks pin what Windows has: readable and writable by the owner.
//
// fork, kill and setrlimit have no counterpart: the cases that need them are left out of the
// Windows build with #ifndef _WIN32.
#ifdef _WIN32
#include <io.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <wchar.h>

inline int stat(const wchar_t* path, struct stat* st) {
    struct _stat64 s {};
    const int rc = ::_wstat64(path, &s);
    *st = {};
    st->st_mode = static_cast<decltype(st->st_mode)>(s.st_mode & ~077);
    st->st_size = static_cast<decltype(st->st_size)>(s.st_size);
    st->st_mtime = static_cast<decltype(st->st_mtime)>(s.st_mtime);
    return rc;
}

inline int chmod(const wchar_t* path, int mode) {
    return ::_wchmod(path, mode);
}

inline int setenv(const char* name, const char* value, int overwrite) {
    if (!overwrite && ::getenv(name))
        return 0;
    return ::_putenv_s(name, value);
}

inline int unsetenv(const char* name) {
    return ::_putenv_s(name, "");
}
#endif
