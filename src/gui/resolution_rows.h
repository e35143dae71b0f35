// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Given to make it right" in the log dialog (gui/log_incident_dialog.cpp): a row per
// resolution (what was given, what it cost, whether they accepted it, Remove) and the button
// that adds one. Read back, a saved resolution keeps who offered it and when.
#include "core/records.h"

#include <functional>
#include <vector>

class wxButton;
class wxChoice;
class wxFlexGridSizer;
class wxPanel;
class wxSizer;
class wxSizerItem;
class wxTextCtrl;
class wxWindow;

namespace rapport::gui {

class ResolutionRows {
public:
    // Builds the rows' panel (no rows yet) and the add button in `parent`. `resized` runs when
    // the add or a Remove button made a row come or go: the dialog fits its height to them.
    ResolutionRows(wxWindow* parent, std::function<void()> resized);
    ResolutionRows(const ResolutionRows&) = delete;
    ResolutionRows& operator=(const ResolutionRows&) = delete;

    // The panel with the add button under it, for the dialog's grid.
    wxSizer* sizer() const { return m_column; }

    void Add(const Resolution& r);
    // Removes every row at once (a category's default replaces them).
    void Clear();

    // Whether the owner changed the rows (or they came from a saved incident): a category's
    // default no longer replaces them then.
    bool touched() const { return m_touched; }
    void MarkTouched() { m_touched = true; }

    // Lays the rows out and sets the panel's size hints, before the dialog's own layout.
    void Fit();

    // The rows as resolutions of incident `interaction_id`. A row of a saved resolution keeps
    // its stamp from `saved` (the incident as it was loaded; empty for a new incident): who
    // offered it stays with it through an edit. InputError, the cost field focused and
    // selected, for a cost that is not an amount.
    std::vector<Resolution> Read(Id interaction_id, const std::vector<Resolution>& saved) const;

private:
    struct Row {
        Id id = 0; // the saved resolution it edits, 0 for a new one
        wxChoice* type = nullptr;
        wxTextCtrl* cost = nullptr;
        wxChoice* status = nullptr;
        wxButton* remove = nullptr;
    };

    void Remove(wxButton* which);
    static void Destroy(const Row& row);

    wxWindow* m_parent;
    std::function<void()> m_resized;
    wxSizer* m_column = nullptr;
    wxPanel* m_panel = nullptr;
    wxFlexGridSizer* m_grid = nullptr;
    wxButton* m_add = nullptr;
    wxSizerItem* m_addItem = nullptr;
    std::vector<Row> m_rows;
    bool m_touched = false;
};

} // namespace rapport::gui
