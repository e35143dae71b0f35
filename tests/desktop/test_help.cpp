// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The guide behind Help > Help (F1).
#include "gui_support.h"

#include "gui/format.h"
#include "gui/help_content.h"
#include "gui/help_window.h"
#include "gui/main_frame.h"
#include "gui/screenshot.h"

#include <catch2/catch.hpp>

#include <wx/html/htmlwin.h>
#include <wx/menu.h>
#include <wx/toplevel.h>

#include <cstdlib>
#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

int OpenGuides() {
    int n = 0;
    for (wxWindow* w : wxTopLevelWindows)
        if (w->GetName() == kHelpWindowName && !w->IsBeingDeleted())
            ++n;
    return n;
}

wxHtmlWindow* GuidePage() {
    auto* guide = wxWindow::FindWindowByName(kHelpWindowName);
    return guide ? dynamic_cast<wxHtmlWindow*>(wxWindow::FindWindowByName("help_page", guide))
                 : nullptr;
}

void CloseGuide() {
    if (auto* guide = wxWindow::FindWindowByName(kHelpWindowName))
        guide->Destroy();
    Pump(50);
}

} // namespace

TEST_CASE("F1 opens the guide in its own window and pressing it again brings back the same one") {
    TempDir dir;
    auto services = MakeServices(dir);
    auto* frame = new MainFrame(*services, {});
    frame->Show();
    Pump(100);

    wxMenuItem* item = frame->GetMenuBar()->FindItem(wxID_HELP);
    REQUIRE(item != nullptr);
    const std::unique_ptr<wxAcceleratorEntry> key(item->GetAccel());
    REQUIRE(key != nullptr);
    CHECK(key->GetKeyCode() == WXK_F1);

    REQUIRE(OpenGuides() == 0);
    frame->ProcessCommand(wxID_HELP);
    Pump(200);
    CHECK(OpenGuides() == 1);
    REQUIRE(GuidePage() != nullptr);
    CHECK(GuidePage()->ToText().Contains("Getting started"));
    // The window beside it stays usable: the guide is not modal.
    CHECK(frame->IsEnabled());

    frame->ProcessCommand(wxID_HELP);
    Pump(100);
    CHECK(OpenGuides() == 1);

    // RAPPORT_SCREENSHOT_DIR=folder keeps a picture of the guide, to look at it.
    if (const char* folder = std::getenv("RAPPORT_SCREENSHOT_DIR")) {
        wxString error;
        auto* guide = wxWindow::FindWindowByName(kHelpWindowName);
        guide->SetPosition({0, 0});
        Pump(200);
        CHECK(CaptureWindowToPng(guide, wxString(folder) + "/guide.png", &error));
    }

    CloseGuide();
    frame->Destroy();
    Pump(50);
}

TEST_CASE("The guide has every chapter from getting started to handling a difficult customer") {
    const wxString html = HelpBodyHtml(Settings{});
    const auto chapters = HelpChapters();
    REQUIRE(chapters.size() == 9);
    for (const auto& chapter : chapters) {
        INFO(chapter.anchor);
        CHECK(html.Contains("<a href=\"#" + chapter.anchor + "\">" + chapter.title + "</a>"));
        CHECK(html.Contains("<a name=\"" + chapter.anchor + "\"></a><h2>" + chapter.title));
    }
    CHECK(chapters.front().anchor == "start");
    CHECK(html.Contains("Ctrl+N"));
    CHECK(html.Contains("rapport-cli export accountant"));
    CHECK(html.Contains("rapport-cli restore"));
    CHECK(html.Contains("Costing you: reprice or set limits"));
    CHECK(html.Contains("Know when to hand it on"));
    CHECK(html.Contains("rapport-cli server add-staff"));

    // Shown, the page reads as text with every chapter title in it.
    ShowHelpWindow(nullptr, Settings{});
    Pump(100);
    REQUIRE(GuidePage() != nullptr);
    const wxString text = GuidePage()->ToText();
    for (const auto& chapter : chapters)
        CHECK(text.Contains(chapter.title));
    CloseGuide();
}

TEST_CASE("The guide quotes the owner's own hourly rate and retention and watch ratio") {
    Settings s;
    s.currency = "EUR";
    s.hourly_rate = Money::from_cents(4550);
    s.retention = 0.7;
    s.watch_ratio = 0.4;
    s.horizon_years = 3;
    const wxString html = HelpBodyHtml(s);
    CHECK(html.Contains(FormatMoney(s.hourly_rate, s.currency) + " an hour"));
    CHECK(html.Contains("a 70 % chance each year"));
    CHECK(html.Contains("more than 40 % of what the customer brings"));
    CHECK(html.Contains("the next 3 years"));

    const wxString defaults = HelpBodyHtml(Settings{});
    CHECK(defaults.Contains("a 60 % chance each year"));
    CHECK(defaults.Contains("more than 50 % of what the customer brings"));
    CHECK(defaults.Contains("adds up the next year."));
}

TEST_CASE("A link in the contents scrolls the guide to its chapter") {
    ShowHelpWindow(nullptr, Settings{});
    Pump(150);
    wxHtmlWindow* page = GuidePage();
    REQUIRE(page != nullptr);
    CHECK(page->GetViewStart().y == 0);

    wxHtmlLinkInfo link("#difficult");
    wxHtmlLinkEvent click(page->GetId(), link);
    click.SetEventObject(page);
    page->ProcessWindowEvent(click);
    Pump(100);
    const int difficult = page->GetViewStart().y;
    CHECK(difficult > 0);

    // Opening the guide at a chapter scrolls there too; the keyboard chapter comes later.
    ShowHelpWindow(nullptr, Settings{}, "keys");
    Pump(100);
    CHECK(page->GetViewStart().y > difficult);
    ShowHelpWindow(nullptr, Settings{});
    Pump(100);
    CHECK(page->GetViewStart().y == 0);
    CloseGuide();
}
