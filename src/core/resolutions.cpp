// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/resolutions.h"

#include "core/enums.h"
#include "core/money.h"

#include <fmt/format.h>

namespace rapport {

std::string describe_resolution(const Resolution& r) {
    if (r.cost.cents == 0)
        return fmt::format("{} ({})", to_key(r.type), to_key(r.status));
    return fmt::format("{} {} ({})", to_key(r.type), format_amount(r.cost), to_key(r.status));
}

std::string describe_resolutions(const std::vector<Resolution>& resolutions) {
    std::string text;
    for (const Resolution& r : resolutions) {
        if (!text.empty())
            text += "; ";
        text += describe_resolution(r);
    }
    return text;
}

} // namespace rapport
