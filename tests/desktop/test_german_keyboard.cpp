// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Alt+letters of every dialog in German: the translations carry their own letters
// (po/de.po), so they are checked for clashes and pressed like the English ones.
#include "gui_support.h"
#include "keyboard_checks.h"

#include <catch2/catch.hpp>

#include <wx/translation.h>

using namespace rapport::gui::test;

TEST_CASE("In German every field label of every dialog has its own Alt+letter and it reaches the "
          "field") {
    // What RapportApp::OnInit does, with the build's catalogs instead of the installed ones.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(RAPPORT_LOCALE_DIR);
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->AddStdCatalog();
    REQUIRE(translations->AddCatalog("rapport"));
    REQUIRE(translations->GetBestTranslation("rapport") == "de");
    REQUIRE(wxGetTranslation("C&ustomer:") == "&Kunde:");

    TempDir dir;
    const auto problems = WalkEveryDialog(dir);
    wxTranslations::Set(nullptr);
    for (const auto& p : problems)
        UNSCOPED_INFO(p);
    CHECK(problems.empty());
}
