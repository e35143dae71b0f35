// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// backup, backup --list, restore: copies of the database and the way back.
#include "cli/cli_context.h"
#include "core/utf8_path.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "store/backup.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {
namespace fs = std::filesystem;

namespace {

nlohmann::json backup_json(const store::BackupInfo& b) {
    nlohmann::json j = {
        {"file", b.file.string()},    {"kind", std::string(store::backup_kind_key(b.kind))},
        {"date", format_date(b.day)}, {"taken_at", b.taken_at},
        {"bytes", b.bytes},           {"restorable", b.restorable}};
    if (b.restorable) {
        j["schema_version"] = b.schema_version;
        j["customers"] = b.customers;
        j["interactions"] = b.interactions;
        j["purchases"] = b.purchases;
    } else {
        j["problem"] = b.problem.english();
    }
    return j;
}

std::string counts(const store::BackupInfo& b) {
    return fmt::format("{} customer{}, {} interaction{}, {} purchase{}", b.customers,
                       b.customers == 1 ? "" : "s", b.interactions, b.interactions == 1 ? "" : "s",
                       b.purchases, b.purchases == 1 ? "" : "s");
}

void print_backup_list(const fs::path& db_path, bool json) {
    const std::vector<store::BackupInfo> backups = store::list_backups(db_path);
    if (json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& b : backups)
            arr.push_back(backup_json(b));
        print_json(arr);
        return;
    }
    if (backups.empty()) {
        std::cout << fmt::format(
            "There are no backups of {} yet; 'rapport-cli backup' makes one.\n", db_path.string());
        return;
    }
    std::cout << fmt::format("Backups of {}, newest first:\n", db_path.string());
    for (const auto& b : backups) {
        const std::string what =
            b.restorable ? counts(b) : fmt::format("cannot be restored: {}", b.problem.english());
        std::cout << fmt::format("  {:<19}  {:<14}  {}\n      {}\n", b.taken_at,
                                 store::backup_kind_key(b.kind), what, b.file.string());
    }
}

// A file named as `backup --list` shows it may be given without its folder.
fs::path find_backup_file(const fs::path& db_path, const std::string& given) {
    const fs::path file = path_from_utf8(given);
    std::error_code ec;
    if (!fs::exists(file, ec) && !file.has_parent_path()) {
        const fs::path in_folder = store::backup_folder(db_path) / file;
        if (fs::exists(in_folder, ec))
            return in_folder;
    }
    return file;
}

} // namespace

void add_backup_commands(CLI::App& app, CliContext& ctx) {
    struct BackupArgs {
        std::string out;
        bool list = false;
    };
    auto a = std::make_shared<BackupArgs>();
    auto* backup = app.add_subcommand(
        "backup", "Back up the database now (consistent even while it is in use), or --list the "
                  "backups");
    auto* out = backup->add_option("--out", a->out,
                                   "Write the backup to this file instead of the backups folder");
    backup->add_flag("--list", a->list, "List the backups with their dates and record counts")
        ->excludes(out);
    on_run(backup, ctx, [&ctx, a] {
        if (a->list) {
            print_backup_list(ctx.db_path(), ctx.json);
            return;
        }
        fs::path file;
        if (!a->out.empty()) {
            file = path_from_utf8(a->out);
            std::error_code ec;
            if (fs::exists(file, ec) && fs::equivalent(file, ctx.db_path(), ec))
                throw InputError("The backup cannot be written over the database itself; choose "
                                 "another file.");
            store::write_backup(ctx.db(), file);
        } else {
            file = store::make_backup(ctx.db());
        }
        if (ctx.json)
            print_json({{"path", file.string()}});
        else
            std::cout << file.string() << '\n';
    });

    struct RestoreArgs {
        std::string file;
        bool yes = false;
    };
    auto r = std::make_shared<RestoreArgs>();
    auto* restore = app.add_subcommand(
        "restore", "Replace the database with a backup; a safety copy of the current file is "
                   "kept (needs --yes)");
    restore->add_option("BACKUP_FILE", r->file, "The backup, as 'backup --list' shows it")
        ->required();
    restore->add_flag("--yes", r->yes,
                      "Confirm: everything in the database is replaced by the backup");
    on_run(restore, ctx, [&ctx, r] {
        if (!r->yes)
            throw InputError("Restoring replaces everything in the database with the backup; add "
                             "--yes to confirm (a safety copy of the current file is kept).");
        // No ctx.db(): a damaged database must not be opened, only replaced.
        const fs::path db_path = ctx.db_path();
        const store::RestoreResult res =
            store::restore_backup(db_path, find_backup_file(db_path, r->file));
        if (ctx.json) {
            nlohmann::json j = backup_json(res.restored);
            j["safety_copy"] = res.safety_copy.empty() ? nlohmann::json()
                                                       : nlohmann::json(res.safety_copy.string());
            print_json(j);
            return;
        }
        std::cout << fmt::format("Restored the backup of {} ({}).\n", res.restored.taken_at,
                                 counts(res.restored));
        if (!res.safety_copy.empty())
            std::cout << fmt::format("The database as it was before is kept in {}\n",
                                     res.safety_copy.string());
    });
}

} // namespace rapport::cli
