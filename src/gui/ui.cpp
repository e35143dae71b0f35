// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ui.h"

#include "gui/markup_lines_renderer.h"
#include "gui/windows_locale.h"

#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <algorithm>
#include <cmath>
#include <memory>

#ifdef __WXGTK__
#include <gdk/gdk.h>
#endif

namespace rapport::gui {
namespace {

bool dark_theme() {
    return wxSystemSettings::GetAppearance().IsDark();
}

} // namespace

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text, double scale) {
    // Labels show data (names, amounts): '&' is a character, not a keyboard mnemonic.
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    label->SetLabelText(text);
    wxFont font = label->GetFont();
    font.SetFractionalPointSize(font.GetFractionalPointSize() * scale);
    font.MakeBold();
    label->SetFont(font);
    // GTK measures a label in a page not yet shown with its old font; the sizer would keep
    // that smaller size and the heading would wrap out of sight ("By" of "By category").
    if (!text.empty())
        label->SetMinSize(label->GetTextExtent(text));
    return label;
}

wxStaticText* MakeSectionTitle(wxWindow* parent, const wxString& text) {
    return MakeHeading(parent, text, 1.15);
}

wxStaticText* MakeNote(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    label->SetLabelText(text);
    label->SetForegroundColour(SubtleText());
    return label;
}

double TextScale() {
#ifdef __WXGTK__
    // GTK's font resolution: 96 dots per inch at 100 %, times the desktop's text scale
    // (GNOME's "Large Text", GDK_DPI_SCALE).
    if (GdkScreen* screen = gdk_screen_get_default()) {
        const double dpi = gdk_screen_get_resolution(screen);
        if (dpi > 0)
            return std::max(1.0, dpi / 96.0);
    }
#endif
    return 1.0;
}

int ColumnWidth(wxWindow* list, const wxString& title, int width) {
    // Headers are drawn bold in some themes; the padding is the header's own and a sort arrow.
    const wxFont bold = list->GetFont().Bold();
    int header = 0, height = 0;
    list->GetTextExtent(title, &header, &height, nullptr, nullptr, &bold);
    header += list->FromDIP(30);
    return std::max(header, static_cast<int>(std::lround(list->FromDIP(width) * TextScale())));
}

void AddColumns(wxDataViewListCtrl* list, const std::vector<ColumnSpec>& columns, int stretch,
                bool multiline) {
#ifdef __WXGTK__
    multiline = false; // GTK's own markup renderer draws and measures several lines
#endif
    int others = 0;
    std::vector<int> widths;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ColumnSpec& spec = columns[i];
        wxDataViewRenderer* renderer = nullptr;
        if (multiline) {
            renderer = new MarkupLinesRenderer(spec.align);
        } else {
            auto* text = new wxDataViewTextRenderer("string", wxDATAVIEW_CELL_INERT, spec.align);
            text->EnableMarkup();
            text->EnableEllipsize(wxELLIPSIZE_END);
            renderer = text;
        }
        widths.push_back(ColumnWidth(list, spec.title, spec.width));
        list->AppendColumn(new wxDataViewColumn(spec.title, renderer, list->GetColumnCount(),
                                                widths.back(), spec.align,
                                                wxDATAVIEW_COL_RESIZABLE));
        if (static_cast<int>(i) != stretch)
            others += widths.back();
    }
    if (stretch < 0 || stretch >= static_cast<int>(columns.size()))
        return;
    // The widths as created, not as GTK reports them: it only knows them once drawn, and
    // reports the last column widened to fill the row.
    // When the others leave less than its preset width (long German headers at 1280 pixels),
    // it gives way, its text and even its header ending in "...", down to 70 DIPs, rather than
    // push the last column out of sight: a list that scrolls sideways hides the column at the
    // end.
    const int minimum = std::min(widths[static_cast<std::size_t>(stretch)], list->FromDIP(70));
    const unsigned column = static_cast<unsigned>(stretch);
    list->Bind(wxEVT_SIZE, [list, column, others, minimum](wxSizeEvent& e) {
        e.Skip();
        // Leave room for a vertical scroll bar so no horizontal one appears.
        const int room = list->GetClientSize().x - others -
                         wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, list) - list->FromDIP(4);
        const int width = std::max(minimum, room);
        wxDataViewColumn* c = list->GetColumn(column);
        if (c->GetWidth() != width)
            c->SetWidth(width);
    });
}

wxDatePickerCtrl* NewDatePicker(wxWindow* parent, const wxDateTime& value, long style) {
    auto* picker = new wxDatePickerCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize,
                                        style == -1 ? wxDP_DEFAULT | wxDP_SHOWCENTURY : style);
#ifdef _WIN32
    windows_locale::FitDatePickerFields(picker);
#endif
    return picker;
}

wxColour WarningBackground() {
    return dark_theme() ? wxColour(92, 70, 20) : wxColour(255, 243, 205);
}

wxColour WarningForeground() {
    return dark_theme() ? wxColour(255, 236, 179) : wxColour(102, 77, 3);
}

wxColour SubtleText() {
    return dark_theme() ? wxColour(170, 170, 170) : wxColour(100, 100, 100);
}

wxColour OverdueText() {
    return dark_theme() ? wxColour(255, 138, 128) : wxColour(176, 0, 32);
}

void ShowCutTextAsTip(wxDataViewListCtrl* list, WholeCellText whole) {
    struct Hovered {
        int row = -1;
        int column = -1;
    };
    auto hovered = std::make_shared<Hovered>();
    wxWindow* rows = list->GetMainWindow();
    rows->Bind(wxEVT_MOTION, [list, rows, hovered, whole](wxMouseEvent& e) {
        e.Skip();
        // HitTest takes the list's coordinates, header included, and the event has the rows'
        // (today_view.cpp): the pointer's place on screen is the same for both.
        wxDataViewItem item;
        wxDataViewColumn* column = nullptr;
        list->HitTest(list->ScreenToClient(wxGetMousePosition()), item, column);
        const int row = item.IsOk() ? list->ItemToRow(item) : -1;
        const int model_column = column ? static_cast<int>(column->GetModelColumn()) : -1;
        if (row == hovered->row && model_column == hovered->column)
            return;
        *hovered = {row, model_column};
        wxString tip;
        if (row >= 0 && model_column >= 0) {
            const auto r = static_cast<unsigned>(row);
            const auto c = static_cast<unsigned>(model_column);
            wxVariant value;
            list->GetValue(value, r, c);
            // The cell's lines as plain text, and whether one is wider than the column less
            // the cell's padding (bold where it is bold).
            wxString shown;
            bool cut = false;
            if (value.GetType() == "string") {
                const wxFont normal = list->GetFont();
                const wxFont bold = normal.Bold();
                const int room = column->GetWidth() - list->FromDIP(8);
                for (const MarkupLine& line : ParseMarkupLines(value.GetString())) {
                    int width = 0;
                    wxString text;
                    for (const MarkupRun& run : line) {
                        int w = 0;
                        list->GetTextExtent(run.text, &w, nullptr, nullptr, nullptr,
                                            run.bold ? &bold : &normal);
                        width += w;
                        text += run.text;
                    }
                    cut = cut || width > room;
                    shown += (shown.empty() ? "" : "\n") + text;
                }
            }
            const wxString all = whole ? whole(r, c) : wxString();
            if (!all.empty() && (cut || all != shown))
                tip = all;
            else if (cut)
                tip = shown;
        }
        if (tip.empty())
            rows->UnsetToolTip();
        else
            rows->SetToolTip(tip);
    });
    rows->Bind(wxEVT_LEAVE_WINDOW, [hovered](wxMouseEvent& e) {
        e.Skip();
        *hovered = {};
    });
}

} // namespace rapport::gui
