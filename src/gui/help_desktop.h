// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the program presents itself to the desktop: its GTK program name (the application id, so
// the launcher, the taskbar and the window match up), where its translations are found, and
// its icon from the installed theme.
#include <wx/iconbndl.h>

namespace rapport::gui {

// Sets the GTK program name to RAPPORT_APP_ID. Call before wxWidgets starts GTK (in the wxApp
// constructor): GTK reads it once, for WM_CLASS on X11 and the app id on Wayland.
void SetDesktopProgramName();

// Lets wxTranslations find rapport.mo next to the program: <bin>/../share/locale (installed
// under any prefix, or unpacked with dpkg -x) and <bin>/locale (the build tree). Call before
// wxTranslations::AddCatalog.
void AddCatalogLookupPaths();

// The window icon in every size the icon theme has (empty when Rapport is not installed).
wxIconBundle AppIcons();

} // namespace rapport::gui
