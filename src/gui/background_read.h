// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads that take a noticeable time on a big database (the portfolio of every customer, a
// year's report) run on a worker thread with a read-only connection of their own, so the
// window keeps redrawing and answering while they run; the result is shown on the window's
// thread. Only reads: every write stays on the window's one connection.
#include "store/database.h"

#include <wx/event.h>

class wxWindow;
#include <wx/string.h>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <thread>

namespace rapport::gui {

class BackgroundRead {
public:
    // What runs on the worker: reads through `reader` and returns what to do with the result on
    // the window's thread.
    using Work = std::function<std::function<void()>(store::Database& reader)>;

    // `owner` receives the result (through CallAfter) and must outlive this object; `db` is
    // the window's connection, whose file the reader opens.
    BackgroundRead(wxEvtHandler& owner, store::Database& db);
    // Cancels a read still running (its statements stop at their next progress check) and waits
    // for its thread.
    ~BackgroundRead();
    BackgroundRead(const BackgroundRead&) = delete;
    BackgroundRead& operator=(const BackgroundRead&) = delete;

    // Starts `work`. A read still running is cancelled first: only the newest result is shown.
    // An in-memory database (tests) has no second connection: `work` then runs right here.
    // An exception thrown by `work` is rethrown on the window's thread, where the app shows it.
    void Start(Work work);
    // True from Start until the result has been shown.
    bool Running() const { return m_running; }

private:
    void Cancel();

    wxEvtHandler& m_owner;
    store::Database& m_db;
    std::thread m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel; // the running read's; set to stop it
    unsigned m_generation = 0;                   // the newest Start; older results are dropped
    bool m_running = false;
};

// For a long read the owner asked for and waits on (exporting all data): runs `work` on a worker
// with a read-only connection of its own and waits for it. If it is not done after
// `quiet_ms`, a progress window with Cancel appears, and the window keeps drawing. Returns false
// when the owner pressed Cancel and the work stopped; rethrows what the work threw. An in-memory
// database (tests) runs `work` right here.
bool ReadWithProgress(wxWindow* parent, store::Database& db, const wxString& title,
                      const wxString& message, const std::function<void(store::Database&)>& work,
                      int quiet_ms = 300);

} // namespace rapport::gui
