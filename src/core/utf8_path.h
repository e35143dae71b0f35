// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A path from text Rapport holds as UTF-8 (command-line options, wxString::utf8_string()).
// fs::path(std::string) reads the bytes in the system's narrow encoding: UTF-8 on Linux, but
// on Windows libstdc++ decodes them one byte per letter, so "Zoë" became "ZoÃ«". Going through
// char8_t says the text is UTF-8 on both systems (fs::path::string() already gives UTF-8 back).
#include <filesystem>
#include <string_view>

namespace rapport {

inline std::filesystem::path path_from_utf8(std::string_view utf8) {
    return std::filesystem::path(
        std::u8string_view(reinterpret_cast<const char8_t*>(utf8.data()), utf8.size()));
}

} // namespace rapport
