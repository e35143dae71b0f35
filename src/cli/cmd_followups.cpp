// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// followups (the weekly review), followup done | move | add | plan | message, export followups
// (iCalendar).
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "core/resolutions.h"
#include "core/utf8_path.h"
#include "exchange/followups_ics.h"
#include "store/customers.h"
#include "store/followup_message.h"
#include "store/followups.h"
#include "store/gone.h"
#include "store/settings_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <iostream>
#include <iterator>

namespace rapport::cli {
namespace {

using nlohmann::json;

Id parse_id(const std::string& text, std::string_view what) {
    Id id = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (text.empty() || ec != std::errc{} || ptr != end || id <= 0)
        throw InputError(fmt::format("\"{}\" is not {} id (a whole number from 1).", text, what));
    return id;
}

// Which week the owner asked for, checked before the database is opened; turned into days
// once the week-start setting is known.
struct WeekChoice {
    enum class Kind { this_week, next, previous, named } kind = Kind::this_week;
    WeekId named;
};

WeekChoice parse_week_choice(const std::string& text) {
    std::string l = text;
    std::transform(l.begin(), l.end(), l.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (l == "this")
        return {WeekChoice::Kind::this_week, {}};
    if (l == "next")
        return {WeekChoice::Kind::next, {}};
    if (l == "previous" || l == "last")
        return {WeekChoice::Kind::previous, {}};
    if (l.size() >= 7 && l[4] == '-' && l[5] == 'w')
        return {WeekChoice::Kind::named, parse_week(text)}; // refuses 2026-W54, 2026-W00
    throw InputError(
        fmt::format("The week \"{}\" is not this, next, previous or a week like 2026-W48.", text));
}

WeekSpan resolve_week(const WeekChoice& c, Date today, date::weekday first_day) {
    const WeekSpan current = week_containing(today, first_day);
    switch (c.kind) {
    case WeekChoice::Kind::next:
        return next_week(current, first_day);
    case WeekChoice::Kind::previous:
        return previous_week(current, first_day);
    case WeekChoice::Kind::named:
        return week_span(c.named, first_day);
    case WeekChoice::Kind::this_week:
        break;
    }
    return current;
}

// "Monday 2026-11-23": English, like the rest of the command line's output.
std::string day_heading(Date d) {
    std::string name = format_weekday(date::weekday{date::sys_days{d}});
    if (!name.empty())
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name + " " + format_date(d);
}

// Text typed into a note may hold line breaks; a list line must stay one line.
// Appends `text` to `out` on one line: a note's line breaks and tabs become spaces.
void append_one_line(std::string& out, std::string_view text) {
    for (char c : text)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
}

std::string one_line(std::string_view text) {
    std::string out;
    append_one_line(out, text);
    return out;
}

// Appends one follow-up's line to `out`, straight into the one output buffer: a busy week has
// thousands of lines.
void append_item_line(std::string& out, const store::FollowUpItem& item, bool show_due) {
    fmt::format_to(std::back_inserter(out), "{:>8}  ", item.follow_up.id);
    if (show_due)
        out.append("due ").append(format_date(item.follow_up.due)).append("  ");
    append_one_line(out, item.customer_name);
    // How to reach them, beside the name: the list is what the owner calls from.
    if (!item.customer_phone.empty() || !item.customer_email.empty()) {
        out += " (";
        append_one_line(out, item.customer_phone);
        if (!item.customer_phone.empty() && !item.customer_email.empty())
            out += ", ";
        append_one_line(out, item.customer_email);
        out += ')';
    }
    if (!item.customer_prefers.empty()) {
        out += " [";
        append_one_line(out, describe(item.customer_prefers));
        out += ']';
    }
    out += " | ";
    if (item.interaction_id == 0) { // a call to a customer with no incident: its note says why
        append_one_line(out, item.follow_up.note);
        out += '\n';
        return;
    }
    append_one_line(out, item.summary);
    if (!item.resolutions.empty())
        out.append(" | offered: ").append(describe_resolutions(item.resolutions));
    if (!item.follow_up.note.empty()) {
        out += " | note: ";
        append_one_line(out, item.follow_up.note);
    }
    out += '\n';
}

// Keys in nlohmann's (sorted) order: the writer checks it.
void write_item_json(exchange::JsonWriter& w, const store::FollowUpItem& item) {
    w.begin_object()
        .field("category", item.interaction_id == 0
                               ? std::optional<std::string>()
                               : std::optional<std::string>(to_key(item.category)))
        .field("customer", item.customer_name)
        .field("customer_id", item.customer_id)
        .field("due", format_date(item.follow_up.due))
        .field("email", item.customer_email)
        .field("id", item.follow_up.id)
        .field("interaction_id", item.interaction_id == 0 ? std::optional<Id>()
                                                          : std::optional<Id>(item.interaction_id))
        .field("note", item.follow_up.note)
        .field("phone", item.customer_phone)
        .key("prefers");
    write_json(w, item.customer_prefers);
    w.field("resolution_offered", describe_resolutions(item.resolutions))
        .field("summary", item.summary)
        .end_object();
}

void write_items_json(exchange::JsonWriter& w, const std::vector<store::FollowUpItem>& items) {
    w.begin_array();
    for (const auto& item : items)
        write_item_json(w, item);
    w.end_array();
}

void print_agenda(const store::FollowUpAgenda& a) {
    std::string out;
    out += a.overdue.empty() ? "Overdue: none\n" : fmt::format("Overdue ({})\n", a.overdue.size());
    for (const auto& item : a.overdue)
        append_item_line(out, item, true);
    if (a.week) {
        out += fmt::format("\nWeek {}: {} to {}\n", format_week(a.week->id),
                           day_heading(a.week->first), day_heading(a.week->last));
        if (a.week_items.empty())
            out += "Nothing else due this week.\n";
        std::optional<Date> day;
        for (const auto& item : a.week_items) {
            if (day != item.follow_up.due) {
                day = item.follow_up.due;
                out += day_heading(*day) + (*day == a.today ? " (today)" : "") + '\n';
            }
            append_item_line(out, item, false);
        }
    }
    std::cout << out;
}

void add_list_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::string week;
        bool overdue_only = false;
    };
    auto o = std::make_shared<Options>();
    auto* list = app.add_subcommand(
        "followups", "List open follow-ups: overdue ones first, then this week's by day");
    list->add_option("--week", o->week,
                     "this, next, previous or YYYY-Www (weeks start on the week_start setting)");
    list->add_flag("--overdue", o->overdue_only, "Only the overdue ones (unless --week is given)");
    on_run(list, ctx, [&ctx, o] {
        const Date today = ctx.today();
        std::optional<WeekChoice> choice;
        if (!o->week.empty())
            choice = parse_week_choice(o->week);
        else if (!o->overdue_only)
            choice = WeekChoice{};
        std::optional<WeekSpan> week;
        if (choice)
            week = resolve_week(*choice, today, store::SettingsStore(ctx.db()).load().week_start);
        const auto agenda = store::FollowUpRepo(ctx.db()).agenda(today, week);
        if (!ctx.json) {
            print_agenda(agenda);
            return;
        }
        print_json_streamed([&](exchange::JsonWriter& w) {
            w.begin_object().key("overdue");
            write_items_json(w, agenda.overdue);
            w.field("today", format_date(today)).key("week");
            if (!week) {
                w.null().end_object();
                return;
            }
            w.begin_object().field("first", format_date(week->first)).key("follow_ups");
            write_items_json(w, agenda.week_items);
            w.field("id", format_week(week->id))
                .field("last", format_date(week->last))
                .end_object()
                .end_object();
        });
    });
}

void add_done_command(CLI::App& followup, CliContext& ctx) {
    struct Options {
        std::string id, outcome, note, minutes = "0", satisfaction, said;
    };
    auto o = std::make_shared<Options>();
    auto* done = followup.add_subcommand(
        "done", "Record that the follow-up call was made, and what the customer answered");
    done->add_option("ID", o->id, "The follow-up id (from 'followups')")->required();
    done->add_option("--outcome", o->outcome, "satisfied, still-unhappy, no-answer or other");
    done->add_option("--note", o->note, "How it went");
    done->add_option("--minutes", o->minutes, "Minutes spent on it");
    done->add_option("--satisfaction", o->satisfaction,
                     "How satisfied they are, 1 (very unhappy) to 5 (very happy)");
    done->add_option("--said", o->said, "What they said, in their words");
    on_run(done, ctx, [&ctx, o] {
        const Id id = parse_id(o->id, "a follow-up");
        std::optional<Outcome> outcome;
        if (!o->outcome.empty())
            outcome = parse_outcome(o->outcome);
        const int minutes = parse_minutes(o->minutes);
        CustomerAnswer answer;
        if (!o->satisfaction.empty())
            answer.satisfaction = parse_satisfaction(o->satisfaction);
        answer.said = o->said;
        const Date today = ctx.today();
        store::FollowUpRepo repo(ctx.db());
        repo.mark_done(id, outcome, o->note, minutes, today, answer);
        const auto item = repo.get(id);
        // The seed advice: an unhappy customer gets another step, not a closed file.
        std::vector<std::string> next_steps;
        if (outcome == Outcome::still_unhappy)
            next_steps = {fmt::format("rapport-cli log {} --summary TEXT", item.customer_id),
                          fmt::format("rapport-cli followup add {} +3d", item.interaction_id)};
        if (ctx.json) {
            print_json(
                {{"id", id},
                 {"done_on", format_date(today)},
                 {"outcome", outcome ? json(to_key(*outcome)) : json(nullptr)},
                 {"satisfaction", answer.satisfaction ? json(*answer.satisfaction) : json(nullptr)},
                 {"customer_said", answer.said},
                 {"customer_id", item.customer_id},
                 {"interaction_id", item.interaction_id},
                 {"next_steps", next_steps}});
            return;
        }
        std::cout << fmt::format("Follow-up {} with {} is done{}.\n", id,
                                 one_line(item.customer_name),
                                 outcome ? fmt::format(" ({})", to_key(*outcome)) : "");
        if (!next_steps.empty())
            std::cout << fmt::format("Still unhappy: log what happens next with '{}', or "
                                     "schedule another call with '{}'.\n",
                                     next_steps[0], next_steps[1]);
    });
}

void add_message_command(CLI::App& followup, CliContext& ctx) {
    struct Options {
        std::string id, language;
    };
    auto o = std::make_shared<Options>();
    auto* message = followup.add_subcommand(
        "message", "Print the drafted follow-up message (thanks, what was done, are they "
                   "satisfied) for a follow-up");
    message->add_option("ID", o->id, "The follow-up id (from 'followups')")->required();
    message->add_option("--language", o->language,
                        "en or de; default: the desktop's language (LANGUAGE, LC_ALL, LANG)");
    message->footer("The text comes from the message_subject and message_body settings (for a "
                    "call with no incident: call_message_subject and call_message_body), or the "
                    "built-in template of the language. With --json also the mailto: URL that "
                    "opens it in a mail program.");
    on_run(message, ctx, [&ctx, o] {
        const Id id = parse_id(o->id, "a follow-up");
        const MessageLanguage language = o->language.empty() ? message_language_from_environment()
                                                             : parse_message_language(o->language);
        store::FollowUpRepo repo(ctx.db());
        const auto item = repo.get(id);
        const DraftMessage draft =
            store::draft_follow_up_message(item, store::SettingsStore(ctx.db()).load(), language);
        if (ctx.json) {
            print_json({{"id", id},
                        {"customer_id", item.customer_id},
                        {"customer", item.customer_name},
                        {"phone", item.customer_phone},
                        {"email", item.customer_email},
                        {"prefers", to_json(item.customer_prefers)},
                        {"language", to_key(language)},
                        {"subject", draft.subject},
                        {"body", draft.body},
                        {"mailto", mailto_url(draft)}});
            return;
        }
        std::string out;
        out += "To: " + (draft.to.empty() ? std::string("(no email address)") : draft.to);
        if (!item.customer_phone.empty())
            out += "  Phone: " + item.customer_phone;
        if (!item.customer_prefers.empty())
            out += "\nHow they like it: " + describe(item.customer_prefers);
        out += "\nSubject: " + draft.subject + "\n\n" + draft.body;
        if (out.back() != '\n')
            out += '\n';
        std::cout << out;
    });
}

void add_move_command(CLI::App& followup, CliContext& ctx) {
    struct Options {
        std::string id, when;
    };
    auto o = std::make_shared<Options>();
    auto* move = followup.add_subcommand("move", "Reschedule (snooze) an open follow-up");
    move->add_option("ID", o->id, "The follow-up id")->required();
    move->add_option("DATE", o->when, "YYYY-MM-DD, +Nd (days from today) or +Nw (weeks)")
        ->required();
    on_run(move, ctx, [&ctx, o] {
        const Id id = parse_id(o->id, "a follow-up");
        const Date due = resolve_due_date(o->when, ctx.today());
        const FollowUp before = store::FollowUpRepo(ctx.db()).move(id, due);
        if (ctx.json)
            print_json({{"id", id}, {"due", format_date(due)}, {"was", format_date(before.due)}});
        else
            std::cout << fmt::format("Follow-up {} moved from {} to {}.\n", id,
                                     day_heading(before.due), day_heading(due));
    });
}

void add_schedule_command(CLI::App& followup, CliContext& ctx) {
    struct Options {
        std::string interaction, when, note;
    };
    auto o = std::make_shared<Options>();
    auto* add = followup.add_subcommand(
        "add", "Schedule another follow-up for an incident; prints the new id");
    add->add_option("INTERACTION_ID", o->interaction, "The incident id (from 'log')")->required();
    add->add_option("DATE", o->when, "YYYY-MM-DD, +Nd (days from today) or +Nw (weeks)")
        ->required();
    add->add_option("--note", o->note, "What to ask or check");
    on_run(add, ctx, [&ctx, o] {
        const Id interaction = parse_id(o->interaction, "an incident");
        const Date due = resolve_due_date(o->when, ctx.today());
        const Id id = store::FollowUpRepo(ctx.db()).schedule(interaction, due, o->note);
        if (ctx.json)
            print_json({{"id", id}});
        else
            std::cout << id << '\n';
    });
}

// followup plan CUSTOMER DATE: the call the "Haven't been back" list plans (store/gone.h), on
// the customer's newest incident, or for the customer alone when they never complained.
void add_plan_command(CLI::App& followup, CliContext& ctx) {
    struct Options {
        std::string customer, when, note;
    };
    auto o = std::make_shared<Options>();
    auto* plan = followup.add_subcommand(
        "plan", "Plan a follow-up call for a customer, with or without an incident; prints the "
                "new id");
    plan->add_option("CUSTOMER", o->customer, "Id or exact name")->required();
    plan->add_option("DATE", o->when, "YYYY-MM-DD, +Nd (days from today) or +Nw (weeks)")
        ->required();
    plan->add_option("--note", o->note, "What to ask or check");
    plan->footer("The call goes on the customer's newest incident, like 'followup add'; a "
                 "customer who never complained gets a call of their own, drafted from the "
                 "call_message_subject and call_message_body settings.");
    on_run(plan, ctx, [&ctx, o] {
        const Date due = resolve_due_date(o->when, ctx.today()); // before the database opens
        const Customer c = store::CustomerRepo(ctx.db()).resolve(o->customer);
        const Id id = store::plan_gone_call(ctx.db(), c.id, due, o->note);
        if (!ctx.json) {
            std::cout << id << '\n';
            return;
        }
        const auto item = store::FollowUpRepo(ctx.db()).get(id);
        print_json({{"id", id},
                    {"customer_id", c.id},
                    {"customer", c.name},
                    {"due", format_date(due)},
                    {"interaction_id",
                     item.interaction_id == 0 ? json(nullptr) : json(item.interaction_id)}});
    });
}

void add_export_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::string format = "ics", out;
    };
    auto o = std::make_shared<Options>();
    auto* exp = export_command(app)->add_subcommand(
        "followups",
        "Write the open follow-ups to an iCalendar (.ics) file; done ones are left out");
    exp->footer("One all-day event per open follow-up. Each event keeps its identity across "
                "exports, so importing a newer file updates events instead of duplicating them; "
                "follow-ups done since are left out of the file, not removed from the calendar.");
    exp->add_option("--format", o->format, "ics (the only format)");
    exp->add_option("--out", o->out, "The .ics file to write (readable by you only)")->required();
    on_run(exp, ctx, [&ctx, o] {
        std::string format = o->format;
        std::transform(format.begin(), format.end(), format.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (format != "ics")
            throw InputError(
                fmt::format("Follow-ups export as ics only (got --format {}).", o->format));
        if (o->out.empty())
            throw InputError("Say where to write the calendar file with --out FILE.");
        const std::size_t events =
            exchange::export_follow_ups_ics(ctx.db(), path_from_utf8(o->out));
        if (ctx.json)
            print_json({{"file", o->out}, {"events", events}});
        else
            std::cout << fmt::format("Wrote {} open follow-up{} to {} (done ones are left out).\n",
                                     events, events == 1 ? "" : "s", o->out);
    });
}

} // namespace

void add_followup_commands(CLI::App& app, CliContext& ctx) {
    add_list_command(app, ctx);
    auto* followup = app.add_subcommand(
        "followup", "Tick off, move or add one follow-up, plan a call, or draft its message");
    followup->require_subcommand(1);
    add_done_command(*followup, ctx);
    add_message_command(*followup, ctx);
    add_move_command(*followup, ctx);
    add_schedule_command(*followup, ctx);
    add_plan_command(*followup, ctx);
    add_export_command(app, ctx);
}

} // namespace rapport::cli
