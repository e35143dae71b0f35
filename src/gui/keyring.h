// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shop database's password in the desktop's keyring (the Secret Service: GNOME Keyring,
// KWallet), never in a file of ours. Without a keyring (no Secret Service on the session bus,
// a build without libsecret) nothing is kept and the window asks for the password each time.
#include "store/server_login.h"

#include <wx/string.h>

#include <optional>
#include <string>

namespace rapport::gui::keyring {

// Keeps `password` for `address`, replacing the one kept before. False, with the keyring's
// reason in `why`, when it could not.
bool Store(const store::ServerAddress& address, const std::string& password, wxString* why);

// The password kept for `address`, or nothing (none kept, or no keyring).
std::optional<std::string> Lookup(const store::ServerAddress& address);

// Removes the password kept for `address`, if any.
void Forget(const store::ServerAddress& address);

} // namespace rapport::gui::keyring
