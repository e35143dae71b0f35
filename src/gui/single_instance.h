// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Rapport window per user: a second launch asks the first to come to the front and exits.
// The lock is a wxSingleInstanceChecker file and the "come to the front" request travels over
// a UNIX socket (wxServer/wxClient), both in the user's runtime directory ($XDG_RUNTIME_DIR,
// private to the user), so two users on one machine each get their own window.
// On Windows the lock is a named mutex and the request goes over DDE (wx's wxServer there).
#include <wx/ipc.h>
#include <wx/string.h>

#include <functional>
#include <memory>

class wxSingleInstanceChecker;

namespace rapport::gui {

class SingleInstance {
public:
    SingleInstance();
    ~SingleInstance();

    // True when this is the only instance; it then answers raise requests by calling `raise`.
    // False when another one runs: it has been asked to raise its window (or could not be
    // reached, which `*message` then says).
    bool Acquire(std::function<void()> raise, wxString* message);

private:
    std::unique_ptr<wxSingleInstanceChecker> m_checker;
    std::unique_ptr<wxServer> m_server;
};

} // namespace rapport::gui
