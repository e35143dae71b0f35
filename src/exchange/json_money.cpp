// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_money.h"

#include <fmt/format.h>

#include <random>
#include <string_view>

namespace rapport::exchange {
namespace {

// nlohmann prints doubles in shortest form (12.5); money must read 12.50. Money is put in as
// a marker string that is swapped for the exact digits when printing. The marker carries a
// per-process random nonce so no text a user typed can imitate it.
const std::string& money_marker() {
    static const std::string marker = [] {
        std::random_device rd;
        return fmt::format("\uE000money{:08x}{:08x}:", rd(), rd());
    }();
    return marker;
}

const std::string& quoted_marker() {
    static const std::string quoted = "\"" + money_marker();
    return quoted;
}

// Appends `text` to `out` with each quoted marker replaced by its digits and, when `indent` is
// not empty, `indent` after every line break (a dumped string never holds a raw line break:
// nlohmann writes it as \n). One pass: every byte of `text` is looked at a fixed number of
// times, where replacing in place moved the rest of the document for each amount.
void append_json_text(std::string& out, std::string_view text, std::string_view indent) {
    const std::string& marker = quoted_marker();
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t at_marker = text.find(marker, from);
        const std::size_t at_newline =
            indent.empty() ? std::string_view::npos : text.find('\n', from);
        if (at_marker == std::string_view::npos && at_newline == std::string_view::npos) {
            out.append(text.substr(from));
            return;
        }
        if (at_newline < at_marker) {
            out.append(text.substr(from, at_newline + 1 - from));
            out.append(indent);
            from = at_newline + 1;
            continue;
        }
        out.append(text.substr(from, at_marker - from));
        const std::size_t digits = at_marker + marker.size();
        const std::size_t end = text.find('"', digits);
        if (end == std::string_view::npos) { // cannot happen: nlohmann closes every string
            out.append(text.substr(at_marker));
            return;
        }
        out.append(text.substr(digits, end - digits));
        from = end + 1;
    }
}

std::string nlohmann_dump(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

nlohmann::json money_json(Money m) {
    return money_marker() + format_amount(m);
}

void append_dumped_json(std::string& out, const nlohmann::json& j, int indent,
                        std::string_view pad) {
    append_json_text(out, nlohmann_dump(j, indent), pad);
}

std::string dump_json(const nlohmann::json& j, int indent) {
    const std::string text = nlohmann_dump(j, indent);
    std::string out;
    out.reserve(text.size());
    append_json_text(out, text, {});
    return out;
}

} // namespace rapport::exchange
