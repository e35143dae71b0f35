// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Today's backup, for the window: the same store use case the command line runs at every start
// (store/open.h), started once the window is on screen, so copying and checking a big file never
// delays the first paint. A backup that could not be written is said in the status bar and the
// window keeps working; damage found in the copy is shown in a dialog pointing to a restore.
#include "core/dates.h"
#include "store/open.h"

#include <wx/string.h>
#include <wx/timer.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class wxFrame;

namespace rapport::gui {

class WindowDailyBackup : public wxTimer {
public:
    // `tell` puts a sentence in the window's status bar. `headless`: nobody is at the screen,
    // so damage is said on stderr rather than in a dialog that would wait for a click.
    WindowDailyBackup(wxFrame& frame, store::Database& db, Date today,
                      std::function<void(const wxString&)> tell, bool headless = false);
    ~WindowDailyBackup() override;

    // True once the outcome has been reported (tests wait for it).
    bool Finished() const { return m_finished; }

private:
    void Notify() override; // on the window's thread: start once shown, then wait for the result
    void Report(const store::DailyBackupOutcome& outcome, const std::string& damage);

    struct Result {
        std::mutex lock;
        bool done = false;
        store::DailyBackupOutcome outcome;
        std::string damage;
    };

    wxFrame& m_frame;
    store::Database& m_db;
    Date m_today;
    std::function<void(const wxString&)> m_tell;
    bool m_headless;
    std::shared_ptr<Result> m_result = std::make_shared<Result>();
    std::unique_ptr<store::DailyBackupInBackground> m_task;
    bool m_finished = false;
    std::optional<std::chrono::steady_clock::time_point> m_shownAt;
};

} // namespace rapport::gui
