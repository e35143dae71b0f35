// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for driving the real window under Xvfb: temporary databases, waiting for events,
// scripts that run while a modal dialog is open, and a hook that answers message boxes.
#include "gui/services.h"

#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/modalhook.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/window.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rapport::gui::test {

// A private temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Services over a fresh database file in `dir`, with geometry not remembered.
std::unique_ptr<Services> MakeServices(const TempDir& dir, const std::string& name = "test.db");

// Lets the event loop run for `ms` milliseconds (events, timers, painting).
void Pump(int ms);

// A plain shown frame for the dialogs of a test to belong to; destroyed with the test.
struct Window {
    wxFrame* frame;
    Window();
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
};
// Pumps until `condition` holds or `timeout_ms` passes; returns whether it held.
bool WaitFor(const std::function<bool()>& condition, int timeout_ms = 5000);

// The modal dialog currently shown, if any.
wxDialog* ActiveModalDialog();

// Finds a child of `parent` by name (SetName), of type T.
template <typename T> T* Find(wxWindow* parent, const wxString& name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
}

// Moves the pointer over `window` and gives it the focus: with no window manager, X sends
// the keyboard to the window under the pointer.
void FocusForTyping(wxWindow* window);

// Runs steps on a timer while the code under test sits in a modal loop. A step returns true
// when done, false to be tried again on the next tick. On timeout, the open modal dialog is
// cancelled so the test fails instead of hanging.
class ModalScript : public wxTimer {
public:
    using Step = std::function<bool()>;
    explicit ModalScript(std::vector<Step> steps, int tick_ms = 120, int timeout_ms = 20000);
    void Notify() override;
    bool Finished() const { return m_next == m_steps.size(); }
    // Empty when every step ran and the dialog closed in time.
    const std::string& Failure() const { return m_failure; }

private:
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    std::chrono::steady_clock::time_point m_started;
    int m_timeout;
    std::string m_failure;
};

// Answers every message box instead of showing it, and remembers what it said. Other dialogs
// are shown normally.
class MessageBoxAnswerer : public wxModalDialogHook {
public:
    explicit MessageBoxAnswerer(int answer = wxID_OK) : m_answer(answer) { Register(); }
    ~MessageBoxAnswerer() override { Unregister(); }
    std::vector<wxString> messages;

protected:
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog*) override {}

private:
    int m_answer;
};

// Steps for a ModalScript on the open modal dialog's fields, found by name (SetName).
wxTextCtrl* Field(const wxString& name);
// Waits for the dialog, then puts the keyboard on `first_field`.
ModalScript::Step DialogReady(const wxString& first_field = "customer");
// Types `text` into field `name` with simulated keys, after what it holds; done when the field
// shows `expected` (by default, just `text`).
ModalScript::Step TypeInto(const wxString& name, const wxString& text,
                           const wxString& expected = wxString());
// Selects what field `name` holds and types `text` over it.
ModalScript::Step ReplaceText(const wxString& name, const wxString& text);
ModalScript::Step PressCtrlEnter();

} // namespace rapport::gui::test
