// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// store::ChangeWatch on a file: what another connection (rapport-cli, a second window) commits
// is heard once; the watching connection's own saves and others' reads are not.
#include "../support/temp_dir.h"
#include "core/records.h"
#include "store/change_watch.h"
#include "store/customers.h"
#include "store/database.h"

#include <catch2/catch.hpp>

using namespace rapport;

namespace {

Id add_customer(store::Database& db, const std::string& name) {
    Customer c;
    c.name = name;
    return store::CustomerRepo(db).add(c);
}

} // namespace

TEST_CASE("ChangeWatch on a file hears another connection's save once and not its own",
          "[change_watch]") {
    test::TempDir dir;
    store::Database window = store::Database::open(dir / "shop.db");
    store::ChangeWatch watch(window);
    CHECK_FALSE(watch.others_saved());

    add_customer(window, "Own Save");
    CHECK_FALSE(watch.others_saved()); // the window refreshed after its own save already

    store::Database cli = store::Database::open(dir / "shop.db");
    CHECK_FALSE(watch.others_saved()); // opening (and checking) the file writes nothing
    add_customer(cli, "Saved Elsewhere");
    CHECK(watch.others_saved());
    CHECK_FALSE(watch.others_saved()); // once

    store::Database reader = store::Database::open_reader(window);
    CHECK(store::CustomerRepo(reader).count() == 2);
    CHECK_FALSE(watch.others_saved()); // a read is no change
}
