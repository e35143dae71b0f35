// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_support.h"

#include <wx/app.h>
#include <wx/msgdlg.h>
#include <wx/stopwatch.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <memory>
#include <stdexcept>
#include <stdlib.h>

namespace rapport::gui::test {

TempDir::TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rapport-gui-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::unique_ptr<Services> MakeServices(const TempDir& dir, const std::string& name) {
    auto services = std::make_unique<Services>(store::Database::open(dir / name));
    services->remember_ui = false;
    return services;
}

void Pump(int ms) {
    wxStopWatch watch;
    do {
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    } while (watch.Time() < ms);
}

bool WaitFor(const std::function<bool()>& condition, int timeout_ms) {
    wxStopWatch watch;
    while (!condition()) {
        if (watch.Time() > timeout_ms)
            return false;
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
    return true;
}

wxDialog* ActiveModalDialog() {
    wxDialog* found = nullptr;
    for (wxWindow* w : wxTopLevelWindows) {
        if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal() && d->IsShown())
            found = d;
    }
    return found;
}

void FocusForTyping(wxWindow* window) {
    wxTopLevelWindow* top = dynamic_cast<wxTopLevelWindow*>(wxGetTopLevelParent(window));
    if (top)
        top->Raise();
    wxUIActionSimulator sim;
    const wxRect r = (top ? static_cast<wxWindow*>(top) : window)->GetScreenRect();
    sim.MouseMove(r.x + r.width / 2, r.y + r.height / 2);
    window->SetFocus();
}

ModalScript::ModalScript(std::vector<Step> steps, int tick_ms, int timeout_ms)
    : m_steps(std::move(steps)), m_started(std::chrono::steady_clock::now()),
      m_timeout(timeout_ms) {
    Start(tick_ms);
}

void ModalScript::Notify() {
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - m_started)
                             .count();
    // After the last step the dialog should close by itself; keep watching until it does, so
    // a dialog that ignores the keys fails the test instead of hanging it.
    if (Finished() && !ActiveModalDialog()) {
        Stop();
        return;
    }
    if (elapsed > m_timeout) {
        m_failure = Finished() ? "the dialog stayed open after the last step"
                               : "script timed out at step " + std::to_string(m_next + 1);
        Stop();
        if (wxDialog* d = ActiveModalDialog())
            d->EndModal(wxID_CANCEL);
        return;
    }
    if (!Finished() && m_steps[m_next]())
        ++m_next;
}

int MessageBoxAnswerer::Enter(wxDialog* dialog) {
    if (auto* box = dynamic_cast<wxMessageDialogBase*>(dialog)) {
        const wxString more = box->GetExtendedMessage();
        messages.push_back(more.empty() ? box->GetMessage() : box->GetMessage() + "\n" + more);
        return m_answer;
    }
    return wxID_NONE;
}

Window::Window() : frame(new wxFrame(nullptr, wxID_ANY, "Rapport test")) {
    frame->SetSize(0, 0, 1100, 800);
    frame->Show();
    Pump(100);
}

Window::~Window() {
    frame->Destroy();
    Pump(50);
}

wxTextCtrl* Field(const wxString& name) {
    wxDialog* d = ActiveModalDialog();
    return d ? Find<wxTextCtrl>(d, name) : nullptr;
}

// Waits for the dialog, then puts the keyboard on its customer field.
ModalScript::Step DialogReady(const wxString& first_field) {
    return [first_field] {
        wxTextCtrl* field = Field(first_field);
        if (!field)
            return false;
        if (wxWindow::FindFocus() != field) {
            FocusForTyping(field);
            return false;
        }
        return true;
    };
}

// Types `text` into field `name` with simulated keys, after what it holds; done when the field
// shows `expected` (by default, just `text`).
ModalScript::Step TypeInto(const wxString& name, const wxString& text, const wxString& expected) {
    auto sent = std::make_shared<bool>(false);
    return [name, text, sent, expected] {
        wxTextCtrl* field = Field(name);
        if (!field)
            return false;
        if (!*sent) {
            // Focusing an entry selects its text in GTK: put the cursor at the end to add to it.
            field->SetFocus();
            field->SetInsertionPointEnd();
            wxUIActionSimulator().Text(text.utf8_str());
            *sent = true;
            return false;
        }
        return field->GetValue() == (expected.empty() ? text : expected);
    };
}

// Selects what field `name` holds and types `text` over it.
ModalScript::Step ReplaceText(const wxString& name, const wxString& text) {
    auto sent = std::make_shared<bool>(false);
    return [name, text, sent] {
        wxTextCtrl* field = Field(name);
        if (!field)
            return false;
        if (!*sent) {
            field->SetFocus();
            field->SelectAll();
            wxUIActionSimulator().Text(text.utf8_str());
            *sent = true;
            return false;
        }
        return field->GetValue() == text;
    };
}

ModalScript::Step PressCtrlEnter() {
    return [] {
        wxUIActionSimulator().Char(WXK_RETURN, wxMOD_CONTROL);
        return true;
    };
}

} // namespace rapport::gui::test
