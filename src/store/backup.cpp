// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup.h"
#include "store/sqlite/connection.h"

#include "store/sqlite/backup_copy.h"

#include "core/atomic_file.h"
#include "core/errors.h"
#include "store/health.h"
#include "store/roles.h"
#include "store/server_login.h"
#include "store/settings_store.h"
#include "store/sql/session.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <regex>
#include <sys/stat.h>

namespace rapport::store {
namespace fs = std::filesystem;
using namespace detail;

namespace {

constexpr int kBusyTimeoutMs = 5000;

bool is_server_path(const fs::path& db_path) {
    return is_server_location(db_path.string());
}

// A file's backups are named after it; a shop database's after its name and server
// ("shop-on-shop-server"), in characters every filesystem takes.
std::string stem_of(const fs::path& db_path) {
    if (!is_server_path(db_path))
        return db_path.stem().string();
    const ServerAddress a = server_address(db_path.string());
    std::string host = a.host.empty() || a.host.front() == '/' ? "localhost" : a.host;
    std::string stem = a.database + "-on-" + host;
    for (char& c : stem)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            c = '_';
    return stem;
}

// ".db" for a copy of a file, ".dump" for pg_dump's copy of a shop database.
std::string extension_for(const fs::path& db_path) {
    return is_server_path(db_path) ? ".dump" : ".db";
}

// Backups of a shop database stay on this PC, beside where its own file would be:
// $XDG_DATA_HOME/rapport/backups, else ~/.local/share/rapport/backups.
fs::path local_backup_folder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "rapport" / "backups";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "rapport" / "backups";
}

std::tm local_tm(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

// "2026-11-25-143005" for file names, and "2026-11-25 14:30:05" for people.
std::string name_stamp(const std::tm& tm) {
    return fmt::format("{:04}-{:02}-{:02}-{:02}{:02}{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}
std::string display_stamp(const std::tm& tm) {
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

struct ParsedName {
    BackupKind kind = BackupKind::daily;
    Date day;
    std::string taken_at;
};

std::optional<BackupKind> kind_from_key(std::string_view key) {
    for (BackupKind k : {BackupKind::manual, BackupKind::before_update, BackupKind::before_restore})
        if (backup_kind_key(k) == key)
            return k;
    return std::nullopt;
}

// Reads "<stem>-2026-11-25.db" or "<stem>-2026-11-25-143005-manual[-2].db"; nullopt for
// anything else (temporary files, another database's backups, files the owner put there).
std::optional<ParsedName> parse_backup_name(const std::string& stem, const std::string& name) {
    const std::string prefix = stem + "-";
    if (name.rfind(prefix, 0) != 0)
        return std::nullopt;
    static const std::regex pattern(
        R"(^(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2})(\d{2})-)"
        R"((manual|before-update|before-restore)(?:-\d+)?)?\.(?:db|dump)$)");
    const std::string rest = name.substr(prefix.size());
    std::smatch m;
    if (!std::regex_match(rest, m, pattern))
        return std::nullopt;
    ParsedName p;
    try {
        p.day = parse_date(m[1].str());
    } catch (const InputError&) {
        return std::nullopt;
    }
    p.taken_at = m[1].str();
    if (m[5].matched) {
        p.kind = *kind_from_key(m[5].str());
        p.taken_at += fmt::format(" {}:{}:{}", m[2].str(), m[3].str(), m[4].str());
    }
    return p;
}

bool has_customers(Database& db) {
    return sql::scalar(session(db), "SELECT count(*) FROM (SELECT 1 FROM customer LIMIT 1) c")
               .getInt64() != 0;
}

// Temporary files of backups interrupted by a crash or kill, left for an hour in case another
// program is still writing one.
void remove_stale_temporaries(const fs::path& folder, const std::string& stem) {
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(1);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("." + stem + "-", 0) == 0 && name.find(".tmp-") != std::string::npos &&
            entry.last_write_time(ec) < cutoff)
            fs::remove(entry.path(), ec);
    }
}

std::vector<fs::path> rotate_daily_backups(const fs::path& folder, const std::string& stem,
                                           const RotationPolicy& policy) {
    std::vector<std::pair<Date, fs::path>> daily;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto parsed = parse_backup_name(stem, entry.path().filename().string());
        if (parsed && parsed->kind == BackupKind::daily && entry.is_regular_file(ec))
            daily.emplace_back(parsed->day, entry.path());
    }
    std::vector<Date> days;
    for (const auto& d : daily)
        days.push_back(d.first);
    const std::vector<Date> keep = daily_backups_to_keep(days, policy);
    std::vector<fs::path> removed;
    for (const auto& [day, file] : daily) {
        if (std::find(keep.begin(), keep.end(), day) == keep.end() && fs::remove(file, ec))
            removed.push_back(file);
    }
    remove_stale_temporaries(folder, stem);
    return removed;
}

} // namespace

namespace detail {

void copy_pages(sqlite3* source, sqlite3* dest) {
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (!backup)
        throw SQLite::Exception(dest, sqlite3_errcode(dest));
    int rc = SQLITE_OK;
    for (int waited = 0;;) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < kBusyTimeoutMs) {
            sqlite3_sleep(50);
            waited += 50;
            continue;
        }
        if (rc != SQLITE_OK)
            break;
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw SQLite::Exception(sqlite3_errstr(rc), rc);
}

void write_copy(sqlite3* source, const fs::path& target, bool verify,
                const std::function<void()>& before_rename) {
    write_file_atomically_via_path(target, [&](const fs::path& temp) {
        {
            SQLite::Database out(temp.string(), SQLite::OPEN_READWRITE);
            // The temporary file is thrown away on any failure and flushed once at the end, so
            // it needs neither a journal nor SQLite's own syncs.
            out.exec("PRAGMA journal_mode = OFF");
            out.exec("PRAGMA synchronous = OFF");
            copy_pages(source, out.getHandle());
            out.exec("PRAGMA journal_mode = DELETE");
        }
        if (verify) {
            // Read-only on purpose: SQLite then checks the structure of every page (0.45 s on a
            // 345 MB file) and skips re-evaluating each row's CHECK constraints (3 s more).
            SQLite::Database copy(temp.string(), SQLite::OPEN_READONLY);
            if (std::string finding = quick_check_everything(copy); !finding.empty())
                throw DamagedCopy{finding};
        }
        if (before_rename)
            before_rename();
    });
}

void copy_file_bytes(const fs::path& from, const fs::path& to) {
    std::ifstream in(from, std::ios::binary);
    if (!in)
        throw DataError(tr("{} cannot be read."), from.string());
    write_file_atomically(to, [&](std::ostream& out) { out << in.rdbuf(); });
}

void prepare_folder(const fs::path& folder) {
    ensure_private_directory(folder);
#ifndef _WIN32 // there the folder inherits the profile's ACL (ensure_private_directory)
    ::chmod(folder.c_str(), 0700);
#endif
}

fs::path timestamped_name(const fs::path& db_path, BackupKind kind) {
    const fs::path folder = backup_folder(db_path);
    const std::string stem = stem_of(db_path);
    const std::string base = fmt::format("{}-{}-{}", stem, name_stamp(local_tm(std::time(nullptr))),
                                         backup_kind_key(kind));
    const std::string ext = extension_for(db_path);
    fs::path candidate = folder / (base + ext);
    for (int n = 2; fs::exists(candidate); ++n)
        candidate = folder / fmt::format("{}-{}{}", base, n, ext);
    return candidate;
}

Message copy_failure(const SQLite::Exception& e) {
    switch (e.getErrorCode() & 0xff) {
    case SQLITE_FULL:
        return tr("the disk is full");
    case SQLITE_IOERR:
        return tr("the disk reported an error (it may be full)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return tr("the database is busy in another window or program");
    default:
        return Message(std::string(e.what()));
    }
}

} // namespace detail

std::string_view backup_kind_key(BackupKind kind) {
    switch (kind) {
    case BackupKind::daily:
        return "daily";
    case BackupKind::manual:
        return "manual";
    case BackupKind::before_update:
        return "before-update";
    case BackupKind::before_restore:
        return "before-restore";
    }
    return "daily";
}

fs::path backup_folder(const fs::path& db_path) {
    if (is_server_path(db_path))
        return local_backup_folder();
    const fs::path parent = db_path.parent_path();
    return (parent.empty() ? fs::path(".") : parent) / "backups";
}

void write_backup(Database& db, const fs::path& dest) {
    try {
        write_copy(sqlite(db).getHandle(), dest, false);
    } catch (const SQLite::Exception& e) {
        throw DataError(tr("The backup {} could not be written: {}."), dest.string(),
                        copy_failure(e));
    }
}

fs::path make_backup(Database& db) {
    if (db.path() == ":memory:")
        throw DataError("A database held in memory has no file to back up.");
    require_owner(db, tr("make a backup")); // a copy holds the margins staff may not read
    const fs::path folder = backup_folder(db.path());
    prepare_folder(folder);
    const fs::path dest = timestamped_name(db.path(), BackupKind::manual);
    if (db.is_server())
        write_server_dump(db, dest);
    else
        write_backup(db, dest);
    return dest;
}

fs::path backup_before_update(const fs::path& db_path) {
    const fs::path folder = backup_folder(db_path);
    try {
        prepare_folder(folder);
        const fs::path dest = timestamped_name(db_path, BackupKind::before_update);
        SQLite::Database source(db_path.string(), SQLite::OPEN_READONLY);
        source.setBusyTimeout(kBusyTimeoutMs);
        write_copy(source.getHandle(), dest, false);
        return dest;
    } catch (const SQLite::Exception& e) {
        throw DataError(tr("{} needs an update to this version of Rapport, but it could "
                           "not be backed up first ({}); nothing was changed."),
                        db_path.string(), copy_failure(e));
    } catch (const DataError& e) {
        throw DataError(tr("{} needs an update to this version of Rapport, but it could "
                           "not be backed up first ({}); nothing was changed."),
                        db_path.string(), e.message());
    }
}

std::vector<Date> daily_backups_to_keep(std::vector<Date> days, const RotationPolicy& policy) {
    std::sort(days.begin(), days.end(), [](Date a, Date b) { return b < a; });
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::vector<Date> keep;
    for (int i = 0; i < policy.keep_daily && i < static_cast<int>(days.size()); ++i)
        keep.push_back(days[static_cast<std::size_t>(i)]);
    // Newest first, so the first backup met in each week is that week's newest.
    std::optional<WeekId> last_week;
    int weeks = 0;
    for (Date d : days) {
        const WeekId week = week_containing(d, policy.week_start).id;
        if (last_week && *last_week == week)
            continue;
        last_week = week;
        if (weeks++ >= policy.keep_weekly)
            break;
        if (std::find(keep.begin(), keep.end(), d) == keep.end())
            keep.push_back(d);
    }
    std::sort(keep.begin(), keep.end(), [](Date a, Date b) { return b < a; });
    return keep;
}

DailyBackupResult maybe_daily_backup(Database& db, Date today) {
    const Settings s = SettingsStore(db).load();
    return maybe_daily_backup(db, today, {s.backup_keep_daily, s.backup_keep_weekly, s.week_start});
}

DailyBackupResult maybe_daily_backup(Database& db, Date today, const RotationPolicy& policy) {
    DailyBackupResult result;
    if (db.path() == ":memory:" || (policy.keep_daily <= 0 && policy.keep_weekly <= 0))
        return result;
    const fs::path folder = backup_folder(db.path());
    const std::string stem = stem_of(db.path());
    result.file =
        folder / fmt::format("{}-{}{}", stem, format_date(today), extension_for(db.path()));
    std::error_code ec;
    if (fs::exists(result.file, ec) || !has_customers(db))
        return result;
    if (access(db) == Access::staff)
        return result; // a staff login cannot read every column; the owner's PC takes the copy
    try {
        prepare_folder(folder);
        if (db.is_server()) // pg_dump reads every row: a damaged table fails the copy
            write_server_dump(db, result.file);
        else
            write_copy(sqlite(db).getHandle(), result.file, true);
    } catch (const DamagedCopy& damaged) {
        throw DamagedDatabaseError(db.path(), damaged.finding);
    } catch (const SQLite::Exception& e) {
        throw DataError(tr("Today's backup {} could not be written: {}."), result.file.string(),
                        copy_failure(e));
    }
    result.made = true;
    result.removed = rotate_daily_backups(folder, stem, policy);
    return result;
}

BackupInfo inspect_backup(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw DataError(tr("There is no backup file at {}."), file.string());
    BackupInfo info;
    info.file = file;
    info.bytes = fs::file_size(file, ec);
    // The kind and time come from the name Rapport gave the file; any other file (a copy the
    // owner made, `backup --out`) is a manual backup from the time it was last written.
    const std::string name = file.filename().string();
    const auto dash = name.find('-');
    std::optional<ParsedName> parsed;
    if (dash != std::string::npos)
        for (auto pos = dash; pos != std::string::npos && !parsed; pos = name.find('-', pos + 1))
            parsed = parse_backup_name(name.substr(0, pos), name);
    if (parsed) {
        info.kind = parsed->kind;
        info.day = parsed->day;
        info.taken_at = parsed->taken_at;
    } else {
        std::error_code ec;
        const auto modified = fs::last_write_time(file, ec);
        const std::tm tm = local_tm(
            ec ? std::time_t{0}
               : std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(modified)));
        info.kind = BackupKind::manual;
        info.day = Date{date::year{tm.tm_year + 1900}, date::month{unsigned(tm.tm_mon + 1)},
                        date::day{unsigned(tm.tm_mday)}};
        info.taken_at = display_stamp(tm);
    }
    if (file.extension() == ".dump") { // pg_dump's copy of a shop database
        const ServerDumpFacts facts = inspect_server_dump(file);
        info.restorable = facts.restorable;
        info.problem = facts.problem;
        info.schema_version = facts.schema_version;
        info.customers = facts.customers;
        info.interactions = facts.interactions;
        info.purchases = facts.purchases;
        return info;
    }
    try {
        SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
        ro.setBusyTimeout(kBusyTimeoutMs);
        const int app_id = ro.execAndGet("PRAGMA application_id").getInt();
        info.schema_version = ro.execAndGet("PRAGMA user_version").getInt();
        if (app_id != kApplicationId) {
            info.problem = tr("it is not a Rapport database");
            return info;
        }
        if (info.schema_version > kSchemaVersion) {
            info.problem = tr("it was saved by a newer version of Rapport");
            return info;
        }
        info.customers = ro.execAndGet("SELECT count(*) FROM customer").getInt64();
        info.interactions = ro.execAndGet("SELECT count(*) FROM interaction").getInt64();
        info.purchases = ro.execAndGet("SELECT count(*) FROM purchase").getInt64();
        info.restorable = true;
    } catch (const SQLite::Exception& e) {
        info.problem = Message(tr("SQLite cannot read it: {}"), e.what());
        info.restorable = false;
    }
    return info;
}

std::vector<BackupInfo> list_backups(const fs::path& db_path) {
    std::vector<BackupInfo> out;
    const fs::path folder = backup_folder(db_path);
    const std::string stem = stem_of(db_path);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec) ||
            !parse_backup_name(stem, entry.path().filename().string()))
            continue;
        out.push_back(inspect_backup(entry.path()));
    }
    std::sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
        return a.taken_at != b.taken_at ? a.taken_at > b.taken_at : a.file > b.file;
    });
    return out;
}

} // namespace rapport::store
