// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// init, check, demo: the database itself.
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "exchange/demo.h"
#include "store/customer_figures.h"
#include "store/health.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <iostream>

namespace rapport::cli {
namespace {

std::int64_t parse_count(const std::string& text, const char* what, std::int64_t lo,
                         std::int64_t hi) {
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc{} || ptr != end || v < lo || v > hi)
        throw InputError(
            fmt::format("The number of {} must be a whole number from {} to {} (got \"{}\").", what,
                        lo, hi, text));
    return v;
}

} // namespace

void add_admin_commands(CLI::App& app, CliContext& ctx) {
    auto* init = app.add_subcommand("init", "Create the database, or bring it up to date");
    on_run(init, ctx, [&ctx] {
        store::Database& db = ctx.db();
        if (ctx.json)
            print_json({{"path", db.path().string()}, {"schema_version", db.schema_version()}});
        else
            std::cout << fmt::format("Database ready at {} (data version {}).\n",
                                     db.path().string(), db.schema_version());
    });

    auto* check = app.add_subcommand(
        "check",
        "Check the database for damage, and the customers' kept figures against a recount");
    auto recount = std::make_shared<bool>(false);
    check->add_flag("--recount", *recount,
                    "Count the customers' figures again from the records and keep the count");
    on_run(check, ctx, [&ctx, recount] {
        // Through connections that write nothing, not ctx.db(): a damaged file is looked at,
        // never opened for writing, and the findings are the answer rather than a refusal; a
        // sound file and its -wal are left byte for byte as they were (no migration, no
        // backup, no checkpoint). A shop's server checks its own pages; only its figures are
        // compared, and --recount writes: both go through ctx.db().
        const bool server = store::is_server_location(ctx.db_path().string());
        std::vector<std::string> problems;
        if (!server)
            problems = store::check_database_file(ctx.db_path());
        bool figures_differ = false;
        int older_version = 0; // a sound file of an earlier Rapport, not yet brought up to date
        if (problems.empty()) {
            if (server || *recount) {
                if (*recount)
                    store::rebuild_customer_figures(ctx.db());
                problems = store::check_customer_figures(ctx.db());
            } else {
                store::Database looked = store::Database::open_to_look(ctx.db_path());
                const int version = looked.schema_version();
                if (version == store::kSchemaVersion)
                    problems = store::check_customer_figures(looked);
                else if (version > store::kSchemaVersion)
                    ctx.db(); // refuses a newer Rapport's file, untouched, in its own words
                else
                    older_version = version; // 0: an empty file, nothing to compare
            }
            figures_differ = !problems.empty();
        }
        if (ctx.json)
            print_json({{"ok", problems.empty()},
                        {"problems", problems},
                        {"update_needed", older_version > 0}});
        if (!problems.empty()) {
            if (!ctx.json)
                for (const auto& p : problems)
                    std::cout << p << '\n';
            if (figures_differ)
                throw DataError(fmt::format(
                    "The customers' kept figures differ from a count of the records in {} "
                    "place{}{}; 'rapport-cli check --recount' counts them again (no record "
                    "changes).",
                    problems.size(), problems.size() == 1 ? "" : "s",
                    problems.size() >= 20 ? " or more" : ""));
            throw DataError(fmt::format(
                "The database has {} problem{}; restore a backup ('rapport-cli backup --list', "
                "then 'rapport-cli restore FILE --yes').",
                problems.size(), problems.size() == 1 ? "" : "s"));
        }
        if (ctx.json)
            return;
        std::cout << "The database is healthy.\n";
        if (older_version > 0)
            std::cout << fmt::format(
                "It was written by an earlier Rapport (data version {}, this one uses {}); the "
                "next command that uses it brings it up to date after a backup, and 'rapport-cli "
                "init' does so now. Its customers' figures are compared once it is.\n",
                older_version, store::kSchemaVersion);
    });

    struct DemoArgs {
        std::string customers = "200", interactions = "1500", purchases, seed = "1";
    };
    auto a = std::make_shared<DemoArgs>();
    auto* demo = app.add_subcommand("demo", "Fill an empty database with realistic example data");
    demo->add_option("--customers", a->customers, "How many customers (default 200)");
    demo->add_option("--interactions", a->interactions, "How many interactions (default 1500)");
    demo->add_option("--purchases", a->purchases,
                     "How many purchases (default a fifth of the "
                     "interactions)");
    demo->add_option("--seed", a->seed, "Random seed, for the same data every time");
    on_run(demo, ctx, [&ctx, a] {
        exchange::DemoOptions o;
        o.customers = static_cast<int>(parse_count(a->customers, "customers", 1, 10'000'000));
        o.interactions = parse_count(a->interactions, "interactions", 0, 100'000'000);
        if (!a->purchases.empty())
            o.purchases = parse_count(a->purchases, "purchases", 0, 100'000'000);
        o.seed = static_cast<std::uint64_t>(
            parse_count(a->seed, "seed", 0, std::numeric_limits<std::int64_t>::max()));
        o.today = ctx.today();
        const auto start = std::chrono::steady_clock::now();
        const exchange::DemoCounts n = exchange::generate_demo(ctx.db(), o);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (ctx.json) {
            print_json({{"customers", n.customers},
                        {"interactions", n.interactions},
                        {"resolutions", n.resolutions},
                        {"follow_ups", n.follow_ups},
                        {"purchases", n.purchases},
                        {"seconds", seconds}});
        } else {
            std::cout << fmt::format("Wrote {} customers, {} interactions, {} resolutions, {} "
                                     "follow-ups and {} purchases in {:.1f} s.\n",
                                     n.customers, n.interactions, n.resolutions, n.follow_ups,
                                     n.purchases, seconds);
        }
    });
}

} // namespace rapport::cli
