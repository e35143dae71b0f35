// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One place for spacing, headings and the small widgets every view uses, so the views line up.
#include <wx/colour.h>
#include <wx/string.h>

#include <functional>
#include <vector>

class wxWindow;
class wxStaticText;
class wxSizer;
class wxPanel;
class wxDataViewListCtrl;
class wxDatePickerCtrl;
class wxDateTime;

namespace rapport::gui {

// Spacing in device-independent pixels; pass through FromDIP at use.
constexpr int kGap = 6;     // between related controls
constexpr int kSpace = 12;  // between groups, and around a dialog's content
constexpr int kMargin = 18; // around a view's content

// A label in a bigger, bold font: the title of a view or a section.
wxStaticText* MakeHeading(wxWindow* parent, const wxString& text, double scale = 1.5);
wxStaticText* MakeSectionTitle(wxWindow* parent, const wxString& text);
// A quieter line for explanations under a heading.
wxStaticText* MakeNote(wxWindow* parent, const wxString& text);

// One column of a read-only list: its title, its width in DIPs and where its text sits.
struct ColumnSpec {
    wxString title;
    int width;
    wxAlignment align = wxALIGN_LEFT;
};

// The desktop's text scale: 1 at 100 %, 1.5 with text at 150 %.
double TextScale();
// A column's width in pixels: `width` DIPs, chosen to fit its content at 100 % text, grown
// with the text scale, and never narrower than its header's text and padding, so neither
// header nor content is cut at any text size.
int ColumnWidth(wxWindow* list, const wxString& title, int width);

// Appends text columns whose cells are Pango markup (pass plain text through EscapeMarkup)
// and end in "..." when too long. Column `stretch` takes the room the others leave whenever
// the list is resized, so free text gets the space and the figures stay at the right. With
// `multiline`, cells hold several lines ('\n'), each measured and drawn from the font
// (gui/markup_lines_renderer.h where the list is not GTK's own).
void AddColumns(wxDataViewListCtrl* list, const std::vector<ColumnSpec>& columns, int stretch = -1,
                bool multiline = false);

// Over a cell whose text the column cuts short ("..."), the whole text as a tooltip: GTK's list
// and Windows' draw the "..." and offer nothing more. For lists of AddColumns' markup cells;
// not for a list that sets tooltips of its own. Where a view shortens a text before it goes
// into a cell (the first 70 characters of a summary), `whole` gives the whole text of a row
// and model column, shown whenever it says more than the cell; empty where the cell is whole.
using WholeCellText = std::function<wxString(unsigned row, unsigned column)>;
void ShowCutTextAsTip(wxDataViewListCtrl* list, WholeCellText whole = {});

// A date picker (wxDP_DEFAULT | wxDP_SHOWCENTURY unless `style` says otherwise) that shows the
// date as the user's locale writes it; on Windows with two-digit day and month fields
// (gui/windows_locale.h).
wxDatePickerCtrl* NewDatePicker(wxWindow* parent, const wxDateTime& value, long style = -1);

// Colours chosen to work on light and dark themes alike.
wxColour WarningBackground();
wxColour WarningForeground();
wxColour SubtleText();
wxColour OverdueText();

} // namespace rapport::gui
