// The window in German, as a German desktop session starts it (LANGUAGE=de,
// LANG=de_DE.UTF-8: see CMakeLists.txt): the catalog built from po/de.po is found and used by
// the menus, the core's labels and the guide, and dates and amounts are written the German way.
#include "gui_support.h"

#include "gui/format.h"
#include "gui/help_content.h"
#include "gui/help_window.h"
#include "gui/main_frame.h"
#include "gui/screenshot.h"

#include <catch2/catch.hpp>

#include <wx/menu.h>
#include <wx/stockitem.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <cstdlib>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

TEST_CASE("The window in German has translated menus and guide and German dates and amounts") {
    INFO("locale: " << wxUILocale::GetCurrent().GetName().utf8_string()
                    << " (./packaging/dev.sh deps generates de_DE.UTF-8)");
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));

    // What RapportApp::OnInit does, with the build's catalogs instead of the installed ones.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(RAPPORT_LOCALE_DIR);
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->AddStdCatalog();
    REQUIRE(translations->AddCatalog("rapport"));
    CHECK(translations->GetBestTranslation("rapport") == "de");

    CHECK(_("&File") == "&Datei");
    CHECK(Label(Category::delay) == wxString::FromUTF8("Verzögerung"));
    CHECK(Label(ResolutionType::store_credit) == "Gutschrift");
    CHECK(HelpChapters().front().title == "Erste Schritte");
    CHECK(HelpBodyHtml(Settings{}).Contains(wxString::FromUTF8("Umgang mit schwierigen Kunden")));
    // wxWidgets' own catalog (wx3.2-i18n) translates the standard buttons.
    CHECK(wxGetStockLabel(wxID_CANCEL, wxSTOCK_NOFLAGS) == "Abbrechen");

    TempDir dir;
    auto services = MakeServices(dir);
    auto* frame = new MainFrame(*services, {});
    CHECK(frame->GetMenuBar()->GetMenuLabel(0) == "&Datei");
    CHECK(frame->GetMenuBar()->GetMenuLabel(3) == "&Hilfe");
    frame->Destroy();

    const Date pi_day{date::year{2026}, date::month{3}, date::day{14}};
    CHECK(FormatDate(pi_day) == "14.03.2026");
    CHECK(FormatAmount(Money::from_cents(123456)) == "1.234,56");
    CHECK(ParseAmount("1.234,56", "amount").cents == 123456);

    // RAPPORT_SCREENSHOT_DIR=folder keeps a picture of the German guide, to look at it.
    if (const char* folder = std::getenv("RAPPORT_SCREENSHOT_DIR")) {
        ShowHelpWindow(nullptr, Settings{}, "worth");
        Pump(300);
        wxString error;
        auto* guide = wxWindow::FindWindowByName(kHelpWindowName);
        CHECK(CaptureWindowToPng(guide, wxString(folder) + "/guide-de.png", &error));
        guide->Destroy();
    }

    wxTranslations::Set(nullptr);
    Pump(50);
}
