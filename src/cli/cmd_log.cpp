// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// log CUSTOMER --summary TEXT ...: record a difficult interaction in one line.
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "core/limits.h"
#include "store/customers.h"
#include "store/interactions.h"
#include "store/log_incident.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {
namespace {

struct LogOptions {
    std::string customer, summary, category = "other", severity = "3", channel = "phone";
    std::string asked, minutes = "0", at, escalated_to, follow_up, follow_up_note, lesson;
    std::vector<std::string> resolutions, costs, statuses;
    std::vector<std::string> checklist;
};

Checklist parse_checklist(const std::vector<std::string>& steps) {
    Checklist c;
    for (const auto& s : steps) {
        if (s == "listened")
            c.listened = true;
        else if (s == "empathised" || s == "empathized")
            c.empathised = true;
        else if (s == "apologised" || s == "apologized")
            c.apologised = true;
        else if (s == "offered-solutions")
            c.offered_solutions = true;
        else if (s == "agreed-follow-up")
            c.agreed_follow_up = true;
        else
            throw InputError(fmt::format(
                "The checklist step \"{}\" is not one of: listened, empathised, apologised, "
                "offered-solutions, agreed-follow-up.",
                s));
    }
    return c;
}

// Every argument is checked here, before the database is opened, so a typo writes nothing.
Interaction build_interaction(const LogOptions& o, Date today) {
    Interaction i;
    i.summary = o.summary;
    i.category = parse_category(o.category);
    i.severity = parse_severity(o.severity);
    i.channel = parse_channel(o.channel);
    i.asked_for = o.asked;
    i.minutes = parse_minutes(o.minutes);
    i.at = o.at.empty() ? now_local() : parse_date_time(o.at, "--at date");
    if (o.at.empty() && i.at.day != today)
        i.at = LocalDateTime{today, 12 * 60}; // --today moves "now" with it
    i.escalated_to = o.escalated_to;
    i.lesson = o.lesson;
    i.checklist = parse_checklist(o.checklist);

    if (o.costs.size() > o.resolutions.size() || o.statuses.size() > o.resolutions.size())
        throw InputError("Each --cost and --status belongs to a --resolution; give the "
                         "--resolution first.");
    for (std::size_t k = 0; k < o.resolutions.size(); ++k) {
        Resolution r;
        r.type = parse_resolution_type(o.resolutions[k]);
        if (k < o.costs.size())
            r.cost = parse_money(o.costs[k], AllowNegative::no, "cost");
        r.status = k < o.statuses.size() ? parse_resolution_status(o.statuses[k])
                                         : kStatusOfResolutionLoggedNow;
        i.resolutions.push_back(r);
    }
    if (!o.follow_up.empty()) {
        FollowUp f;
        f.due = resolve_due_date(o.follow_up, today);
        f.note = o.follow_up_note;
        i.follow_ups.push_back(f);
        i.checklist.agreed_follow_up = true;
    } else if (!o.follow_up_note.empty()) {
        throw InputError("--follow-up-note needs --follow-up with a date.");
    }
    if (!i.resolutions.empty())
        i.checklist.offered_solutions = true;
    return i;
}

} // namespace

void add_log_command(CLI::App& app, CliContext& ctx) {
    auto* log = app.add_subcommand("log", "Log a difficult interaction; prints its id");
    auto o = std::make_shared<LogOptions>();
    log->add_option("CUSTOMER", o->customer, "Id or exact name")->required();
    log->add_option("--summary", o->summary, "What happened, in a few words")->required();
    log->add_option("--category", o->category,
                    "product-fault, service-error, delay, billing, misunderstanding, behaviour "
                    "or other");
    log->add_option("--severity", o->severity, "1 (mild) to 5 (severe); default 3");
    log->add_option("--channel", o->channel, "phone, email, in-person, online or other");
    log->add_option("--asked", o->asked, "What the customer asked for");
    log->add_option("--minutes", o->minutes, "Minutes spent on it");
    log->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)");
    log->add_option("--resolution", o->resolutions,
                    "refund, replacement, discount, store-credit, free-upgrade, repair-visit, "
                    "apology-only or other (repeat for several)");
    log->add_option("--cost", o->costs, "Cost to the shop of the resolution before it");
    log->add_option(
        "--status", o->statuses,
        "offered, accepted or declined (default accepted) for the resolution before it");
    log->add_option("--escalated-to", o->escalated_to, "Who it was escalated to");
    log->add_option("--follow-up", o->follow_up, "Follow-up date: YYYY-MM-DD, +Nd or +Nw");
    log->add_option("--follow-up-note", o->follow_up_note, "What to do at the follow-up");
    log->add_option("--lesson", o->lesson, "Root cause or lesson learned");
    log->add_option("--done", o->checklist,
                    "Checklist steps done: listened, empathised, apologised, offered-solutions, "
                    "agreed-follow-up");
    on_run(log, ctx, [&ctx, o] {
        Interaction i = build_interaction(*o, ctx.today());
        i.customer_id = store::CustomerRepo(ctx.db()).resolve(o->customer).id;
        const Id id = store::log_incident(ctx.db(), i).interaction_id;
        if (ctx.json)
            print_json({{"id", id}});
        else
            std::cout << id << '\n';
    });
}

} // namespace rapport::cli
