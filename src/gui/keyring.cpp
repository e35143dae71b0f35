// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// libsecret's simple password API. The calls are synchronous: the Secret Service answers on the
// session bus in milliseconds, and a missing one fails at once.
#include "gui/keyring.h"

#ifdef RAPPORT_HAVE_LIBSECRET
#include <libsecret/secret.h>
#else
#include <wx/translation.h>
#endif

namespace rapport::gui::keyring {

#ifdef RAPPORT_HAVE_LIBSECRET
namespace {

// One item per server, port, database and user: what secret-tool and Seahorse show.
const SecretSchema* Schema() {
    static const SecretSchema schema = {"io.github.rapport.ShopDatabase",
                                        SECRET_SCHEMA_NONE,
                                        {
                                            {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                            {"port", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                            {"database", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                            {"user", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                            {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING},
                                        },
                                        0,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr};
    return &schema;
}

std::string PortOf(const store::ServerAddress& a) {
    return a.port.empty() ? std::string("5432") : a.port;
}

} // namespace

bool Store(const store::ServerAddress& a, const std::string& password, wxString* why) {
    const std::string label = "Rapport shop database " + a.database + " on " + a.host;
    GError* error = nullptr;
    const std::string port = PortOf(a);
    const gboolean ok = secret_password_store_sync(
        Schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(), nullptr, &error,
        "server", a.host.c_str(), "port", port.c_str(), "database", a.database.c_str(), "user",
        a.user.c_str(), nullptr);
    if (!ok) {
        if (why)
            *why = wxString::FromUTF8(error ? error->message : "the keyring refused");
        if (error)
            g_error_free(error);
        return false;
    }
    return true;
}

std::optional<std::string> Lookup(const store::ServerAddress& a) {
    GError* error = nullptr;
    const std::string port = PortOf(a);
    gchar* found = secret_password_lookup_sync(Schema(), nullptr, &error, "server", a.host.c_str(),
                                               "port", port.c_str(), "database", a.database.c_str(),
                                               "user", a.user.c_str(), nullptr);
    if (error)
        g_error_free(error);
    if (!found)
        return std::nullopt;
    std::string out = found;
    secret_password_free(found);
    return out;
}

void Forget(const store::ServerAddress& a) {
    GError* error = nullptr;
    const std::string port = PortOf(a);
    secret_password_clear_sync(Schema(), nullptr, &error, "server", a.host.c_str(), "port",
                               port.c_str(), "database", a.database.c_str(), "user", a.user.c_str(),
                               nullptr);
    if (error)
        g_error_free(error);
}

#else // no libsecret in this build: nothing is kept, the window asks each time

bool Store(const store::ServerAddress&, const std::string&, wxString* why) {
    if (why)
        *why = _("this build of Rapport has no keyring support");
    return false;
}

std::optional<std::string> Lookup(const store::ServerAddress&) {
    return std::nullopt;
}

void Forget(const store::ServerAddress&) {}

#endif

} // namespace rapport::gui::keyring
