// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs rapport-cli on `db` and requires it to succeed (its stderr shown when it does not): the
// step most CLI tests take before checking what was printed.
#include "cli_runner.h"

#include <catch2/catch.hpp>

namespace rapport::test {

inline CliResult ok(const std::filesystem::path& db, std::vector<std::string> args) {
    auto r = run_cli(db, std::move(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

} // namespace rapport::test
