#include "gui/background_read.h"

#include <sqlite3.h>

namespace rapport::gui {

BackgroundRead::BackgroundRead(wxEvtHandler& owner, store::Database& db)
    : m_owner(owner), m_db(db) {}

BackgroundRead::~BackgroundRead() {
    Cancel();
}

void BackgroundRead::Cancel() {
    {
        std::lock_guard lock(m_mutex);
        if (m_connection)
            sqlite3_interrupt(m_connection); // the running statement stops at its next step
    }
    if (m_thread.joinable())
        m_thread.join();
}

void BackgroundRead::Start(Work work) {
    Cancel();
    const unsigned generation = ++m_generation;
    m_running = true;
    if (m_db.path() == ":memory:") {
        const auto show = work(m_db);
        m_running = false;
        show();
        return;
    }
    m_thread = std::thread([this, generation, work = std::move(work)] {
        std::function<void()> show;
        try {
            store::Database reader = store::Database::open_reader(m_db);
            {
                std::lock_guard lock(m_mutex);
                m_connection = reader.sql().getHandle();
            }
            try {
                show = work(reader);
            } catch (...) {
                std::lock_guard lock(m_mutex);
                m_connection = nullptr;
                throw;
            }
            std::lock_guard lock(m_mutex);
            m_connection = nullptr;
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

} // namespace rapport::gui
