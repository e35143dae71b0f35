// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// rapport-cli: everything the window does to data, headless.
// Exit codes: 0 success, 1 data or runtime error, 2 usage error. Errors are one sentence on
// stderr, and a failing command writes nothing.
#include "cli/cli_context.h"
#include "core/errors.h"
#include "store/database.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#ifdef _WIN32
#include <windows.h>
#endif

namespace {

void print_error(const std::string& message) {
    std::cerr << "rapport-cli: " << message << '\n';
}

// CLI11's messages are fragments ("--foo: not expected"); make them a sentence.
std::string usage_sentence(const CLI::ParseError& e) {
    std::string m = e.what();
    if (!m.empty() && m.back() != '.')
        m += '.';
    return m + " See 'rapport-cli --help'.";
}

} // namespace

int main(int argc, char** argv) {
#ifdef _WIN32
    // Everything Rapport prints is UTF-8 (the manifest makes it the code page of argv too);
    // the console shows it as such instead of in its OEM code page.
    ::SetConsoleOutputCP(CP_UTF8);
#endif
    rapport::cli::CliContext ctx;
    CLI::App app{"Rapport: remember every difficult customer, and know who is worth it.",
                 "rapport-cli"};
    app.set_version_flag("--version", std::string("rapport-cli ") + RAPPORT_VERSION);
    // Global options are accepted before or after the command.
    app.fallthrough();
    app.require_subcommand(1);
    app.add_option("--db", ctx.db_option,
                   "Database file (default: $RAPPORT_DB, else ~/.local/share/rapport/rapport.db)");
    app.add_option("--today", ctx.today_option, "Treat this day (YYYY-MM-DD) as today");
    app.add_flag("--json", ctx.json, "Print machine-readable JSON");
    app.add_option("--by", ctx.by_option,
                   "Who is saving, stamped on what this command saves (a file: default owner; "
                   "a shop database: always your login)");

    rapport::cli::add_admin_commands(app, ctx);
    rapport::cli::add_customer_commands(app, ctx);
    rapport::cli::add_customers_commands(app, ctx);
    rapport::cli::add_log_command(app, ctx);
    rapport::cli::add_purchase_commands(app, ctx);
    rapport::cli::add_settings_commands(app, ctx);
    rapport::cli::add_followup_commands(app, ctx);
    rapport::cli::add_worth_command(app, ctx);
    rapport::cli::add_backup_commands(app, ctx);
    rapport::cli::add_export_commands(app, ctx);
    rapport::cli::add_import_commands(app, ctx);
    rapport::cli::add_server_commands(app, ctx);
    rapport::cli::add_report_commands(app, ctx);

    try {
        app.parse(argc, argv);
        if (!ctx.today_option.empty())
            ctx.today(); // a bad --today is a usage error before anything runs
        if (ctx.action)
            ctx.action();
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        print_error(usage_sentence(e));
        return 2;
    } catch (const rapport::InputError& e) {
        print_error(e.what());
        return 2;
    } catch (const rapport::store::DamagedDatabaseError& e) {
        // Found when opening or in the middle of a read: never written to, and a backup is the
        // way back.
        print_error(fmt::format(
            "{} is damaged ({}), so it was left untouched; restore a backup: 'rapport-cli "
            "backup --list' shows them and 'rapport-cli restore FILE --yes' brings one back.",
            e.path().string(), e.finding()));
        return 1;
    } catch (const rapport::DataError& e) {
        print_error(e.what());
        return 1;
    } catch (const std::exception& e) {
        print_error(fmt::format("Something went wrong: {}.", e.what()));
        return 1;
    }
    std::cout.flush();
    if (!std::cout) {
        print_error("The output could not be written.");
        return 1;
    }
    return 0;
}
