// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every view and dialog of the window works with, built once by the composition root
// (app.cpp) and passed down: the open database, its repositories, the owner's settings, the
// undo history and a way to tell the views that data changed. No view opens its own database.
#include "core/settings.h"
#include "store/customer_table.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/interactions.h"
#include "store/overview.h"
#include "store/purchases.h"
#include "store/roles.h"
#include "store/settings_store.h"

#include <wx/string.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace rapport::gui {

// Views register to be told when data changed, so a save in a dialog shows everywhere.
class ChangeNotifier {
public:
    using Token = int;
    Token subscribe(std::function<void()> listener);
    void unsubscribe(Token token);
    void notify();

private:
    std::map<Token, std::function<void()>> m_listeners;
    Token m_next = 1;
};

// Steps the owner can take back with Ctrl+Z, newest last. Each step knows how to undo itself
// against the database; a step that fails to undo is dropped and its error shown.
class UndoHistory {
public:
    struct Step {
        wxString label; // "Delete incident", shown as "Undo Delete incident"
        std::function<void()> undo;
    };

    void push(wxString label, std::function<void()> undo);
    bool can_undo() const { return !m_steps.empty(); }
    wxString next_label() const;
    // Undoes the newest step. The step is removed before it runs, so a failing undo cannot
    // be retried into a half-done state; the exception reaches the caller.
    void undo();
    void clear() { m_steps.clear(); }

private:
    std::vector<Step> m_steps;
    static constexpr std::size_t kMaxSteps = 50;
};

class Services {
public:
    explicit Services(store::Database db);
    Services(const Services&) = delete;
    Services& operator=(const Services&) = delete;

    store::Database& db() { return m_db; }

    // Settings as last saved; reload after changing them.
    const Settings& settings() const { return m_settings; }
    void reload_settings();

    // Today on this machine; a test may fix it.
    Date today() const;
    void set_today(Date d) { m_fixed_today = d; }

    // Whether window geometry is remembered (off for screenshots and tests).
    bool remember_ui = true;
    // Nobody at the screen (--screenshot, --measure): what a dialog would tell goes to stderr,
    // as a modal box would keep the run from ending.
    bool headless = false;

    // The login's role on a shop database, asked once on opening (store/roles.h): a staff
    // login's window hides what only the owner may do. A file is unrestricted.
    store::Access access() const { return m_access; }
    bool staff() const { return m_access == store::Access::staff; }
    // "Only the shop's owner may <doing>; your login sam is staff on this shop database.", for
    // the help text of what a staff login's window disables.
    wxString OwnerOnly(Text doing);

private:
    store::Database m_db; // first: the repositories below keep a reference to it

public:
    store::CustomerRepo customers{m_db};
    store::InteractionRepo interactions{m_db};
    store::PurchaseRepo purchases{m_db};
    store::SettingsStore settings_store{m_db};
    store::CustomerTable customer_table{m_db};
    store::OverviewQueries overview{m_db};
    UndoHistory undo;
    ChangeNotifier changes;

private:
    Settings m_settings;
    std::optional<Date> m_fixed_today;
    store::Access m_access = store::Access::unrestricted_file;
};

} // namespace rapport::gui
