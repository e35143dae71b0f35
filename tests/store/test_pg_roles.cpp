// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Who may do what on a shop database (store/roles.h), on a throwaway PostgreSQL server: an owner
// login (not a superuser) sets the shop up and adds a staff login; the staff login can log
// incidents, add customers and purchases and do follow-ups, and the customers' figures stay
// right; what only the owner may do is refused by the store with a sentence, and by the server
// (SQLSTATE 42501) when the same is tried with plain SQL on that login.
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "store/backup.h"
#include "store/customer_figures.h"
#include "store/customers.h"
#include "store/followups.h"
#include "store/log_incident.h"
#include "store/postgres/pg_session.h"
#include "store/purchases.h"
#include "store/roles.h"
#include "store/server_login.h"
#include "store/settings_store.h"
#include "store/worth_report.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>

using namespace rapport;
using store::sql::Error;
using store::sql::Failure;

namespace {

struct Shop {
    std::string owner_uri, staff_uri, staff_login;
};

// A fresh database owned by a login of its own with CREATEROLE (as an administrator would set
// it up), `server init`'s work done as that login, and a staff login added by it.
std::optional<Shop> make_shop() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return std::nullopt;
    }
    const std::string admin_uri = server->create_database();
    const std::string name = store::server_address(admin_uri).database;
    const std::string owner = "owner_" + name;
    server->admin_exec("CREATE ROLE " + owner + " LOGIN CREATEROLE");
    server->admin_exec("ALTER DATABASE " + name + " OWNER TO " + owner);
    Shop shop{server->uri(name, owner), server->uri(name, "staff_" + name), "staff_" + name};
    store::Database db = store::Database::open(shop.owner_uri);
    store::set_up_server_roles(db);
    const store::RoleChange added =
        store::add_to_server_role(db, shop.staff_login, store::ServerRole::staff);
    CHECK(added.created);
    return shop;
}

Failure failure_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        UNSCOPED_INFO("message: " << e.what());
        return e.failure();
    }
    FAIL("no sql::Error was thrown");
    return Failure::other;
}

std::string refusal_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const DataError& e) {
        return e.what();
    }
    FAIL("no DataError was thrown");
    return {};
}

Interaction incident(Id customer, const char* summary) {
    Interaction i;
    i.customer_id = customer;
    i.at = parse_date_time("2026-11-20T10:00");
    i.channel = Channel::phone;
    i.category = Category::delay;
    i.summary = summary;
    i.minutes = 15;
    Resolution r;
    r.type = ResolutionType::refund;
    r.cost = Money{1250};
    r.status = ResolutionStatus::accepted;
    i.resolutions.push_back(r);
    FollowUp f;
    f.due = parse_date("2026-11-27");
    i.follow_ups.push_back(f);
    return i;
}

} // namespace

TEST_CASE("the login that set the shop up is its owner and an added login is staff", "[pg]") {
    const auto shop = make_shop();
    if (!shop)
        return;
    store::Database owner = store::Database::open(shop->owner_uri);
    store::Database staff = store::Database::open(shop->staff_uri);
    CHECK(store::access(owner) == store::Access::owner);
    CHECK(store::access(staff) == store::Access::staff);
    // What asking costs: one round trip (the window asks once; a purchase list once per read)
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 200; ++i)
        store::access(staff);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    WARN("store::access() on a Unix socket: " << ms / 200 << " ms per call");
    // Moving a login to the owners takes it out of the staff
    store::add_to_server_role(owner, shop->staff_login, store::ServerRole::owner);
    CHECK(store::access(staff) == store::Access::owner);
    store::add_to_server_role(owner, shop->staff_login, store::ServerRole::staff);
    CHECK(store::access(staff) == store::Access::staff);
    // Staff cannot make itself owner
    CHECK_THAT(refusal_of([&] {
                   store::add_to_server_role(staff, shop->staff_login, store::ServerRole::owner);
               }),
               Catch::Contains("Only the shop's owner may add an owner"));
}

TEST_CASE("a staff login can log incidents add customers and purchases and do follow-ups", "[pg]") {
    const auto shop = make_shop();
    if (!shop)
        return;
    store::Database staff = store::Database::open(shop->staff_uri);
    store::Database owner = store::Database::open(shop->owner_uri);
    Customer anna;
    anna.name = "Anna Kowalski";
    anna.tags = {"regular"};
    const Id anna_id = store::CustomerRepo(staff).add(anna);
    Customer bob;
    bob.name = "Bob Brown";
    const store::LoggedIncident logged =
        store::log_incident(staff, incident(0, "Parcel lost"), bob); // a new customer with it
    REQUIRE(logged.new_customer_id);
    store::log_incident(staff, incident(anna_id, "Kettle leaked"));

    Purchase p;
    p.customer_id = anna_id;
    p.on = parse_date("2026-11-02");
    p.amount = Money{12050};
    p.margin = 3500;
    const Id purchase_id = store::PurchaseRepo(staff).add(p);
    // Staff reads the purchase without its margin; the owner sees it
    const auto seen = store::PurchaseRepo(staff).for_customer(anna_id);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].amount.cents == 12050);
    CHECK_FALSE(seen[0].margin_known);
    CHECK(store::PurchaseRepo(owner).get(purchase_id).margin == 3500);

    // Editing a customer and an incident, marking a follow-up done
    anna.id = anna_id;
    anna.phone = "+48 601 200 300";
    store::CustomerRepo(staff).update(anna);
    store::FollowUpRepo followups(staff);
    const auto open = followups.all_open();
    REQUIRE(open.size() == 2);
    followups.mark_done(open[0].follow_up.id, Outcome::satisfied, "Happy now", 5,
                        parse_date("2026-11-27"));

    // The kept figures (triggers running with their owner's rights) agree with a recount
    CHECK(store::check_customer_figures(owner).empty());
    const auto row = store::CustomerRepo(staff).get(anna_id);
    CHECK(row.phone == "+48 601 200 300");
}

TEST_CASE("what only the owner may do is refused to staff by the store and by the server", "[pg]") {
    const auto shop = make_shop();
    if (!shop)
        return;
    store::Database owner = store::Database::open(shop->owner_uri);
    Customer c;
    c.name = "Zoë Müller";
    const Id id = store::CustomerRepo(owner).add(c);
    Purchase p;
    p.customer_id = id;
    p.on = parse_date("2026-11-02");
    p.amount = Money{8999};
    p.margin = 4000;
    const Id purchase_id = store::PurchaseRepo(owner).add(p);

    store::Database staff = store::Database::open(shop->staff_uri);
    const Settings settings = store::SettingsStore(staff).load(); // staff reads the settings
    CHECK_THAT(refusal_of([&] { store::SettingsStore(staff).set("hourly_rate", "50"); }),
               Catch::Contains("Only the shop's owner may change the settings") &&
                   Catch::Contains(shop->staff_login + " is staff"));
    CHECK_THAT(refusal_of([&] { store::CustomerRepo(staff).remove(id); }),
               Catch::Contains("Only the shop's owner may delete a customer"));
    CHECK_THAT(refusal_of([&] { store::PurchaseRepo(staff).remove(purchase_id); }),
               Catch::Contains("Only the shop's owner may delete a purchase"));
    CHECK_THAT(
        refusal_of([&] { store::customer_worth(staff, id, settings, parse_date("2026-11-25")); }),
        Catch::Contains("Only the shop's owner may see the worth figures"));
    CHECK_THAT(refusal_of([&] { store::restore_backup(staff, "/nonexistent/backup.dump"); }),
               Catch::Contains("Only the shop's owner may restore a backup"));

    // The same with plain SQL on the staff login: the server refuses, SQLSTATE 42501
    const auto s = store::connect_postgres(shop->staff_uri);
    const auto exec = [&](const char* sql) { return [&s, sql] { s->exec(sql); }; };
    CHECK(failure_of(exec("UPDATE setting SET value = '50' WHERE key = 'hourly_rate'")) ==
          Failure::not_allowed);
    CHECK(failure_of(exec("INSERT INTO setting (key, value) VALUES ('hourly_rate', '50')")) ==
          Failure::not_allowed);
    CHECK(failure_of(exec("DELETE FROM customer")) == Failure::not_allowed);
    CHECK(failure_of(exec("DELETE FROM purchase")) == Failure::not_allowed);
    CHECK(failure_of(exec("UPDATE purchase SET margin_bp = 0")) == Failure::not_allowed);
    CHECK(failure_of(exec("SELECT margin_bp FROM purchase")) == Failure::not_allowed);
    CHECK(failure_of(exec("SELECT sum(amount * margin_bp) FROM purchase")) == Failure::not_allowed);
    CHECK(failure_of(exec("SELECT * FROM purchase")) == Failure::not_allowed);
    CHECK(failure_of(exec("UPDATE customer_figures SET complaints = 0")) == Failure::not_allowed);
    CHECK(failure_of(exec("TRUNCATE interaction")) == Failure::not_allowed);
    CHECK(failure_of(exec("DROP TABLE follow_up")) == Failure::not_allowed); // not its table
    // What staff may read stays readable
    CHECK(store::sql::scalar(*s, "SELECT sum(amount) FROM purchase").getInt64() == 8999);
    CHECK(store::sql::scalar(*s, "SELECT count(*) FROM customer_figures").getInt64() == 1);

    // The owner (not a superuser) may do all of it
    store::SettingsStore(owner).set("hourly_rate", "50");
    CHECK(store::customer_worth(owner, id, store::SettingsStore(owner).load(),
                                parse_date("2026-11-25"))
              .report.own_margin.cents > 0);
    store::PurchaseRepo(owner).remove(purchase_id);
    store::CustomerRepo(owner).remove(id);
}

TEST_CASE("the grants cover a column a later schema version adds", "[pg]") {
    const auto shop = make_shop();
    if (!shop)
        return;
    store::Database owner = store::Database::open(shop->owner_uri);
    // As a migration would (schema version 4 adds who made each record): the step, then the
    // grants again in the same transaction, as migrate_server() does
    {
        const auto s = store::connect_postgres(shop->owner_uri);
        s->exec("ALTER TABLE purchase ADD COLUMN logged_by text NOT NULL DEFAULT current_user");
        s->exec("ALTER TABLE customer ADD COLUMN row_version bigint NOT NULL DEFAULT 1");
    }
    store::refresh_server_grants(owner);
    Customer c;
    c.name = "Anna Kowalski";
    store::Database staff = store::Database::open(shop->staff_uri);
    const Id id = store::CustomerRepo(staff).add(c);
    const auto s = store::connect_postgres(shop->staff_uri);
    s->exec("UPDATE customer SET row_version = row_version + 1 WHERE id = " + std::to_string(id));
    s->exec("INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp) VALUES (" +
            std::to_string(id) + ", '2026-11-02', 100, 3000)");
    store::sql::Statement st(*s, "SELECT logged_by FROM purchase");
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getString() == shop->staff_login);
    CHECK(failure_of([&] { s->exec("SELECT margin_bp FROM purchase"); }) == Failure::not_allowed);
}

TEST_CASE("a database file has no roles and allows everything") {
    test::TempDir dir;
    store::Database file = store::Database::open(dir.path() / "shop.db");
    CHECK(store::access(file) == store::Access::unrestricted_file);
    store::require_owner(file, tr("change the settings")); // no refusal
    store::SettingsStore(file).set("hourly_rate", "50");
    CHECK_THROWS_AS(store::add_to_server_role(file, "sam", store::ServerRole::staff), DataError);
    CHECK(store::may_do_owner_things(store::Access::unrestricted_file));
    CHECK(store::may_do_owner_things(store::Access::owner));
    CHECK_FALSE(store::may_do_owner_things(store::Access::staff));
}
