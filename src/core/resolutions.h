// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What was given for an incident as one line of plain keys, the way the command line, its JSON
// and the calendar file write it: "refund 25.00 (accepted); apology-only (offered)". The window
// formats the same typed resolutions in the user's language instead (gui/format.h).
#include "core/records.h"

#include <string>
#include <vector>

namespace rapport {

std::string describe_resolution(const Resolution& r);
// The resolutions in the order logged, joined by "; "; empty when none was offered.
std::string describe_resolutions(const std::vector<Resolution>& resolutions);

} // namespace rapport
