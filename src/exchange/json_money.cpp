// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/json_money.h"

#include <fmt/format.h>

#include <random>

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

void replace_markers(std::string& text) {
    const std::string marker = "\"" + money_marker();
    std::size_t pos = 0;
    while ((pos = text.find(marker, pos)) != std::string::npos) {
        const std::size_t end = text.find('"', pos + marker.size());
        const std::string digits = text.substr(pos + marker.size(), end - pos - marker.size());
        text.replace(pos, end - pos + 1, digits);
        pos += digits.size();
    }
}

} // namespace

nlohmann::json money_json(Money m) {
    return money_marker() + format_amount(m);
}

std::string dump_json(const nlohmann::json& j, int indent) {
    std::string text = j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    replace_markers(text);
    return text;
}

} // namespace rapport::exchange
