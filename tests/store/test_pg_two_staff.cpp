// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Two staff members on one shop database, each with their own login (issue 16): every save
// carries the login, another name cannot be claimed, and the second of two edits that started
// from the same version is refused with the first one's name while both texts survive.
#include "../support/pg_server.h"
#include "core/errors.h"
#include "core/records.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/edit_conflict.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/log_incident.h"
#include "store/sqlite/connection.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace rapport;
using namespace date::literals;

namespace {

test::PgServer* server_or_skip() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

// A database with Rapport's tables and two logins that may use them (as `server add-staff`
// would allow them at least).
std::string shop_with_two_logins(test::PgServer& server) {
    for (const char* login : {"sam", "ana"})
        server.admin_exec(fmt::format("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE "
                                      "rolname = '{0}') THEN CREATE ROLE {0} LOGIN; END IF; END$$",
                                      login));
    const std::string uri = server.create_database();
    auto admin = store::Database::open(uri);
    session(admin).exec("GRANT ALL ON ALL TABLES IN SCHEMA public TO sam, ana; "
                        "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO sam, ana");
    return uri.substr(std::string("postgresql:///").size(), uri.find('?') - 14);
}

Interaction incident(Id customer, const std::string& summary) {
    Interaction i;
    i.customer_id = customer;
    i.summary = summary;
    i.at = LocalDateTime{2026_y / 12 / 1, 9 * 60};
    i.category = Category::product_fault;
    FollowUp f;
    f.due = 2026_y / 12 / 4;
    i.follow_ups.push_back(f);
    return i;
}

} // namespace

TEST_CASE("PostgreSQL: two staff logins stamp their saves and the second edit is refused",
          "[pg][who_did_what]") {
    test::PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::string name = shop_with_two_logins(*server);
    auto sam = store::Database::open(server->uri(name, "sam"));
    auto ana = store::Database::open(server->uri(name, "ana"));
    CHECK(sam.actor() == "sam");
    CHECK(ana.actor() == "ana");
    // On a shop database the login is who saves: another name is refused.
    CHECK_THROWS_AS(sam.set_actor("ana"), InputError);
    sam.set_actor("sam");

    Customer c;
    c.name = "Anna";
    const Id anna = store::CustomerRepo(sam).add(c);
    const Id id = store::InteractionRepo(sam).add(incident(anna, "Kettle leaks"));
    const Id due = store::InteractionRepo(ana).get(id).follow_ups.front().id;
    store::FollowUpRepo(ana).mark_done(due, Outcome::satisfied, "", 4, 2026_y / 12 / 4, {});

    Interaction sams = store::InteractionRepo(sam).get(id);
    Interaction anas = store::InteractionRepo(ana).get(id);
    CHECK(sams.logged.by == "sam");
    CHECK(sams.follow_ups.front().done.by == "ana");
    CHECK(store::CustomerRepo(ana).get(anna).added.by == "sam");

    // Both edit the version they read; Ana saves first.
    anas.summary = "Kettle leaks - Ana sent a replacement";
    store::save_incident_edit(ana, anas);
    sams.summary = "Kettle leaks - Sam refunded it";
    sams.lesson = "Test kettles before shelving";
    try {
        store::save_incident_edit(sam, sams);
        FAIL("Sam's save went over Ana's");
    } catch (const store::EditConflict& e) {
        CHECK(e.theirs().by == "ana");
        CHECK(std::string(e.what()).find("ana changed this incident at ") == 0);
    }
    const Interaction now = store::InteractionRepo(sam).get(id);
    CHECK(now.summary == "Kettle leaks - Ana sent a replacement");
    CHECK(now.changed.by == "ana");
    CHECK(now.lesson.empty());
    CHECK(now.follow_ups.front().done.by == "ana"); // the edit kept who did the follow-up
    // Sam's text was never written, and is still his to save knowingly.
    sams.version = now.version;
    store::save_incident_edit(sam, sams);
    CHECK(store::InteractionRepo(ana).get(id).lesson == "Test kettles before shelving");
    CHECK(store::InteractionRepo(ana).get(id).changed.by == "sam");

    // Customers the same way.
    Customer sams_c = store::CustomerRepo(sam).get(anna);
    Customer anas_c = store::CustomerRepo(ana).get(anna);
    anas_c.phone = "0170 222";
    store::CustomerRepo(ana).update(anas_c);
    sams_c.note = "Prefers email";
    CHECK_THROWS_AS(store::CustomerRepo(sam).update(sams_c), store::EditConflict);
    CHECK(store::CustomerRepo(sam).get(anna).phone == "0170 222");
    CHECK(store::CustomerRepo(sam).get(anna).note.empty());
}
