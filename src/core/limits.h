// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The limits and defaults every layer checks against, named once, so the window's fields, the
// command line's parsers and the store's checks cannot drift apart.
#include "core/enums.h"

namespace rapport {

// Minutes spent on one incident, or on one follow-up call.
inline constexpr int kMinutesMin = 0;
inline constexpr int kMinutesMax = 100000;

// How bad an incident was: 1 (mild) to 5 (severe).
inline constexpr int kSeverityMin = 1;
inline constexpr int kSeverityMax = 5;
inline constexpr int kSeverityDefault = 3;

// Logged right after the conversation, a resolution was usually agreed on the spot: it is
// accepted unless the owner says otherwise.
inline constexpr ResolutionStatus kStatusOfResolutionLoggedNow = ResolutionStatus::accepted;

} // namespace rapport
