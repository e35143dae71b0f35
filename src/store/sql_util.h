#pragma once
// Small helpers shared by the repositories: binding optional values and turning SQLite's
// constraint failures into sentences.
#include "core/dates.h"
#include "core/enums.h"
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

// A value the file holds that Rapport cannot read (changed outside Rapport, or damaged): the
// core's parsers say InputError, which would blame the person typing; this is the data's fault.
[[noreturn]] void throw_unreadable_value(const SQLite::Column& c, const InputError& e);

// Reads stored text through a core parser (parse_category, as_date, ...), turning its InputError
// into a DataError that names the column and points to `rapport-cli check`.
template <class Parse>
auto stored(const SQLite::Column& c, Parse parse) -> decltype(parse(std::string_view())) {
    const std::string text = c.getString();
    try {
        return parse(text);
    } catch (const InputError& e) {
        throw_unreadable_value(c, e);
    }
}
inline constexpr auto as_date = [](std::string_view t) { return parse_date(t); };
inline constexpr auto as_date_time = [](std::string_view t) { return parse_date_time(t); };

// Wraps a SQLite failure during a save in a DataError a person can read.
[[noreturn]] void rethrow_as_data_error(const SQLite::Exception& e, std::string_view doing);

} // namespace rapport::store
