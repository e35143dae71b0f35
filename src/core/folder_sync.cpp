// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/folder_sync.h"

#include "core/errors.h"

#ifndef _WIN32
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace rapport {
namespace fs = std::filesystem;

#ifdef _WIN32
// Windows cannot flush a folder: FlushFileBuffers needs a handle opened for writing, which a
// folder does not give a program without backup privileges, and SQLite's own Windows VFS
// ignores the same request (winDelete's syncDir). atomic_file.cpp asks MoveFileExW for
// MOVEFILE_WRITE_THROUGH instead; for a folder or file created in place NTFS's journal of its
// own metadata is all there is, so nothing is done here.
void sync_folder(const fs::path&) {}
#else
void sync_folder(const fs::path& folder) {
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        const int err = errno;
        throw DataError(tr("The folder {} could not be flushed to disk: {}."), folder.string(),
                        system_reason(err));
    }
    int rc = 0;
    int err = 0;
    do {
        rc = ::fsync(dir);
        err = errno;
    } while (rc != 0 && err == EINTR);
    ::close(dir);
    // Some file systems cannot flush a folder at all; the name is as safe there as it can be.
    if (rc != 0 && err != EINVAL && err != ENOTSUP && err != EOPNOTSUPP) {
        throw DataError(tr("The folder {} could not be flushed to disk: {}."), folder.string(),
                        system_reason(err));
    }
}
#endif

void sync_parent_folder(const fs::path& path) {
    // "backups/" names the folder "backups": its parent is the parent of that
    const fs::path parent =
        path.has_filename() ? path.parent_path() : path.parent_path().parent_path();
    sync_folder(parent.empty() ? fs::path(".") : parent);
}

} // namespace rapport
