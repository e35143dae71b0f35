// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/background_read.h"

#include <wx/progdlg.h>
#include <wx/utils.h>

#include <chrono>

namespace rapport::gui {

BackgroundRead::BackgroundRead(wxEvtHandler& owner, store::Database& db)
    : m_owner(owner), m_db(db) {}

BackgroundRead::~BackgroundRead() {
    Cancel();
}

void BackgroundRead::Cancel() {
    if (m_cancel)
        m_cancel->store(true, std::memory_order_relaxed);
    if (m_thread.joinable())
        m_thread.join();
    m_cancel.reset();
}

void BackgroundRead::Start(Work work) {
    Cancel();
    const unsigned generation = ++m_generation; // whatever happens, older results are stale
    m_running = false;
    if (m_db.path() == ":memory:") {
        const auto show = work(m_db);
        show();
        return;
    }
    // Opened here, on the window's thread, while the window's connection is sure to exist; the
    // worker only uses it (a SQLite connection may change threads while idle).
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto reader =
        std::make_shared<store::Database>(store::Database::open_cancellable_reader(m_db, *cancel));
    m_cancel = cancel;
    m_running = true;
    m_thread = std::thread([this, generation, reader, cancel, work = std::move(work)] {
        std::function<void()> show;
        try {
            show = work(*reader);
        } catch (...) {
            show = [error = std::current_exception()] { std::rethrow_exception(error); };
        }
        // Runs on the window's thread. A newer Start (or the destructor, which joins this
        // thread before the owner's pending calls are discarded) makes this result stale.
        m_owner.CallAfter([this, generation, show = std::move(show)] {
            if (generation != m_generation)
                return;
            m_running = false;
            show();
        });
    });
}

bool ReadWithProgress(wxWindow* parent, store::Database& db, const wxString& title,
                      const wxString& message, const std::function<void(store::Database&)>& work,
                      int quiet_ms) {
    if (db.path() == ":memory:") {
        work(db);
        return true;
    }
    std::atomic<bool> cancel{false};
    store::Database reader = store::Database::open_cancellable_reader(db, cancel);
    std::atomic<bool> done{false};
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            work(reader);
        } catch (...) {
            error = std::current_exception();
        }
        done = true;
    });
    // Most reads end at once: no window flashes up for them.
    const auto quiet_until = std::chrono::steady_clock::now() + std::chrono::milliseconds(quiet_ms);
    while (!done && std::chrono::steady_clock::now() < quiet_until)
        wxMilliSleep(10);
    if (!done) {
        wxProgressDialog progress(title, message, 100, parent,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
        while (!done) {
            if (!progress.Pulse()) // Cancel pressed; Pulse also lets the window draw
                cancel = true;
            wxMilliSleep(50);
        }
    }
    worker.join();
    if (error && cancel)
        return false; // stopped on the owner's word: nothing to report
    if (error)
        std::rethrow_exception(error);
    return true;
}

} // namespace rapport::gui
