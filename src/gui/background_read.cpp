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
    if (m_db.path() == ":memory:") {
        ++m_generation;
        const auto show = work(m_db);
        show();
        return;
    }
    // Opened here, on the window's thread, while the window's connection is sure to exist; the
    // worker only uses it (a SQLite connection may change threads while idle).
    const unsigned generation = ++m_generation; // whatever happens, older results are stale
    m_running = false;
    auto reader = std::make_shared<store::Database>(store::Database::open_reader(m_db));
    m_running = true;
    m_thread = std::thread([this, generation, reader, work = std::move(work)] {
        {
            std::lock_guard lock(m_mutex);
            m_connection = reader->sql().getHandle();
        }
        std::function<void()> show;
        try {
            show = work(*reader);
        } catch (...) {
            show = [error = std::current_exception()] { std::rethrow_exception(error); };
        }
        {
            std::lock_guard lock(m_mutex);
            m_connection = nullptr;
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
