// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checking UTF-8: what the CSV reader refuses, and what a sentence quoting a damaged value or a
// file name must not pass on to a terminal, a JSON reader or a dialog.
#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

// Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms, surrogates and code points
// above U+10FFFF are invalid, as in the Unicode standard's table 3-7).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// `s` with each byte that does not start a valid sequence replaced by U+FFFD, the replacement
// character; valid text comes back unchanged.
std::string valid_utf8(std::string s);

} // namespace rapport
