// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/help_window.h"

#include "gui/accessibility.h"
#include "gui/help_content.h"

#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/translation.h>
#include <wx/utils.h>

namespace rapport::gui {
namespace {

// wxHtmlWindow draws its own colours; take them from the theme so a dark desktop gets a
// dark guide.
wxString Page(const Settings& settings) {
    const auto colour = [](wxSystemColour which) {
        return wxSystemSettings::GetColour(which).GetAsString(wxC2S_HTML_SYNTAX);
    };
    return "<html><body bgcolor=\"" + colour(wxSYS_COLOUR_WINDOW) + "\" text=\"" +
           colour(wxSYS_COLOUR_WINDOWTEXT) + "\" link=\"" + colour(wxSYS_COLOUR_HOTLIGHT) + "\">" +
           HelpBodyHtml(settings) + "</body></html>";
}

class HelpFrame : public wxFrame {
public:
    HelpFrame(wxWindow* parent, const Settings& settings)
        : wxFrame(parent, wxID_ANY, _("Rapport guide"), wxDefaultPosition, wxDefaultSize,
                  wxDEFAULT_FRAME_STYLE, kHelpWindowName) {
        m_html = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxHW_SCROLLBAR_AUTO, "help_page");
        m_html->SetStandardFonts(GetFont().GetPointSize() + 1);
        // Links inside the guide jump to a chapter; anything else opens in the browser.
        m_html->Bind(wxEVT_HTML_LINK_CLICKED, [this](wxHtmlLinkEvent& e) {
            const wxString href = e.GetLinkInfo().GetHref();
            if (href.StartsWith("#"))
                m_html->LoadPage(href);
            else
                wxLaunchDefaultBrowser(href);
        });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(m_html, 1, wxEXPAND);
        SetSizer(sizer);
        SetPage(settings);

        // Esc and Ctrl+W close the guide, as they would a dialog or a document window.
        wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE},
                                     {wxACCEL_CTRL, 'W', wxID_CLOSE}};
        SetAcceleratorTable(wxAcceleratorTable(2, keys));
        Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);

        SetSize(FromDIP(wxSize(780, 680)));
        if (parent)
            CentreOnParent();
    }

    void SetPage(const Settings& settings) {
        m_html->SetPage(Page(settings));
        // The page is drawn by wx, not by GTK: a screen reader gets its words as the
        // description of the pane, named after the window.
        SetAccessibleRole(m_html, AccessibleRole::text);
        SetAccessibleName(m_html, GetTitle());
        SetAccessibleDescription(m_html, m_html->ToText());
    }
    void ShowChapter(const wxString& chapter) {
        if (chapter.empty())
            m_html->Scroll(0, 0);
        else
            m_html->LoadPage("#" + chapter);
    }
    wxHtmlWindow* Html() { return m_html; }

private:
    wxHtmlWindow* m_html = nullptr;
};

} // namespace

void ShowHelpWindow(wxWindow* parent, const Settings& settings, const wxString& chapter) {
    auto* frame = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName(kHelpWindowName));
    if (!frame)
        frame = new HelpFrame(parent, settings);
    else
        frame->SetPage(settings); // the settings may have changed since it was opened
    frame->Show();
    frame->Raise();
    frame->ShowChapter(chapter);
    frame->Html()->SetFocus(); // arrows and Page Down scroll at once
}

} // namespace rapport::gui
