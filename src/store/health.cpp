// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/health.h"
#include "store/sqlite/connection.h"

#include "core/errors.h"
#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <set>

namespace rapport::store {
namespace fs = std::filesystem;

namespace {

// Tables whose size the app bounds (a handful of settings, one row per category, the owner's
// tags, the search index's configuration): the open checks every page and every CHECK
// constraint of these.
constexpr std::array kFullyCheckedTables = {"setting", "category_default", "tag",
                                            "customer_fts_config", "interaction_fts_config"};

// SQLite's check rows may hold several lines, headed "*** in database main ***"; one finding
// per line reads better and keeps an error message to one line.
std::vector<std::string> split_findings(const std::string& row) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= row.size()) {
        const std::size_t end = std::min(row.find('\n', start), row.size());
        std::string line = row.substr(start, end - start);
        if (!line.empty() && line != "ok" && line.rfind("*** in database", 0) != 0)
            out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

// Runs `pragma` and returns its first finding, empty when it says "ok".
std::string first_finding(SQLite::Database& db, const std::string& pragma) {
    SQLite::Statement st(db, pragma);
    while (st.executeStep()) {
        const std::string row = st.getColumn(0).getString();
        if (row == "ok")
            continue;
        const auto findings = split_findings(row);
        return findings.empty() ? std::string("the check reported a problem") : findings.front();
    }
    return {};
}

} // namespace

std::string quick_check_on_open(SQLite::Database& db) {
    try {
        if (std::string f = first_finding(db, "PRAGMA quick_check('sqlite_schema')"); !f.empty())
            return f;
        std::vector<std::pair<std::string, bool>> tables; // name, WITHOUT ROWID
        SQLite::Statement list(db, "SELECT name, wr FROM pragma_table_list "
                                   "WHERE schema = 'main' AND type IN ('table', 'shadow') "
                                   "AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (list.executeStep())
            tables.emplace_back(list.getColumn(0).getString(), list.getColumn(1).getInt() != 0);
        for (const auto& [name, without_rowid] : tables) {
            if (std::find(kFullyCheckedTables.begin(), kFullyCheckedTables.end(), name) !=
                kFullyCheckedTables.end()) {
                if (std::string f =
                        first_finding(db, fmt::format("PRAGMA quick_check('{}')", name));
                    !f.empty())
                    return f;
                continue;
            }
            // Growing tables: read the root page and the paths to the first and last rows. A
            // destroyed root or edge page (what a torn write or a stray block most often hits)
            // shows here in a few page reads; pages in the middle are the daily check's.
            const std::string quoted = fmt::format("\"{}\"", name);
            const std::vector<std::string> probes =
                without_rowid ? std::vector<std::string>{"SELECT * FROM " + quoted + " LIMIT 1"}
                              : std::vector<std::string>{
                                    "SELECT * FROM " + quoted + " ORDER BY rowid LIMIT 1",
                                    "SELECT * FROM " + quoted + " ORDER BY rowid DESC LIMIT 1"};
            for (const auto& sql : probes) {
                SQLite::Statement probe(db, sql);
                while (probe.executeStep()) {
                }
            }
        }
        return {};
    } catch (const SQLite::Exception& e) {
        // Only what SQLite calls damage is a finding; a file busy in another program is not
        // damaged, and the caller says so in its own words.
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            return e.what();
        throw;
    }
}

std::string quick_check_everything(SQLite::Database& db) {
    try {
        return first_finding(db, "PRAGMA quick_check");
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
}

std::uint32_t header_application_id(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> h{};
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size()))
        return 0;
    static constexpr char kMagic[] = "SQLite format 3"; // 16 bytes with its NUL
    if (std::memcmp(h.data(), kMagic, sizeof kMagic) != 0)
        return 0;
    return static_cast<std::uint32_t>(h[68]) << 24 | static_cast<std::uint32_t>(h[69]) << 16 |
           static_cast<std::uint32_t>(h[70]) << 8 | static_cast<std::uint32_t>(h[71]);
}

bool has_rapport_header(const fs::path& path) {
    return header_application_id(path) == static_cast<std::uint32_t>(kApplicationId);
}

std::vector<std::string> check_database_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw DataError(tr("There is no database at {}."), path.string());
    if (!fs::is_regular_file(path, ec))
        throw DataError(tr("{} is not a file."), path.string());
    if (fs::file_size(path, ec) == 0)
        return {}; // a new, empty database: nothing in it can be wrong

    std::vector<std::string> problems;
    try {
        // Read-write so that SQLite also verifies every row's CHECK constraints (a read-only
        // connection does not even load them), yet writing nothing: query_only refuses
        // writes and no checkpoint runs on close, so the file is left exactly as it was.
        // A file the owner made read-only opens read-only and gets the structural check.
        SQLite::Database conn(path.string(), SQLite::OPEN_READWRITE);
        sqlite3_db_config(conn.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        conn.exec("PRAGMA query_only = ON");
        conn.setBusyTimeout(5000);
        const int app_id = conn.execAndGet("PRAGMA application_id").getInt();
        if (app_id != kApplicationId) {
            const int objects = conn.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
            if (app_id != 0 || objects != 0)
                throw DataError(tr("{} is a database of another program, not Rapport."),
                                path.string());
        }
        {
            SQLite::Statement st(conn, "PRAGMA integrity_check");
            while (st.executeStep())
                for (auto& line : split_findings(st.getColumn(0).getString()))
                    problems.push_back(std::move(line));
        }
        if (!problems.empty())
            return problems; // the foreign-key check would only read damaged pages again
        SQLite::Statement st(conn, "PRAGMA foreign_key_check");
        while (st.executeStep())
            problems.push_back(fmt::format("row {} of {} points to a missing {} row",
                                           st.getColumn(1).getString(), st.getColumn(0).getString(),
                                           st.getColumn(2).getString()));
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw DataError(tr("{} is busy in another program; try the check again in a moment."),
                            path.string());
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_AUTH)
            throw DataError(tr("{} cannot be opened: {}."), path.string(), e.what());
        if (!has_rapport_header(path) && problems.empty())
            throw DataError(tr("{} is not a Rapport database (it is not a readable SQLite file)."),
                            path.string());
        problems.push_back(fmt::format("SQLite cannot read the file: {}", short_finding(e.what())));
    }
    return problems;
}

} // namespace rapport::store
