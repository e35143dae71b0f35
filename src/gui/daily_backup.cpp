// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/daily_backup.h"

#include "gui/format.h"

#include <wx/frame.h>
#include <wx/msgdlg.h>

#include <chrono>
#include <cstdio>

namespace rapport::gui {

namespace {
constexpr int kPollMs = 150;
// The copy and check of a big file keep both cores busy for seconds; started as soon as the
// window is mapped they delayed its first complete paint on a 1M-interaction file (customer
// list shown at 1.9-2.3 s instead of 1.6-1.7 s on a loaded 2-core machine). Half a second later
// the window has drawn and the owner is only reading.
constexpr auto kAfterShown = std::chrono::milliseconds(500);
} // namespace

WindowDailyBackup::WindowDailyBackup(wxFrame& frame, store::Database& db, Date today,
                                     std::function<void(const wxString&)> tell, bool headless)
    : m_frame(frame), m_db(db), m_today(today), m_tell(std::move(tell)), m_headless(headless) {
    Start(kPollMs);
}

WindowDailyBackup::~WindowDailyBackup() {
    Stop();
    m_task.reset(); // waits for a copy still being written
}

void WindowDailyBackup::Notify() {
    if (!m_task) {
        if (!m_frame.IsShownOnScreen())
            return; // the first paint comes first
        const auto now = std::chrono::steady_clock::now();
        if (!m_shownAt)
            m_shownAt = now;
        if (now - *m_shownAt < kAfterShown)
            return;
        try {
            m_task = std::make_unique<store::DailyBackupInBackground>(
                m_db, m_today,
                [result = m_result](const store::DailyBackupOutcome& outcome,
                                    const std::string& damage) {
                    std::lock_guard<std::mutex> hold(result->lock);
                    result->outcome = outcome;
                    result->damage = damage;
                    result->done = true;
                });
        } catch (const std::exception& e) {
            Stop();
            Report(store::DailyBackupOutcome{.warning = Message(std::string(e.what()))}, {});
        }
        if (m_db.path() == ":memory:") { // nothing on disk: nothing to do
            Stop();
            m_finished = true;
        }
        return;
    }
    std::unique_lock<std::mutex> hold(m_result->lock);
    if (!m_result->done)
        return;
    const store::DailyBackupOutcome outcome = m_result->outcome;
    const std::string damage = m_result->damage;
    hold.unlock();
    Stop();
    Report(outcome, damage);
}

void WindowDailyBackup::Report(const store::DailyBackupOutcome& outcome,
                               const std::string& damage) {
    m_finished = true;
    if (!damage.empty()) {
        const wxString text =
            _("Today's backup found that your data file is damaged, so the copy was not kept "
              "and your older backups are all still there. Use File > Restore from backup to "
              "bring back the newest good one.");
        m_tell(_("Today's backup found damage: see File > Restore from backup."));
        const wxString found = wxString::Format(_("SQLite found: %s"), Wx(damage));
        if (m_headless)
            std::fprintf(stderr, "rapport: %s %s\n", text.utf8_str().data(),
                         found.utf8_str().data());
        else
            wxMessageBox(text + "\n\n" + found, _("Rapport"), wxOK | wxICON_ERROR, &m_frame);
        return;
    }
    if (!outcome.warning.empty())
        m_tell(wxString::Format(_("%s Your changes are still saved as usual."),
                                Translate(outcome.warning)));
    else if (outcome.made)
        m_tell(_("Today's backup is written."));
}

} // namespace rapport::gui
