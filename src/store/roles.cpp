// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Who may do what on a shop database: the group roles, their GRANTs, and the current login's
// role (store/roles.h). PostgreSQL only; a file has no roles.
#include "store/roles.h"

#include "core/errors.h"
#include "store/sqlite/connection.h"

#include <fmt/format.h>

#include <vector>

namespace rapport::store {
namespace {

// PostgreSQL keeps 63 bytes of a name; longer database names are cut at a character boundary.
std::string group_name(const std::string& kind, const std::string& database) {
    std::string name = "rapport_" + kind + "_" + database;
    if (name.size() > 63) {
        std::size_t cut = 63;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        name.resize(cut);
    }
    return name;
}

std::string quote_ident(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

struct Groups {
    std::string owner, staff, login;
};

Groups groups(sql::Session& s) {
    sql::Statement st(s, "SELECT current_database(), current_user");
    st.executeStep();
    const std::string database = st.getColumn(0).getString();
    return {group_name("owner", database), group_name("staff", database),
            st.getColumn(1).getString()};
}

bool role_exists(sql::Session& s, const std::string& name) {
    sql::Statement st(s, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?");
    st.bind(1, name);
    return st.executeStep();
}

Access server_access(sql::Session& s) {
    const Groups g = groups(s);
    // pg_has_role on the role's oid: no error for a group that does not exist. The owner of
    // Rapport's tables (the login that ran `server init`) and a superuser are owners anyway.
    sql::Statement st(s, R"(
        SELECT CAST((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
                    AS integer),
               CAST(coalesce((SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')
                                FROM pg_catalog.pg_class AS c
                               WHERE c.oid = pg_catalog.to_regclass('public.customer')), false)
                    AS integer),
               CAST(coalesce((SELECT pg_catalog.pg_has_role(current_user, r.oid, 'USAGE')
                                FROM pg_catalog.pg_roles AS r WHERE r.rolname = ?), false)
                    AS integer),
               CAST(coalesce((SELECT pg_catalog.pg_has_role(current_user, r.oid, 'USAGE')
                                FROM pg_catalog.pg_roles AS r WHERE r.rolname = ?), false)
                    AS integer),
               CAST(EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname IN (?, ?))
                    AS integer))");
    st.bind(1, g.owner);
    st.bind(2, g.staff);
    st.bind(3, g.owner);
    st.bind(4, g.staff);
    st.executeStep();
    const auto yes = [&](int i) { return st.getColumn(i).getInt64() == 1; };
    if (yes(0) || yes(1) || yes(2))
        return Access::owner;
    if (!yes(4))
        return Access::owner; // roles never set up: the server's own grants decide, as before
    return Access::staff;     // in the staff group, or in neither: the least
}

// The staff group's grants, from nothing: what staff may do (store/roles.h). Table-level where
// possible, so columns added by a later schema version are covered; the SELECT on purchase
// names every column but the margin, read from the catalogue each time, so a new column is
// covered when this runs again after the migration.
std::vector<std::string> staff_grants(sql::Session& s, const std::string& staff) {
    const std::string to = " TO " + quote_ident(staff);
    std::vector<std::string> out{
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + quote_ident(staff),
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + quote_ident(staff),
        "GRANT SELECT ON rapport_meta, setting, category_default, customer_figures" + to,
        "GRANT SELECT, INSERT, UPDATE ON customer" + to,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON tag, customer_tag" + to,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON interaction, resolution, follow_up" + to,
        "GRANT INSERT ON purchase" + to,
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public" + to,
    };
    sql::Statement st(s, R"(
        SELECT attname FROM pg_catalog.pg_attribute
         WHERE attrelid = pg_catalog.to_regclass('public.purchase') AND attnum > 0
           AND NOT attisdropped AND attname <> 'margin_bp' ORDER BY attnum)");
    std::string columns;
    while (st.executeStep())
        columns += (columns.empty() ? "" : ", ") + quote_ident(st.getColumn(0).getString());
    out.push_back("GRANT SELECT (" + columns + ") ON purchase" + to);
    return out;
}

// The figures' triggers run with the rights of their functions' owner, so a staff change to an
// incident keeps customer_figures right while staff can only read that table.
constexpr const char* kDefinerTriggers = R"(
ALTER FUNCTION rapport_figures_customer() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION rapport_figures_interaction() SECURITY DEFINER
    SET search_path = pg_catalog, public;
ALTER FUNCTION rapport_figures_resolution() SECURITY DEFINER
    SET search_path = pg_catalog, public;
)";

void grant_tables(sql::Session& s, const Groups& g) {
    s.exec("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + quote_ident(g.owner));
    s.exec("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + quote_ident(g.owner));
    for (const std::string& grant : staff_grants(s, g.staff))
        s.exec(grant);
    s.exec(kDefinerTriggers);
}

[[noreturn]] void rethrow_role_error(const sql::Error& e, Text doing) {
    if (e.failure() == sql::Failure::not_allowed)
        throw DataError(tr("Could not {}: this login may not create or change the shop's logins "
                           "({}). Run it as the login that set up the shop database, with the "
                           "right to create roles (CREATEROLE), or as the server's "
                           "administrator."),
                        doing, e.what());
    rethrow_as_data_error(e, doing, {});
}

} // namespace

Access access(Database& db) {
    if (!db.is_server())
        return Access::unrestricted_file;
    return read(db, [&] { return server_access(session(db)); });
}

Message owner_only_reason(Database& db, Text doing) {
    std::string login;
    if (db.is_server())
        login = read(db, [&] { return groups(session(db)).login; });
    // TRANSLATORS: {} is what was refused, translated on its own ("change the settings").
    return Message(tr("Only the shop's owner may {}; your login {} is staff on this shop "
                      "database."),
                   doing, Message(login));
}

void require_owner(Database& db, Text doing) {
    if (access(db) == Access::staff)
        throw DataError(owner_only_reason(db, doing));
}

void set_up_server_roles(Database& db) {
    if (!db.is_server())
        return;
    sql::Session& s = session(db);
    try {
        WriteTransaction tx(db);
        const Groups g = groups(s);
        for (const std::string* name : {&g.owner, &g.staff})
            if (!role_exists(s, *name))
                s.exec("CREATE ROLE " + quote_ident(*name) + " NOLOGIN");
        s.exec("GRANT " + quote_ident(g.owner) + " TO " + quote_ident(g.login));
        grant_tables(s, g);
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_role_error(e, tr("set up the owner and staff roles"));
    }
}

void refresh_server_grants(Database& db) {
    if (!db.is_server())
        return;
    sql::Session& s = session(db);
    const Groups g = groups(s);
    if (role_exists(s, g.owner) && role_exists(s, g.staff))
        grant_tables(s, g);
}

RoleChange add_to_server_role(Database& db, const std::string& login, ServerRole role) {
    if (!db.is_server())
        throw DataError(tr("A database file has no logins or roles: whoever can open the file may "
                           "do everything. Owner and staff logins are for a shop database on a "
                           "server."));
    if (login.empty() || login.size() > 63)
        throw InputError(tr("A login name has 1 to 63 characters."));
    require_owner(db, role == ServerRole::owner ? tr("add an owner") : tr("add a staff member"));
    sql::Session& s = session(db);
    RoleChange out{login, false};
    try {
        WriteTransaction tx(db);
        const Groups g = groups(s);
        if (!role_exists(s, g.owner) || !role_exists(s, g.staff))
            throw DataError(tr("The shop database has no owner and staff roles yet; run "
                               "'rapport-cli server init' on it first."));
        if (!role_exists(s, login)) {
            s.exec("CREATE ROLE " + quote_ident(login) + " LOGIN");
            out.created = true;
        }
        const std::string& join = role == ServerRole::owner ? g.owner : g.staff;
        const std::string& leave = role == ServerRole::owner ? g.staff : g.owner;
        s.exec("REVOKE " + quote_ident(leave) + " FROM " + quote_ident(login));
        s.exec("GRANT " + quote_ident(join) + " TO " + quote_ident(login));
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_role_error(e, role == ServerRole::owner ? tr("add the login as an owner")
                                                        : tr("add the login as staff"));
    }
    return out;
}

} // namespace rapport::store
