// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/staff.h"
#include "core/errors.h"

namespace rapport {

std::string trim_staff_name(std::string_view name) {
    const auto first = name.find_first_not_of(" \t");
    const auto last = name.find_last_not_of(" \t");
    const std::string_view trimmed =
        first == std::string_view::npos ? std::string_view{} : name.substr(first, last - first + 1);
    if (trimmed.empty())
        throw InputError(tr("Say who is saving: the name is empty."));
    std::size_t characters = 0;
    for (const char c : trimmed) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            throw InputError(tr("A name of whoever saves must be one line without control "
                                "characters."));
        if ((byte & 0xc0) != 0x80) // count UTF-8 characters, not bytes
            ++characters;
    }
    if (characters > kStaffNameMaxChars)
        throw InputError(tr("A name of whoever saves can have at most {} characters (got {})."),
                         kStaffNameMaxChars, characters);
    return std::string(trimmed);
}

Stamp stamp_now(const std::string& by) {
    return Stamp{by, now_local()};
}

std::string describe_stamp(const Stamp& s) {
    if (!s.at)
        return s.by;
    return s.by + ", " + format_date_time(*s.at);
}

} // namespace rapport
