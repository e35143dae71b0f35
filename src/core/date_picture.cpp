// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date_picture.h"

namespace rapport {
namespace {

// Literal text in a picture goes between single quotes; a quote itself is written twice.
void append_literal(std::string& picture, std::string_view text) {
    if (text.empty())
        return;
    picture += '\'';
    for (const char c : text) {
        picture += c;
        if (c == '\'')
            picture += '\'';
    }
    picture += '\'';
}

} // namespace

std::optional<std::string> windows_date_picture(std::string_view pattern) {
    std::string picture;
    std::string literal;
    const auto field = [&](std::string_view f) {
        append_literal(picture, literal);
        literal.clear();
        picture += f;
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            literal += pattern[i];
            continue;
        }
        if (++i == pattern.size())
            return std::nullopt;
        // The GNU "%-d" and Microsoft's "%#d" both mean "without the leading zero".
        bool no_zero = false;
        if (pattern[i] == '-' || pattern[i] == '#') {
            no_zero = true;
            if (++i == pattern.size())
                return std::nullopt;
        }
        switch (pattern[i]) {
        case 'A':
            field("dddd");
            break;
        case 'a':
            field("ddd");
            break;
        case 'B':
            field("MMMM");
            break;
        case 'b':
        case 'h':
            field("MMM");
            break;
        case 'd':
            field(no_zero ? "d" : "dd");
            break;
        case 'e':
            field("d");
            break;
        case 'm':
            field(no_zero ? "M" : "MM");
            break;
        case 'Y':
            field("yyyy");
            break;
        case 'y':
            field("yy");
            break;
        case '%':
            literal += '%';
            break;
        default:
            return std::nullopt;
        }
    }
    append_literal(picture, literal);
    return picture;
}

std::string two_digit_day_and_month(std::string_view picture) {
    std::string out;
    for (std::size_t i = 0; i < picture.size();) {
        const char c = picture[i];
        if (c == '\'') { // quoted text, up to the closing quote ('' inside is a quote)
            std::size_t end = i + 1;
            while (end < picture.size()) {
                if (picture[end] == '\'' && end + 1 < picture.size() && picture[end + 1] == '\'')
                    end += 2;
                else if (picture[end] == '\'')
                    break;
                else
                    ++end;
            }
            end = end < picture.size() ? end + 1 : end;
            out.append(picture.substr(i, end - i));
            i = end;
            continue;
        }
        std::size_t run = 1;
        while (i + run < picture.size() && picture[i + run] == c)
            ++run;
        out.append(run == 1 && (c == 'd' || c == 'M') ? 2 : run, c);
        i += run;
    }
    return out;
}

} // namespace rapport
