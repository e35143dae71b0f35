// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A file's name lives in its folder, not in the file: after a power cut a new file (or folder)
// whose data was flushed can still be gone if its folder was not flushed too. Rapport flushes
// the folder after each name it puts there: atomic_file after its rename, the store after it
// creates the data folder, the backups folder and a new database file.
#include <filesystem>

namespace rapport {

// Flushes `folder` itself (its list of names) to disk. A file system that cannot flush a folder
// (EINVAL, ENOTSUP) is taken as it is; any other failure is DataError ("The folder X could not
// be flushed to disk: Input/output error."). Nothing on Windows: see folder_sync.cpp.
void sync_folder(const std::filesystem::path& folder);

// Flushes the folder that holds `path` ("." for a bare name), so the entry of `path` (a file or
// folder just created or renamed there) survives a power cut.
void sync_parent_folder(const std::filesystem::path& path);

} // namespace rapport
