// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A list cell of several lines of the little markup the views write (<b>, <span
// foreground='#rrggbb'>, the entities of EscapeMarkup), measured and drawn line by line with the
// list's font. GTK's native renderer does this itself; wxWidgets' generic one (Windows) draws
// markup on one line and measures one line, so a customer's history there ran its lines into
// each other ("severity 2Discount") in rows a line high.
#include <wx/colour.h>
#include <wx/dataview.h>
#include <wx/string.h>

#include <vector>

namespace rapport::gui {

struct MarkupRun {
    wxString text;
    bool bold = false;
    wxColour colour; // not Ok: the list's text colour
};
using MarkupLine = std::vector<MarkupRun>;

// The lines of `markup` ('\n' ends a line), each as runs of plain text.
std::vector<MarkupLine> ParseMarkupLines(const wxString& markup);

class MarkupLinesRenderer : public wxDataViewCustomRenderer {
public:
    explicit MarkupLinesRenderer(wxAlignment align = wxALIGN_LEFT);
    bool SetValue(const wxVariant& value) override;
    bool GetValue(wxVariant& value) const override;
    // Every line's height from the font; the widest line's width.
    wxSize GetSize() const override;
    bool Render(wxRect cell, wxDC* dc, int state) override;

private:
    wxString m_markup;
    std::vector<MarkupLine> m_lines;
};

} // namespace rapport::gui
