// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Open shop database: the window on a shop's shared database (PostgreSQL) instead of
// the file on this PC. The address is remembered in rapport.conf, the password only in the
// desktop keyring (gui/keyring.h); the window's status bar says which server and user it is
// connected to. Connecting to an empty shop database offers to move this PC's file into it.
#include "store/database.h"
#include "store/server_login.h"

#include <wx/string.h>

#include <filesystem>
#include <optional>

class wxWindow;

namespace rapport::gui {

// The shop database the window opens at start, when the owner chose one and has not gone back
// to the file since.
std::optional<store::ServerAddress> RememberedShopDatabase();
// The address the form starts with: the last one used, else this PC's server and login.
store::ServerAddress LastShopDatabaseAddress();
void RememberShopDatabase(const store::ServerAddress& address);
// Back to the file on this PC: the address stays for the form, but is no longer opened at start.
void StopUsingShopDatabase();

// Opens the shop database at `address` as the window does (store::open_for_use, the day's
// backup later), with `password` when given, else the keyring's, else ~/.pgpass. Throws
// store::ServerLoginError and the other DataErrors of opening.
store::Database OpenShopDatabase(const store::ServerAddress& address,
                                 const std::optional<std::string>& password = std::nullopt);

struct ShopDatabaseChoice {
    enum class Kind { connected, use_local_file, cancelled } kind = Kind::cancelled;
    std::optional<store::Database> db; // connected
    wxString note; // connected, but the password could not be kept in the keyring: why
};

// The form: server, port, database, user, password and "Remember the password". Connect tries
// at once and shows a failure in the form, keeping what was typed. `problem` comes up first
// when the form is shown because the remembered database failed at start; `offer_local_file`
// adds "Use the file on this PC".
ShopDatabaseChoice ShowShopDatabaseDialog(wxWindow* parent, const store::ServerAddress& start,
                                          const wxString& problem = {},
                                          bool offer_local_file = false);

// When `server` holds no customers yet and `local_file` exists and holds some: asks whether to
// move them in (store::move_in, one transaction, proven by counts and sums) and shows the
// proof. True when something was moved.
bool OfferMoveIn(wxWindow* parent, store::Database& server,
                 const std::filesystem::path& local_file);

// "Shop database rapport on shop-pc, as sam (encrypted)"; for a file, "Data: PATH".
wxString DescribeDataLocation(const store::Database& db);

} // namespace rapport::gui
