// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// customer add | list | show | edit | archive | delete
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "core/staff.h"
#include "core/timeline.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/purchases.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {
namespace {

struct CustomerFields {
    std::string name, phone, email, note, referred_by, reward;
    std::string channel, time, wants; // how they like to be dealt with
    std::vector<std::string> tags;
    bool came_anyway = false;
    bool not_came_anyway = false;
};

void add_field_options(CLI::App* sub, CustomerFields& f) {
    sub->add_option("--phone", f.phone, "Phone number");
    sub->add_option("--email", f.email, "Email address");
    sub->add_option("--note", f.note, "Free note");
    sub->add_option("--tag", f.tags, "A tag (repeat for several)");
    sub->add_option("--referred-by", f.referred_by, "The customer who referred them (id or name)");
    sub->add_flag("--came-anyway", f.came_anyway,
                  "They would have come anyway: the referral did not really bring them");
    sub->add_option("--reward", f.reward, "Referral reward paid to whoever referred them");
    sub->add_option("--preferred-channel", f.channel,
                    "How they like to be reached: phone, email, in-person, text, any or "
                    "not-known");
    sub->add_option("--preferred-time", f.time,
                    "When they like to be reached, in a few words (\"mornings\"; \"\" clears it)");
    sub->add_option("--wants", f.wants,
                    "What they want when something goes wrong: detail, reassurance, quick-fix or "
                    "not-known");
}

// Puts the profile options given on `sub` into `p`, every value checked before anything is
// saved: a bad one is an InputError and changes nothing.
void apply_profile_options(const CLI::App* sub, const CustomerFields& f, ContactProfile& p) {
    if (sub->count("--preferred-channel"))
        p.channel = parse_preferred_channel(f.channel);
    if (sub->count("--preferred-time"))
        p.time = checked_preferred_time(f.time);
    if (sub->count("--wants"))
        p.wants = parse_wants_when_wrong(f.wants);
}

void print_timeline_text(const Customer& c, const std::optional<Customer>& referrer,
                         const std::vector<Customer>& referrals,
                         const std::vector<Interaction>& interactions,
                         const std::vector<Purchase>& purchases,
                         const std::vector<FollowUp>& calls) {
    std::cout << fmt::format("{} (id {}){}\n", c.name, c.id, c.archived ? " [archived]" : "");
    if (!c.phone.empty())
        std::cout << fmt::format("Phone: {}\n", c.phone);
    if (!c.email.empty())
        std::cout << fmt::format("Email: {}\n", c.email);
    if (!c.note.empty())
        std::cout << fmt::format("Note: {}\n", c.note);
    if (!c.tags.empty())
        std::cout << fmt::format("Tags: {}\n", fmt::join(c.tags, ", "));
    if (!c.profile.empty())
        std::cout << fmt::format("How they like it: {}\n", describe(c.profile));
    if (referrer) {
        std::cout << fmt::format(
            "Referred by: {} (id {}){}{}\n", referrer->name, referrer->id,
            c.came_anyway ? ", would have come anyway" : "",
            c.referral_reward.cents ? ", reward " + format_amount(c.referral_reward) : "");
    }
    if (!referrals.empty()) {
        std::string names;
        for (const auto& r : referrals)
            names += fmt::format("{}{} (id {})", names.empty() ? "" : ", ", r.name, r.id);
        std::cout << fmt::format("Referred: {}\n", names);
    }
    for (const auto& f : calls) {
        if (f.done_on)
            std::cout << fmt::format("Call #{} due {} (no incident): done {}{}{}\n", f.id,
                                     format_date(f.due), format_date(*f.done_on),
                                     f.outcome ? ", " + std::string(to_key(*f.outcome)) : "",
                                     f.note.empty() ? "" : " - " + f.note);
        else
            std::cout << fmt::format("Call #{} due {} (no incident): open{}\n", f.id,
                                     format_date(f.due), f.note.empty() ? "" : " - " + f.note);
    }
    const auto timeline = build_timeline(interactions, purchases);
    std::cout << fmt::format("\nHistory ({} incidents, {} purchases), newest first:\n",
                             interactions.size(), purchases.size());
    if (timeline.empty())
        std::cout << "  nothing recorded yet\n";
    for (const auto& e : timeline) {
        if (e.purchase) {
            const Purchase& p = *e.purchase;
            if (p.margin_known)
                std::cout << fmt::format("{}        purchase #{}: {} at {} % margin, added by {}\n",
                                         format_date(p.on), p.id, format_amount(p.amount),
                                         format_percent(p.margin), describe_stamp(p.added));
            else // a staff login sees no margins
                std::cout << fmt::format("{}        purchase #{}: {}, added by {}\n",
                                         format_date(p.on), p.id, format_amount(p.amount),
                                         describe_stamp(p.added));
            continue;
        }
        const Interaction& i = *e.interaction;
        std::cout << fmt::format("{}  incident #{}: {} ({}, severity {}, {}, {} min)\n",
                                 format_date_time(i.at).replace(10, 1, " "), i.id, i.summary,
                                 to_key(i.category), i.severity, to_key(i.channel), i.minutes);
        std::cout << fmt::format("    logged by {}{}\n", describe_stamp(i.logged),
                                 i.changed.empty() ? ""
                                                   : "; changed by " + describe_stamp(i.changed));
        if (!i.asked_for.empty())
            std::cout << fmt::format("    asked for: {}\n", i.asked_for);
        for (const auto& r : i.resolutions)
            std::cout << fmt::format("    resolution #{}: {} {} ({})\n", r.id, to_key(r.type),
                                     format_amount(r.cost), to_key(r.status));
        if (!i.escalated_to.empty())
            std::cout << fmt::format("    escalated to: {}\n", i.escalated_to);
        for (const auto& f : i.follow_ups) {
            if (f.done_on)
                std::cout << fmt::format(
                    "    follow-up #{} due {}: done {} by {}, {}{}{}{}\n", f.id, format_date(f.due),
                    format_date(*f.done_on), f.done.by,
                    f.outcome ? to_key(*f.outcome) : "no outcome",
                    f.satisfaction ? fmt::format(", satisfaction {}/5", *f.satisfaction) : "",
                    f.outcome_note.empty() ? "" : " - " + f.outcome_note,
                    f.customer_said.empty() ? "" : " - they said: " + f.customer_said);
            else
                std::cout << fmt::format("    follow-up #{} due {}: open{}\n", f.id,
                                         format_date(f.due), f.note.empty() ? "" : " - " + f.note);
        }
        if (!i.lesson.empty())
            std::cout << fmt::format("    lesson: {}\n", i.lesson);
    }
}

} // namespace

void add_customer_commands(CLI::App& app, CliContext& ctx) {
    auto* customer = app.add_subcommand("customer", "Add, list, show and edit customers");
    customer->require_subcommand(1);

    {
        auto* add = customer->add_subcommand("add", "Add a customer; prints the new id");
        auto f = std::make_shared<CustomerFields>();
        add->add_option("NAME", f->name, "The customer's name")->required();
        add_field_options(add, *f);
        on_run(add, ctx, [&ctx, f, add] {
            Customer c;
            apply_profile_options(add, *f, c.profile);
            c.name = f->name;
            c.phone = f->phone;
            c.email = f->email;
            c.note = f->note;
            c.tags = f->tags;
            c.came_anyway = f->came_anyway;
            if (!f->reward.empty())
                c.referral_reward = parse_money(f->reward, AllowNegative::no, "reward");
            if ((f->came_anyway || !f->reward.empty()) && f->referred_by.empty())
                throw InputError("--came-anyway and --reward need --referred-by.");
            store::CustomerRepo repo(ctx.db());
            if (!f->referred_by.empty())
                c.referred_by = repo.resolve(f->referred_by).id;
            const Id id = repo.add(c);
            if (ctx.json)
                print_json({{"id", id}});
            else
                std::cout << id << '\n';
        });
    }
    {
        auto* list = customer->add_subcommand("list", "List customers, or those matching a search");
        auto search = std::make_shared<std::string>();
        auto active_only = std::make_shared<bool>(false);
        list->add_option("--search", *search, "Words from a name, note, phone, email or incident");
        list->add_flag("--active", *active_only, "Leave out archived customers");
        on_run(list, ctx, [&ctx, search, active_only] {
            store::CustomerRepo repo(ctx.db());
            const auto rows = repo.list(*search, !*active_only);
            if (ctx.json) {
                print_json_array(rows, [](exchange::JsonWriter& w,
                                          const store::CustomerSummary& r) { write_json(w, r); });
                return;
            }
            if (rows.empty()) {
                std::cout << (search->empty() ? "No customers yet.\n"
                                              : "No customer matches that search.\n");
                return;
            }
            std::cout << fmt::format("{:>6}  {:<28} {:<16} {:>10} {:<16} {:>12}\n", "id", "name",
                                     "phone", "complaints", "last contact", "given back");
            for (const auto& r : rows)
                std::cout << fmt::format(
                    "{:>6}  {:<28} {:<16} {:>10} {:<16} {:>12}{}\n", r.id, r.name, r.phone,
                    r.complaints, r.last_contact ? r.last_contact->substr(0, 10) : "-",
                    format_amount(r.given_back), r.archived ? "  (archived)" : "");
        });
    }
    {
        auto* show = customer->add_subcommand("show", "Show a customer's whole history");
        auto ref = std::make_shared<std::string>();
        auto staff = std::make_shared<std::string>();
        show->add_option("CUSTOMER", *ref, "Id or exact name")->required();
        show->add_option("--staff", *staff,
                         "Only the incidents logged and purchases added by this staff member");
        on_run(show, ctx, [&ctx, ref, staff] {
            store::CustomerRepo customers(ctx.db());
            const Customer c = customers.resolve(*ref);
            std::optional<Customer> referrer;
            if (c.referred_by)
                referrer = customers.find(*c.referred_by);
            const auto referrals = customers.referred_by(c.id);
            auto interactions = store::InteractionRepo(ctx.db()).for_customer(c.id);
            auto purchases = store::PurchaseRepo(ctx.db()).for_customer(c.id);
            if (!staff->empty()) {
                const std::string who = trim_staff_name(*staff);
                std::erase_if(interactions,
                              [&](const Interaction& i) { return i.logged.by != who; });
                std::erase_if(purchases, [&](const Purchase& p) { return p.added.by != who; });
            }
            // Follow-ups of the customer alone, not of an incident (schema version 6).
            const auto calls = store::FollowUpRepo(ctx.db()).of_customer_alone(c.id);
            if (!ctx.json) {
                print_timeline_text(c, referrer, referrals, interactions, purchases, calls);
                return;
            }
            nlohmann::json timeline = nlohmann::json::array();
            for (const auto& e : build_timeline(interactions, purchases)) {
                nlohmann::json item =
                    e.interaction ? to_json(*e.interaction) : to_json(*e.purchase);
                item["kind"] = e.interaction ? "interaction" : "purchase";
                timeline.push_back(std::move(item));
            }
            nlohmann::json refs = nlohmann::json::array();
            for (const auto& r : referrals)
                refs.push_back({{"id", r.id}, {"name", r.name}, {"came_anyway", r.came_anyway}});
            nlohmann::json own_calls = nlohmann::json::array();
            for (const auto& f : calls)
                own_calls.push_back({{"id", f.id},
                                     {"due", format_date(f.due)},
                                     {"note", f.note},
                                     {"done", f.done_on ? nlohmann::json(format_date(*f.done_on))
                                                        : nlohmann::json(nullptr)},
                                     {"minutes", f.minutes}});
            print_json({{"customer", to_json(c)},
                        {"follow_ups_without_incident", own_calls},
                        {"referred_by_name", referrer ? nlohmann::json(referrer->name) : nullptr},
                        {"referrals", refs},
                        {"timeline", timeline}});
        });
    }
    {
        auto* edit = customer->add_subcommand("edit", "Change a customer's details");
        auto ref = std::make_shared<std::string>();
        auto f = std::make_shared<CustomerFields>();
        edit->add_option("CUSTOMER", *ref, "Id or exact name")->required();
        edit->add_option("--name", f->name, "New name");
        add_field_options(edit, *f);
        edit->add_flag("--not-came-anyway", f->not_came_anyway,
                       "The referral did bring them after all");
        on_run(edit, ctx, [&ctx, ref, f, edit] {
            const Money reward =
                f->reward.empty() ? Money{} : parse_money(f->reward, AllowNegative::no, "reward");
            ContactProfile checked; // the values typed, checked before the customer is read
            apply_profile_options(edit, *f, checked);
            store::CustomerRepo repo(ctx.db());
            Customer c = repo.resolve(*ref);
            if (edit->count("--preferred-channel"))
                c.profile.channel = checked.channel;
            if (edit->count("--preferred-time"))
                c.profile.time = checked.time;
            if (edit->count("--wants"))
                c.profile.wants = checked.wants;
            if (edit->count("--name"))
                c.name = f->name;
            if (edit->count("--phone"))
                c.phone = f->phone;
            if (edit->count("--email"))
                c.email = f->email;
            if (edit->count("--note"))
                c.note = f->note;
            if (edit->count("--tag"))
                c.tags = f->tags;
            if (!f->referred_by.empty())
                c.referred_by = repo.resolve(f->referred_by).id;
            if (f->came_anyway)
                c.came_anyway = true;
            if (f->not_came_anyway)
                c.came_anyway = false;
            if (!f->reward.empty())
                c.referral_reward = reward;
            repo.update(c);
            std::cout << c.id << '\n';
        });
    }
    {
        auto* archive = customer->add_subcommand("archive", "Archive (or --undo) a customer");
        auto ref = std::make_shared<std::string>();
        auto undo = std::make_shared<bool>(false);
        archive->add_option("CUSTOMER", *ref, "Id or exact name")->required();
        archive->add_flag("--undo", *undo, "Bring the customer back from the archive");
        on_run(archive, ctx, [&ctx, ref, undo] {
            store::CustomerRepo repo(ctx.db());
            repo.set_archived(repo.resolve(*ref).id, !*undo);
        });
    }
    {
        auto* del = customer->add_subcommand(
            "delete", "Delete a customer and all their records for good (needs --yes)");
        auto ref = std::make_shared<std::string>();
        auto yes = std::make_shared<bool>(false);
        del->add_option("CUSTOMER", *ref, "Id or exact name")->required();
        del->add_flag("--yes", *yes, "Confirm: the personal data is erased and cannot come back");
        on_run(del, ctx, [&ctx, ref, yes] {
            if (!*yes)
                throw InputError("Deleting a customer erases all their records for good; add "
                                 "--yes to confirm.");
            store::CustomerRepo repo(ctx.db());
            repo.remove(repo.resolve(*ref).id);
        });
    }
}

} // namespace rapport::cli
