// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The navigation column on the left of the main window: the app name and one entry per view,
// the current one highlighted, with an optional count beside it (overdue follow-ups). It is one
// stop in the window's tab order: Up, Down, Home and End switch views from the keyboard.
#include <wx/panel.h>

#include <functional>
#include <vector>

class wxStaticText;

namespace rapport::gui {

class NavItem;

class Sidebar : public wxPanel {
public:
    Sidebar(wxWindow* parent, const wxString& subtitle, std::function<void(int)> on_select);

    int Add(const wxString& label);
    void Select(int index);
    void SetBadge(int index, const wxString& badge);
    int Selection() const { return m_selected; }

    // The column itself takes the focus, not its entries (drawn panels with no keyboard).
    bool AcceptsFocus() const override { return true; }
    bool AcceptsFocusFromKeyboard() const override { return true; }

private:
    void OnKey(wxKeyEvent& e);
    void RefreshItems();

    int m_selected = -1;
    std::function<void(int)> m_onSelect;
    std::vector<NavItem*> m_items;
    wxSizer* m_itemSizer = nullptr;
};

} // namespace rapport::gui
