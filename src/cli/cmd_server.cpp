// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// server init, add-staff, add-owner, server import: setting up a shop's shared database and moving
// a file into it.
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "core/utf8_path.h"
#include "store/move_in.h"
#include "store/roles.h"

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace rapport::cli {
namespace {

// The shop database the command works on: URI if given, else --db / RAPPORT_DB, which must
// name a server.
std::string server_location(const CliContext& ctx, const std::string& uri) {
    const std::string location = uri.empty() ? ctx.db_path().string() : uri;
    if (!store::is_server_location(location))
        throw InputError(tr("'{}' is not a shop database: give its address as "
                            "postgresql://USER@HOST/DATABASE (the password goes in ~/.pgpass)."),
                         location);
    return location;
}

} // namespace

void add_server_commands(CLI::App& app, CliContext& ctx) {
    auto* server = app.add_subcommand(
        "server", "Set up a shop's shared database (PostgreSQL) and move a file into it");
    server->require_subcommand(1);

    auto* init = server->add_subcommand(
        "init", "Create Rapport's tables in an empty shop database (one of another program is "
                "refused)");
    auto uri = std::make_shared<std::string>();
    init->add_option("URI", *uri, "postgresql://USER@HOST/DATABASE (default: --db)");
    on_run(init, ctx, [&ctx, uri] {
        store::Database db = store::Database::open(server_location(ctx, *uri));
        store::set_up_server_roles(db); // this login is the owner (store/roles.h)
        if (ctx.json)
            print_json({{"database", db.path().string()}, {"schema_version", db.schema_version()}});
        else
            std::cout << fmt::format("The shop database {} is ready (data version {}); this "
                                     "login is its owner.\n",
                                     db.path().string(), db.schema_version());
    });

    // server add-staff NAME, server add-owner NAME
    for (const store::ServerRole role : {store::ServerRole::staff, store::ServerRole::owner}) {
        const bool staff = role == store::ServerRole::staff;
        auto* add = server->add_subcommand(
            staff ? "add-staff" : "add-owner",
            staff ? "Let a login log incidents, add customers and purchases and do follow-ups, "
                    "but not change settings, delete, restore, export or see the worth figures"
                  : "Let a login do everything on the shop database");
        auto name = std::make_shared<std::string>();
        add->add_option("NAME", *name, "The login (created without a password if missing)")
            ->required();
        on_run(add, ctx, [&ctx, name, role, staff] {
            store::Database db = store::Database::open(server_location(ctx, ""));
            const store::RoleChange change = store::add_to_server_role(db, *name, role);
            if (ctx.json) {
                print_json({{"login", change.login},
                            {"role", staff ? "staff" : "owner"},
                            {"created", change.created}});
                return;
            }
            std::cout << fmt::format("{} is now {} {}.\n", change.login,
                                     staff ? "staff on" : "an owner of", db.path().string());
            if (change.created)
                std::cout << fmt::format(
                    "The login {} was created without a password: set one as the server's "
                    "administrator (psql: \\password {}), and put it in that person's "
                    "~/.pgpass.\n",
                    change.login, change.login);
        });
    }

    auto* import = server->add_subcommand(
        "import", "Move every record of a Rapport file into the empty shop database named by "
                  "--db, in one transaction, and prove it: rows and sums per table");
    auto file = std::make_shared<std::string>();
    import->add_option("FILE", *file, "The Rapport database file to move in")->required();
    on_run(import, ctx, [&ctx, file] {
        const std::string target = server_location(ctx, "");
        const std::filesystem::path from_path = path_from_utf8(*file);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(from_path, ec))
            throw DataError(tr("{} is not a Rapport database file."), *file);
        const auto started = std::chrono::steady_clock::now();
        store::Database from = store::Database::open(from_path);
        store::Database to = store::Database::open(target);
        const std::vector<store::TableProof> proof = store::move_in(from, to);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (ctx.json) {
            nlohmann::json tables = nlohmann::json::array();
            for (const auto& p : proof)
                tables.push_back({{"table", p.table},
                                  {"rows", p.rows_to},
                                  {"summed", p.summed},
                                  {"sum", p.sum_to}});
            print_json({{"from", *file},
                        {"to", to.path().string()},
                        {"tables", tables},
                        {"seconds", seconds}});
            return;
        }
        std::cout << fmt::format("{:<18} {:>12} {:>12}   {:<16} {:>16} {:>16}\n", "table",
                                 "rows (file)", "rows (shop)", "sum of", "sum (file)",
                                 "sum (shop)");
        for (const auto& p : proof)
            std::cout << fmt::format("{:<18} {:>12} {:>12}   {:<16} {:>16} {:>16}\n", p.table,
                                     p.rows_from, p.rows_to, p.summed, p.sum_from, p.sum_to);
        std::cout << fmt::format("Moved every record of {} into {} in {:.1f} s; the counts and "
                                 "sums above are equal.\n",
                                 *file, to.path().string(), seconds);
    });
}

} // namespace rapport::cli
