// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/help_desktop.h"

#include <wx/artprov.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#ifndef _WIN32
#include <dlfcn.h>
#endif

namespace rapport::gui {

void SetDesktopProgramName() {
#ifndef _WIN32 // GLib names the program for the desktop; Windows takes the .exe's resources
    // g_set_prgname is GLib's, already loaded with GTK; looking it up at run time spares a
    // build dependency on the GLib headers for this one call.
    using SetPrgname = void (*)(const char*);
    if (auto* set = reinterpret_cast<SetPrgname>(dlsym(RTLD_DEFAULT, "g_set_prgname")))
        set(RAPPORT_APP_ID);
#endif
}

void AddCatalogLookupPaths() {
    const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    wxFileName installed = wxFileName::DirName(exe.GetPath());
    installed.RemoveLastDir();
    installed.AppendDir("share");
    installed.AppendDir("locale");
    if (installed.DirExists())
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(installed.GetPath());
    wxFileName uninstalled = wxFileName::DirName(exe.GetPath());
    uninstalled.AppendDir("locale");
    if (uninstalled.DirExists())
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(uninstalled.GetPath());
}

wxIconBundle AppIcons() {
#ifdef _WIN32
    // Every size of the icon resource "rapport" in the .exe (packaging/windows/rapport.rc.in).
    return wxIconBundle("rapport", nullptr);
#else
    // wxGTK's art provider looks ids it does not know up as icon names in the GTK icon theme.
    return wxArtProvider::GetIconBundle(RAPPORT_APP_ID, wxART_FRAME_ICON);
#endif
}

} // namespace rapport::gui
