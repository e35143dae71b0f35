// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The backend-neutral half of store/server_login.h: building a URI from the window's form and
// the passwords kept in memory. Parsing a URI and asking the connection are the server
// backend's (store/postgres/server_database.cpp, or server_unavailable.cpp without it).
#include "store/server_login.h"

#include <map>
#include <mutex>
#include <tuple>

namespace rapport::store {
namespace {

// RFC 3986: everything but the unreserved characters is percent-encoded in a user or a path.
std::string percent_encoded(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

using PasswordKey = std::tuple<std::string, std::string, std::string, std::string>;

PasswordKey key_of(const std::string& uri) {
    const ServerAddress a = server_address(uri);
    return {a.host, a.port.empty() ? "5432" : a.port, a.database, a.user};
}

std::mutex passwords_mutex;
std::map<PasswordKey, std::string>& passwords() {
    static std::map<PasswordKey, std::string> kept;
    return kept;
}

} // namespace

std::string server_uri(const ServerAddress& address) {
    std::string out = "postgresql://";
    if (!address.user.empty())
        out += percent_encoded(address.user) + "@";
    // An IPv6 address goes in brackets; a host name or an IPv4 address as it is.
    if (address.host.find(':') != std::string::npos)
        out += "[" + address.host + "]";
    else
        out += percent_encoded(address.host);
    if (!address.port.empty())
        out += ":" + address.port;
    return out + "/" + percent_encoded(address.database);
}

void use_server_password(const std::string& uri, const std::string& password) {
    const std::lock_guard lock(passwords_mutex);
    if (password.empty())
        passwords().erase(key_of(uri));
    else
        passwords()[key_of(uri)] = password;
}

std::optional<std::string> server_password(const std::string& uri) {
    const std::lock_guard lock(passwords_mutex);
    const auto found = passwords().find(key_of(uri));
    if (found == passwords().end())
        return std::nullopt;
    return found->second;
}

} // namespace rapport::store
