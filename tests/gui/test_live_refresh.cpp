// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What rapport-cli saves into the file the window has open shows without a click (issue 16,
// "each other's changes on screen", for a file: SQLite's data_version).
#include "live_refresh_check.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

TEST_CASE("A customer rapport-cli adds to the open file shows in the window within 2 seconds "
          "with the selection kept") {
    TempDir dir;
    auto services = MakeServices(dir, "shop.db");
    const std::string file = (dir / "shop.db").string();
    CheckOthersSavesShow(*services, "file", [&file](const std::string& name) {
        const std::string command = std::string("'") + RAPPORT_CLI_PATH + "' --db '" + file +
                                    "' customer add '" + name + "' >/dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
    });
}
