// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Who saved each record and when, and no silent overwrite (schema version 4, issue 16), on a
// file. Two connections to one file stand for two people: the second of two edits that started
// from the same version is refused with the first one's name, and both texts survive.
#include "../support/old_schema.h"
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "core/staff.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/edit_conflict.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/log_incident.h"
#include "store/purchases.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace date::literals;
using rapport::test::TempDir;

namespace {

Id add_customer(store::Database& db, const std::string& name) {
    Customer c;
    c.name = name;
    return store::CustomerRepo(db).add(c);
}

Id log_one(store::Database& db, Id customer, const std::string& summary) {
    Interaction i;
    i.customer_id = customer;
    i.summary = summary;
    i.at = LocalDateTime{2026_y / 12 / 1, 10 * 60};
    i.category = Category::delay;
    Resolution r;
    r.type = ResolutionType::refund;
    r.cost = Money{1500};
    r.status = ResolutionStatus::accepted;
    i.resolutions.push_back(r);
    FollowUp f;
    f.due = 2026_y / 12 / 8;
    i.follow_ups.push_back(f);
    return store::InteractionRepo(db).add(i);
}

} // namespace

TEST_CASE("who did what: every save on a file carries the name chosen on this PC",
          "[who_did_what]") {
    TempDir dir;
    auto db = store::Database::open(dir / "shop.db");
    CHECK(db.actor() == "owner");
    const Id anna = add_customer(db, "Anna");
    const Id first = log_one(db, anna, "Kettle leaks");

    db.set_actor("  Sam ");
    CHECK(db.actor() == "Sam");
    const Id second = log_one(db, anna, "Late delivery");
    Purchase p;
    p.customer_id = anna;
    p.on = 2026_y / 12 / 2;
    p.amount = Money{4000};
    p.margin = 3000;
    store::PurchaseRepo(db).add(p);
    const FollowUp due = store::InteractionRepo(db).get(first).follow_ups.front();
    store::FollowUpRepo(db).mark_done(due.id, Outcome::satisfied, "", 5, 2026_y / 12 / 8, {});

    store::InteractionRepo interactions(db);
    const Interaction a = interactions.get(first);
    const Interaction b = interactions.get(second);
    CHECK(a.logged.by == "owner");
    REQUIRE(a.logged.at);
    CHECK(a.logged.at->day == today_local());
    CHECK(a.resolutions.front().added.by == "owner");
    CHECK(a.follow_ups.front().done.by == "Sam");
    CHECK(a.follow_ups.front().done.at.has_value());
    CHECK(b.logged.by == "Sam");
    CHECK(b.resolutions.front().added.by == "Sam");
    CHECK(b.follow_ups.front().done.empty()); // not done yet: nobody
    CHECK(a.version == 1);
    CHECK(a.changed.empty());
    CHECK(store::PurchaseRepo(db).for_customer(anna).front().added.by == "Sam");
    CHECK(store::CustomerRepo(db).get(anna).added.by == "owner");
    CHECK(interactions.staff_names() == std::vector<std::string>{"Sam", "owner"});

    // An edit by Ana stamps the incident as changed by her and keeps who offered the refund.
    db.set_actor("Ana");
    Interaction edited = a;
    edited.summary = "Kettle leaks at the base";
    CHECK(interactions.update(edited) == 2);
    const Interaction after = interactions.get(first);
    CHECK(after.logged.by == "owner");
    CHECK(after.changed.by == "Ana");
    CHECK(after.resolutions.front().added.by == "owner");
    CHECK(after.follow_ups.front().done.by == "Sam");
    CHECK(after.version == 2);
}

TEST_CASE("who did what: a name must be one line of at most 60 characters", "[who_did_what]") {
    auto db = store::Database::open_in_memory();
    CHECK_THROWS_AS(db.set_actor("   "), InputError);
    CHECK_THROWS_AS(db.set_actor("Sam\nAna"), InputError);
    CHECK_THROWS_AS(db.set_actor(std::string(61, 'x')), InputError);
    CHECK(db.actor() == "owner"); // a refused name changes nothing
    db.set_actor(std::string(30, 'x') + "\xc3\xa4" + std::string(29, 'x')); // 60 characters
    CHECK(db.actor().size() == 61);
}

TEST_CASE("who did what: the second of two edits of one incident is refused and both texts "
          "survive",
          "[who_did_what]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto sam = store::Database::open(path);
    sam.set_actor("Sam");
    const Id anna = add_customer(sam, "Anna");
    const Id id = log_one(sam, anna, "Kettle leaks");
    auto ana = store::Database::open(path);
    ana.set_actor("Ana");

    // Both open the incident; Sam saves first.
    Interaction sams = store::InteractionRepo(sam).get(id);
    Interaction anas = store::InteractionRepo(ana).get(id);
    sams.summary = "Kettle leaks - Sam called the supplier";
    store::InteractionRepo(sam).update(sams);
    anas.summary = "Kettle leaks - Ana offered a replacement";
    anas.lesson = "Check the seal before selling";
    try {
        store::save_incident_edit(ana, anas);
        FAIL("Ana's save went over Sam's");
    } catch (const store::EditConflict& e) {
        CHECK(e.theirs().by == "Sam");
        const std::string sentence = e.what();
        CHECK(sentence.find("Sam changed this incident at ") == 0);
        CHECK(sentence.find("nothing was changed") != std::string::npos);
    }
    const Interaction now = store::InteractionRepo(ana).get(id);
    CHECK(now.summary == "Kettle leaks - Sam called the supplier");
    CHECK(now.lesson.empty());
    CHECK(now.version == 2);
    // Ana, having seen Sam's version, saves hers over it knowingly.
    anas.version = now.version;
    CHECK(store::save_incident_edit(ana, anas).version == 3);
    CHECK(store::InteractionRepo(sam).get(id).summary ==
          "Kettle leaks - Ana offered a replacement");
}

TEST_CASE("who did what: undo of an edit refuses once someone else has saved the incident",
          "[who_did_what]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto sam = store::Database::open(path);
    sam.set_actor("Sam");
    const Id id = log_one(sam, add_customer(sam, "Anna"), "Kettle leaks");
    auto ana = store::Database::open(path);
    ana.set_actor("Ana");

    // Sam edits, keeping what undo needs: the version before, aimed at his own save.
    Interaction before = store::InteractionRepo(sam).get(id);
    Interaction edit = before;
    edit.summary = "Kettle leaks twice";
    before.version = store::InteractionRepo(sam).update(edit);
    // Ana changes it after him.
    Interaction anas = store::InteractionRepo(ana).get(id);
    anas.lesson = "Ask for the receipt";
    store::InteractionRepo(ana).update(anas);
    // Sam's undo would overwrite Ana's lesson: refused, with her name.
    CHECK_THROWS_AS(store::InteractionRepo(sam).update(before), store::EditConflict);
    CHECK(store::InteractionRepo(sam).get(id).lesson == "Ask for the receipt");

    // With nobody in between, the same undo goes through.
    Interaction again = store::InteractionRepo(sam).get(id);
    Interaction second = again;
    second.summary = "Kettle leaks, third time";
    again.version = store::InteractionRepo(sam).update(second);
    store::InteractionRepo(sam).update(again);
    CHECK(store::InteractionRepo(ana).get(id).summary == "Kettle leaks twice");
}

TEST_CASE("who did what: the second of two edits of one customer is refused", "[who_did_what]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto sam = store::Database::open(path);
    sam.set_actor("Sam");
    const Id anna = add_customer(sam, "Anna");
    auto ana = store::Database::open(path);
    ana.set_actor("Ana");
    Customer sams = store::CustomerRepo(sam).get(anna);
    Customer anas = store::CustomerRepo(ana).get(anna);
    sams.phone = "0170 111";
    store::CustomerRepo(sam).update(sams);
    anas.email = "anna@example.org";
    CHECK_THROWS_AS(store::CustomerRepo(ana).update(anas), store::EditConflict);
    const Customer now = store::CustomerRepo(ana).get(anna);
    CHECK(now.phone == "0170 111");
    CHECK(now.email.empty());
    CHECK(now.changed.by == "Sam");
    // Archiving is a change too: an edit started before it is refused.
    store::CustomerRepo(ana).set_archived(anna, true);
    CHECK_THROWS_AS(store::CustomerRepo(sam).update(sams), store::EditConflict);
}

TEST_CASE("who did what: a version 3 file reads as the owner's with no time", "[who_did_what]") {
    TempDir dir;
    const auto path = dir / "old.db";
    {
        // Today's schema without what version 4 added: a file from before.
        auto db = store::Database::open(path);
        sqlite(db).exec(R"(
            INSERT INTO customer (id, name) VALUES (1, 'Anna');
            INSERT INTO interaction (id, customer_id, occurred_at, channel, category, summary)
                VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late');
            INSERT INTO follow_up (id, interaction_id, due_on, done_on, outcome)
                VALUES (1, 1, '2026-03-05', '2026-03-05', 'satisfied');
            INSERT INTO follow_up (id, interaction_id, due_on) VALUES (2, 1, '2026-04-05');
            INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp)
                VALUES (1, '2026-03-01', 1000, 2500);)");
        sqlite(db).exec(test::kBackToVersion3);
    }
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::kSchemaVersion);
    const Interaction i = store::InteractionRepo(db).get(1);
    CHECK(i.logged.by == "owner");
    CHECK_FALSE(i.logged.at);
    CHECK(i.changed.empty());
    CHECK(i.version == 1);
    CHECK(i.follow_ups.at(0).done.by == "owner"); // done before: the owner's
    CHECK(i.follow_ups.at(1).done.empty());       // not done: nobody's
    CHECK(store::PurchaseRepo(db).for_customer(1).front().added.by == "owner");
    CHECK(describe_stamp(i.logged) == "owner");
}

TEST_CASE("who did what: undo of a log refuses once someone else has changed the incident",
          "[who_did_what]") {
    TempDir dir;
    const auto path = dir / "shop.db";
    auto sam = store::Database::open(path);
    sam.set_actor("Sam");
    Interaction i;
    i.summary = "Kettle leaks";
    i.at = LocalDateTime{2026_y / 12 / 1, 10 * 60};
    Customer c;
    c.name = "Nora";
    const store::LoggedIncident logged = store::log_incident(sam, i, c);
    auto ana = store::Database::open(path);
    ana.set_actor("Ana");
    Interaction hers = store::InteractionRepo(ana).get(logged.interaction_id);
    hers.lesson = "Check the seal";
    store::InteractionRepo(ana).update(hers);
    CHECK_THROWS_AS(store::unlog_incident(sam, logged), store::EditConflict);
    CHECK(store::InteractionRepo(sam).get(logged.interaction_id).lesson == "Check the seal");
    CHECK(store::CustomerRepo(sam).find(*logged.new_customer_id).has_value());
}
