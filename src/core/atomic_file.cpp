// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/atomic_file.h"

#include "core/errors.h"
#include "core/folder_sync.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <ostream>
#include <streambuf>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <vector>

#ifdef _WIN32
// Windows has no mkostemp, fchmod or fsync: the temporary file is created with _wopen (its
// name is UTF-16, so "Zoë" works whatever the code page), flushed with _commit (which is
// FlushFileBuffers) and put in place with MoveFileExW, which replaces the target in one step.
// A new file inherits its folder's ACL; under the user's profile only the user (and the
// administrators) can read it, which is what 0600 promises on Linux.
#include <io.h>
#include <windows.h>
#endif

namespace rapport {
namespace {

namespace fs = std::filesystem;

Message reason(int err) {
    return system_reason(err);
}

fs::path folder_of(const fs::path& target) {
    const fs::path parent = target.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

// Writes all of `data`, riding out short writes and signals. Returns 0 or the errno.
int write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return 0;
}

// An ostream target over a raw descriptor, so the descriptor can be fsync'ed afterwards
// (std::ofstream hides it). Remembers the first write error for the message.
class FdStreambuf : public std::streambuf {
public:
    explicit FdStreambuf(int fd) : m_fd(fd), m_buffer(64 * 1024) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type ch) override {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        // Large blocks skip the buffer: one exported year is many megabytes.
        if (n >= static_cast<std::streamsize>(m_buffer.size())) {
            if (!drain())
                return 0;
            if (const int err = write_all(m_fd, s, static_cast<std::size_t>(n))) {
                m_error = err;
                return 0;
            }
            return n;
        }
        return std::streambuf::xsputn(s, n);
    }

private:
    bool drain() {
        if (m_error != 0)
            return false;
        const auto pending = static_cast<std::size_t>(pptr() - pbase());
        if (pending > 0) {
            if (const int err = write_all(m_fd, pbase(), pending)) {
                m_error = err;
                return false;
            }
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return true;
    }

    int m_fd;
    std::vector<char> m_buffer;
    int m_error = 0;
};

#ifdef _WIN32
constexpr int kOpenFlags = _O_WRONLY | _O_BINARY | _O_NOINHERIT;

// A new file beside the target, ".<name>.tmp-<pid>-<n>"; -1 with errno when none can be made.
int create_temp(const fs::path& folder, const fs::path& target, fs::path& path) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        path =
            folder / (L"." + target.filename().wstring() + L".tmp-" +
                      std::to_wstring(::GetCurrentProcessId()) + L"-" + std::to_wstring(counter++));
        const int fd =
            ::_wopen(path.c_str(), kOpenFlags | _O_CREAT | _O_EXCL, _S_IREAD | _S_IWRITE);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}
#endif

// The temporary file beside the target. Until commit() it is removed whatever happens.
class TempFile {
public:
    explicit TempFile(const fs::path& target) : m_target(target) {
        const fs::path folder = folder_of(target);
        std::error_code ec;
        if (fs::is_directory(target, ec)) {
            throw DataError(tr("{} is a folder; choose a file name to save to."), target.string());
        }
#ifdef _WIN32
        m_fd = create_temp(folder, target, m_path);
#else
        std::string pattern =
            (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
#endif
        if (m_fd < 0) {
            m_path.clear();
            const int err = errno;
            if (err == ENOENT || err == ENOTDIR)
                throw DataError(tr("The folder {} does not exist."), folder.string());
            throw DataError(tr("The folder {} cannot be written to: {}."), folder.string(),
                            reason(err));
        }
#ifndef _WIN32
        m_path = pattern;
        // mkostemp already uses 0600; fchmod makes the promise independent of libc and umask.
        if (::fchmod(m_fd, S_IRUSR | S_IWUSR) != 0)
            fail_write(errno);
#endif
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed && !m_path.empty()) {
            std::error_code ec;
            fs::remove(m_path, ec);
        }
    }

    int fd() const {
        return m_fd;
    }
    const fs::path& path() const {
        return m_path;
    }

    // Opens the file again after a library wrote it by name, and restores the mode it may
    // have lost if the library recreated the file.
    void reopen() {
        if (m_fd >= 0)
            ::close(m_fd);
#ifdef _WIN32
        m_fd = ::_wopen(m_path.c_str(), kOpenFlags);
        if (m_fd < 0)
            fail_write(errno);
#else
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
        if (m_fd < 0)
            fail_write(errno);
        if (::fchmod(m_fd, S_IRUSR | S_IWUSR) != 0)
            fail_write(errno);
#endif
    }

    void close_descriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    [[noreturn]] void fail_write(int err) const {
        throw DataError(tr("The file {} could not be written: {}."), m_target.string(),
                        reason(err));
    }

    // Flushes the data to disk, then puts the file in place of the target in one step.
    void commit() {
#ifdef _WIN32
        if (::_commit(m_fd) != 0)
            fail_write(errno);
        const int fd = m_fd;
        m_fd = -1;
        if (::_close(fd) != 0)
            fail_write(errno);
        // WRITE_THROUGH: the call returns once the rename is on disk (the folder fsync's job).
        if (!::MoveFileExW(m_path.c_str(), m_target.c_str(),
                           MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
            const auto err = static_cast<int>(::GetLastError());
            throw DataError(fmt::format("The file {} cannot be replaced: {}.", m_target.string(),
                                        std::system_category().message(err)));
        }
        m_committed = true;
#else
        if (::fsync(m_fd) != 0)
            fail_write(errno);
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) // NFS reports delayed write errors here
            fail_write(errno);
        if (::rename(m_path.c_str(), m_target.c_str()) != 0) {
            const int err = errno;
            throw DataError(tr("The file {} cannot be replaced: {}."), m_target.string(),
                            reason(err));
        }
        m_committed = true;
        // Makes the rename itself durable; the file is in place already if this fails.
        sync_folder(folder_of(m_target));
#endif
    }

private:
    fs::path m_target;
    fs::path m_path;
    int m_fd = -1;
    bool m_committed = false;
};

} // namespace

void write_file_atomically(const fs::path& target, std::string_view content) {
    TempFile temp(target);
    if (const int err = write_all(temp.fd(), content.data(), content.size()))
        temp.fail_write(err);
    temp.commit();
}

void write_file_atomically(const fs::path& target,
                           const std::function<void(std::ostream&)>& write) {
    TempFile temp(target);
    FdStreambuf buffer(temp.fd());
    std::ostream out(&buffer);
    try {
        write(out);
    } catch (const DataError&) {
        // A writer that saw the stream fail (CsvWriter::finish: "The CSV file could not be
        // written.") knows less than the disk: its reason, with the file's name, is the sentence.
        if (buffer.error() != 0)
            temp.fail_write(buffer.error());
        throw;
    }
    out.flush();
    if (buffer.error() != 0)
        temp.fail_write(buffer.error());
    if (!out)
        temp.fail_write(EIO);
    temp.commit();
}

void write_file_atomically_via_path(const fs::path& target,
                                    const std::function<void(const fs::path& temp)>& write) {
    TempFile temp(target);
    temp.close_descriptor();
    write(temp.path());
    temp.reopen();
    temp.commit();
}

} // namespace rapport
