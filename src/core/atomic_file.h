// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files the owner keeps (exports, backups) appear whole or not at all. Each is written to a
// temporary file beside the target, flushed to disk, then renamed over the target, so a crash,
// a full disk or a failed export never leaves a half-written file where the old one was.
// Every file is created readable by the owner only (0600), whatever the umask.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace rapport {

// Replaces `target` with `content`. Throws DataError with one sentence ("The folder X cannot be
// written to: Permission denied.") when the folder is missing or read-only, the disk is full or
// the rename fails; the target is then left as it was and no temporary file remains.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Same, with `write` streaming the content. An exception thrown by `write` removes the
// temporary file and propagates unchanged, so the caller's own error reaches the user; only a
// DataError thrown because the stream failed gives way to the disk's reason ("The file X could
// not be written: No space left on device.").
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write);

// For libraries that insist on opening a file by name (libxlsxwriter): `write` receives the
// path of the temporary file, already created with mode 0600, and must leave it complete.
void write_file_atomically_via_path(
    const std::filesystem::path& target,
    const std::function<void(const std::filesystem::path& temp)>& write);

} // namespace rapport
