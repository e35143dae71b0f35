// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A new folder's or file's name survives a power cut only once its folder is flushed
// (core/folder_sync.h). The program is linked with -Wl,--wrap=fsync (CMakeLists.txt), so every
// fsync() of Rapport's own code comes through here first: the folders flushed are recorded
// (and a failure can be played) with no hook in the production code. SQLite's own fsyncs are
// in the shared libsqlite3 and are not seen.
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "core/folder_sync.h"
#include "store/backup.h"
#include "store/database.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct FolderSync {
    fs::path folder;
    std::uintmax_t watched_size = 0; // the watched file's size at that moment (0: none)
};

struct Recorder {
    std::vector<FolderSync> syncs;
    fs::path watched_file;
    std::optional<fs::path> failing_folder;
    int failure = 0;
};

Recorder& recorder() {
    static Recorder r;
    return r;
}

// Starts a fresh record; `watched` is a file whose size each folder sync notes.
void start_recording(const fs::path& watched = {}) {
    recorder() = Recorder{};
    recorder().watched_file = watched;
}

std::vector<fs::path> folders_synced() {
    std::vector<fs::path> out;
    for (const FolderSync& s : recorder().syncs)
        out.push_back(s.folder);
    return out;
}

// The folders as the kernel names them (/proc/self/fd), to compare with what was recorded.
fs::path real(const fs::path& p) {
    return fs::canonical(p);
}

} // namespace

extern "C" {
int __real_fsync(int fd);

int __wrap_fsync(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        char buffer[4096];
        const std::string link = "/proc/self/fd/" + std::to_string(fd);
        const ssize_t n = ::readlink(link.c_str(), buffer, sizeof buffer);
        if (n > 0) {
            Recorder& r = recorder();
            FolderSync s{fs::path(std::string(buffer, static_cast<std::size_t>(n)))};
            std::error_code ec;
            if (!r.watched_file.empty() && fs::exists(r.watched_file, ec))
                s.watched_size = fs::file_size(r.watched_file, ec);
            r.syncs.push_back(s);
            if (r.failing_folder && *r.failing_folder == s.folder) {
                errno = r.failure;
                return -1;
            }
        }
    }
    return __real_fsync(fd);
}
}

TEST_CASE("sync_folder flushes the folder it is given", "[folder_sync]") {
    TempDir t;
    fs::create_directory(t / "shop");
    start_recording();
    sync_folder(t / "shop");
    sync_parent_folder(t / "shop" / "rapport.db");
    sync_parent_folder(t / "shop/");
    CHECK(folders_synced() ==
          std::vector<fs::path>{real(t / "shop"), real(t / "shop"), real(t.path())});
}

TEST_CASE("a folder the disk fails to flush is reported, one the file system cannot flush is not",
          "[folder_sync]") {
    TempDir t;
    start_recording();
    recorder().failing_folder = real(t.path());
    recorder().failure = EIO;
    try {
        sync_folder(t.path());
        FAIL("an I/O error while flushing the folder went unreported");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).find("could not be flushed to disk") != std::string::npos);
        CHECK(std::string(e.what()).find(t.path().string()) != std::string::npos);
    }
    recorder().failure = EINVAL; // e.g. a file system with no fsync for folders
    CHECK_NOTHROW(sync_folder(t.path()));
    CHECK_THROWS_AS(sync_folder(t / "missing"), DataError);
}

TEST_CASE("each folder created for the data has its name flushed in its parent", "[folder_sync]") {
    TempDir t;
    start_recording();
    store::ensure_private_directory(t / "a" / "b" / "c");
    CHECK(folders_synced() ==
          std::vector<fs::path>{real(t.path()), real(t / "a"), real(t / "a" / "b")});

    start_recording(); // nothing created, nothing flushed
    store::ensure_private_directory(t / "a" / "b" / "c");
    CHECK(folders_synced().empty());
}

TEST_CASE("a new database's name is flushed once its schema is committed", "[folder_sync]") {
    TempDir t;
    const fs::path db_path = t / "data" / "rapport" / "rapport.db";
    start_recording(db_path);
    {
        store::Database db = store::Database::open(db_path);
        CHECK(db.schema_version() == store::kSchemaVersion);
    }
    const std::vector<fs::path> synced = folders_synced();
    REQUIRE(synced.size() == 3);
    CHECK(synced[0] == real(t.path()));                   // data/ made in the temporary folder
    CHECK(synced[1] == real(t / "data"));                 // rapport/ made in data/
    CHECK(synced.back() == real(t / "data" / "rapport")); // then the file's own name
    // ... after the schema was written into it, not while it was still empty.
    CHECK(recorder().syncs.back().watched_size > 0);
}

TEST_CASE("opening a database that is already there flushes no folder", "[folder_sync]") {
    TempDir t;
    const fs::path db_path = t / "rapport.db";
    store::Database::open(db_path);
    start_recording(db_path);
    store::Database::open(db_path);
    CHECK(folders_synced().empty());
}

TEST_CASE("the first backup's folder has its name flushed", "[folder_sync]") {
    TempDir t;
    const fs::path db_path = t / "rapport.db";
    store::Database db = store::Database::open(db_path);
    start_recording();
    const fs::path backup = store::make_backup(db);
    const std::vector<fs::path> synced = folders_synced();
    REQUIRE(synced.size() == 2);
    CHECK(synced[0] == real(t.path()));      // backups/ made beside the database
    CHECK(synced[1] == real(t / "backups")); // the backup renamed into it
    CHECK(backup.parent_path() == t / "backups");
}

TEST_CASE("a backup restored where there was no database has its name flushed", "[folder_sync]") {
    TempDir t;
    const fs::path backup = [&] {
        store::Database db = store::Database::open(t / "old" / "rapport.db");
        return store::make_backup(db);
    }();
    const fs::path db_path = t / "new" / "rapport.db";
    start_recording(db_path);
    store::restore_backup(db_path, backup);
    const std::vector<fs::path> synced = folders_synced();
    REQUIRE(synced.size() == 2);
    CHECK(synced[0] == real(t.path()));  // new/ made for it
    CHECK(synced[1] == real(t / "new")); // the restored file's name, once it holds the copy
    CHECK(recorder().syncs.back().watched_size > 0);
}
