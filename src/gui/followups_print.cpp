// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/followups_print.h"

#include "gui/accessibility.h"
#include "gui/contact_profile_ui.h"
#include "gui/format.h"

#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/html/htmprint.h>
#include <wx/print.h>
#include <wx/textctrl.h>

namespace rapport::gui {
namespace {

wxString Html(const wxString& text) {
    wxString s = text;
    s.Replace("&", "&amp;");
    s.Replace("<", "&lt;");
    s.Replace(">", "&gt;");
    s.Replace("\n", "<br>");
    return s;
}

wxString LongDay(Date d) {
    return FormatDayMonth(d);
}

// One follow-up as a table row; the empty first cell is the box the owner ticks with a pen.
wxString Row(const store::FollowUpItem& item, bool with_date, std::string_view currency) {
    wxString row = "<tr valign=top><td width=3%>&#9744;</td>";
    if (with_date)
        row += "<td width=12%>" + Html(FormatDate(item.follow_up.due)) + "</td>";
    // How to reach them under the name: the printed list is what the owner calls from.
    row += "<td width=18%><b>" + Html(Wx(item.customer_name)) + "</b>";
    for (const std::string& contact : {item.customer_phone, item.customer_email})
        if (!contact.empty())
            row += "<br>" + Html(Wx(contact));
    if (const wxString profile = ProfileLine(item.customer_prefers); !profile.empty())
        row += "<br><i>" + Html(profile) + "</i>";
    row += "</td>";
    if (item.interaction_id == 0) // a call to a customer with no incident: its note says why
        return row + "<td>" + Html(Wx(item.follow_up.note)) + "</td><td></td><td></td></tr>";
    row += "<td>" + Html(Wx(item.summary)) + "</td>";
    row += "<td width=20%>" + Html(FormatOfferedResolutions(item.resolutions, currency)) + "</td>";
    row += "<td width=20%>" + Html(Wx(item.follow_up.note)) + "</td></tr>";
    return row;
}

wxString TableHead(bool with_date) {
    wxString head = "<tr><td></td>";
    if (with_date)
        head += "<td><font color=#555555>" + Html(_("Due")) + "</font></td>";
    for (const wxString& title : {_("Customer"), _("Incident"), _("Offered"), _("Note")})
        head += "<td><font color=#555555>" + Html(title) + "</font></td>";
    return head + "</tr>";
}

} // namespace

wxString WeeklyReviewHtml(const store::FollowUpAgenda& agenda, const wxString& business,
                          std::string_view currency) {
    wxString html = "<html><body><font size=2>";
    wxString title = _("Follow-ups");
    if (!business.empty())
        title = business + " - " + title;
    html += "<h3>" + Html(title) + "</h3>";
    if (agenda.week) {
        const auto& w = *agenda.week;
        html += "<p><b>" + Html(wxString::Format(_("Week %s"), Wx(format_week(w.id)))) +
                "</b>: " + Html(FormatDate(w.first)) + " - " + Html(FormatDate(w.last)) + ". " +
                Html(wxString::Format(_("Printed %s."), FormatDate(agenda.today))) + "</p>";
    }
    if (!agenda.overdue.empty()) {
        html += "<p><font size=3 color=#b00020><b>" +
                Html(wxString::Format(_("Overdue (%zu)"), agenda.overdue.size())) +
                "</b></font></p>";
        html += "<table width=100% cellspacing=0 cellpadding=3 border=1>" + TableHead(true);
        for (const auto& item : agenda.overdue)
            html += Row(item, true, currency);
        html += "</table>";
    }
    if (agenda.week) {
        for (Date d = agenda.week->first; d <= agenda.week->last; d = add_days(d, 1)) {
            // Headings in the body's size: the wxHTML h4 is big italic and wastes the page.
            html += "<p><font size=3><b>" + Html(LongDay(d)) + "</b></font>";
            wxString rows;
            for (const auto& item : agenda.week_items)
                if (item.follow_up.due == d)
                    rows += Row(item, false, currency);
            html += rows.empty() ? "&nbsp;&nbsp;<font color=#555555>" + Html(_("nothing due")) +
                                       "</font></p>"
                                 : wxString("</p>");
            if (!rows.empty())
                html += "<table width=100% cellspacing=0 cellpadding=3 border=1>" +
                        TableHead(false) + rows + "</table>";
        }
    }
    return html + "</font></body></html>";
}

wxBitmap RenderPrintPage(const wxString& html, int page, int* pages) {
    // A4 at 96 dpi; wxHtmlPrintout keeps its own margins (25 mm top and bottom, 20 mm sides).
    const int width = 794, height = 1123;
    wxBitmap bitmap(width, height);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    wxHtmlPrintout printout(_("Follow-ups"));
    printout.SetHtmlText(html);
    printout.SetFooter(_("Page @PAGENUM@ of @PAGESCNT@"));
    printout.SetDC(&dc);
    printout.SetPageSizePixels(width, height);
    printout.SetPageSizeMM(210, 297);
    printout.SetPPIScreen(96, 96);
    printout.SetPPIPrinter(96, 96);
    printout.SetPaperRectPixels(wxRect(0, 0, width, height));
    printout.OnPreparePrinting();
    int first = 0, last = 0, from = 0, to = 0;
    printout.GetPageInfo(&first, &last, &from, &to);
    if (pages)
        *pages = last;
    if (printout.HasPage(page))
        printout.OnPrintPage(page);
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

void NamePreviewControls() {
    for (wxWindow* top : wxTopLevelWindows) {
        auto* preview = dynamic_cast<wxPreviewFrame*>(top);
        if (!preview || !preview->GetControlBar())
            continue;
        for (wxWindow* child : preview->GetControlBar()->GetChildren()) {
            if (dynamic_cast<wxTextCtrl*>(child)) {
                SetAccessibleName(child, _("Page number"));
                continue;
            }
            if (!dynamic_cast<wxButton*>(child) || !child->GetLabel().empty())
                continue;
            switch (child->GetId()) {
            case wxID_PREVIEW_PRINT:
                SetAccessibleName(child, _("Print"));
                break;
            case wxID_PREVIEW_FIRST:
                SetAccessibleName(child, _("First page"));
                break;
            case wxID_PREVIEW_PREVIOUS:
                SetAccessibleName(child, _("Previous page"));
                break;
            case wxID_PREVIEW_NEXT:
                SetAccessibleName(child, _("Next page"));
                break;
            case wxID_PREVIEW_LAST:
                SetAccessibleName(child, _("Last page"));
                break;
            case wxID_PREVIEW_ZOOM_IN:
                SetAccessibleName(child, _("Zoom in"));
                break;
            case wxID_PREVIEW_ZOOM_OUT:
                SetAccessibleName(child, _("Zoom out"));
                break;
            default:
                break;
            }
        }
        if (wxPrintPreviewBase* print = preview->GetControlBar()->GetPrintPreview())
            if (wxWindow* canvas = print->GetCanvas())
                SetAccessibleName(canvas, preview->GetTitle());
    }
}

} // namespace rapport::gui
