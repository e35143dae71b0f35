#include "cli/cli_context.h"

#include "core/errors.h"
#include "store/backup.h"

#include <fmt/format.h>

#include <charconv>
#include <iostream>

namespace rapport::cli {

std::filesystem::path CliContext::db_path() const {
    return db_option.empty() ? store::default_database_path() : std::filesystem::path(db_option);
}

store::Database& CliContext::db() {
    if (!m_db) {
        try {
            m_db = std::make_unique<store::Database>(store::Database::open(db_path()));
            daily_backup();
        } catch (const store::DamagedDatabaseError& e) {
            m_db.reset();
            throw DataError(fmt::format(
                "{} is damaged ({}), so it was left untouched; restore a backup: 'rapport-cli "
                "backup --list' shows them and 'rapport-cli restore FILE --yes' brings one back.",
                e.path().string(), e.finding()));
        }
    }
    return *m_db;
}

// The first command of a day backs the database up. A backup that cannot be written (full
// disk, read-only folder) is a warning, not a failure: the command the user asked for still
// runs. Damage found in the copy is a failure (DamagedDatabaseError), before anything is written.
void CliContext::daily_backup() {
    try {
        store::maybe_daily_backup(*m_db, today());
    } catch (const store::DamagedDatabaseError&) {
        throw;
    } catch (const DataError& e) {
        std::cerr << "rapport-cli: warning: " << e.what() << '\n';
    }
}

Date CliContext::today() {
    return today_option.empty() ? today_local() : parse_date(today_option, "--today date");
}

namespace {

int parse_int(const std::string& text, const char* what, int lo, int hi) {
    int v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc{} || ptr != end)
        throw InputError(fmt::format("The {} \"{}\" is not a whole number.", what, text));
    if (v < lo || v > hi)
        throw InputError(fmt::format("The {} must be from {} to {} (got {}).", what, lo, hi, text));
    return v;
}

} // namespace

CLI::App* export_command(CLI::App& app) {
    const auto found =
        app.get_subcommands([](const CLI::App* sub) { return sub->get_name() == "export"; });
    if (!found.empty())
        return found.front();
    auto* exp = app.add_subcommand("export", "Write data to a file for a calendar, an accountant "
                                             "or another program");
    exp->require_subcommand(1);
    return exp;
}

int parse_minutes(const std::string& text) { return parse_int(text, "minutes", 0, 100000); }
int parse_severity(const std::string& text) { return parse_int(text, "severity", 1, 5); }

} // namespace rapport::cli
