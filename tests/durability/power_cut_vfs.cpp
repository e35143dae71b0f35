// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "power_cut_vfs.h"

#include <sqlite3.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <variant>
#include <vector>

namespace fs = std::filesystem;

namespace rapport::durability {
namespace {

struct Write {
    std::int64_t offset;
    std::string data;
};
struct Truncate {
    std::int64_t size;
};
using Event = std::variant<Write, Truncate>;

// What the disk holds for sure (as of the last sync), and what came after.
struct FileRecord {
    bool durable_exists = true;
    std::string durable;
    std::vector<Event> pending;
};

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct State {
    std::mutex mutex;
    sqlite3_vfs* real = nullptr;
    bool watching = false;
    std::string folder; // with a trailing '/'
    std::map<std::string, FileRecord> files;
    std::int64_t events = 0;
    std::int64_t cut_at = 0;
    bool cut = false;
    bool lying = false;
    std::int64_t fail_event = 0;
    DiskFailure failure = DiskFailure::none;
    bool fail_sticky = false;
    std::int64_t failures = 0;
    int open_files = 0;
    // Names: a file or folder made after watch() is in its folder only once the folder was
    // flushed (fsync on the folder, or SQLite's own flush on a new journal's first sync).
    std::set<std::string> at_watch; // every name under the folder when watch() was called
    std::set<std::string> flushed;  // names made since, whose folder was flushed after
    // A name a rename replaced and whose folder was not flushed since: what the name held on
    // disk before (nothing: nullopt), which a cut brings back.
    std::map<std::string, std::optional<std::string>> before_rename;
    std::int64_t names_lost = 0; // since the program started, for the figures

    bool in_scope(const std::string& path) const { return watching && path.rfind(folder, 0) == 0; }
    // The record of `path`, made from what is on disk now when it is first needed.
    FileRecord& record(const std::string& path) {
        auto it = files.find(path);
        if (it != files.end())
            return it->second;
        FileRecord r;
        std::error_code ec;
        r.durable_exists = fs::exists(path, ec);
        if (r.durable_exists)
            r.durable = read_whole(path);
        return files.emplace(path, std::move(r)).first->second;
    }
    bool name_durable(const std::string& path) const {
        return at_watch.count(path) != 0 || flushed.count(path) != 0;
    }
    // The folder's entries as they are now are on disk (its own name is its parent's).
    void folder_flushed(const std::string& dir) {
        if (lying || !in_scope(dir + "/"))
            return;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            flushed.insert(entry.path().string());
            before_rename.erase(entry.path().string());
        }
    }
    // The name is gone: a file made later under it is a new name.
    void forget_name(const std::string& path) {
        at_watch.erase(path);
        flushed.erase(path);
        before_rename.erase(path);
    }
    void make_durable(const std::string& path) {
        if (lying)
            return;
        FileRecord& r = record(path);
        r.durable_exists = true;
        r.durable = read_whole(path);
        r.pending.clear();
    }
    // Before an event on a watched file: SQLITE_OK to go on, else the code to return.
    int before_event(const std::string& path, int io_code) {
        if (!in_scope(path))
            return SQLITE_OK;
        if (cut)
            return io_code;
        ++events;
        if (cut_at != 0 && events == cut_at) {
            cut = true;
            return io_code;
        }
        if (failure != DiskFailure::none &&
            (events == fail_event || (fail_sticky && events > fail_event))) {
            ++failures;
            return failure == DiskFailure::full ? SQLITE_FULL : io_code;
        }
        return SQLITE_OK;
    }
};

State& state() {
    static State s;
    return s;
}

// --- The file ---------------------------------------------------------------------------

struct SimFile {
    sqlite3_file base;
    sqlite3_file* real;
    std::string* path; // null for SQLite's nameless temporary files
    bool counted;      // in State::open_files
    // A journal or WAL SQLite created: its first sync flushes its folder too (os_unix.c,
    // UNIXFILE_DIRSYNC, set by unixOpen for a new journal or WAL and done in unixSync).
    bool folder_sync_pending;
};

sqlite3_file* real_of(sqlite3_file* f) {
    return reinterpret_cast<SimFile*>(f)->real;
}
const std::string* path_of(sqlite3_file* f) {
    return reinterpret_cast<SimFile*>(f)->path;
}

int sim_close(sqlite3_file* f) {
    auto* sf = reinterpret_cast<SimFile*>(f);
    int rc = SQLITE_OK;
    if (sf->real->pMethods)
        rc = sf->real->pMethods->xClose(sf->real);
    {
        State& s = state();
        std::lock_guard lock(s.mutex);
        if (sf->counted && s.watching)
            --s.open_files;
    }
    delete sf->path;
    sf->path = nullptr;
    return rc;
}

int sim_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
    State& s = state();
    if (const std::string* p = path_of(f)) {
        std::lock_guard lock(s.mutex);
        if (s.cut && s.in_scope(*p))
            return SQLITE_IOERR_READ;
    }
    return real_of(f)->pMethods->xRead(real_of(f), buf, amount, offset);
}

int sim_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
    State& s = state();
    if (const std::string* p = path_of(f)) {
        std::lock_guard lock(s.mutex);
        if (const int rc = s.before_event(*p, SQLITE_IOERR_WRITE); rc != SQLITE_OK)
            return rc;
        if (s.in_scope(*p)) {
            FileRecord& r = s.record(*p);
            r.pending.emplace_back(Write{offset, std::string(static_cast<const char*>(buf),
                                                             static_cast<std::size_t>(amount))});
        }
    }
    return real_of(f)->pMethods->xWrite(real_of(f), buf, amount, offset);
}

int sim_truncate(sqlite3_file* f, sqlite3_int64 size) {
    State& s = state();
    if (const std::string* p = path_of(f)) {
        std::lock_guard lock(s.mutex);
        if (const int rc = s.before_event(*p, SQLITE_IOERR_TRUNCATE); rc != SQLITE_OK)
            return rc;
        if (s.in_scope(*p))
            s.record(*p).pending.emplace_back(Truncate{size});
    }
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}

int sim_sync(sqlite3_file* f, int flags) {
    State& s = state();
    const std::string* p = path_of(f);
    if (p) {
        std::lock_guard lock(s.mutex);
        if (const int rc = s.before_event(*p, SQLITE_IOERR_FSYNC); rc != SQLITE_OK)
            return rc;
    }
    const int rc = real_of(f)->pMethods->xSync(real_of(f), flags);
    if (rc == SQLITE_OK && p) {
        auto* sf = reinterpret_cast<SimFile*>(f);
        std::lock_guard lock(s.mutex);
        if (s.in_scope(*p))
            s.make_durable(*p);
        if (sf->folder_sync_pending) {
            sf->folder_sync_pending = false;
            s.folder_flushed(fs::path(*p).parent_path().string());
        }
    }
    return rc;
}

int sim_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
int sim_lock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
int sim_unlock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
int sim_check_reserved(sqlite3_file* f, int* out) {
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int sim_file_control(sqlite3_file* f, int op, void* arg) {
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int sim_sector_size(sqlite3_file* f) {
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
int sim_device(sqlite3_file* f) {
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int sim_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), region, size, extend, out);
}
int sim_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void sim_shm_barrier(sqlite3_file* f) {
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
int sim_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}
// No memory-mapped reads: every read goes through sim_read, which fails after the cut.
int sim_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr;
    return SQLITE_OK;
}
int sim_unfetch(sqlite3_file*, sqlite3_int64, void*) {
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {
    3,
    sim_close,
    sim_read,
    sim_write,
    sim_truncate,
    sim_sync,
    sim_file_size,
    sim_lock,
    sim_unlock,
    sim_check_reserved,
    sim_file_control,
    sim_sector_size,
    sim_device,
    sim_shm_map,
    sim_shm_lock,
    sim_shm_barrier,
    sim_shm_unmap,
    sim_fetch,
    sim_unfetch,
};

// --- The VFS ----------------------------------------------------------------------------

int vfs_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    State& s = state();
    auto* sf = reinterpret_cast<SimFile*>(f);
    sf->real = reinterpret_cast<sqlite3_file*>(sf + 1);
    sf->path = nullptr;
    sf->counted = false;
    sf->folder_sync_pending =
        (flags & SQLITE_OPEN_CREATE) != 0 &&
        (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL | SQLITE_OPEN_SUPER_JOURNAL)) != 0;
    f->pMethods = nullptr;
    bool existed = true;
    if (name) {
        std::lock_guard lock(s.mutex);
        if (s.cut && s.in_scope(name))
            return SQLITE_CANTOPEN;
        std::error_code ec;
        existed = fs::exists(name, ec);
    }
    const int rc = s.real->xOpen(s.real, name, sf->real, flags, out_flags);
    if (sf->real->pMethods == nullptr)
        return rc;
    f->pMethods = &kMethods;
    if (name) {
        sf->path = new std::string(name);
        std::lock_guard lock(s.mutex);
        if (s.in_scope(name)) {
            ++s.open_files;
            sf->counted = true;
            if (!existed) // a new file is on disk only once it has been synced
                s.files[name] = FileRecord{false, {}, {}};
        }
    }
    return rc;
}

int vfs_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    State& s = state();
    {
        std::lock_guard lock(s.mutex);
        if (s.in_scope(name)) {
            if (s.cut)
                return SQLITE_IOERR_DELETE;
            s.files.erase(name);
            s.forget_name(name);
        }
    }
    return s.real->xDelete(s.real, name, sync_dir);
}

int vfs_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return state().real->xAccess(state().real, name, flags, out);
}
int vfs_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return state().real->xFullPathname(state().real, name, n, out);
}
void* vfs_dlopen(sqlite3_vfs*, const char* name) {
    return state().real->xDlOpen(state().real, name);
}
void vfs_dlerror(sqlite3_vfs*, int n, char* out) {
    state().real->xDlError(state().real, n, out);
}
void (*vfs_dlsym(sqlite3_vfs*, void* h, const char* sym))(void) {
    return state().real->xDlSym(state().real, h, sym);
}
void vfs_dlclose(sqlite3_vfs*, void* h) {
    state().real->xDlClose(state().real, h);
}
int vfs_randomness(sqlite3_vfs*, int n, char* out) {
    return state().real->xRandomness(state().real, n, out);
}
int vfs_sleep(sqlite3_vfs*, int us) {
    return state().real->xSleep(state().real, us);
}
int vfs_current_time(sqlite3_vfs*, double* out) {
    return state().real->xCurrentTime(state().real, out);
}
int vfs_last_error(sqlite3_vfs*, int n, char* out) {
    return state().real->xGetLastError(state().real, n, out);
}
int vfs_current_time64(sqlite3_vfs*, sqlite3_int64* out) {
    return state().real->xCurrentTimeInt64(state().real, out);
}

sqlite3_vfs g_vfs{};

// --- Power back on ----------------------------------------------------------------------

void write_whole(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("power_cut_vfs: cannot rewrite " + path);
}

void put(std::string& image, std::int64_t offset, std::string_view bytes) {
    const auto end = static_cast<std::size_t>(offset) + bytes.size();
    if (image.size() < end)
        image.resize(end, '\0');
    image.replace(static_cast<std::size_t>(offset), bytes.size(), bytes);
}

// What a disk that lost power may hold: the durable bytes, plus a random choice of the
// sector-sized pieces written since (in order, so a later kept piece wins).
std::string surviving_image(const FileRecord& r, CutMode mode, std::mt19937_64& rng, int sector) {
    std::string image = r.durable;
    if (mode == CutMode::drop_unsynced)
        return image;
    std::bernoulli_distribution keep(0.5);
    for (const Event& e : r.pending) {
        if (const auto* t = std::get_if<Truncate>(&e)) {
            if (keep(rng))
                image.resize(static_cast<std::size_t>(t->size), '\0');
            continue;
        }
        const auto& w = std::get<Write>(e);
        std::int64_t pos = w.offset;
        const std::int64_t end = w.offset + static_cast<std::int64_t>(w.data.size());
        while (pos < end) {
            const std::int64_t next = std::min(end, (pos / sector + 1) * sector);
            if (keep(rng))
                put(image, pos,
                    std::string_view(w.data).substr(static_cast<std::size_t>(pos - w.offset),
                                                    static_cast<std::size_t>(next - pos)));
            pos = next;
        }
    }
    return image;
}

} // namespace

PowerCutVfs& PowerCutVfs::install() {
    static PowerCutVfs instance;
    static std::once_flag once;
    std::call_once(once, [] {
        State& s = state();
        s.real = sqlite3_vfs_find(nullptr);
        if (!s.real)
            throw std::runtime_error("power_cut_vfs: SQLite has no default VFS");
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(SimFile)) + s.real->szOsFile;
        g_vfs.mxPathname = s.real->mxPathname;
        g_vfs.zName = "rapport-power-cut";
        g_vfs.xOpen = vfs_open;
        g_vfs.xDelete = vfs_delete;
        g_vfs.xAccess = vfs_access;
        g_vfs.xFullPathname = vfs_full_pathname;
        g_vfs.xDlOpen = vfs_dlopen;
        g_vfs.xDlError = vfs_dlerror;
        g_vfs.xDlSym = vfs_dlsym;
        g_vfs.xDlClose = vfs_dlclose;
        g_vfs.xRandomness = vfs_randomness;
        g_vfs.xSleep = vfs_sleep;
        g_vfs.xCurrentTime = vfs_current_time;
        g_vfs.xGetLastError = vfs_last_error;
        g_vfs.xCurrentTimeInt64 = vfs_current_time64;
        if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK)
            throw std::runtime_error("power_cut_vfs: cannot register the VFS");
    });
    return instance;
}

void PowerCutVfs::watch(const fs::path& folder) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.watching = true;
    s.folder = fs::weakly_canonical(folder).string();
    if (s.folder.empty() || s.folder.back() != '/')
        s.folder += '/';
    s.files.clear();
    s.events = 0;
    s.cut_at = 0;
    s.cut = false;
    s.lying = false;
    s.failure = DiskFailure::none;
    s.fail_event = 0;
    s.failures = 0;
    s.open_files = 0;
    s.at_watch.clear();
    s.flushed.clear();
    s.before_rename.clear();
    std::error_code ec;
    const std::string root = s.folder.substr(0, s.folder.size() - 1);
    s.at_watch.insert(root);
    for (const auto& entry : fs::recursive_directory_iterator(root, ec))
        s.at_watch.insert(entry.path().string());
}

void PowerCutVfs::stop_watching() {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.watching = false;
    s.files.clear();
    s.cut = false;
    s.cut_at = 0;
    s.failure = DiskFailure::none;
}

void PowerCutVfs::cut_power_at(std::int64_t event) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.cut_at = event;
}

bool PowerCutVfs::power_is_cut() const {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.cut;
}

void PowerCutVfs::restore_power(CutMode mode, std::uint64_t seed, int sector_size) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.cut)
        return;
    if (s.open_files != 0)
        throw std::logic_error("power_cut_vfs: files still open when the power comes back");
    std::mt19937_64 rng(seed);
    const std::string root = s.folder.substr(0, s.folder.size() - 1);
    // A name whose folder was not flushed since it was made is not there (a rename's target
    // holds what it held before); a new folder goes with everything in it.
    std::vector<std::string> names;
    std::error_code walk_ec;
    for (const auto& entry : fs::recursive_directory_iterator(root, walk_ec))
        names.push_back(entry.path().string());
    std::set<std::string> lost;
    for (const std::string& name : names) {
        if (s.name_durable(name))
            continue;
        std::error_code ec;
        if (const auto it = s.before_rename.find(name);
            it != s.before_rename.end() && it->second &&
            fs::exists(fs::path(name).parent_path(), ec)) {
            write_whole(name, *it->second);
            s.files.erase(name);
        } else if (fs::exists(name, ec)) {
            fs::remove_all(name, ec);
            lost.insert(name);
        }
    }
    for (const auto& [path, record] : s.files) {
        std::error_code ec;
        if (!fs::exists(path, ec))
            continue; // deleted or renamed away: taken as durable
        const std::string image = surviving_image(record, mode, rng, sector_size);
        if (!record.durable_exists && image.empty()) {
            fs::remove(path, ec);
            continue;
        }
        write_whole(path, image);
    }
    s.files.clear();
    s.cut = false;
    s.cut_at = 0;
    s.names_lost += static_cast<std::int64_t>(lost.size());
}

void PowerCutVfs::fail_at(std::int64_t event, DiskFailure failure, bool sticky) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.fail_event = event;
    s.failure = failure;
    s.fail_sticky = sticky;
}

std::int64_t PowerCutVfs::failures_given() const {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.failures;
}

std::int64_t PowerCutVfs::events() const {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.events;
}

std::int64_t PowerCutVfs::names_lost() const {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.names_lost;
}

int PowerCutVfs::open_files() const {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.open_files;
}

void PowerCutVfs::set_lying_disk(bool lying) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.lying = lying;
}

namespace {
// The path of a regular file open as `fd`; empty for anything else.
std::string path_of_fd(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    char link[PATH_MAX];
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t n = ::readlink(proc.c_str(), link, sizeof link - 1);
    return n > 0 ? std::string(link, static_cast<std::size_t>(n)) : std::string();
}

// The path of a folder open as `fd`; empty for anything else.
std::string folder_of_fd(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode))
        return {};
    char link[PATH_MAX];
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t n = ::readlink(proc.c_str(), link, sizeof link - 1);
    return n > 0 ? std::string(link, static_cast<std::size_t>(n)) : std::string();
}

// The errno a refused event of an fd-based call gives.
int errno_for(int code) {
    return code == SQLITE_FULL ? ENOSPC : EIO;
}
} // namespace

int PowerCutVfs::on_fsync(int fd) {
    const std::string path = path_of_fd(fd);
    State& s = state();
    if (path.empty()) {
        const std::string dir = folder_of_fd(fd);
        std::lock_guard lock(s.mutex);
        if (dir.empty() || !s.in_scope(dir + "/"))
            return 0;
        if (const int rc = s.before_event(dir + "/", SQLITE_IOERR_FSYNC); rc != SQLITE_OK)
            return errno_for(rc);
        s.folder_flushed(dir);
        return 0;
    }
    std::lock_guard lock(s.mutex);
    if (const int rc = s.before_event(path, SQLITE_IOERR_FSYNC); rc != SQLITE_OK)
        return errno_for(rc);
    if (s.in_scope(path)) {
        ::fdatasync(fd); // the data is on disk before it counts as durable
        s.make_durable(path);
    }
    return 0;
}

int PowerCutVfs::on_write(int fd) {
    State& s = state();
    {
        std::lock_guard lock(s.mutex);
        if (!s.watching)
            return 0;
    }
    const std::string path = path_of_fd(fd);
    if (path.empty())
        return 0;
    std::lock_guard lock(s.mutex);
    if (const int rc = s.before_event(path, SQLITE_IOERR_WRITE); rc != SQLITE_OK)
        return errno_for(rc);
    if (s.in_scope(path))
        s.record(path); // what was there before this write is what a cut goes back to
    return 0;
}

int PowerCutVfs::on_rename(const char* from, const char* to) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.in_scope(from) && !s.in_scope(to))
        return 0;
    if (const int rc = s.before_event(s.in_scope(to) ? to : from, SQLITE_IOERR); rc != SQLITE_OK)
        return errno_for(rc);
    // The target's name is the file moved there only once the folder is flushed; until then a
    // cut gives back what the name held on disk (the source's name coming back is not played).
    if (s.in_scope(to) && s.before_rename.count(to) == 0) {
        std::error_code ec;
        const auto held = s.files.find(to);
        std::optional<std::string> before;
        if (held != s.files.end() && held->second.durable_exists && s.name_durable(to))
            before = held->second.durable;
        else if (held == s.files.end() && s.name_durable(to) && fs::is_regular_file(to, ec))
            before = read_whole(to);
        s.before_rename[to] = std::move(before);
    }
    s.flushed.erase(to);
    s.at_watch.erase(to);
    auto it = s.files.find(from);
    if (it != s.files.end()) {
        FileRecord moved = std::move(it->second);
        s.files.erase(it);
        s.files[to] = std::move(moved);
    } else {
        s.files.erase(to);
    }
    return 0;
}

} // namespace rapport::durability

// The linker sends the program's fsync(), write() and rename() calls here (-Wl,--wrap=...).
extern "C" {
int __real_fsync(int fd);
ssize_t __real_write(int fd, const void* buf, size_t n);
int __real_rename(const char* from, const char* to);

int __wrap_fsync(int fd) {
    if (const int err = rapport::durability::PowerCutVfs::install().on_fsync(fd)) {
        errno = err;
        return -1;
    }
    return __real_fsync(fd);
}

ssize_t __wrap_write(int fd, const void* buf, size_t n) {
    if (const int err = rapport::durability::PowerCutVfs::install().on_write(fd)) {
        errno = err;
        return -1;
    }
    return __real_write(fd, buf, n);
}

int __wrap_rename(const char* from, const char* to) {
    if (const int err = rapport::durability::PowerCutVfs::install().on_rename(from, to)) {
        errno = err;
        return -1;
    }
    return __real_rename(from, to);
}
}
