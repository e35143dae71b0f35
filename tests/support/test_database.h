// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The database a store test runs on. By default a private in-memory SQLite database; with
// RAPPORT_TEST_BACKEND=postgres, a new empty database on the test run's throwaway server
// (support/pg_server.h). ctest runs the backend-neutral cases both ways, so the same
// assertions prove both backends keep the same records and give the same answers.
#include "store/database.h"

namespace rapport::test {

store::Database fresh_database();
bool testing_on_server();

} // namespace rapport::test
