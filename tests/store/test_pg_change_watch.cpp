// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// store::ChangeWatch on a shop database: another PC's committed save is heard (LISTEN/NOTIFY,
// no round trip to ask), a rolled-back one is not, nor the window's own; after the server was
// restarted, the watch says yes once, since what was saved meanwhile could not be heard.
#include "../support/pg_server.h"
#include "core/dates.h"
#include "core/errors.h"
#include "core/records.h"
#include "store/change_watch.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/open.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>

using namespace rapport;

namespace {

test::PgServer* server_or_skip() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server)
        WARN("SKIPPED: " << why);
    return server;
}

store::Database open(const std::string& uri) {
    return store::open_for_use(uri, today_local(), store::DailyBackupTiming::later).db;
}

Id add_customer(store::Database& db, const std::string& name) {
    Customer c;
    c.name = name;
    return store::CustomerRepo(db).add(c);
}

// A notification travels over the socket: asked until it arrives, for at most two seconds.
bool heard_within_2s(store::ChangeWatch& watch) {
    for (int i = 0; i < 200; ++i) {
        if (watch.others_saved())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("PostgreSQL: ChangeWatch hears another PC's save once and not a rolled back one",
          "[pg][change_watch]") {
    test::PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::string uri = server->create_database();
    store::Database window = open(uri);
    store::ChangeWatch watch(window);
    store::Database other = open(uri);
    CHECK_FALSE(heard_within_2s(watch)); // opening an existing shop database saves nothing

    add_customer(window, "Own Save");
    CHECK_FALSE(heard_within_2s(watch));

    add_customer(other, "Saved Elsewhere");
    CHECK(heard_within_2s(watch));
    CHECK_FALSE(watch.others_saved()); // once

    Customer missing; // the UPDATE finds no row inside the write: rolled back, never announced
    missing.id = 999999;
    missing.name = "Nobody";
    CHECK_THROWS(store::CustomerRepo(other).update(missing));
    CHECK_FALSE(heard_within_2s(watch));
}

TEST_CASE("PostgreSQL: after a server restart ChangeWatch says yes once and listens again",
          "[pg][change_watch][faults]") {
    test::PgServer* server = server_or_skip();
    if (!server)
        return;
    const std::string uri = server->create_database();
    store::Database window = open(uri);
    store::ChangeWatch watch(window);
    server->stop_immediately();
    server->start();
    CHECK_FALSE(watch.others_saved()); // the broken connection is not reconnected by a look
    // The window's next read reconnects (the first may still meet the dead connection, as
    // "after the server is killed a statement fails fast" says); what others saved meanwhile
    // was not heard
    std::int64_t customers = -1;
    for (int attempt = 0; attempt < 2 && customers < 0; ++attempt) {
        try {
            customers = store::CustomerRepo(window).count();
        } catch (const DataError&) {
        }
    }
    CHECK(customers == 0);
    CHECK(watch.others_saved());
    CHECK_FALSE(watch.others_saved());
    store::Database other = open(uri);
    add_customer(other, "After The Restart");
    CHECK(heard_within_2s(watch));
}
