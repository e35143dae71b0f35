// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// purchase add | list | delete
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "store/customers.h"
#include "store/purchases.h"
#include "store/settings_store.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {

void add_purchase_commands(CLI::App& app, CliContext& ctx) {
    auto* purchase = app.add_subcommand("purchase", "Record what customers buy");
    purchase->require_subcommand(1);
    {
        struct Options {
            std::string customer, amount, date, margin;
        };
        auto o = std::make_shared<Options>();
        auto* add = purchase->add_subcommand("add", "Add a purchase; prints the new id");
        add->add_option("CUSTOMER", o->customer, "Id or exact name")->required();
        add->add_option("--amount", o->amount, "What they paid")->required();
        add->add_option("--date", o->date, "When (YYYY-MM-DD, default today)");
        add->add_option("--margin", o->margin, "Gross margin in percent (default: the shop's)");
        on_run(add, ctx, [&ctx, o] {
            Purchase p;
            p.amount = parse_money(o->amount, AllowNegative::no, "amount");
            if (p.amount.cents == 0)
                throw InputError("The amount of a purchase must be more than zero.");
            p.on = o->date.empty() ? ctx.today() : parse_date(o->date, "purchase date");
            std::optional<BasisPoints> margin;
            if (!o->margin.empty())
                margin = parse_percent(o->margin, "margin", -10000, 10000);
            p.margin = margin ? *margin : store::SettingsStore(ctx.db()).load().default_margin;
            p.customer_id = store::CustomerRepo(ctx.db()).resolve(o->customer).id;
            const Id id = store::PurchaseRepo(ctx.db()).add(p);
            if (ctx.json)
                print_json({{"id", id}});
            else
                std::cout << id << '\n';
        });
    }
    {
        auto ref = std::make_shared<std::string>();
        auto* list = purchase->add_subcommand("list", "List a customer's purchases");
        list->add_option("CUSTOMER", *ref, "Id or exact name")->required();
        on_run(list, ctx, [&ctx, ref] {
            const Id id = store::CustomerRepo(ctx.db()).resolve(*ref).id;
            const auto rows = store::PurchaseRepo(ctx.db()).for_customer(id);
            if (ctx.json) {
                nlohmann::json arr = nlohmann::json::array();
                for (const auto& p : rows)
                    arr.push_back(to_json(p));
                print_json(arr);
                return;
            }
            for (const auto& p : rows)
                std::cout << fmt::format("{:>6}  {}  {:>12}  {}\n", p.id, format_date(p.on),
                                         format_amount(p.amount),
                                         p.margin_known // a staff login sees no margins
                                             ? fmt::format("{:>6} %", format_percent(p.margin))
                                             : std::string("     -"));
        });
    }
    {
        auto id_text = std::make_shared<std::string>();
        auto* del = purchase->add_subcommand("delete", "Delete a purchase");
        del->add_option("ID", *id_text, "The purchase id")->required();
        on_run(del, ctx, [&ctx, id_text] {
            Id id = 0;
            try {
                id = std::stoll(*id_text);
            } catch (const std::exception&) {
                throw InputError(fmt::format("\"{}\" is not a purchase id.", *id_text));
            }
            store::PurchaseRepo(ctx.db()).remove(id);
        });
    }
}

} // namespace rapport::cli
