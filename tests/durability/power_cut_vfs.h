// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A test-only SQLite VFS that simulates a power cut (the idea of SQLite's own crash tests,
// test6.c), registered as the process's default VFS, so every file the store opens through
// SQLite (the database, its -wal and -shm, backups and their temporary files) goes through it
// with no change to the production code.
//
// It records, per file under a chosen folder, what was written since the file's last sync.
// fsync() calls made outside SQLite (core/atomic_file.cpp) count as syncs too, and its write()
// and rename() calls as disk events: the durability test programs are linked with
// -Wl,--wrap=fsync,--wrap=write,--wrap=rename, see CMakeLists.txt. (What write() puts in a file
// outside SQLite is not recorded piece by piece: a cut keeps such a file as it was at its last
// fsync, or as it was before its first write.)
//
// cut_power_at(n): the n-th write, truncate or sync under the folder does not happen, and from
// then on every I/O call fails (the machine is off). restore_power() then puts on disk what a
// real disk could hold after the cut:
//   drop_unsynced    every byte written since the file's last sync is lost; a file never
//                    synced since it was created disappears;
//   keep_random_sectors  the unsynced writes are replayed in order, each sector-sized piece kept
//                    or lost at random (a torn write), as disks that reorder their cache do.
// A name is durable only once its folder is flushed: a file or folder made after watch() (or a
// rename's target) is on disk only after an fsync() of its folder (a wrapped fsync() on a
// folder's fd, /proc/self/fd) or SQLite's own flush of the folder on the first sync of a journal
// or WAL it created. At a cut, a new name not flushed is removed (a folder with all in it), and
// a rename's target holds again what it held before. Deletions are taken as durable at once.
//
// It can also play a failing disk: fail_at(n, code) makes the n-th write or sync (or every one
// from the n-th on) return SQLITE_FULL or SQLITE_IOERR without touching the file.
#include <cstdint>
#include <filesystem>
#include <string>

namespace rapport::durability {

enum class CutMode { drop_unsynced, keep_random_sectors };

enum class DiskFailure { none, full, io_error };

class PowerCutVfs {
public:
    // Registers the VFS as SQLite's default (once per process) and returns it.
    static PowerCutVfs& install();

    // Starts recording writes to files under `folder`; forgets earlier records. Files already
    // there count as being on disk as they are now.
    void watch(const std::filesystem::path& folder);
    // Stops recording: every call passes straight through.
    void stop_watching();

    // 0 = never. Counted over writes, truncates and syncs of files under the watched folder.
    void cut_power_at(std::int64_t event);
    bool power_is_cut() const;
    // Writes to disk what survived the cut (nothing to do when the power was not cut). Every
    // connection to the files must be closed first: throws std::logic_error otherwise.
    void restore_power(CutMode mode, std::uint64_t seed, int sector_size = 512);

    // The disk fails the `event`-th write or sync (and with `sticky`, every later one too).
    void fail_at(std::int64_t event, DiskFailure failure, bool sticky);
    // How many writes/syncs were refused so far by fail_at.
    std::int64_t failures_given() const;

    // Writes, truncates and syncs under the watched folder since watch().
    std::int64_t events() const;
    // Names removed at cuts because their folder was not flushed, since the program started.
    std::int64_t names_lost() const;
    // Files under the watched folder open through SQLite now.
    int open_files() const;

    // With true, syncs are recorded but do not make anything durable: the disk lies. Used to
    // prove the checks can fail (a lying disk must lose reported commits).
    void set_lying_disk(bool lying);

    // Hooks for the wrapped fsync(), write() and rename() (power_cut_vfs.cpp): each counts as a
    // disk event of a watched file; 0 = go on, else the errno to fail with.
    int on_fsync(int fd);
    int on_write(int fd);
    int on_rename(const char* from, const char* to);
};

} // namespace rapport::durability
