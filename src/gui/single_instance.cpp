// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/single_instance.h"

#include <wx/filename.h>
#include <wx/ipc.h>
#include <wx/snglinst.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace rapport::gui {
namespace {

constexpr const char* kTopic = "raise";

// $XDG_RUNTIME_DIR is owned by the user and cleared at logout: the right home for a lock and a
// socket. Without it (some containers), a per-user name in the temporary folder.
wxString RuntimeDir() {
    wxString dir;
    if (wxGetEnv("XDG_RUNTIME_DIR", &dir) && !dir.empty() && wxDirExists(dir))
        return dir;
    return wxStandardPaths::Get().GetTempDir();
}

wxString BaseName() {
    return "rapport-" + wxGetUserId();
}

class RaiseConnection : public wxConnection {
public:
    explicit RaiseConnection(std::function<void()> raise) : m_raise(std::move(raise)) {}
    bool OnExec(const wxString& topic, const wxString&) override {
        if (topic == kTopic && m_raise)
            m_raise();
        return true;
    }

private:
    std::function<void()> m_raise;
};

class RaiseServer : public wxServer {
public:
    explicit RaiseServer(std::function<void()> raise) : m_raise(std::move(raise)) {}
    wxConnectionBase* OnAcceptConnection(const wxString& topic) override {
        return topic == kTopic ? new RaiseConnection(m_raise) : nullptr;
    }

private:
    std::function<void()> m_raise;
};

} // namespace

SingleInstance::SingleInstance() = default;
SingleInstance::~SingleInstance() = default;

bool SingleInstance::Acquire(std::function<void()> raise, wxString* message) {
    const wxString dir = RuntimeDir();
#ifdef _WIN32
    // wxServer is DDE there: the "socket" is a service name, per user like the checker's mutex.
    const wxString socket = BaseName() + "-raise";
#else
    const wxString socket = wxFileName(dir, BaseName() + ".socket").GetFullPath();
#endif
    m_checker = std::make_unique<wxSingleInstanceChecker>();
    if (!m_checker->Create(BaseName() + ".lock", dir)) {
        // Without a lock we cannot tell; opening a second window is better than none.
        m_checker.reset();
        return true;
    }
    if (m_checker->IsAnotherRunning()) {
        wxClient client;
        std::unique_ptr<wxConnectionBase> connection(
            client.MakeConnection("localhost", socket, kTopic));
        if (connection && connection->Execute(kTopic)) {
            connection->Disconnect();
            if (message)
                *message = _("Rapport is already open; its window was brought to the front.");
        } else if (message) {
            *message = _("Rapport is already open, but its window could not be reached. "
                         "Switch to it from the task bar.");
        }
        m_checker.reset();
        return false;
    }
    // A socket file left by a crashed instance would make Create fail: we hold the lock, so
    // any file there is stale.
    if (wxFileExists(socket))
        wxRemoveFile(socket);
    m_server = std::make_unique<RaiseServer>(std::move(raise));
    if (!m_server->Create(socket))
        m_server.reset(); // still the only instance; a second launch will say it cannot reach us
    return true;
}

} // namespace rapport::gui
