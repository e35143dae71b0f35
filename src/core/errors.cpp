// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/errors.h"

#include <cerrno>
#include <system_error>

namespace rapport {

Message system_reason(int err) {
    struct Known {
        int err;
        Text text; // glibc's wording; used only when it is the wording this system gives
    };
    // Windows (MinGW) has no EDQUOT: a quota there is ENOSPC.
#ifndef EDQUOT
    constexpr int EDQUOT = ENOSPC;
#endif
    static constexpr Known kKnown[] = {
        {ENOSPC, tr("No space left on device")}, {EDQUOT, tr("Disk quota exceeded")},
        {EACCES, tr("Permission denied")},       {EPERM, tr("Operation not permitted")},
        {EROFS, tr("Read-only file system")},    {EIO, tr("Input/output error")},
        {EFBIG, tr("File too large")},           {ENOENT, tr("No such file or directory")},
        {ENOTDIR, tr("Not a directory")},        {EISDIR, tr("Is a directory")},
        {EBUSY, tr("Device or resource busy")},
    };
    std::string english = std::generic_category().message(err);
    for (const auto& k : kKnown)
        if (k.err == err && k.text.english() == english)
            return Message(k.text);
    return Message(std::move(english));
}

} // namespace rapport
