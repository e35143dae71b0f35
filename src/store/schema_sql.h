// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace rapport::store {
// The contents of /schema.sql, embedded at build time.
extern const char* const kSchemaSql;
} // namespace rapport::store
