#pragma once

namespace rapport::store {
// The contents of /schema.sql, embedded at build time.
extern const char* const kSchemaSql;
} // namespace rapport::store
