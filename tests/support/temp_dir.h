// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helpers with no dependency on the code under test: temporary folders and file bytes.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <stdlib.h>
#ifdef _WIN32
#include <process.h>
#endif

namespace rapport::test {

// A private temporary folder, removed with everything in it at the end of the test.
class TempDir {
public:
#ifdef _WIN32
    // No mkdtemp there: a new folder named after the process and a counter (create_directory
    // says whether it made the folder, so two processes never share one).
    TempDir() {
        static int counter = 0;
        const auto base = std::filesystem::temp_directory_path();
        for (int attempt = 0; attempt < 1000; ++attempt) {
            m_path = base / ("rapport-test-" + std::to_string(::_getpid()) + "-" +
                             std::to_string(counter++));
            if (std::filesystem::create_directory(m_path))
                return;
        }
        throw std::runtime_error("no temporary folder could be made");
    }
#else
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "rapport-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data()))
            throw std::runtime_error("mkdtemp failed");
        m_path = tmpl;
    }
#endif
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A byte-for-byte fingerprint of a file (and its -wal, if any), to prove it was not touched.
inline std::string file_bytes(const std::filesystem::path& p) {
    return read_all(p) + "|wal:" +
           (std::filesystem::exists(p.string() + "-wal") ? read_all(p.string() + "-wal") : "");
}

} // namespace rapport::test
