// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// settings get KEY | set KEY VALUE | list
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "store/settings_store.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {

void add_settings_commands(CLI::App& app, CliContext& ctx) {
    auto* settings = app.add_subcommand("settings", "Read and change the shop's settings");
    settings->require_subcommand(1);
    {
        auto key = std::make_shared<std::string>();
        auto* get = settings->add_subcommand("get", "Print one setting");
        get->add_option("KEY", *key, "hourly_rate, currency, default_margin, ...")->required();
        on_run(get, ctx, [&ctx, key] {
            // Validate the key before touching the file.
            const std::string value = setting_value(Settings{}, *key);
            (void)value;
            std::cout << store::SettingsStore(ctx.db()).get(*key) << '\n';
        });
    }
    {
        auto key = std::make_shared<std::string>();
        auto value = std::make_shared<std::string>();
        auto* set = settings->add_subcommand("set", "Change one setting");
        set->add_option("KEY", *key, "hourly_rate, currency, default_margin, ...")->required();
        set->add_option("VALUE", *value, "The new value")->required();
        on_run(set, ctx, [&ctx, key, value] {
            Settings probe;
            apply_setting(probe, *key, *value); // a bad value is refused before the file opens
            store::SettingsStore(ctx.db()).set(*key, *value);
        });
    }
    {
        auto* list = settings->add_subcommand("list", "Print every setting");
        on_run(list, ctx, [&ctx] {
            const Settings s = store::SettingsStore(ctx.db()).load();
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::object();
                for (const auto& k : setting_keys())
                    j[std::string(k.key)] = setting_value(s, k.key);
                print_json(j);
                return;
            }
            for (const auto& k : setting_keys())
                std::cout << fmt::format("{:<20} {:<12} {}\n", k.key, setting_value(s, k.key),
                                         k.description);
        });
    }
}

} // namespace rapport::cli
