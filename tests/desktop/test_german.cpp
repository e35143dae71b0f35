// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window in German, as a German desktop session starts it (LANGUAGE=de,
// LANG=de_DE.UTF-8: see CMakeLists.txt): the catalog built from po/de.po is found and used by
// the menus, the core's labels and the guide, and dates and amounts are written the German way.
#include "gui_support.h"

#include "core/atomic_file.h"
#include "core/csv_reader.h"
#include "core/errors.h"
#include "core/settings.h"
#include "exchange/importer.h"
#include "gui/accountant_export_dialog.h"
#include "gui/customer_page.h"
#include "gui/customers_view.h"
#include "gui/followups_view.h"
#include "gui/format.h"
#include "gui/help_content.h"
#include "gui/help_window.h"
#include "gui/import_dialog.h"
#include "gui/main_frame.h"
#include "gui/screenshot.h"
#include "store/customers.h"
#include "store/sqlite/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/dataview.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/stockitem.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

// What RapportApp::OnInit does, with the build's catalogs instead of the installed ones; the
// window's language is back to English when it goes.
class BuildCatalogs {
public:
    BuildCatalogs() {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(RAPPORT_LOCALE_DIR);
        auto* translations = new wxTranslations;
        wxTranslations::Set(translations);
        translations->AddStdCatalog();
        loaded = translations->AddCatalog("rapport");
    }
    ~BuildCatalogs() {
        wxTranslations::Set(nullptr);
        Pump(50);
    }
    BuildCatalogs(const BuildCatalogs&) = delete;
    BuildCatalogs& operator=(const BuildCatalogs&) = delete;
    bool loaded = false;
};

// The no-break space that joins an amount and its currency.
const wxString nbsp = wxString(wxUniChar(0xA0));
const wxString euro = wxString::FromUTF8("\xE2\x82\xAC");

// The sentence of the InputError `parse` throws; empty when it throws none.
wxString InputMessage(const std::function<void()>& parse) {
    try {
        parse();
    } catch (const InputError& e) {
        return wxString::FromUTF8(e.what());
    }
    return wxString();
}

// What the window's error box says for the error `act` throws; empty when it throws none.
wxString ErrorBoxText(const std::function<void()>& act) {
    try {
        act();
    } catch (const std::exception& e) {
        return ErrorText(e);
    }
    return wxString();
}

wxString OneLine(wxString text) {
    text.Replace("\n", " ");
    return text;
}

} // namespace

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

TEST_CASE("In German at 1280x800 every customer list column is in sight") {
    // German headers are longer than English ones: "Letzter Kontakt" pushed "Zurückgegeben",
    // the money given back, off the list's right edge on a first start at 1280x800.
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);
    TempDir dir;
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Jürgen Groß";
    services->customers.add(c);
    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(frame->FromDIP(wxSize(1280, 800)));
    frame->Show();
    frame->ShowView(MainFrame::View::customers);
    Pump(300);
    auto* list = Find<wxDataViewCtrl>(frame, "customer_list");
    int columns = 0;
    wxString titles;
    for (unsigned i = 0; i < list->GetColumnCount(); ++i) {
        columns += list->GetColumn(i)->GetWidth();
        titles += list->GetColumn(i)->GetTitle() + " | ";
    }
    INFO(titles.utf8_string() << "columns " << columns << ", list " << list->GetClientSize().x);
    CHECK(titles.Contains(wxString::FromUTF8("Zurückgegeben")));
    CHECK(columns <= list->GetClientSize().x);
    frame->Destroy();
    Pump(50);
}

TEST_CASE("In German the window writes amounts as 31.235 EUR and the long date the German way "
          "and says the worth groups and offers and reasons in German") {
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);

    // Money: the currency after the amount, the minus before it, thousands grouped.
    CHECK(FormatMoney(Money::from_cents(10400), "EUR") == "104,00" + nbsp + euro);
    CHECK(FormatMoney(Money::from_cents(-3123595), "EUR") == "-31.235,95" + nbsp + euro);
    CHECK(FormatSignedMoney(Money::from_cents(10400), "EUR") == "+104,00" + nbsp + euro);
    CHECK(FormatMoney(Money::from_cents(123456), "CHF") == "1.234,56" + nbsp + "CHF");
    CHECK(FormatWholeAmount(-1500.2) == "-1.500");
    CHECK(ParseAmount(FormatAmount(Money::from_cents(3123595)), "amount").cents == 3123595);
    CHECK(ParsePercent("37,5", _("margin"), -10000, 10000) == 3750);
    CHECK(FormatPercentNumber(3750) == "37,5");
    // A mistyped amount or percentage is explained in German, with a German example.
    CHECK(InputMessage([] { ParseAmount("12x", _("cost")); }) ==
          wxString::FromUTF8("Im Feld \u201EKosten\u201C ist \u201E12x\u201C kein g\u00FCltiger "
                             "Betrag; geben Sie eine Zahl mit h\u00F6chstens zwei "
                             "Nachkommastellen ein, etwa 12,50."));
    CHECK(InputMessage([] { ParseAmount(" ", _("amount")); }) ==
          wxString::FromUTF8("Das Feld \u201EBetrag\u201C ist leer; geben Sie eine Zahl wie "
                             "12,50 ein."));
    CHECK(InputMessage([] { ParsePercent("150", _("margin"), -10000, 10000); }) ==
          wxString::FromUTF8("\u201EMarge\u201C muss zwischen -100 % und 100 % liegen "
                             "(eingegeben: \u201E150\u201C)."));

    // Dates: the heading's long date and the follow-up list's day names.
    const Date today{date::year{2026}, date::month{11}, date::day{25}};
    CHECK(FormatLongDate(today) == "Mittwoch, 25. November 2026");
    CHECK(FormatDayMonth(add_days(today, 1)) == "Donnerstag, 26. November");

    // The core's worth labels.
    CHECK(Label(Quadrant::miser) == "Knauser");
    CHECK(Label(Quadrant::affluent) == "Gutverdiener");
    CHECK(Label(Verdict::watch) == "Gemischt: im Auge behalten");
    const std::vector<Resolution> given{
        {.type = ResolutionType::refund, .cost = Money{8500}, .status = ResolutionStatus::accepted},
        {.type = ResolutionType::apology_only, .status = ResolutionStatus::offered}};
    CHECK(FormatOfferedResolutions(given, "EUR") ==
          "Erstattung 85,00" + nbsp + euro + " (angenommen); Nur Entschuldigung (angeboten)");

    // The window itself: a customer like G1 of product.md (own margin 155.00, handling cost
    // 80.00 of which 35.00 given back) with a follow-up due tomorrow.
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(today);
    services->settings_store.set("hourly_rate", "30");
    services->reload_settings();
    Customer greta;
    greta.name = "Greta Eins";
    const Id g1 = services->customers.add(greta);
    for (const auto& [cents, margin, days_ago] :
         {std::tuple{20000, 4000, 200}, std::tuple{15000, 4000, 120}, std::tuple{5000, 3000, 30}}) {
        Purchase p;
        p.customer_id = g1;
        p.on = add_days(today, -days_ago);
        p.amount = Money::from_cents(cents);
        p.margin = margin;
        services->purchases.add(p);
    }
    Interaction incident;
    incident.customer_id = g1;
    incident.at = LocalDateTime{add_days(today, -100), 10 * 60};
    incident.summary = "Kettle stopped heating";
    incident.minutes = 90;
    for (const auto& [type, cents] :
         {std::pair{ResolutionType::refund, 2500}, std::pair{ResolutionType::discount, 1000}}) {
        Resolution r;
        r.type = type;
        r.cost = Money::from_cents(cents);
        r.status = ResolutionStatus::accepted;
        incident.resolutions.push_back(r);
    }
    FollowUp call;
    call.due = add_days(today, 1);
    call.note = "Ask whether the new kettle works";
    incident.follow_ups.push_back(call);
    services->interactions.add(incident);

    auto* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    Pump(200);
    auto* heading = Find<wxStaticText>(frame, "today_date");
    REQUIRE(heading);
    CHECK(heading->GetLabel() == "Mittwoch, 25. November 2026");

    frame->ShowView(MainFrame::View::follow_ups);
    Pump(200);
    auto* list = Find<wxDataViewListCtrl>(frame, "followups_list");
    REQUIRE(list);
    wxString offered;
    for (int row = 0; row < list->GetItemCount(); ++row)
        if (!list->GetTextValue(row, 5).empty()) // after "How they like it"
            offered = list->GetTextValue(row, 5);
    CHECK(offered == "Erstattung 25,00" + nbsp + euro + " (angenommen); Rabatt 10,00" + nbsp +
                         euro + " (angenommen)");

    frame->OpenCustomer(g1);
    frame->Customers()->Page()->ShowWorth();
    Pump(300);
    auto* verdict = Find<wxStaticText>(frame, "worth_verdict");
    auto* reason = Find<wxStaticText>(frame, "worth_reason");
    auto* steps = Find<wxStaticText>(frame, "worth_steps");
    auto* advice = Find<wxStaticText>(frame, "worth_advice");
    REQUIRE((verdict && reason && steps && advice));
    CHECK(verdict->GetLabel() == "Gemischt: im Auge behalten");
    const wxString why = OneLine(reason->GetLabel());
    INFO(why.utf8_string());
    CHECK(why.StartsWith("Betreuungskosten 80,00" + nbsp + euro + " sind 51,6 % des Werts"));
    CHECK(why.Contains("(155,00" + nbsp + euro + ")"));
    CHECK(why.EndsWith("gesamt bis heute 75,00" + nbsp + euro + "."));
    CHECK(OneLine(steps->GetLabel())
              .StartsWith("Versuchen Sie zuerst: Grenzen setzen bei Ihrer Zeit"));
    CHECK(OneLine(advice->GetLabel())
              .Contains("90 Minuten kosteten bisher 45,00" + nbsp + euro + " bei 30,00" + nbsp +
                        euro + " pro Stunde"));

    // The frame goes before the services it shows.
    frame->Destroy();
    Pump(50);
}

TEST_CASE("In German the follow-up message is drafted from the German template by default") {
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);
    CHECK(UiMessageLanguage() == MessageLanguage::german);
    const Date today{date::year{2026}, date::month{11}, date::day{25}};
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(today);
    Customer c;
    c.name = "Jürgen Müller";
    c.email = "jm@example.com";
    const Id id = services->customers.add(c);
    Interaction incident;
    incident.customer_id = id;
    incident.at = LocalDateTime{parse_date("2026-11-20"), 10 * 60};
    incident.summary = "Henkel ab";
    Resolution r;
    r.type = ResolutionType::refund;
    r.cost = Money::from_cents(2500);
    r.status = ResolutionStatus::accepted;
    incident.resolutions.push_back(r);
    FollowUp call;
    call.due = today;
    incident.follow_ups.push_back(call);
    const Id follow_up =
        services->interactions.get(services->interactions.add(incident)).follow_ups.at(0).id;

    auto* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    frame->ShowView(MainFrame::View::follow_ups);
    Pump(200);
    REQUIRE(frame->FollowUps()->Select(follow_up));
    const auto draft = frame->FollowUps()->DraftForSelected();
    REQUIRE(draft);
    CHECK(draft->subject == "Danke für Ihre Geduld");
    CHECK(draft->body.starts_with("Guten Tag Jürgen,\n\nvielen Dank für Ihre Geduld nach dem, "
                                  "was am 20. November 2026 passiert ist (Henkel ab). Zur "
                                  "Wiedergutmachung haben wir Ihnen eine Erstattung von 25,00 "
                                  "EUR angeboten."));
    REQUIRE(frame->FollowUps()->CopyMessage());
    {
        wxClipboardLocker lock;
        REQUIRE(!!lock);
        wxTextDataObject text;
        REQUIRE(wxTheClipboard->GetData(text));
        CHECK(text.GetText() == wxString::FromUTF8(draft->body));
    }
    frame->Destroy();
    Pump(50);
}

TEST_CASE("In German the window says the errors of the core and the store in German") {
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);

    // A file to import that a spreadsheet saved the wrong way.
    CHECK(ErrorBoxText([] { read_csv("\xFF\xFEN\0a\0m\0e\0"); }) ==
          wxString::FromUTF8("Die Datei ist UTF-16-Text; speichern Sie sie in der "
                             "Tabellenkalkulation als \u201ECSV UTF-8\u201C und versuchen Sie es "
                             "noch einmal."));
    CHECK(ErrorBoxText([] { read_csv("Name;Note\nAnna;\"broken\n"); }) ==
          wxString::FromUTF8("Im Datensatz ab Zeile 2 wird ein Anf\u00FChrungszeichen nie "
                             "geschlossen."));
    // A setting out of range names the setting in German; a translation may reorder.
    Settings s;
    CHECK(ErrorBoxText([&] { apply_setting(s, "retention", "2"); }) ==
          wxString::FromUTF8("\u201EKunden, die ein Jahr bleiben\u201C muss zwischen 0 und 1 "
                             "liegen (eingegeben: 2)."));
    // The accepted values are the keys an import file uses, as they are.
    CHECK(
        ErrorBoxText([] { parse_category("weather"); })
            .StartsWith(wxString::FromUTF8("\u201Eweather\u201C ist keine g\u00FCltige Angabe "
                                           "f\u00FCr \u201EKategorie\u201C; m\u00F6glich sind: ")));
    // A save into a folder that is not there.
    TempDir dir;
    const auto missing = dir.path() / "gone" / "export.csv";
    CHECK(ErrorBoxText([&] { write_file_atomically(missing, "x"); }) ==
          "Den Ordner " + Wx((dir.path() / "gone").string()) + " gibt es nicht.");
    // The CLI's English is unchanged.
    CHECK_THROWS_WITH(apply_setting(s, "retention", "2"),
                      "The retention must be between 0 and 1 (got 2).");
}

TEST_CASE("In German the accountant export writes the CSV for German spreadsheets unless told "
          "otherwise") {
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    const Id zoe = services->customers.add(Customer{.name = "Zoë Müller"});
    Interaction incident;
    incident.customer_id = zoe;
    incident.at = LocalDateTime{parse_date("2026-10-05"), 10 * 60};
    incident.summary = "Deckel gebrochen";
    incident.resolutions.push_back(Resolution{.type = ResolutionType::refund,
                                              .cost = Money{123456},
                                              .status = ResolutionStatus::accepted});
    services->interactions.add(incident);

    Window window;
    MessageBoxAnswerer answers(wxID_NO);
    const auto out = dir / "steuerberater.csv";
    auto offered = std::make_shared<wxString>();
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* dialect = d ? Find<wxChoice>(d, "csv_dialect") : nullptr;
            if (!dialect)
                return false;
            *offered = dialect->GetStringSelection();
            Find<wxTextCtrl>(d, "export_path")->SetValue(Wx(out.string()));
            wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
            click.SetEventObject(d->FindWindow(wxID_OK));
            d->GetEventHandler()->ProcessEvent(click);
            return true;
        },
    });
    REQUIRE(ShowAccountantExportDialog(window.frame, *services));
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    CHECK(*offered ==
          wxString::FromUTF8("Tabellen auf Deutsch (1234,56, Semikolons zwischen den Spalten)"));
    std::ifstream in(out, std::ios::binary);
    const std::string csv{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(csv.find("2026-10-05;Zoë Müller;") != std::string::npos);
    CHECK(csv.find(";1234,56;EUR;Deckel gebrochen\r\n") != std::string::npos);
    // The desktop's own dialect is not written down: it follows the desktop's language.
    CHECK(setting_value(services->settings(), "csv_dialect") == "auto");
}

TEST_CASE(
    "In German the window says a damaged file and a full disk and a bad import row in German") {
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("de"));
    BuildCatalogs catalogs;
    REQUIRE(catalogs.loaded);
    TempDir dir;

    // A full disk while saving: the store's sentence and the action it names, both in German.
    {
        auto services = MakeServices(dir, "full.db");
        Customer anna;
        anna.name = "Anna";
        services->customers.add(anna);
        const int pages = store::sqlite(services->db()).execAndGet("PRAGMA page_count").getInt();
        store::sqlite(services->db()).exec("PRAGMA max_page_count = " + std::to_string(pages));
        Customer big;
        big.name = "Berta";
        big.note = std::string(64 * 1024, 'x');
        const wxString said = ErrorBoxText([&] { services->customers.add(big); });
        CHECK(said ==
              wxString::FromUTF8("Das Speichern des Kunden ist nicht gelungen: Der "
                                 "Datentr\u00E4ger ist voll. Es wurde nichts ge\u00E4ndert; "
                                 "schaffen Sie Platz und versuchen Sie es noch einmal."));
        // The CLI's English is unchanged.
        CHECK_THROWS_WITH(
            services->customers.add(big),
            "Could not save the customer: the disk is full. Nothing was changed; free "
            "some space and try again.");
    }

    // A damaged file: a stray write over the customer table's root page.
    const auto path = dir.path() / "damaged.db";
    {
        auto db = store::Database::open(path);
        store::CustomerRepo people(db);
        for (int i = 0; i < 300; ++i) {
            Customer c;
            c.name = "Customer " + std::to_string(i);
            people.add(c);
        }
    }
    int root = 0;
    {
        SQLite::Database ro(path.string(), SQLite::OPEN_READONLY);
        root = ro.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'customer'").getInt();
    }
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(root - 1) * 4096);
        f.put(static_cast<char>(0x07));
    }
    const wxString damaged = ErrorBoxText([&] { store::Database::open(path); });
    INFO(damaged.utf8_string());
    CHECK(damaged.StartsWith("Die Datei " + Wx(path.string()) +
                             wxString::FromUTF8(" ist besch\u00E4digt (")));
    CHECK(damaged.EndsWith(
        wxString::FromUTF8("), deshalb hat Rapport sie nicht ver\u00E4ndert; stellen "
                           "Sie sie aus einer Sicherung wieder her.")));

    // A bad row in a file to import: the import window lists it in German.
    auto services = MakeServices(dir);
    const auto file = dir.path() / "kunden.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "Name;Telefon;E-Mail\n"
               "Marta Nowak;+48 600 100 200;marta@example.com\n"
               "Jan Nov\xC3\xA1k;;jan at example.com\n";
    }
    Window window;
    auto seen = std::make_shared<std::vector<wxString>>();
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* errors = d ? Find<wxDataViewListCtrl>(d, "import_errors") : nullptr;
            if (!errors || errors->GetItemCount() == 0)
                return false;
            for (int r = 0; r < errors->GetItemCount(); ++r)
                seen->push_back(errors->GetTextValue(r, 0) + " " + errors->GetTextValue(r, 1));
            d->EndModal(wxID_CANCEL);
            return true;
        },
    });
    ShowImportDialog(window.frame, *services, exchange::ImportKind::customers, file);
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    REQUIRE(seen->size() == 1);
    CHECK((*seen)[0] == wxString::FromUTF8("3 \u201Ejan at example.com\u201C ist keine "
                                           "E-Mail-Adresse."));
}

TEST_CASE("With no language configured amounts keep the English order of sign then currency then "
          "amount") {
    INFO("locale: " << wxUILocale::GetCurrent().GetName().utf8_string());
    REQUIRE(wxUILocale::GetCurrent().GetName().StartsWith("C"));
    CHECK(FormatMoney(Money::from_cents(10400), "EUR") == euro + "104.00");
    CHECK(FormatMoney(Money::from_cents(-3123595), "EUR") == "-" + euro + "31235.95");
    CHECK(FormatSignedMoney(Money::from_cents(-500), "USD") == "-$5.00");
    CHECK(FormatMoney(Money::from_cents(123456), "CHF") == "CHF" + nbsp + "1234.56");
    CHECK(FormatLongDate(Date{date::year{2026}, date::month{11}, date::day{25}}) ==
          "Wednesday 25 November 2026");
    CHECK(InputMessage([] { ParseAmount("", _("cost")); }) ==
          "The cost is empty; type a number like 12.50.");
    CHECK(InputMessage([] { ParseAmount("-5", _("cost")); }) ==
          "The cost cannot be negative (got \"-5\").");
    CHECK(InputMessage([] { ParseAmount("-abc", _("cost")); }) ==
          "The cost \"-abc\" is not a valid amount; use a number with at most two decimals, "
          "like 12.50.");
    CHECK(InputMessage([] { ParsePercent("abc", _("margin"), -10000, 10000); }) ==
          "The margin \"abc\" is not a valid percentage; type a number like 40 or 37.5.");
}
