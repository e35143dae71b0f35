#pragma once
// Small helpers shared by the repositories: binding optional values and turning SQLite's
// constraint failures into sentences.
#include "core/errors.h"
#include "core/records.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>

namespace rapport::store {

inline void bind_optional(SQLite::Statement& st, int index, const std::optional<Id>& v) {
    if (v)
        st.bind(index, static_cast<std::int64_t>(*v));
    else
        st.bind(index);
}

inline void bind_text(SQLite::Statement& st, int index, std::string_view v) {
    st.bind(index, std::string(v));
}

inline std::optional<std::string> column_optional_text(const SQLite::Column& c) {
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

// Wraps a SQLite failure during a save in a DataError a person can read.
[[noreturn]] void rethrow_as_data_error(const SQLite::Exception& e, std::string_view doing);

} // namespace rapport::store
