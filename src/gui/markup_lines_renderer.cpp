// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/markup_lines_renderer.h"

#include <wx/control.h>
#include <wx/dc.h>
#include <wx/settings.h>

#include <algorithm>
#include <cstring>

namespace rapport::gui {
namespace {

// "&amp;" and the others EscapeMarkup writes; anything else is kept as it is.
wxString Unescape(const wxString& text) {
    if (text.Find('&') == wxNOT_FOUND)
        return text;
    wxString out;
    for (std::size_t i = 0; i < text.length(); ++i) {
        if (text[i] == '&') {
            static const struct {
                const char* entity;
                char ch;
            } kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&apos;", '\''}, {"&quot;", '"'}};
            bool done = false;
            for (const auto& e : kEntities) {
                if (text.compare(i, std::strlen(e.entity), e.entity) == 0) {
                    out += e.ch;
                    i += std::strlen(e.entity) - 1;
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        out += text[i];
    }
    return out;
}

// The colour of a <span foreground='...'> tag, if it has one.
wxColour SpanColour(const wxString& tag) {
    const int at = tag.Find("foreground=");
    if (at == wxNOT_FOUND || static_cast<std::size_t>(at) + 12 > tag.length())
        return wxColour();
    const wxUniChar quote = tag[static_cast<std::size_t>(at) + 11];
    const wxString rest = tag.Mid(static_cast<std::size_t>(at) + 12);
    const int end = rest.Find(quote);
    return end == wxNOT_FOUND ? wxColour() : wxColour(rest.Left(static_cast<std::size_t>(end)));
}

struct Style {
    bool bold = false;
    wxColour colour;
};

} // namespace

std::vector<MarkupLine> ParseMarkupLines(const wxString& markup) {
    std::vector<MarkupLine> lines(1);
    std::vector<Style> styles{Style{}};
    wxString text;
    const auto flush = [&] {
        if (!text.empty())
            lines.back().push_back(
                MarkupRun{Unescape(text), styles.back().bold, styles.back().colour});
        text.clear();
    };
    for (std::size_t i = 0; i < markup.length(); ++i) {
        const wxUniChar c = markup[i];
        if (c == '\n') {
            flush();
            lines.emplace_back();
        } else if (c == '<') {
            const std::size_t end = markup.find('>', i);
            if (end == wxString::npos) {
                text += markup.Mid(i);
                break;
            }
            flush();
            const wxString tag = markup.Mid(i + 1, end - i - 1);
            if (tag.StartsWith("/")) {
                if (styles.size() > 1)
                    styles.pop_back();
            } else {
                Style s = styles.back();
                const wxColour colour = SpanColour(tag);
                if (tag == "b")
                    s.bold = true;
                else if (tag.StartsWith("span") && colour.IsOk())
                    s.colour = colour;
                styles.push_back(s);
            }
            i = end;
        } else {
            text += c;
        }
    }
    flush();
    return lines;
}

MarkupLinesRenderer::MarkupLinesRenderer(wxAlignment align)
    : wxDataViewCustomRenderer("string", wxDATAVIEW_CELL_INERT, align) {}

bool MarkupLinesRenderer::SetValue(const wxVariant& value) {
    m_markup = value.GetString();
    m_lines = ParseMarkupLines(m_markup);
    return true;
}

bool MarkupLinesRenderer::GetValue(wxVariant& value) const {
    value = m_markup;
    return true;
}

wxSize MarkupLinesRenderer::GetSize() const {
    const wxWindow* view = GetView();
    const wxFont normal = view->GetFont();
    const wxFont bold = normal.Bold();
    int line_height = 0;
    view->GetTextExtent("Ag", nullptr, &line_height, nullptr, nullptr, &normal);
    wxSize size(0, 0);
    for (const MarkupLine& line : m_lines) {
        int width = 0;
        for (const MarkupRun& run : line) {
            int w = 0;
            view->GetTextExtent(run.text, &w, nullptr, nullptr, nullptr,
                                run.bold ? &bold : &normal);
            width += w;
        }
        size.x = std::max(size.x, width);
        size.y += line_height;
    }
    return size;
}

bool MarkupLinesRenderer::Render(wxRect cell, wxDC* dc, int state) {
    const wxWindow* view = GetView();
    const wxFont normal = view->GetFont();
    const wxFont bold = normal.Bold();
    const wxColour selected = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT);
    const wxColour plain = wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT);
    const wxSize size = GetSize();
    const int line_height = m_lines.empty() ? 0 : size.y / static_cast<int>(m_lines.size());
    wxDCClipper clip(*dc, cell);
    int y = cell.y + std::max(0, (cell.height - size.y) / 2);
    for (const MarkupLine& line : m_lines) {
        int width = 0;
        for (const MarkupRun& run : line) {
            dc->SetFont(run.bold ? bold : normal);
            width += dc->GetTextExtent(run.text).x;
        }
        int x = cell.x;
        if ((GetEffectiveAlignment() & wxALIGN_RIGHT) && width < cell.width)
            x = cell.GetRight() + 1 - width;
        for (const MarkupRun& run : line) {
            dc->SetFont(run.bold ? bold : normal);
            dc->SetTextForeground((state & wxDATAVIEW_CELL_SELECTED) ? selected
                                  : run.colour.IsOk()                ? run.colour
                                                                     : plain);
            const int room = cell.GetRight() + 1 - x;
            const int w = dc->GetTextExtent(run.text).x;
            if (w <= room) {
                dc->DrawText(run.text, x, y);
                x += w;
                continue;
            }
            // The rest of the line does not fit: this run ends in "..." and the line here.
            dc->DrawText(wxControl::Ellipsize(run.text, *dc, wxELLIPSIZE_END, room), x, y);
            break;
        }
        y += line_height;
    }
    return true;
}

} // namespace rapport::gui
