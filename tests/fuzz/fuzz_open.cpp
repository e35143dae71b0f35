// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for the database opener (issue 19): the bytes are a database file, opened the way
// both programs open one (store::Database::open: the stamps, the check on opening, the
// migration), then read as the customer list and `rapport-cli check` read it. A refusal with a
// sentence is fine, and a refused file must be left byte for byte as it was; anything else
// (another exception, a crash, a sanitizer report) is a bug.
#include "core/errors.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/health.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

using namespace rapport;
namespace fs = std::filesystem;

namespace {

void remove_folder();

// A private folder for the file, removed when the process ends.
const fs::path& folder() {
    static const fs::path dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "rapport-fuzz-open-XXXXXX").string();
        if (!::mkdtemp(tmpl.data()))
            std::abort();
        return fs::path(tmpl);
    }();
    // Registered once `dir` is complete, so it runs before `dir` is destroyed.
    static const bool cleanup = std::atexit(remove_folder) == 0;
    (void)cleanup;
    return dir;
}

void remove_folder() {
    std::error_code ec;
    fs::remove_all(folder(), ec);
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path db_path = folder() / "shop.db";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(db_path.string() + suffix, ec);
    fs::remove_all(folder() / "backups", ec);
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(db_path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    try {
        auto db = store::Database::open(db_path);
        try {
            (void)store::CustomerRepo(db).list();
        } catch (const SentenceError&) {
        }
    } catch (const SentenceError&) {
        if (read_all(db_path) != bytes) {
            std::fprintf(stderr, "fuzz_open: a refused file was changed\n");
            std::abort();
        }
    }
    try {
        (void)store::check_database_file(db_path);
    } catch (const SentenceError&) {
    }
    return 0;
}
