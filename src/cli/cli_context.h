// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every rapport-cli command shares: the global options and the database, opened once
// and only after the command's own arguments have been checked (a usage error writes nothing).
#include "core/dates.h"
#include "store/database.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rapport::cli {

class CliContext {
public:
    std::string db_option;    // --db
    std::string today_option; // --today
    std::string by_option;    // --by: who is saving (a file; on a shop database the login)
    bool json = false;        // --json

    // The database named by --db, $RAPPORT_DB or the XDG default, created and migrated.
    store::Database& db();
    // "Today" from --today, else this machine's local date.
    Date today();

    std::filesystem::path db_path() const;

    // The chosen command's work, run after the whole command line has been parsed.
    std::function<void()> action;

private:
    std::unique_ptr<store::Database> m_db;
};

// Makes `fn` the work of subcommand `sub` when it is the one chosen.
inline void on_run(CLI::App* sub, CliContext& ctx, std::function<void()> fn) {
    sub->callback([&ctx, fn = std::move(fn)] { ctx.action = fn; });
}

// Each group of commands registers its subcommands; the callbacks run after parsing.
void add_customer_commands(CLI::App& app, CliContext& ctx);
void add_customers_commands(CLI::App& app, CliContext& ctx); // customers gone
void add_report_commands(CLI::App& app, CliContext& ctx);    // report won-back, report answers
void add_log_command(CLI::App& app, CliContext& ctx);
void add_purchase_commands(CLI::App& app, CliContext& ctx);
void add_settings_commands(CLI::App& app, CliContext& ctx);
void add_admin_commands(CLI::App& app, CliContext& ctx);    // init, check, demo
void add_followup_commands(CLI::App& app, CliContext& ctx); // followups, followup, export followups
void add_worth_command(CLI::App& app, CliContext& ctx);     // worth CUSTOMER, worth --all
void add_backup_commands(CLI::App& app, CliContext& ctx);   // backup, backup --list, restore
void add_export_commands(CLI::App& app, CliContext& ctx);   // export accountant, export history
void add_import_commands(CLI::App& app, CliContext& ctx);   // import customers, import purchases
void add_server_commands(CLI::App& app, CliContext& ctx);   // server init, server import

// The shared `export` command that each exporter adds its kind to (followups, accountant,
// history): created by whichever group registers first.
CLI::App* export_command(CLI::App& app);

// Parsers for numbers typed on the command line, with the project's sentences.
int parse_minutes(const std::string& text);
int parse_severity(const std::string& text);

} // namespace rapport::cli
