// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screenshot.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

namespace rapport::gui {

bool CaptureWindowToPng(wxWindow* window, const wxString& file, wxString* error) {
    wxInitAllImageHandlers();
    const wxRect rect = window->GetScreenRect();
    if (rect.width <= 0 || rect.height <= 0) {
        if (error)
            *error = "the window has no size on screen";
        return false;
    }
    // Copy from the screen rather than asking widgets to paint into a bitmap: native GTK
    // widgets only draw themselves on screen.
    wxScreenDC screen;
    wxBitmap bitmap(rect.width, rect.height, 24);
    {
        wxMemoryDC memory(bitmap);
        if (!memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y)) {
            if (error)
                *error = "the screen could not be read";
            return false;
        }
    }
    if (!bitmap.ConvertToImage().SaveFile(file, wxBITMAP_TYPE_PNG)) {
        if (error)
            *error = "the file could not be written";
        return false;
    }
    return true;
}

} // namespace rapport::gui
