// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PostgreSQL schema (store/postgres/schema_postgres.sql), compiled in like /schema.sql:
// never read at run time. Many statements, for one Session::exec in one transaction.

namespace rapport::store {
extern const char* const kPostgresSchemaSql;
}
