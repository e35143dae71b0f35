// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Logging in to a shop database on a server (PostgreSQL), as the window does it: the address in
// the words of its form, the password it got from the desktop keyring or from the owner, and
// what its status bar says about the connection. The command line needs none of this: libpq
// reads the password from ~/.pgpass or PGPASSFILE.
#include "core/errors.h"
#include "store/database.h"

#include <optional>
#include <string>

namespace rapport::store {

// Whether this build can use a shop database server at all (not the Windows build yet).
bool server_databases_supported();

// Where a shop database is, as the window's form shows it. Never holds a password.
struct ServerAddress {
    std::string host;     // a name or an address; empty: this PC
    std::string port;     // empty: 5432
    std::string database; // the database's name on the server
    std::string user;     // the login
};

// postgresql://user@host:port/database, with what needs it percent-encoded (RFC 3986).
std::string server_uri(const ServerAddress& address);
// The parts of a postgresql:// URI (empty for what it leaves to the defaults).
ServerAddress server_address(const std::string& uri);

// Keeps `password` in this process's memory, for every connection to `uri`'s server, database
// and user: the window opens several (its own, a reader for long lists, the daily backup).
// A password written in the URI itself still wins. An empty password forgets it.
void use_server_password(const std::string& uri, const std::string& password);
// The password kept for `uri` by use_server_password, or nothing.
std::optional<std::string> server_password(const std::string& uri);

// Connecting to the shop database failed; the sentence says why and what to check. The window
// asks for a password on `password_needed` and `refused`, and offers "Try again" on
// `unreachable`.
class ServerLoginError : public DataError {
public:
    enum class Reason {
        password_needed, // the server asks for one and none was given
        refused,         // wrong password, no such user or database
        unreachable,     // no such host, no server running, no answer in time
        untrusted,       // the encryption the address asks for could not be had
    };
    template <class... Args>
    ServerLoginError(Reason reason, Text tmpl, const Args&... args)
        : DataError(tmpl, args...), m_reason(reason) {}
    Reason reason() const { return m_reason; }

private:
    Reason m_reason;
};

// Whom the window is talking to, for its status bar; nothing for a database file.
struct ServerConnection {
    std::string host; // "localhost" for a server on this PC
    std::string database;
    std::string user;
    bool encrypted = false; // TLS
};
std::optional<ServerConnection> server_connection(const Database& db);

} // namespace rapport::store
