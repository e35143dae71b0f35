// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who may do what on a shop database (issue 16). Two roles: the owner may do everything; staff
// log and edit incidents, add customers and purchases and do follow-ups, but do not change
// settings, delete customers or purchases, restore backups, export for the accountant or see
// the worth figures and margins.
//
// The server enforces it: `server init` creates two group roles per shop database,
// rapport_owner_<database> and rapport_staff_<database> (roles are cluster-wide, so the name
// carries the database), and GRANTs the tables to them; a staff login gets no DELETE on
// customer and purchase, no writes on the settings, and no SELECT on purchase.margin_bp, so it
// cannot do those from psql either. The window and the CLI ask access() only to hide what the
// login cannot do and to refuse it with a sentence before sending anything; the server has the
// last word (SQLSTATE 42501 becomes a sentence in store/connection.cpp).
//
// A database file has no roles: it is one person's PC, protected by the file's permissions.
#include "core/message.h"
#include "store/database.h"

#include <string>

namespace rapport::store {

enum class Access {
    unrestricted_file, // a database file: everything allowed
    owner,             // the shop's owner on a server (or a server whose roles were never set up)
    staff,             // a staff login on a server
};

// The current login's role: one small query on a server, none on a file.
Access access(Database& db);

inline bool may_do_owner_things(Access a) {
    return a != Access::staff;
}

// Refuses, before anything is sent, what only the owner may do: throws a DataError ("Only the
// shop's owner may change the settings; your login sam is staff on this shop database.").
// `doing` is marked for translation, e.g. tr("change the settings").
void require_owner(Database& db, Text doing);

// The sentence require_owner() throws, for the window's tooltips and messages.
Message owner_only_reason(Database& db, Text doing);

enum class ServerRole { owner, staff };

// Sets up the two group roles of this shop database and GRANTs its tables to them; the login
// running it (the one that ran `server init`) joins the owner group. Idempotent: run again after
// every migration, so new tables and columns are covered. Needs a login that may create roles
// (CREATEROLE or a superuser); any other is refused with a sentence. A file: does nothing.
void set_up_server_roles(Database& db);

// The GRANTs alone, again, when the two groups exist: the last part of every migration of a
// server (inside its transaction), so a new table or column is covered. A file: does nothing.
void refresh_server_grants(Database& db);

// What add_to_server_role() did, for the CLI's sentence.
struct RoleChange {
    std::string login;
    bool created = false; // the login did not exist and was created (without a password)
};

// Makes `login` owner or staff of this shop database: creates the login when missing (LOGIN,
// no password: the administrator sets one with psql's \password), takes it out of the other
// group and grants it this one. Only the owner may; a file is refused with a sentence.
RoleChange add_to_server_role(Database& db, const std::string& login, ServerRole role);

} // namespace rapport::store
