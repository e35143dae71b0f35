// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the file-format tests: unique temporary paths, and running the Python checkers in
// tests/tools/ that re-read our files with independent parsers (csv module, python3-icalendar).
#include "core/errors.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <sys/wait.h>
#include <unistd.h>
#endif
#include <vector>

namespace format_test {

namespace fs = std::filesystem;

// A fresh folder per call, removed by the destructor; unique across parallel ctest processes.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() / ("rapport-formats-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Debian's interpreter carries python3-icalendar; a python3 earlier on PATH (pyenv) may not.
inline std::string python() {
    return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

inline fs::path tools_dir() {
    return fs::path(__FILE__).parent_path().parent_path() / "tools";
}

// Runs tests/tools/<script> IN OUT; returns the exit status (0 on success).
#ifdef _WIN32
// The checkers run in Debian's Python, which a Windows program under wine cannot start; the
// tests that need them run in the Linux build (packaging/windows/wine-skipped-tests.txt).
inline int run_tool(const std::string&, const fs::path&, const fs::path&) {
    return -1;
}
#else
inline int run_tool(const std::string& script, const fs::path& in, const fs::path& out) {
    const std::string cmd = "'" + python() + "' '" + (tools_dir() / script).string() + "' '" +
                            in.string() + "' '" + out.string() + "'";
    const int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}
#endif

// The tools print one record per line: the field count, then each field as hex, tab-separated,
// so any bytes (CR, LF, tabs, non-ASCII) survive the trip back unambiguously.
inline std::vector<std::vector<std::string>> read_hex_records(const fs::path& p) {
    std::vector<std::vector<std::string>> records;
    std::istringstream lines(read_bytes(p));
    std::string line;
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::size_t pos = line.find('\t');
        const std::size_t count = std::stoul(line.substr(0, pos));
        while (pos != std::string::npos) {
            const std::size_t next = line.find('\t', pos + 1);
            const std::string hex = line.substr(pos + 1, next - pos - 1);
            std::string field;
            for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
                field += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
            fields.push_back(field);
            pos = next;
        }
        REQUIRE(fields.size() == count);
        records.push_back(std::move(fields));
    }
    return records;
}

// The message of the DataError `f` throws, or "no DataError" (other exceptions propagate).
template <class F> std::string data_error(F&& f) {
    try {
        f();
    } catch (const rapport::DataError& e) {
        return e.what();
    }
    return "no DataError";
}

// True when `s` is well-formed UTF-8 on its own.
inline bool is_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80         ? 1
                              : (b >> 5) == 6  ? 2
                              : (b >> 4) == 14 ? 3
                              : (b >> 3) == 30 ? 4
                                               : 0;
        if (n == 0 || i + n > s.size())
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += n;
    }
    return true;
}

} // namespace format_test
