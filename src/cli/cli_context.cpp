// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_context.h"
#include "core/limits.h"
#include "core/utf8_path.h"

#include "core/errors.h"
#include "store/open.h"

#include <fmt/format.h>

#include <charconv>
#include <iostream>

namespace rapport::cli {

std::filesystem::path CliContext::db_path() const {
    return db_option.empty() ? store::default_database_path() : path_from_utf8(db_option);
}

store::Database& CliContext::db() {
    if (!m_db) {
        store::OpenedDatabase opened = store::open_for_use(db_path(), today());
        if (!opened.backup.warning.empty())
            std::cerr << "rapport-cli: warning: " << opened.backup.warning.english() << '\n';
        m_db = std::make_unique<store::Database>(std::move(opened.db));
        if (!by_option.empty())
            m_db->set_actor(by_option);
    }
    return *m_db;
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

int parse_minutes(const std::string& text) {
    return parse_int(text, "minutes", kMinutesMin, kMinutesMax);
}
int parse_severity(const std::string& text) {
    return parse_int(text, "severity", kSeverityMin, kSeverityMax);
}

} // namespace rapport::cli
