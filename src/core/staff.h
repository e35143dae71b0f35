// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The names saves are stamped with (Stamp in core/records.h): the staff member who took the
// call, gave the refund or did the follow-up.
#include "core/records.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

inline constexpr std::size_t kStaffNameMaxChars = 60;
// Rows saved before Rapport kept who saved them, and a file's saves until a name is chosen.
inline constexpr std::string_view kDefaultStaffName = "owner";

// The name trimmed of spaces. InputError when it is empty, longer than kStaffNameMaxChars
// characters, or holds a line break or another control character.
std::string trim_staff_name(std::string_view name);

// A stamp for a save by `by` now (the computer's local time, to the minute).
Stamp stamp_now(const std::string& by);

// "Sam, 2026-12-06T10:14"; "Sam" when the time was not kept (rows from before version 4).
std::string describe_stamp(const Stamp& s);

} // namespace rapport
