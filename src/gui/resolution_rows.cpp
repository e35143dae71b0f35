// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/resolution_rows.h"

#include "core/errors.h"
#include "gui/accessibility.h"
#include "gui/enum_choice.h"
#include "gui/format.h"
#include "gui/ui.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace rapport::gui {

ResolutionRows::ResolutionRows(wxWindow* parent, std::function<void()> resized)
    : m_parent(parent), m_resized(std::move(resized)) {
    m_column = new wxBoxSizer(wxVERTICAL);
    m_panel = new wxPanel(parent);
    m_grid = new wxFlexGridSizer(4, parent->FromDIP(kGap), parent->FromDIP(kGap));
    m_panel->SetSizer(m_grid);
    m_column->Add(m_panel, 0, wxEXPAND);
    auto* add = new wxButton(parent, wxID_ANY, _("&Add what was given"));
    m_add = add;
    add->SetName("add_resolution");
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_touched = true;
        Resolution r;
        r.status = kStatusOfResolutionLoggedNow;
        Add(r);
        m_resized();
        m_rows.back().type->SetFocus();
    });
    m_addItem = m_column->Add(add, 0, wxTOP, 0);
}

void ResolutionRows::Add(const Resolution& r) {
    Row row;
    row.id = r.id;
    const wxString index = wxString::Format("%zu", m_rows.size());
    row.type = new wxChoice(m_panel, wxID_ANY);
    FillChoice(row.type, all_resolution_types());
    row.type->SetSelection(IndexOf(all_resolution_types(), r.type));
    row.type->SetName("resolution_type" + index);
    row.type->SetToolTip(_("What was given"));
    SetAccessibleName(row.type, _("What was given"));
    row.cost = new wxTextCtrl(m_panel, wxID_ANY, r.cost.cents ? FormatAmount(r.cost) : wxString(),
                              wxDefaultPosition, wxSize(m_parent->FromDIP(100), -1), wxTE_RIGHT);
    row.cost->SetHint(FormatAmount(Money{}));
    row.cost->SetName("resolution_cost" + index);
    row.cost->SetToolTip(_("What it cost you"));
    SetAccessibleName(row.cost, _("What it cost you"));
    row.status = new wxChoice(m_panel, wxID_ANY);
    FillChoice(row.status, all_resolution_statuses());
    row.status->SetSelection(IndexOf(all_resolution_statuses(), r.status));
    row.status->SetName("resolution_status" + index);
    row.status->SetToolTip(_("Whether they accepted it"));
    SetAccessibleName(row.status, _("Whether they accepted it"));
    // No Alt+letter: every row has one, so it could not be unique; Tab reaches it.
    row.remove = new wxButton(m_panel, wxID_ANY, _("Remove"), wxDefaultPosition, wxDefaultSize,
                              wxBU_EXACTFIT);
    row.remove->SetName("resolution_remove" + index);
    const auto touched = [this](wxCommandEvent& e) {
        m_touched = true;
        e.Skip();
    };
    row.type->Bind(wxEVT_CHOICE, touched);
    row.cost->Bind(wxEVT_TEXT, touched);
    row.status->Bind(wxEVT_CHOICE, touched);
    wxButton* button = row.remove;
    row.remove->Bind(wxEVT_BUTTON, [this, button](wxCommandEvent&) {
        m_touched = true;
        Remove(button);
    });
    m_grid->Add(row.type, 0, wxALIGN_CENTER_VERTICAL);
    m_grid->Add(row.cost, 0, wxALIGN_CENTER_VERTICAL);
    m_grid->Add(row.status, 0, wxALIGN_CENTER_VERTICAL);
    m_grid->Add(row.remove, 0, wxALIGN_CENTER_VERTICAL);
    m_rows.push_back(row);
}

void ResolutionRows::Destroy(const Row& row) {
    for (wxWindow* w : {static_cast<wxWindow*>(row.type), static_cast<wxWindow*>(row.cost),
                        static_cast<wxWindow*>(row.status), static_cast<wxWindow*>(row.remove)})
        w->Destroy();
}

void ResolutionRows::Clear() {
    for (const Row& row : m_rows)
        Destroy(row);
    m_rows.clear();
}

void ResolutionRows::Remove(wxButton* which) {
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        if (it->remove != which)
            continue;
        // Destroy after this handler returns: the button being clicked is one of them.
        const Row row = *it;
        const std::size_t index = static_cast<std::size_t>(it - m_rows.begin());
        m_rows.erase(it);
        m_panel->CallAfter([this, row, index] {
            Destroy(row);
            m_resized();
            // The Remove button had the keyboard: give it to a neighbour, or Ctrl+Enter and Tab
            // would reach nothing.
            if (index < m_rows.size())
                m_rows[index].type->SetFocus();
            else if (!m_rows.empty())
                m_rows.back().type->SetFocus();
            else
                m_add->SetFocus();
        });
        return;
    }
}

void ResolutionRows::Fit() {
    // The add button sits right under the rows, or level with its label when there are none.
    m_addItem->SetBorder(m_rows.empty() ? 0 : m_parent->FromDIP(kGap));
    m_panel->Layout();
    m_panel->GetSizer()->SetSizeHints(m_panel);
}

std::vector<Resolution> ResolutionRows::Read(Id interaction_id,
                                             const std::vector<Resolution>& saved) const {
    std::vector<Resolution> out;
    for (const Row& row : m_rows) {
        Resolution r;
        r.id = row.id;
        r.interaction_id = interaction_id;
        for (const Resolution& was : saved) // who offered it stays with it through an edit
            if (was.id == row.id && row.id != 0)
                r.added = was.added;
        r.type = ChoiceValue(row.type, all_resolution_types());
        r.status = ChoiceValue(row.status, all_resolution_statuses());
        const wxString cost = row.cost->GetValue().Strip(wxString::both);
        try {
            r.cost = cost.empty() ? Money{} : ParseAmount(cost, _("cost"));
        } catch (const InputError&) {
            row.cost->SetFocus();
            row.cost->SelectAll();
            throw;
        }
        out.push_back(r);
    }
    return out;
}

} // namespace rapport::gui
