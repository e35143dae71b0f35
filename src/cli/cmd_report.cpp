// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// report won-back: "Did it bring them back?" (store/won_back.h); report answers: the follow-ups
// done and the customers' answers, by category and by what was given (store/overview.h);
// report staff: who did what; report lessons: what we learned (store/lessons.h).
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/enums.h"
#include "core/errors.h"
#include "store/lessons.h"
#include "store/overview.h"
#include "store/won_back.h"

#include <fmt/format.h>

#include <iostream>
#include <iterator>

namespace rapport::cli {
namespace {

using nlohmann::json;

json share_json(std::optional<double> share) {
    return share ? json(*share) : json(nullptr);
}

// "67 % (2 of 3)", or "-" when there is nothing to divide.
std::string share_text(std::int64_t part, std::int64_t whole) {
    if (whole == 0)
        return "-";
    return fmt::format("{:.0f} % ({} of {})", 100.0 * static_cast<double>(part) / whole, part,
                       whole);
}

// A row's name: the category's or resolution type's English label, "Nothing accepted" or
// "Calls with no complaint".
std::string row_label(const std::string& key, bool category) {
    if (key == store::kNothingGiven)
        return "Nothing accepted";
    if (key == store::kNoComplaint)
        return "Calls with no complaint";
    return std::string(category ? to_label(parse_category(key))
                                : to_label(parse_resolution_type(key)));
}

json tally_json(const WonBackTally& t) {
    return {
        {"judged", t.judged}, {"bought_again", t.bought_again}, {"share", share_json(t.share())}};
}

// A report's rows by category or by what was given: each row's figures and its key.
template <class Row, class ToJson> json keyed_rows(const std::vector<Row>& in, ToJson to_json) {
    json arr = json::array();
    for (const auto& row : in) {
        json j = to_json(row.tally);
        j["key"] = row.key;
        arr.push_back(std::move(j));
    }
    return arr;
}

void add_won_back(CLI::App& report, CliContext& ctx) {
    auto* won = report.add_subcommand(
        "won-back", "Did it bring them back? The share of complaints after which the customer "
                    "bought again within 90 days, by category and by what was given, beside "
                    "the customers who never complained");
    won->footer(fmt::format(
        "A complaint on day D is judged once D + {0} is before today; it brought the customer "
        "back when they bought on a day from D + 1 to D + {0}. For the customers with no "
        "complaint, each purchase day is judged the same way.",
        kWonBackDays));
    on_run(won, ctx, [&ctx] {
        const Date today = ctx.today();
        const auto r = store::won_back_report(ctx.db(), today);
        if (ctx.json) {
            json never = tally_json(r.never_complained);
            never["customers"] = r.never_complained_customers;
            print_json({{"today", format_date(today)},
                        {"window_days", kWonBackDays},
                        {"complaints", tally_json(r.complaints)},
                        {"by_category", keyed_rows(r.by_category, tally_json)},
                        {"by_given", keyed_rows(r.by_given, tally_json)},
                        {"never_complained", never}});
            return;
        }
        std::string out =
            fmt::format("Did it bring them back? Complaints whose {} days were over on {}:\n",
                        kWonBackDays, format_date(today));
        fmt::format_to(std::back_inserter(out), "  bought again within {} days: {}\n", kWonBackDays,
                       share_text(r.complaints.bought_again, r.complaints.judged));
        fmt::format_to(std::back_inserter(out),
                       "  customers who never complained, after a purchase: {} ({} customers)\n",
                       share_text(r.never_complained.bought_again, r.never_complained.judged),
                       r.never_complained_customers);
        const auto table = [&out](const char* title, const std::vector<store::WonBackRow>& rows,
                                  bool category) {
            if (rows.empty())
                return;
            fmt::format_to(std::back_inserter(out), "{}:\n", title);
            for (const auto& row : rows)
                fmt::format_to(std::back_inserter(out), "  {:<20} {}\n",
                               row_label(row.key, category),
                               share_text(row.tally.bought_again, row.tally.judged));
        };
        table("By category", r.by_category, true);
        table("By what was given", r.by_given, false);
        std::cout << out;
    });
}

json answers_json(const AnswerTally& t) {
    return {{"done", t.done},
            {"on_time", t.on_time},
            {"answers", t.answers},
            {"satisfied", t.satisfied},
            {"on_time_share", share_json(t.on_time_share())},
            {"satisfied_share", share_json(t.satisfied_share())},
            {"average", share_json(t.average())}};
}

// The period of a report: --from and --to, by default the 365 days up to today.
std::pair<Date, Date> report_period(CliContext& ctx, const std::string& from_text,
                                    const std::string& to_text) {
    const Date to = to_text.empty() ? ctx.today() : parse_date(to_text, "--to date");
    const Date from = from_text.empty() ? add_days(to, -364) : parse_date(from_text, "--from date");
    if (to < from)
        throw InputError("The --from date must not be after the --to date.");
    return {from, to};
}

void add_answers(CLI::App& report, CliContext& ctx) {
    struct Options {
        std::string from, to;
    };
    auto o = std::make_shared<Options>();
    auto* answers = report.add_subcommand(
        "answers", "Follow-ups done and the customers' answers: on time, share satisfied (4-5) "
                   "and average, by category and by what was given, each with its count");
    answers->add_option("--from", o->from,
                        "First day the follow-up was done, inclusive (default: 364 days ago)");
    answers->add_option("--to", o->to, "Last day, inclusive (default: today)");
    on_run(answers, ctx, [&ctx, o] {
        const auto [from, to] = report_period(ctx, o->from, o->to);
        const auto a = store::OverviewQueries(ctx.db()).follow_up_answers(from, to);
        if (ctx.json) {
            print_json({{"from", format_date(from)},
                        {"to", format_date(to)},
                        {"all", answers_json(a.all)},
                        {"by_category", keyed_rows(a.by_category, answers_json)},
                        {"by_given", keyed_rows(a.by_given, answers_json)}});
            return;
        }
        const auto line = [](const AnswerTally& t) {
            const std::string average =
                t.average() ? fmt::format("{:.1f} ({} answers)", *t.average(), t.answers) : "-";
            return fmt::format("{} done, on time {}, satisfied {}, average {}", t.done,
                               share_text(t.on_time, t.done), share_text(t.satisfied, t.answers),
                               average);
        };
        std::string out = fmt::format("Follow-ups done from {} to {}: {}\n", format_date(from),
                                      format_date(to), line(a.all));
        const auto table = [&](const char* title, const std::vector<store::AnswersRow>& rows,
                               bool category) {
            if (rows.empty())
                return;
            fmt::format_to(std::back_inserter(out), "{}:\n", title);
            for (const auto& row : rows)
                fmt::format_to(std::back_inserter(out), "  {:<20} {}\n",
                               row_label(row.key, category), line(row.tally));
        };
        table("By category", a.by_category, true);
        table("By what was given", a.by_given, false);
        std::cout << out;
    });
}

void add_staff(CLI::App& report, CliContext& ctx) {
    struct Options {
        std::string from, to;
    };
    auto o = std::make_shared<Options>();
    auto* staff = report.add_subcommand(
        "staff", "Who did what: per staff member, incidents logged, money given back on them, "
                 "follow-ups done and how many on time");
    staff->add_option("--from", o->from, "First day, inclusive (default: 364 days ago)");
    staff->add_option("--to", o->to, "Last day, inclusive (default: today)");
    on_run(staff, ctx, [&ctx, o] {
        const auto [from, to] = report_period(ctx, o->from, o->to);
        const auto rows = store::OverviewQueries(ctx.db()).staff_report(from, to);
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& r : rows)
                list.push_back({{"name", r.name},
                                {"incidents", r.incidents},
                                {"given_back", money_json(r.given_back)},
                                {"follow_ups_done", r.follow_ups_done},
                                {"follow_ups_on_time", r.follow_ups_on_time}});
            print_json({{"from", format_date(from)}, {"to", format_date(to)}, {"staff", list}});
            return;
        }
        std::string out =
            fmt::format("Who did what from {} to {}:\n", format_date(from), format_date(to));
        if (rows.empty())
            out += "  nothing was logged or followed up\n";
        for (const auto& r : rows)
            fmt::format_to(std::back_inserter(out),
                           "  {:<20} {} incidents, {} given back, {} follow-ups done, on time {}\n",
                           r.name, r.incidents, format_amount(r.given_back), r.follow_ups_done,
                           share_text(r.follow_ups_on_time, r.follow_ups_done));
        std::cout << out;
    });
}

void add_lessons(CLI::App& report, CliContext& ctx) {
    auto* lessons = report.add_subcommand(
        "lessons", "What we learned: the lessons written on incidents by category, with the "
                   "category's incidents and money given back, the newest lesson first, and the "
                   "categories that keep coming back");
    lessons->footer(fmt::format("A category keeps coming back with {} or more incidents in the {} "
                                "days up to today.",
                                store::kComingBackIncidents, store::kComingBackDays));
    on_run(lessons, ctx, [&ctx] {
        const Date today = ctx.today();
        const auto r = store::lessons_report(ctx.db(), today);
        if (ctx.json) {
            json categories = json::array();
            json coming_back = json::array();
            for (const auto& c : r.categories) {
                json list = json::array();
                for (const auto& l : c.lessons)
                    list.push_back({{"interaction_id", l.interaction_id},
                                    {"date", format_date(l.on)},
                                    {"customer", l.customer},
                                    {"lesson", l.lesson},
                                    {"given_back", money_json(l.given_back)}});
                categories.push_back({{"key", std::string(to_key(c.category))},
                                      {"incidents", c.incidents},
                                      {"recent", c.recent},
                                      {"given_back", money_json(c.given_back)},
                                      {"keeps_coming_back", c.keeps_coming_back()},
                                      {"lessons", list}});
            }
            for (const std::size_t k : r.coming_back)
                coming_back.push_back(std::string(to_key(r.categories[k].category)));
            print_json({{"today", format_date(today)},
                        {"recent_days", store::kComingBackDays},
                        {"lessons", r.lessons},
                        {"categories", categories},
                        {"coming_back", coming_back}});
            return;
        }
        std::string out = fmt::format("What we learned, up to {}: {} {}.\n", format_date(today),
                                      r.lessons, r.lessons == 1 ? "lesson" : "lessons");
        std::string again;
        for (const std::size_t k : r.coming_back)
            again += fmt::format("{}{} ({})", again.empty() ? "" : ", ",
                                 to_label(r.categories[k].category), r.categories[k].recent);
        if (!again.empty())
            fmt::format_to(std::back_inserter(out),
                           "Keeps coming back ({} or more incidents in {} days): {}.\n",
                           store::kComingBackIncidents, store::kComingBackDays, again);
        for (const auto& c : r.categories) {
            fmt::format_to(std::back_inserter(out),
                           "{}: {} incidents, {} in the last {} days, {} given back\n",
                           to_label(c.category), c.incidents, c.recent, store::kComingBackDays,
                           format_amount(c.given_back));
            for (const auto& l : c.lessons)
                fmt::format_to(std::back_inserter(out), "  {}  {}: {} ({} given back)\n",
                               format_date(l.on), l.customer, l.lesson,
                               format_amount(l.given_back));
        }
        std::cout << out;
    });
}

} // namespace

void add_report_commands(CLI::App& app, CliContext& ctx) {
    auto* report = app.add_subcommand("report", "Reports over the whole database");
    report->require_subcommand(1);
    add_won_back(*report, ctx);
    add_answers(*report, ctx);
    add_staff(*report, ctx);
    add_lessons(*report, ctx);
}

} // namespace rapport::cli
