// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Is the database file sound? SQLite's own checks, run through connections that never write,
// so looking at a damaged file leaves it as it was.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rapport::store {

// `rapport-cli check`: PRAGMA integrity_check (structure and CHECK constraints) and
// foreign_key_check of the file at `path`, through a connection that writes nothing (query_only,
// no checkpoint on close). Returns the problems, one line each; empty when healthy.
// Throws DataError when there is no file, or it is not a Rapport database.
std::vector<std::string> check_database_file(const std::filesystem::path& path);

// True when the file starts with the SQLite header and carries Rapport's application id, read
// from the bytes themselves: tells "damaged Rapport file" from "some other file" when SQLite
// cannot read it.
bool has_rapport_header(const std::filesystem::path& path);
// The application id in a SQLite file's header bytes; 0 when none is set or the file does not
// start with the SQLite header.
std::uint32_t header_application_id(const std::filesystem::path& path);

} // namespace rapport::store
