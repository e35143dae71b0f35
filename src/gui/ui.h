#pragma once
// One place for spacing, headings and the small widgets every view uses, so the views line up.
#include <wx/colour.h>
#include <wx/string.h>

class wxWindow;
class wxStaticText;
class wxSizer;
class wxPanel;
class wxDataViewCtrl;

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

// Makes `column` of `list` take the width the other columns leave whenever the list is resized,
// so the column with free text is wide and the figures stay together at the right. The other
// columns keep the widths they have when this is called.
void StretchColumn(wxDataViewCtrl* list, unsigned column);

// Colours chosen to work on light and dark themes alike.
wxColour WarningBackground();
wxColour WarningForeground();
wxColour SubtleText();
wxColour OverdueText();

} // namespace rapport::gui
