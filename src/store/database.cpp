// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"

#include "core/errors.h"
#include "core/folder_sync.h"
#include "core/staff.h"
#include "store/backup.h"
#include "store/customer_figures.h"
#include "store/health.h"
#include "store/schema_sql.h"
#include "store/sql/database_connection.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_session.h"
#include "store/worth_months.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#ifdef _WIN32
#include <shlobj.h>
#include <windows.h>
#endif

namespace rapport::store {
namespace fs = std::filesystem;

namespace detail {
Connection::Connection(std::unique_ptr<SQLite::Database> d)
    : db(std::move(d)), session(make_sqlite_session(*db)) {}
Connection::Connection(std::unique_ptr<sql::Session> s, std::string uri)
    : session(std::move(s)), server_uri(std::move(uri)) {}
Connection::~Connection() = default;
} // namespace detail

SQLite::Database& sqlite(Database& db) {
    if (!db.connection().db) {
        throw DataError(tr("This works on a database file only, not on the shop's shared "
                           "database."));
    }
    return *db.connection().db;
}

sql::Session& session(Database& db) {
    return *db.connection().session;
}

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Every connection the store opens serves one thread at a time (a reader is handed to its worker
// before the worker starts, and never used by two threads at once), so SQLite's per-connection
// mutex guards nothing: without it (multi-thread mode) each step and each column read saves a
// lock and an unlock, 18 % of the instructions of `worth --all` at 1M (callgrind).
constexpr int kOneThreadAtATime = SQLITE_OPEN_NOMUTEX;

std::string describe(const fs::path& p) {
    return p.string();
}

struct FileFacts {
    int application_id = 0;
    int user_version = 0;
    int object_count = 0;
    std::string damage; // the first problem the open-time quick check found
};

// Reads the stamp of an existing file through a read-only connection, which writes nothing.
FileFacts inspect_existing(const fs::path& path, bool may_roll_back = true) {
    try {
        SQLite::Database ro(path.string(), SQLite::OPEN_READONLY);
        ro.setBusyTimeout(kBusyTimeoutMs);
        FileFacts f;
        f.application_id = ro.execAndGet("PRAGMA application_id").getInt();
        f.user_version = ro.execAndGet("PRAGMA user_version").getInt();
        f.object_count = ro.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (f.application_id == kApplicationId)
            f.damage = quick_check_on_open(ro);
        return f;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (e.getExtendedErrorCode() == SQLITE_READONLY_ROLLBACK && may_roll_back) {
            // A power cut left a hot journal (a transaction cut short before the file is in WAL
            // mode: a new file's first migration). Only a connection that may write rolls it
            // back, as SQLite does on any such open; a read-only look would refuse the file
            // for good. Another program's file (its own application id in the header) is not
            // ours to roll back: it is refused as it is.
            if (const auto id = header_application_id(path);
                id != 0 && id != static_cast<std::uint32_t>(kApplicationId)) {
                FileFacts foreign;
                foreign.application_id = static_cast<int>(id);
                return foreign;
            }
            try {
                SQLite::Database rw(path.string(), SQLite::OPEN_READWRITE);
                rw.setBusyTimeout(kBusyTimeoutMs);
                rw.execAndGet("SELECT count(*) FROM sqlite_schema");
            } catch (const SQLite::Exception& again) {
                throw DataError(tr("{} could not be read: {}."), describe(path), again.what());
            }
            return inspect_existing(path, false);
        }
        if ((code == SQLITE_NOTADB || code == SQLITE_CORRUPT) && has_rapport_header(path))
            throw DamagedDatabaseError(path, e.what());
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
            throw DataError(
                tr("{} is not a Rapport database (it is not a readable SQLite file); it was left "
                   "untouched."),
                describe(path));
        }
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM) {
            throw DataError(tr("{} cannot be opened: {}."), describe(path), e.what());
        }
        if (code == SQLITE_BUSY) {
            throw DataError(tr("{} is busy in another program; close it there and try again."),
                            describe(path));
        }
        throw DataError(tr("{} could not be read: {}."), describe(path), e.what());
    }
}

// Why a change stopped: the disk in the owner's words, anything else as SQLite said it.
Message disk_reason(bool full, bool io_error, const char* what) {
    if (full)
        return tr("the disk is full");
    if (io_error)
        return tr("the disk reported an error (it may be full)");
    return Message(std::string(what));
}

void refuse_if_not_ours(const fs::path& path, const FileFacts& f) {
    if (f.application_id != kApplicationId && (f.application_id != 0 || f.object_count != 0)) {
        throw DataError(
            tr("{} is a database of another program, not Rapport; it was left untouched."),
            describe(path));
    }
    if (f.user_version > kSchemaVersion) {
        throw DataError(
            tr("{} was saved by a newer version of Rapport (data version {}, this one knows {}); "
               "please update Rapport. The file was left untouched."),
            describe(path), f.user_version, kSchemaVersion);
    }
}

} // namespace

DamagedDatabaseError::DamagedDatabaseError(fs::path path, std::string finding)
    : DataError(tr("{} is damaged ({}), so Rapport left it untouched; restore it from a backup."),
                describe(path), short_finding(finding)),
      m_path(std::move(path)), m_finding(short_finding(finding)) {}

// A damaged schema's finding quotes the broken trigger's whole SQL over many lines ("malformed
// database schema (name) - unrecognized token: ..."), which told the owner nothing and broke
// the one-line sentence the CLI promises. The start names what is broken; the rest is cut at a
// space, past kMaxChars bytes, with an ellipsis.
std::string short_finding(std::string_view finding) {
    constexpr std::size_t kMaxChars = 120;
    std::string out;
    for (const char ch : finding) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (!space)
            out += ch;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() <= kMaxChars)
        return out;
    std::size_t cut = out.rfind(' ', kMaxChars);
    if (cut == std::string::npos || cut < kMaxChars / 2) {
        cut = kMaxChars; // one long word: cut at a UTF-8 character's start
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
    }
    out.resize(cut);
    while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '-'))
        out.pop_back();
    return out + "\u2026";
}

ReadCancelled::ReadCancelled() : DataError("The reading was cancelled.") {}

#ifdef _WIN32
// Windows: %APPDATA%\rapport\rapport.db, the folder wxStandardPaths::GetUserDataDir() names
// (the demo file lives there too). Read as UTF-16, so a profile "C:\Users\Zoë" works under
// any code page.
fs::path default_database_path() {
    if (const wchar_t* env = ::_wgetenv(L"RAPPORT_DB"); env && *env)
        return fs::path(env);
    fs::path folder;
    PWSTR roaming = nullptr;
    if (::SHGetKnownFolderPath(FOLDERID_RoamingAppData, 0, nullptr, &roaming) == S_OK)
        folder = fs::path(roaming);
    ::CoTaskMemFree(roaming);
    if (folder.empty())
        folder = ".";
    return folder / "rapport" / "rapport.db";
}

// A new folder or file inherits the ACL of the folder it is made in; under the user's
// profile (%APPDATA%) only the user, SYSTEM and the administrators can read it, which is what
// 0700/0600 promise on Linux. There is no mode to take away, so nothing more is done.
void ensure_private_directory(const fs::path& dir) {
    if (dir.empty())
        return;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw DataError(
            fmt::format("The folder {} cannot be created: {}.", describe(dir), ec.message()));
    }
}

bool ensure_private_file(const fs::path& file) {
    std::error_code ec;
    const bool existed = fs::exists(file, ec);
    const int fd = ::_wopen(file.c_str(), _O_WRONLY | _O_CREAT | _O_BINARY | _O_NOINHERIT,
                            _S_IREAD | _S_IWRITE);
    if (fd < 0) {
        if (errno == EACCES && fs::exists(file))
            return false; // read-only: the owner made it so, and writes report it later
        throw DataError(fmt::format("The file {} cannot be created: {}.", describe(file),
                                    std::strerror(errno)));
    }
    ::_close(fd);
    return !existed;
}
#else
fs::path default_database_path() {
    if (const char* env = std::getenv("RAPPORT_DB"); env && *env)
        return fs::path(env);
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "rapport" / "rapport.db";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "rapport" / "rapport.db";
}

void ensure_private_directory(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir))
        return;
    ensure_private_directory(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        const int err = errno;
        throw DataError(tr("The folder {} cannot be created: {}."), describe(dir),
                        system_reason(err));
    }
    ::chmod(dir.c_str(), 0700); // mkdir honours the umask; the promise does not
    // The new folder's name is in its parent: flushed, it survives a power cut (as each level
    // created above it did in the call for that level).
    sync_parent_folder(dir);
}

bool ensure_private_file(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0) {
        // Take group and other access away, but keep a read-only file read-only: the owner
        // made it so, and writes then report it instead of quietly succeeding.
        if ((st.st_mode & 077) != 0)
            ::chmod(file.c_str(), st.st_mode & 0700);
        return false;
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        throw DataError(tr("The file {} cannot be created: {}."), describe(file),
                        system_reason(err));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    return true;
}
#endif

const char* network_filesystem_name(unsigned long magic) {
    switch (magic) {
    case 0x6969: // NFS_SUPER_MAGIC
        return "NFS";
    case 0x517B: // SMB_SUPER_MAGIC
        return "SMB";
    case 0xFF534D42: // CIFS_SUPER_MAGIC
        return "CIFS";
    case 0xFE534D42: // SMB2_SUPER_MAGIC
        return "SMB2";
    default:
        return nullptr;
    }
}

std::string network_filesystem_of(const fs::path& path) {
#ifdef __linux__
    // The file, or for a new one the nearest folder that exists
    fs::path probe = path;
    std::error_code ec;
    while (!probe.empty() && !fs::exists(probe, ec) && probe != probe.parent_path())
        probe = probe.parent_path();
    struct statfs st {};
    if (!probe.empty() && ::statfs(probe.c_str(), &st) == 0) {
        if (const char* name = network_filesystem_name(static_cast<unsigned long>(st.f_type)))
            return name;
    }
#else
    (void)path;
#endif
    return {};
}

// Version 2 to 3, issue 18: the customer's answer to the follow-up call (satisfaction 1-5 and
// what they said), and the index the satisfaction report reads done follow-ups by. One step of
// its own, so it can be renumbered beside other migrations; schema.sql has the same columns.
constexpr const char* kFollowUpAnswerSql = R"(
ALTER TABLE follow_up ADD COLUMN satisfaction INTEGER CHECK (satisfaction IS NULL OR
    (satisfaction BETWEEN 1 AND 5 AND done_on IS NOT NULL));
ALTER TABLE follow_up ADD COLUMN customer_said TEXT NOT NULL DEFAULT '';
CREATE INDEX follow_up_done_by_day ON follow_up (done_on) WHERE done_on IS NOT NULL;
)";

// Version 3 to 4, issue 16: who saved each record and when, and a version per edited row (an
// edit started from an older version is refused, store::EditConflict). '' means "not kept":
// rows from before read as "owner" with no time. The same columns on a server
// (server_migration_sql).
constexpr const char* kWhoDidWhatSql = R"(
ALTER TABLE customer ADD COLUMN added_by TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE customer ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE interaction ADD COLUMN logged_by TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE interaction ADD COLUMN logged_at TEXT NOT NULL DEFAULT '';
ALTER TABLE interaction ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE interaction ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE interaction ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE resolution ADD COLUMN added_by TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE resolution ADD COLUMN added_at TEXT NOT NULL DEFAULT '';
ALTER TABLE follow_up ADD COLUMN done_by TEXT NOT NULL DEFAULT '';
ALTER TABLE follow_up ADD COLUMN done_at TEXT NOT NULL DEFAULT '';
UPDATE follow_up SET done_by = 'owner' WHERE done_on IS NOT NULL;
ALTER TABLE purchase ADD COLUMN added_by TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE purchase ADD COLUMN added_at TEXT NOT NULL DEFAULT '';
CREATE INDEX interaction_by_staff ON interaction (logged_by);
)";

// Version 5 to 6, issue 18: how the customer likes to be dealt with (core/contact_profile.h):
// '' is "not known", what every customer saved before has. The keys are checked here so a
// value no program can read never gets in; the same columns on a server
// (server_migration_sql).
constexpr const char* kContactProfileSql = R"(
ALTER TABLE customer ADD COLUMN preferred_channel TEXT NOT NULL DEFAULT ''
    CHECK (preferred_channel IN ('', 'any', 'phone', 'email', 'in-person', 'text'));
ALTER TABLE customer ADD COLUMN preferred_time TEXT NOT NULL DEFAULT ''
    CHECK (length(preferred_time) <= 40);
ALTER TABLE customer ADD COLUMN wants_when_wrong TEXT NOT NULL DEFAULT ''
    CHECK (wants_when_wrong IN ('', 'detail', 'reassurance', 'quick-fix'));
)";

// Version 6 to 7, issue 21: the search maps each incident its words match to a customer. Through
// the table that reads a row per match, most of the table's pages for a common word (65,000
// matches of "kettle" in 1M incidents: 150 ms); this index holds only the pair, 15 MB at 1M,
// and SQLite reads it instead (40 ms). The server's search reads its own text index
// (server_migration_sql: nothing to add there).
constexpr const char* kIncidentCustomerSql = R"(
CREATE INDEX interaction_customer ON interaction (id, customer_id);
)";

const char* migration_sql(int from_version) {
    switch (from_version) {
    case 0:
        return kSchemaSql; // an empty file gets the whole schema (version 1)
    case 1:
        return kCustomerFiguresFileSql; // the customers' figures kept (store/customer_figures.h)
    case 2:
        return kFollowUpAnswerSql; // the customer's answer to a follow-up
    case 3:
        return kWhoDidWhatSql; // who saved each record and when, and the rows' versions
    case 4:
        return worth_months_file_sql(); // the worth sums kept by month (store/worth_months.h)
    case 5: {
        // how the customer likes to be dealt with, and a follow-up of a customer alone
        static const std::string sql = std::string(kContactProfileSql) + follow_up_owner_file_sql();
        return sql.c_str();
    }
    case 6:
        return kIncidentCustomerSql; // the search's way from an incident to its customer
    case 7:
        return to_date_rows_file_sql(); // each customer's worth to date (store/worth_months.h)
    default:
        return nullptr;
    }
}

Database::Database(std::unique_ptr<detail::Connection> conn, fs::path path)
    : m_conn(std::move(conn)), m_path(std::move(path)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

namespace {
// The files of a database this open made and could not finish: the file, and any journal or
// WAL beside it (a WAL left behind would be read into the next new file of that name).
void remove_unfinished_database(const fs::path& path) {
    std::error_code ignored; // what cannot be removed is an empty schema the next start uses
    for (const char* suffix : {"-wal", "-shm", "-journal", ""}) {
        fs::path file = path;
        fs::remove(file += suffix, ignored);
    }
}
} // namespace

Database Database::open(const fs::path& path) {
    if (is_server_location(path.string()))
        return open_server(path.string());
    // SQLite's locks are unreliable over network filesystems (its FAQ, and "SQLite Over a
    // Network"): two PCs writing one file there can damage it. Refused before anything opens.
    if (const std::string share = network_filesystem_of(path); !share.empty()) {
        throw DataError(tr("{} is on a network share ({}). A database file there can be damaged "
                           "when two PCs use it, so Rapport does not open it. To share Rapport "
                           "between PCs, put the data on a shop database server (PostgreSQL): "
                           "see \"Sharing one database between several PCs\" in the README."),
                        describe(path), share);
    }
    const bool exists = fs::exists(path);
    if (exists && !fs::is_regular_file(path))
        throw DataError(tr("{} is not a file."), describe(path));
    if (exists && fs::file_size(path) > 0) {
        const FileFacts facts = inspect_existing(path);
        refuse_if_not_ours(path, facts);
        if (!facts.damage.empty())
            throw DamagedDatabaseError(path, facts.damage);
        if (facts.user_version < kSchemaVersion && facts.object_count > 0)
            backup_before_update(path); // throws, and nothing is migrated, if it cannot
    } else if (!exists) {
        ensure_private_directory(path.parent_path());
    }
    // An empty file gets the whole schema below, like one created here.
    const bool created = ensure_private_file(path);
    const bool new_file = created || fs::file_size(path) == 0;
    auto open_and_prepare = [&] {
        std::unique_ptr<SQLite::Database> db;
        try {
            db = std::make_unique<SQLite::Database>(
                path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOneThreadAtATime);
        } catch (const SQLite::Exception& e) {
            throw DataError(tr("{} cannot be opened for writing: {}."), describe(path), e.what());
        }
        Database out(std::make_unique<detail::Connection>(std::move(db)), path);
        out.configure();
        out.migrate();
        out.enter_wal();
        // SQLite flushes the folder for the journals and the WAL it creates, never for the
        // database file itself: with the schema committed, the new file's name is flushed too,
        // so what the first save reports as saved is not lost with the name after a power cut.
        if (new_file)
            sync_parent_folder(path);
        return out;
    };
    try {
        return open_and_prepare();
    } catch (...) {
        // A first open that fails (a full disk after the schema was committed, say) takes back
        // the file it made, so a failure reported to the owner leaves no database at all, as
        // before the start; the next start makes it anew. The connection is closed by now.
        if (created)
            remove_unfinished_database(path);
        throw;
    }
}

Database Database::open_reader(const Database& open) {
    if (open.is_server())
        return open_server(open.m_conn->server_uri);
    if (open.m_path == ":memory:")
        throw DataError("An in-memory database has no second connection to read from.");
    try {
        auto db = std::make_unique<SQLite::Database>(open.m_path.string(),
                                                     SQLite::OPEN_READONLY | kOneThreadAtATime);
        db->setBusyTimeout(kBusyTimeoutMs);
        return Database(std::make_unique<detail::Connection>(std::move(db)), open.m_path);
    } catch (const SQLite::Exception& e) {
        throw DataError(tr("{} cannot be read: {}."), describe(open.m_path), e.what());
    }
}

namespace {
// SQLite calls this every thousand steps of any statement on the reader: a non-zero answer stops
// the statement with SQLITE_INTERRUPT. Unlike sqlite3_interrupt, it also catches a cancel that
// comes before the reader's first statement.
int StopWhenCancelled(void* flag) {
    return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}
} // namespace

Database Database::open_cancellable_reader(const Database& open, const std::atomic<bool>& cancel) {
    Database reader = open_reader(open);
    if (reader.is_server())
        return reader; // not yet: the server's reads run to their end (statement_timeout)
    sqlite3_progress_handler(reader.m_conn->db->getHandle(), 1000, StopWhenCancelled,
                             const_cast<std::atomic<bool>*>(&cancel));
    return reader;
}

Database Database::open_to_look(const fs::path& path) {
    try {
        // Read-write yet query_only, as check_database_file: SQLite reads a -wal through the
        // shared-memory index, which a read-only connection may not be able to build.
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | kOneThreadAtATime);
        sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        db->exec("PRAGMA query_only = ON");
        db->setBusyTimeout(kBusyTimeoutMs);
        return Database(std::make_unique<detail::Connection>(std::move(db)), path);
    } catch (const SQLite::Exception& e) {
        throw DataError(tr("{} cannot be read: {}."), describe(path), e.what());
    }
}

Database Database::open_in_memory() {
    Database out(std::make_unique<detail::Connection>(std::make_unique<SQLite::Database>(
                     ":memory:", SQLite::OPEN_READWRITE | kOneThreadAtATime)),
                 ":memory:");
    out.configure();
    out.migrate();
    return out;
}

void Database::configure() {
    try {
        m_conn->db->setBusyTimeout(kBusyTimeoutMs);
        m_conn->db->exec("PRAGMA foreign_keys = ON");
        // Crash safety: a committed change survives kill -9 and power loss (with WAL, which
        // enter_wal turns on once the migration is done).
        m_conn->db->exec("PRAGMA synchronous = FULL");
        // Deleted personal data is overwritten, not left in free pages.
        m_conn->db->exec("PRAGMA secure_delete = ON");
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_READONLY) {
            return; // a read-only file can still be read; writes will report it
        }
        throw DataError(tr("{} cannot be prepared for use: {}."), describe(m_path), e.what());
    }
}

// WAL is switched on after the migration, not before: the switch rewrites the file's header,
// and a file whose migration fails must be left byte for byte as it was (fuzz_open found a
// rollback-journal file, refused, with its header changed). A migration in rollback-journal
// mode is one transaction all the same.
void Database::enter_wal() {
    try {
        m_conn->db->exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_READONLY)
            return; // a read-only file can still be read; writes will report it
        const int code = e.getErrorCode() & 0xff;
        throw DataError(tr("{} cannot be prepared for use: {}."), describe(m_path),
                        disk_reason(code == SQLITE_FULL, code == SQLITE_IOERR, e.what()));
    }
}

bool Database::is_server() const {
    return !m_conn->server_uri.empty();
}

void Database::set_page_cache(int kibibytes) {
    if (is_server())
        return; // the server keeps its own cache (shared_buffers)
    m_conn->db->exec(fmt::format("PRAGMA cache_size = -{}", kibibytes));
}

void Database::set_actor(const std::string& name) {
    const std::string trimmed = trim_staff_name(name);
    if (is_server()) {
        if (trimmed == m_actor)
            return;
        throw InputError(tr("On a shop database every save is stamped with the login ({}); "
                            "to save as {}, sign in as {}."),
                         m_actor, trimmed, trimmed);
    }
    m_actor = trimmed;
}

int Database::schema_version() {
    if (is_server())
        return server_schema_version();
    return m_conn->db->execAndGet("PRAGMA user_version").getInt();
}

void Database::migrate() {
    if (is_server()) {
        migrate_server();
        return;
    }
    try {
        if (schema_version() == kSchemaVersion &&
            m_conn->db->execAndGet("PRAGMA application_id").getInt() == kApplicationId)
            return;
        WriteTransaction tx(*this);
        // Each step from the file's version on: an empty file gets schema.sql (version 1), then
        // the same steps an older file takes, so both end with the same tables and triggers.
        bool count_worth_months = false;
        for (int v = schema_version(); v < kSchemaVersion; ++v) {
            m_conn->db->exec(migration_sql(v));
            count_worth_months = count_worth_months || v == 4;
        }
        // The table of version 5, counted from the records once every step has run: the count
        // reads today's tables (a follow-up's customer_id is version 6's).
        if (count_worth_months)
            recount_worth_months(*this);
        m_conn->db->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
        m_conn->db->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
        tx.commit();
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        throw DataError(tr("{} could not be brought up to date, and was left as it was: {}."),
                        describe(m_path),
                        disk_reason(code == SQLITE_FULL, code == SQLITE_IOERR, e.what()));
    } catch (const sql::Error& e) {
        // BEGIN and COMMIT go through the session: a disk error there is the same sentence
        throw DataError(tr("{} could not be brought up to date, and was left as it was: {}."),
                        describe(m_path),
                        disk_reason(e.failure() == sql::Failure::disk_full,
                                    e.failure() == sql::Failure::io_error, e.what()));
    }
}

WriteTransaction::WriteTransaction(Database& db) : m_db(db) {
    int& depth = db.connection().write_depth;
    if (depth == 0) {
        session(db).begin_write();
        m_outermost = true;
    }
    ++depth;
}

WriteTransaction::~WriteTransaction() {
    --m_db.connection().write_depth;
    if (m_outermost && !m_done)
        session(m_db).rollback();
}

void WriteTransaction::commit() {
    if (m_outermost)
        session(m_db).commit();
    m_done = true;
}

} // namespace rapport::store
