// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saving what a window shows on screen (with any dialog on top of it) to a PNG file, for
// `rapport --screenshot` (documentation, tests, and looking at our own work).
#include <wx/string.h>

class wxWindow;

namespace rapport::gui {

// Copies the screen area of `window` to `file`. Returns false and sets `*error` on failure.
bool CaptureWindowToPng(wxWindow* window, const wxString& file, wxString* error);

} // namespace rapport::gui
