// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services.h"
#include "gui/format.h"

namespace rapport::gui {

ChangeNotifier::Token ChangeNotifier::subscribe(std::function<void()> listener) {
    const Token token = m_next++;
    m_listeners.emplace(token, std::move(listener));
    return token;
}

void ChangeNotifier::unsubscribe(Token token) {
    m_listeners.erase(token);
}

void ChangeNotifier::notify() {
    // A listener may unsubscribe (a view closing) while we walk; walk a copy.
    const auto listeners = m_listeners;
    for (const auto& [token, listener] : listeners) {
        if (m_listeners.count(token))
            listener();
    }
}

void UndoHistory::push(wxString label, std::function<void()> undo) {
    m_steps.push_back(Step{std::move(label), std::move(undo)});
    if (m_steps.size() > kMaxSteps)
        m_steps.erase(m_steps.begin());
}

wxString UndoHistory::next_label() const {
    return m_steps.empty() ? wxString() : m_steps.back().label;
}

void UndoHistory::undo() {
    if (m_steps.empty())
        return;
    Step step = std::move(m_steps.back());
    m_steps.pop_back();
    step.undo();
}

Services::Services(store::Database db) : m_db(std::move(db)) {
    // The window lives all day and comes back to the same customers and weeks: a 4 MiB page
    // cache (twice SQLite's default) keeps their pages at hand. More did not start or show
    // faster on a 1M-interaction file but cost memory: peak RSS at start 142 MB with 16 MiB,
    // 130 MB with 4 MiB; with the Reports view open 173 MB and 160 MB.
    m_db.set_page_cache(4096);
    reload_settings();
    m_access = store::access(m_db);
}

wxString Services::OwnerOnly(Text doing) {
    return Translate(store::owner_only_reason(m_db, doing));
}

void Services::reload_settings() {
    m_settings = settings_store.load();
}

Date Services::today() const {
    return m_fixed_today ? *m_fixed_today : today_local();
}

} // namespace rapport::gui
