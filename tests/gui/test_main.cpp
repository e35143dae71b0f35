// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI tests run the real views and dialogs under a display (xvfb-run in CI): wxWidgets is
// started once, then Catch runs the tests with an event loop active so timers and simulated
// input are delivered.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>

#include <cstdio>

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

} // namespace

int main(int argc, char** argv) {
    wxApp::SetInstance(new TestApp);
    int wx_argc = 1;
    char* wx_argv[] = {argv[0], nullptr};
    if (!wxEntryStart(wx_argc, wx_argv)) {
        std::fprintf(stderr, "These tests need a display; run them under xvfb-run -a.\n");
        return 1;
    }
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    wxTheApp->SetAppName("rapport-tests");
    wxUILocale::UseDefault();
    wxTheApp->CallOnInit();
    int rc = 0;
    {
        wxEventLoopGuarantor loop;
        rc = Catch::Session().run(argc, argv);
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return rc;
}
