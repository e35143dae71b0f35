// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_database.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#ifdef RAPPORT_TEST_PG // tests/CMakeLists.txt: PostgreSQL built in, and not on Windows
#include "pg_server.h"
#endif

namespace rapport::test {

bool testing_on_server() {
    const char* backend = std::getenv("RAPPORT_TEST_BACKEND");
    return backend && std::string(backend) == "postgres";
}

store::Database fresh_database() {
    if (!testing_on_server())
        return store::Database::open_in_memory();
#ifndef RAPPORT_TEST_PG
    throw std::runtime_error("SKIPPED: the PostgreSQL tests run on Linux, with RAPPORT_POSTGRES");
#else
    std::string why;
    PgServer* server = shared_pg_server(why);
    if (!server) // ctest reports a case whose output says "SKIPPED: " as skipped
        throw std::runtime_error("SKIPPED: " + why);
    return store::Database::open(server->create_database());
#endif
}

} // namespace rapport::test
