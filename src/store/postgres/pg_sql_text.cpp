// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The store's SQL as the server reads it (store/postgres/pg_session.h, number_placeholders):
// SQLite's parameters numbered $1, $2, ..., COLLATE NOCASE, LIKE and NOT INDEXED translated.
#include "store/postgres/pg_session.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace rapport::store {

namespace {
bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (std::toupper(static_cast<unsigned char>(a[k])) !=
            std::toupper(static_cast<unsigned char>(b[k])))
            return false;
    return true;
}

// Wraps the operand that ends `out` (a column path such as c.name, or a parameter $3) in
// lower(), for a `COLLATE NOCASE` that followed it.
void lower_last_operand(std::string& out) {
    std::size_t end = out.size();
    while (end > 0 && out[end - 1] == ' ')
        --end;
    std::size_t start = end;
    while (start > 0 &&
           (is_ident_char(out[start - 1]) || out[start - 1] == '.' || out[start - 1] == '$'))
        --start;
    const std::string operand = out.substr(start, end - start);
    out.erase(start);
    out += "lower(" + operand + ")";
}
} // namespace

std::string number_placeholders(std::string_view sql, int& parameters,
                                std::vector<std::string>* names) {
    std::vector<std::string> local_names;
    if (!names)
        names = &local_names;
    names->clear();
    std::string out;
    out.reserve(sql.size() + 16);
    int highest = 0;
    const std::size_t n = sql.size();
    std::size_t i = 0;
    auto copy_to = [&](std::size_t end) {
        end = std::min(end, n);
        out.append(sql.substr(i, end - i));
        i = end;
    };
    while (i < n) {
        const char c = sql[i];
        const char next = i + 1 < n ? sql[i + 1] : '\0';
        if (c == '\'') {
            // '...' with '' inside; E'...' also escapes with a backslash
            const bool backslash = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                   (i < 2 || !is_ident_char(sql[i - 2]));
            std::size_t j = i + 1;
            while (j < n) {
                if (backslash && sql[j] == '\\') {
                    j += 2;
                } else if (sql[j] == '\'') {
                    if (j + 1 < n && sql[j + 1] == '\'') {
                        j += 2;
                    } else {
                        ++j;
                        break;
                    }
                } else {
                    ++j;
                }
            }
            copy_to(j);
        } else if (c == '"') {
            // "" inside reads as an end and a start, which copies the same
            const std::size_t close = sql.find('"', i + 1);
            copy_to(close == std::string_view::npos ? n : close + 1);
        } else if (c == '-' && next == '-') {
            copy_to(sql.find('\n', i));
        } else if (c == '/' && next == '*') {
            int depth = 0; // PostgreSQL's block comments nest
            std::size_t j = i;
            do {
                if (sql.compare(j, 2, "/*") == 0) {
                    ++depth;
                    j += 2;
                } else if (sql.compare(j, 2, "*/") == 0) {
                    --depth;
                    j += 2;
                } else {
                    ++j;
                }
            } while (depth > 0 && j < n);
            copy_to(j);
        } else if (c == '$' && (i == 0 || !is_ident_char(sql[i - 1])) &&
                   !(next >= '0' && next <= '9')) {
            // $tag$ ... $tag$ (a $1 is a parameter already, not a quote)
            std::size_t j = i + 1;
            while (j < n && is_ident_char(sql[j]))
                ++j;
            if (j < n && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const std::size_t close = sql.find(tag, j + 1);
                copy_to(close == std::string_view::npos ? n : close + tag.size());
            } else {
                copy_to(i + 1);
            }
        } else if (c == '?') {
            // SQLite's rules: ?NNN is parameter NNN, a bare ? the highest so far plus one
            std::size_t j = i + 1;
            int number = 0;
            while (j < n && sql[j] >= '0' && sql[j] <= '9' && number < 100000)
                number = number * 10 + (sql[j++] - '0');
            if (j == i + 1)
                number = highest + 1;
            highest = std::max(highest, number);
            out += '$';
            out += std::to_string(number);
            i = j;
        } else if (c == ':' && (i == 0 || sql[i - 1] != ':') &&
                   (std::isalpha(static_cast<unsigned char>(next)) || next == '_')) {
            // :name, SQLite's named parameter (a :: cast has a ':' before or after)
            std::size_t j = i + 1;
            while (j < n && is_ident_char(sql[j]))
                ++j;
            const std::string name(sql.substr(i, j - i));
            names->resize(static_cast<std::size_t>(highest));
            int number = 0;
            for (std::size_t k = 0; k < names->size(); ++k)
                if ((*names)[k] == name)
                    number = static_cast<int>(k) + 1;
            if (number == 0) {
                number = ++highest;
                names->push_back(name);
            }
            out += '$';
            out += std::to_string(number);
            i = j;
        } else if ((std::isalpha(static_cast<unsigned char>(c)) || c == '_') &&
                   (i == 0 || !is_ident_char(sql[i - 1]))) {
            std::size_t j = i;
            while (j < n && is_ident_char(sql[j]))
                ++j;
            const std::string_view word = sql.substr(i, j - i);
            std::size_t after = j;
            while (after < n && (sql[after] == ' ' || sql[after] == '\n'))
                ++after;
            std::size_t after_end = after;
            while (after_end < n && is_ident_char(sql[after_end]))
                ++after_end;
            if (same_word(word, "NOT") &&
                same_word(sql.substr(after, after_end - after), "INDEXED")) {
                i = after_end; // SQLite's planner hint; the server plans on its own
            } else if (same_word(word, "COLLATE") &&
                       same_word(sql.substr(after, after_end - after), "NOCASE")) {
                lower_last_operand(out);
                i = after_end;
            } else if (same_word(word, "LIKE")) {
                out += "ILIKE";
                i = j;
            } else {
                out.append(word);
                i = j;
            }
        } else {
            out += c;
            ++i;
        }
    }
    parameters = highest;
    names->resize(static_cast<std::size_t>(highest));
    return out;
}

} // namespace rapport::store
