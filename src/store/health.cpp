#include "store/health.h"

#include "core/errors.h"
#include "store/database.h"

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

// What every screen reads at start-up. The interaction, resolution, follow-up and purchase
// tables and the incident search index grow with the years (1M interactions: 260 ms for the
// interaction table alone), so the open leaves them to the daily check.
constexpr std::array kOpenCheckedTables = {"setting",
                                           "category_default",
                                           "customer",
                                           "tag",
                                           "customer_tag",
                                           "customer_fts_data",
                                           "customer_fts_idx",
                                           "customer_fts_docsize",
                                           "customer_fts_config"};

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

std::string quick_check_small_tables(SQLite::Database& db) {
    try {
        if (std::string f = first_finding(db, "PRAGMA quick_check('sqlite_schema')"); !f.empty())
            return f;
        std::set<std::string> tables;
        SQLite::Statement names(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
        while (names.executeStep())
            tables.insert(names.getColumn(0).getString());
        for (const char* table : kOpenCheckedTables) {
            if (!tables.count(table))
                continue;
            if (std::string f = first_finding(db, fmt::format("PRAGMA quick_check('{}')", table));
                !f.empty())
                return f;
        }
        return {};
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
}

std::string quick_check_everything(SQLite::Database& db) {
    try {
        return first_finding(db, "PRAGMA quick_check");
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
}

bool has_rapport_header(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> h{};
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size()))
        return false;
    static constexpr char kMagic[] = "SQLite format 3"; // 16 bytes with its NUL
    if (std::memcmp(h.data(), kMagic, sizeof kMagic) != 0)
        return false;
    const auto id = static_cast<std::uint32_t>(h[68]) << 24 |
                    static_cast<std::uint32_t>(h[69]) << 16 |
                    static_cast<std::uint32_t>(h[70]) << 8 | static_cast<std::uint32_t>(h[71]);
    return id == static_cast<std::uint32_t>(kApplicationId);
}

std::vector<std::string> check_database_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw DataError(fmt::format("There is no database at {}.", path.string()));
    if (!fs::is_regular_file(path, ec))
        throw DataError(fmt::format("{} is not a file.", path.string()));
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
                throw DataError(fmt::format("{} is a database of another program, not Rapport.",
                                            path.string()));
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
            throw DataError(fmt::format(
                "{} is busy in another program; try the check again in a moment.", path.string()));
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_AUTH)
            throw DataError(fmt::format("{} cannot be opened: {}.", path.string(), e.what()));
        if (!has_rapport_header(path) && problems.empty())
            throw DataError(fmt::format(
                "{} is not a Rapport database (it is not a readable SQLite file).", path.string()));
        problems.push_back(fmt::format("SQLite cannot read the file: {}", e.what()));
    }
    return problems;
}

} // namespace rapport::store
