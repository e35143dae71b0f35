// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/sidebar.h"

#include "gui/accessibility.h"
#include "gui/ui.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace rapport::gui {
namespace {

wxColour Mix(const wxColour& a, const wxColour& b, double t) {
    const auto ch = [t](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(x + (y - x) * t);
    };
    return wxColour(ch(a.Red(), b.Red()), ch(a.Green(), b.Green()), ch(a.Blue(), b.Blue()));
}

wxColour SidebarBackground() {
    const wxColour base = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    return Mix(base, text, 0.06);
}

} // namespace

// One entry: drawn by hand so the highlight spans the whole column like a native sidebar.
class NavItem : public wxPanel {
public:
    NavItem(wxWindow* parent, const wxString& label, std::function<void()> on_click)
        : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
          m_label(label), m_onClick(std::move(on_click)) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        wxFont f = GetFont();
        f.SetFractionalPointSize(f.GetFractionalPointSize() * 1.1);
        SetFont(f);
        // Room for the label in bold (when selected) and a badge beside it: translated labels
        // are longer ("Wiedervorlagen") and the column must grow instead of drawing one over
        // the other.
        const wxFont bold = f.Bold();
        int width = 0;
        GetTextExtent(label, &width, nullptr, nullptr, nullptr, &bold);
        SetMinSize(wxSize(width + FromDIP(22 + 8 + 36 + 18), FromDIP(38)));
        SetName("nav_" + label);
        // For a screen reader an entry of the list of views, read as its label.
        SetAccessibleRole(this, AccessibleRole::list_item);
        SetAccessibleName(this, label);
        SetAccessibleSelected(this, false);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { Paint(); });
        Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) { m_onClick(); });
        Bind(wxEVT_ENTER_WINDOW, [this](wxMouseEvent&) {
            m_hover = true;
            Refresh();
        });
        Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
            m_hover = false;
            Refresh();
        });
        SetCursor(wxCursor(wxCURSOR_HAND));
        // Nor for GTK, whose arrow-key focus moves would otherwise land on the entries.
        SetCanFocus(false);
    }

    // Only the column takes the keyboard; a click on an entry gives it to the column.
    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }

    void SetSelected(bool selected) {
        m_selected = selected;
        SetAccessibleSelected(this, selected);
        Refresh();
    }
    void SetBadge(const wxString& badge) {
        m_badge = badge;
        // The count drawn beside the label is heard with it: "Follow-ups, 3 overdue".
        SetAccessibleName(
            this, badge.empty() ? m_label : wxString::Format(_("%s, %s overdue"), m_label, badge));
        Refresh();
    }

private:
    void Paint() {
        wxAutoBufferedPaintDC dc(this);
        const wxSize size = GetClientSize();
        const wxColour back = SidebarBackground();
        dc.SetBackground(wxBrush(back));
        dc.Clear();
        const wxColour accent = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
        if (m_selected || m_hover) {
            const wxColour fill = m_selected ? Mix(back, accent, 0.22) : Mix(back, accent, 0.08);
            dc.SetBrush(wxBrush(fill));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRoundedRectangle(FromDIP(8), FromDIP(2), size.x - FromDIP(16),
                                    size.y - FromDIP(4), FromDIP(6));
        }
        // With the keyboard in the column, the chosen entry shows a focus ring.
        if (m_selected && FindFocus() == GetParent()) {
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.SetPen(wxPen(accent, FromDIP(2)));
            dc.DrawRoundedRectangle(FromDIP(8), FromDIP(2), size.x - FromDIP(16),
                                    size.y - FromDIP(4), FromDIP(6));
        }
        wxFont f = GetFont();
        if (m_selected)
            f.MakeBold();
        dc.SetFont(f);
        dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
        const wxSize text = dc.GetTextExtent(m_label);
        dc.DrawText(m_label, FromDIP(22), (size.y - text.y) / 2);
        if (!m_badge.empty()) {
            dc.SetFont(GetFont().Smaller().Bold());
            const wxSize b = dc.GetTextExtent(m_badge);
            const int w = std::max(b.x + FromDIP(12), FromDIP(24));
            const int h = b.y + FromDIP(4);
            const int x = size.x - FromDIP(18) - w;
            const int y = (size.y - h) / 2;
            dc.SetBrush(wxBrush(OverdueText()));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRoundedRectangle(x, y, w, h, h / 2.0);
            dc.SetTextForeground(*wxWHITE);
            dc.DrawText(m_badge, x + (w - b.x) / 2, y + (h - b.y) / 2);
        }
    }

    wxString m_label;
    wxString m_badge;
    std::function<void()> m_onClick;
    bool m_selected = false;
    bool m_hover = false;
};

Sidebar::Sidebar(wxWindow* parent, const wxString& subtitle, std::function<void(int)> on_select)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxWANTS_CHARS),
      m_onSelect(std::move(on_select)) {
    SetName("sidebar");
    SetToolTip(_("Views: Up and Down switch between them, as do Ctrl+1 to Ctrl+4"));
    // A screen reader hears a list of the views, each entry by its name, the current one
    // selected; the tooltip above is what it reads as the list's description.
    SetAccessibleRole(this, AccessibleRole::list);
    SetAccessibleName(this, _("Views"));
    SetAccessibleDescription(this, _("Up and Down switch between them, as do Ctrl+1 to Ctrl+4"));
    SetBackgroundColour(SidebarBackground());
    Bind(wxEVT_KEY_DOWN, &Sidebar::OnKey, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        RefreshItems();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        RefreshItems();
        e.Skip();
    });
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = MakeHeading(this, _("Rapport"), 1.5);
    top->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(22));
    auto* sub = MakeNote(this, subtitle);
    sub->SetName("sidebar_subtitle");
    sub->Wrap(FromDIP(150));
    top->Add(sub, 0, wxLEFT | wxRIGHT, FromDIP(22));
    top->AddSpacer(FromDIP(kSpace * 2));
    m_itemSizer = new wxBoxSizer(wxVERTICAL);
    top->Add(m_itemSizer, 0, wxEXPAND);
    top->AddStretchSpacer();
    SetSizer(top);
    SetMinSize(wxSize(FromDIP(180), -1));
}

int Sidebar::Add(const wxString& label) {
    const int index = static_cast<int>(m_items.size());
    auto* item = new NavItem(this, label, [this, index] {
        if (m_onSelect)
            m_onSelect(index);
        SetFocus();
    });
    m_items.push_back(item);
    m_itemSizer->Add(item, 0, wxEXPAND | wxBOTTOM, FromDIP(2));
    // The column is as wide as its widest entry needs, and never narrower than it was.
    SetMinSize(wxSize(std::max(GetMinSize().x, item->GetMinSize().x), -1));
    // A panel lets GTK focus it only while it has no children; this one keeps the keyboard.
    SetCanFocus(true);
    return index;
}

void Sidebar::Select(int index) {
    m_selected = index;
    for (std::size_t i = 0; i < m_items.size(); ++i)
        m_items[i]->SetSelected(static_cast<int>(i) == index);
}

void Sidebar::RefreshItems() {
    for (NavItem* item : m_items)
        item->Refresh();
}

void Sidebar::OnKey(wxKeyEvent& e) {
    const int count = static_cast<int>(m_items.size());
    int next = m_selected;
    switch (e.GetKeyCode()) {
    case WXK_UP:
    case WXK_NUMPAD_UP:
        next = std::max(0, m_selected - 1);
        break;
    case WXK_DOWN:
    case WXK_NUMPAD_DOWN:
        next = std::min(count - 1, m_selected + 1);
        break;
    case WXK_HOME:
    case WXK_NUMPAD_HOME:
        next = 0;
        break;
    case WXK_END:
    case WXK_NUMPAD_END:
        next = count - 1;
        break;
    default:
        e.Skip(); // Tab and the rest: the window's own navigation
        return;
    }
    if (next != m_selected && next >= 0 && m_onSelect)
        m_onSelect(next);
}

void Sidebar::SetBadge(int index, const wxString& badge) {
    if (index >= 0 && index < static_cast<int>(m_items.size()))
        m_items[static_cast<std::size_t>(index)]->SetBadge(badge);
}

} // namespace rapport::gui
