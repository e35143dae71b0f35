// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A server's address is told from a file name in every build; a build without the server
// backend (RAPPORT_POSTGRES=OFF, the Windows default) refuses one in a sentence and makes no
// file of that name.
#include "../support/temp_dir.h"
#include "core/errors.h"
#include "store/database.h"

#include <catch2/catch.hpp>

using namespace rapport;

TEST_CASE("postgresql:// and postgres:// name a server and anything else a file", "[database]") {
    CHECK(store::is_server_location("postgresql://rapport@shop-pc/shop"));
    CHECK(store::is_server_location("postgres://shop-pc/shop"));
    CHECK_FALSE(store::is_server_location("rapport.db"));
    CHECK_FALSE(store::is_server_location("C:\\Users\\Zoë\\rapport.db"));
    CHECK_FALSE(store::is_server_location("/home/anna/postgresql:/rapport.db"));
}

#ifdef RAPPORT_WITHOUT_POSTGRES
TEST_CASE("without the server backend a postgresql:// URI is refused in one sentence",
          "[database]") {
    test::TempDir dir;
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    CHECK_THROWS_AS(store::Database::open("postgresql://rapport@shop-pc/shop"), DataError);
    CHECK_THROWS_WITH(store::Database::open("postgres://shop-pc/shop"),
                      Catch::Contains("cannot use a shop database server") ||
                          Catch::Contains("built without the shop database server"));
    std::filesystem::current_path(before);
    CHECK(std::filesystem::is_empty(dir.path())); // no file named after the URI
}
#endif
