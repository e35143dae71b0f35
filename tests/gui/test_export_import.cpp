// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The accountant export and the import dialogs, driven through their real controls: the file
// dialogs are native and cannot be driven, so the tests fill the path field (export) or pass
// the file to open (import), as a person choosing them would.
#include "gui_support.h"
#include "store/sqlite/connection.h"

#include "core/errors.h"
#include "exchange/demo.h"
#include "gui/accountant_export_dialog.h"
#include "gui/background_read.h"
#include "gui/history_export_ui.h"
#include "gui/import_dialog.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/filename.h>
#include <wx/frame.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

void AddIncident(Services& s, Id customer, const char* day, ResolutionType type, std::int64_t cents,
                 ResolutionStatus status) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{parse_date(day), 11 * 60};
    i.category = Category::product_fault;
    i.summary = std::string("Broken on ") + day;
    Resolution r;
    r.type = type;
    r.cost = Money{cents};
    r.status = status;
    i.resolutions.push_back(r);
    s.interactions.add(i);
}

std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::size_t CountOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// A label's text as one line: labels wrap to their width.
wxString OneLine(const wxStaticText* label) {
    wxString text = label->GetLabel();
    text.Replace("\n", " ");
    return text;
}

void Click(wxWindow* dialog, int id) {
    wxCommandEvent click(wxEVT_BUTTON, id);
    click.SetEventObject(dialog->FindWindow(id));
    dialog->GetEventHandler()->ProcessEvent(click);
}

} // namespace

TEST_CASE("Exporting last month as CSV for the accountant writes its accepted costs and shows "
          "the totals first") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Customer c;
    c.name = "Anna, \"Müller\"";
    const Id anna = services->customers.add(c);
    AddIncident(*services, anna, "2026-09-30", ResolutionType::refund, 999,
                ResolutionStatus::accepted);
    AddIncident(*services, anna, "2026-10-01", ResolutionType::refund, 1250,
                ResolutionStatus::accepted);
    AddIncident(*services, anna, "2026-10-31", ResolutionType::store_credit, 2000,
                ResolutionStatus::accepted);
    AddIncident(*services, anna, "2026-10-15", ResolutionType::refund, 7000,
                ResolutionStatus::offered);
    AddIncident(*services, anna, "2026-11-01", ResolutionType::refund, 500,
                ResolutionStatus::accepted);

    Window window;
    MessageBoxAnswerer answers(wxID_NO); // "Close", not "Open folder"
    const auto out = dir / "for-accountant.csv";
    auto summary = std::make_shared<wxString>();
    auto suggested = std::make_shared<wxString>();
    auto typeRows = std::make_shared<int>(-1);
    auto exporting = std::make_shared<wxString>();
    auto exportEnabled = std::make_shared<bool>(true);
    auto cancelEnabled = std::make_shared<bool>(false);
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* period = d ? Find<wxChoice>(d, "export_period") : nullptr;
            if (!period)
                return false;
            // "Last month" is the first choice and the one the dialog opens on.
            CHECK(period->GetSelection() == 0);
            *summary = OneLine(Find<wxStaticText>(d, "export_summary"));
            *suggested = Find<wxTextCtrl>(d, "export_path")->GetValue();
            *typeRows = Find<wxDataViewListCtrl>(d, "export_by_type")->GetItemCount();
            Find<wxTextCtrl>(d, "export_path")->SetValue(wxString(out.string()));
            Click(d, wxID_OK);
            // The file is written on a worker: until it is done the dialog says so, and only
            // Cancel can be pressed.
            *exporting = OneLine(Find<wxStaticText>(d, "export_summary"));
            *exportEnabled = d->FindWindow(wxID_OK)->IsEnabled();
            *cancelEnabled = d->FindWindow(wxID_CANCEL)->IsEnabled();
            return true;
        },
    });
    const bool exported = ShowAccountantExportDialog(window.frame, *services);
    CHECK(*exporting == wxString::FromUTF8("Exporting\xE2\x80\xA6"));
    CHECK_FALSE(*exportEnabled);
    CHECK(*cancelEnabled);
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    REQUIRE(exported);

    INFO(summary->utf8_string());
    CHECK(summary->StartsWith("2 resolutions"));
    CHECK(summary->Contains("32"));
    CHECK(suggested->EndsWith("rapport-refunds-2026-10.csv"));
    CHECK(*typeRows == 2); // refund and store credit

    REQUIRE(std::filesystem::exists(out));
    const std::string csv = ReadFile(out);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0); // the BOM
    CHECK(CountOf(csv, "\r\n") == 3);         // header and two rows
    CHECK(csv.find("2026-10-01") != std::string::npos);
    CHECK(csv.find("2026-10-31") != std::string::npos);
    CHECK(csv.find("2026-09-30") == std::string::npos);
    CHECK(csv.find("2026-11-01") == std::string::npos);
    CHECK(csv.find("70.00") == std::string::npos); // only offered, never accepted
    CHECK(csv.find("12.50") != std::string::npos);
    CHECK(csv.find("20.00") != std::string::npos);

    // After saving, the totals are told.
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("2 resolutions"));
    CHECK(answers.messages[0].Contains("for-accountant.csv"));
}

TEST_CASE("A period that ends before it starts is refused with a sentence and the dialog keeps "
          "its values") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Window window;
    MessageBoxAnswerer answers;
    const auto out = dir / "never.csv";
    auto kept = std::make_shared<bool>(false);
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            if (!d || !Find<wxDatePickerCtrl>(d, "export_from"))
                return false;
            Find<wxDatePickerCtrl>(d, "export_from")
                ->SetValue(wxDateTime(20, wxDateTime::Nov, 2026));
            Find<wxDatePickerCtrl>(d, "export_to")->SetValue(wxDateTime(10, wxDateTime::Nov, 2026));
            Find<wxTextCtrl>(d, "export_path")->SetValue(wxString(out.string()));
            Click(d, wxID_OK);
            return true;
        },
        [=] {
            // Still open, with what was typed.
            wxDialog* d = ActiveModalDialog();
            if (!d)
                return false;
            *kept = Find<wxTextCtrl>(d, "export_path")->GetValue() == wxString(out.string()) &&
                    Find<wxDatePickerCtrl>(d, "export_from")->GetValue().GetDay() == 20;
            d->EndModal(wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(ShowAccountantExportDialog(window.frame, *services));
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    CHECK(*kept);
    CHECK_FALSE(std::filesystem::exists(out));
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("2026-11-20"));
    CHECK(answers.messages[0].Contains("2026-11-10"));
}

TEST_CASE("Importing customers from a file with one bad row shows its line number and imports "
          "only the good rows when asked") {
    TempDir dir;
    auto services = MakeServices(dir);
    Customer known;
    known.name = "Anna Kowalski";
    known.email = "anna@example.com";
    services->customers.add(known);
    const auto file = dir / "till.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "Name;Phone;E-Mail;Note\n"
               "Marta Nowak;+48 600 100 200;marta@example.com;likes blue\n"
               "ANNA KOWALSKI;;anna@example.com;\n"
               ";+48 600 999 999;;no name here\n" // line 4: no name
               "Jan Novák;;jan@example.com;\"two\nlines\"\n";
    }

    Window window;
    MessageBoxAnswerer answers;
    struct Seen {
        wxString counts, format;
        std::vector<std::pair<wxString, wxString>> errors;
        bool importEnabledBefore = true, importEnabledAfter = false;
        int sampleRows = 0;
        int nameColumn = -1;
    };
    auto seen = std::make_shared<Seen>();
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* errors = d ? Find<wxDataViewListCtrl>(d, "import_errors") : nullptr;
            if (!errors || errors->GetItemCount() == 0)
                return false;
            seen->counts = OneLine(Find<wxStaticText>(d, "import_counts"));
            seen->format = Find<wxStaticText>(d, "import_format")->GetLabel();
            for (int r = 0; r < errors->GetItemCount(); ++r)
                seen->errors.emplace_back(errors->GetTextValue(r, 0), errors->GetTextValue(r, 1));
            seen->sampleRows = Find<wxDataViewListCtrl>(d, "import_sample")->GetItemCount();
            seen->nameColumn = Find<wxChoice>(d, "map_name")->GetSelection();
            seen->importEnabledBefore = d->FindWindow(wxID_OK)->IsEnabled();
            auto* skip = Find<wxCheckBox>(d, "import_skip_bad");
            skip->SetValue(true);
            wxCommandEvent ticked(wxEVT_CHECKBOX, skip->GetId());
            ticked.SetEventObject(skip);
            ticked.SetInt(1);
            skip->GetEventHandler()->ProcessEvent(ticked);
            seen->importEnabledAfter = d->FindWindow(wxID_OK)->IsEnabled();
            Click(d, wxID_OK);
            return true;
        },
    });
    const bool imported =
        ShowImportDialog(window.frame, *services, exchange::ImportKind::customers, file);
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());

    INFO(seen->counts.utf8_string());
    CHECK(seen->format.Contains("semicolons"));
    CHECK(seen->sampleRows == 4);
    CHECK(seen->nameColumn == 1); // "(not in the file)" is 0, then column 1 "Name"
    REQUIRE(seen->errors.size() == 1);
    CHECK(seen->errors[0].first == "4");
    CHECK(seen->counts.Contains("4 rows"));
    CHECK(seen->counts.Contains("2 new"));
    CHECK(seen->counts.Contains("1 matched"));
    CHECK(seen->counts.Contains("1 bad"));
    CHECK_FALSE(seen->importEnabledBefore); // a bad row and no choice made: nothing to do yet
    CHECK(seen->importEnabledAfter);
    REQUIRE(imported);

    // Marta and Jan were added, Anna matched instead of doubled, the nameless row left out.
    auto& table = services->customer_table;
    const auto ids = table.ordered_ids("", store::CustomerColumn::name, true, false);
    std::vector<std::string> names;
    for (Id id : ids)
        names.push_back(services->customers.get(id).name);
    CHECK(names.size() == 3);
    CHECK(std::count(names.begin(), names.end(), "Marta Nowak") == 1);
    CHECK(std::count(names.begin(), names.end(), "Jan Novák") == 1);
    CHECK(std::count(names.begin(), names.end(), "Anna Kowalski") == 1);
    REQUIRE_FALSE(answers.messages.empty());
    CHECK(answers.messages.back().Contains("2 new"));
}

TEST_CASE("A file that is not text is refused with the store's sentence and nothing to import") {
    TempDir dir;
    auto services = MakeServices(dir);
    const auto file = dir / "picture.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }
    Window window;
    auto counts = std::make_shared<wxString>();
    auto enabled = std::make_shared<bool>(true);
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* label = d ? Find<wxStaticText>(d, "import_counts") : nullptr;
            if (!label)
                return false;
            *counts = OneLine(label);
            *enabled = d->FindWindow(wxID_OK)->IsEnabled();
            d->EndModal(wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(ShowImportDialog(window.frame, *services, exchange::ImportKind::purchases, file));
    REQUIRE(script.Failure().empty());
    INFO(counts->utf8_string());
    std::string expected;
    try {
        exchange::read_import_file(file);
    } catch (const DataError& e) {
        expected = e.what();
    }
    REQUIRE_FALSE(expected.empty());
    CHECK(counts->utf8_string() == expected);
    CHECK_FALSE(*enabled);
}

TEST_CASE("Purchases in a file without a header are imported once the owner says which column "
          "holds what") {
    TempDir dir;
    auto services = MakeServices(dir);
    Customer marta;
    marta.name = "Marta Nowak";
    const Id martaId = services->customers.add(marta);
    const auto file = dir / "sales.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "2026-11-02,Marta Nowak,49.90\r\n"
               "03.11.2026,marta nowak,12.00\r\n";
    }
    Window window;
    MessageBoxAnswerer answers;
    auto before = std::make_shared<wxString>();
    auto enabledBefore = std::make_shared<bool>(true);
    auto after = std::make_shared<wxString>();
    const auto choose = [](wxDialog* d, const char* name, int selection) {
        auto* choice = Find<wxChoice>(d, name);
        choice->SetSelection(selection);
        wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
        chosen.SetEventObject(choice);
        chosen.SetInt(selection);
        choice->GetEventHandler()->ProcessEvent(chosen);
    };
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* label = d ? Find<wxStaticText>(d, "import_counts") : nullptr;
            if (!label || !Find<wxChoice>(d, "map_amount")->IsEnabled())
                return false;
            *before = OneLine(label);
            *enabledBefore = d->FindWindow(wxID_OK)->IsEnabled();
            // Choice 0 is "(not in the file)", then the columns from 1.
            choose(d, "map_date", 1);
            choose(d, "map_name", 2);
            choose(d, "map_amount", 3);
            *after = OneLine(label);
            Click(d, wxID_OK);
            return true;
        },
    });
    const bool imported =
        ShowImportDialog(window.frame, *services, exchange::ImportKind::purchases, file);
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    INFO(before->utf8_string() << " / " << after->utf8_string());
    CHECK_FALSE(*enabledBefore);
    CHECK(after->Contains("2 rows"));
    CHECK(after->Contains("2 purchases to add"));
    REQUIRE(imported);
    const auto purchases = services->purchases.for_customer(martaId);
    REQUIRE(purchases.size() == 2);
    Money total;
    for (const Purchase& p : purchases)
        total += p.amount;
    CHECK(total == Money{6190});
}

TEST_CASE("Columns chosen in the import dialog are used again for the same header until "
          "forgotten") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Customer marta;
    marta.name = "Marta Nowak";
    const Id martaId = services->customers.add(marta);
    const auto november = dir / "november.csv";
    const auto december = dir / "december.csv";
    {
        std::ofstream out(november, std::ios::binary);
        out << "Kunde;Datum;Umsatz brutto\r\nMarta Nowak;02.11.2026;49,90\r\n";
        std::ofstream next(december, std::ios::binary);
        next << "Kunde;Datum;Umsatz brutto\r\nMarta Nowak;02.12.2026;12,00\r\n";
    }
    Window window;
    MessageBoxAnswerer answers;
    ModalScript first({
        [=] {
            wxDialog* d = ActiveModalDialog();
            if (!d || !Find<wxChoice>(d, "map_amount")->IsEnabled())
                return false;
            auto* choice = Find<wxChoice>(d, "map_amount");
            choice->SetSelection(3); // "Umsatz brutto": not a name the importer knows
            wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
            chosen.SetEventObject(choice);
            choice->GetEventHandler()->ProcessEvent(chosen);
            Click(d, wxID_OK);
            return true;
        },
    });
    REQUIRE(ShowImportDialog(window.frame, *services, exchange::ImportKind::purchases, november));
    REQUIRE(first.Failure().empty());

    auto remembered = std::make_shared<wxString>();
    auto forgotten = std::make_shared<wxString>();
    auto forgetEnabled = std::make_shared<std::pair<bool, bool>>(false, true);
    ModalScript second({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* label = d ? Find<wxStaticText>(d, "import_counts") : nullptr;
            if (!label || !Find<wxChoice>(d, "map_amount")->IsEnabled())
                return false;
            *remembered = OneLine(label);
            auto* forget = Find<wxButton>(d, "import_forget_columns");
            forgetEnabled->first = forget->IsEnabled();
            wxCommandEvent click(wxEVT_BUTTON, forget->GetId());
            click.SetEventObject(forget);
            forget->GetEventHandler()->ProcessEvent(click);
            *forgotten = OneLine(label);
            forgetEnabled->second = forget->IsEnabled();
            Click(d, wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(
        ShowImportDialog(window.frame, *services, exchange::ImportKind::purchases, december));
    INFO(second.Failure());
    REQUIRE(second.Failure().empty());
    INFO(remembered->utf8_string() << " / " << forgotten->utf8_string());
    CHECK(remembered->Contains("Using the columns you chose on"));
    CHECK(remembered->Contains("1 purchases to add"));
    CHECK(forgetEnabled->first);
    CHECK_FALSE(forgotten->Contains("Using the columns"));
    CHECK(forgotten->Contains("the amount"));
    CHECK_FALSE(forgetEnabled->second);
    CHECK(services->purchases.for_customer(martaId).size() == 1);
}

TEST_CASE("Exporting all data as CSV files and as JSON reports how many records were written") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Customer c;
    c.name = "Anna Kowalski";
    const Id anna = services->customers.add(c);
    AddIncident(*services, anna, "2026-10-01", ResolutionType::refund, 1250,
                ResolutionStatus::accepted);
    Window window;
    MessageBoxAnswerer answers(wxID_NO); // "Close", not "Open folder"

    ExportAllDataAsCsv(window.frame, *services, dir.path());
    const auto folder = dir / "rapport-data-2026-11-25";
    CHECK(std::filesystem::exists(folder / "customers.csv"));
    CHECK(std::filesystem::exists(folder / "interactions.csv"));
    CHECK(ReadFile(folder / "customers.csv").find("Anna Kowalski") != std::string::npos);

    const auto json = dir / "all.json";
    ExportAllDataAsJson(window.frame, *services, json);
    CHECK(ReadFile(json).find("\"Anna Kowalski\"") != std::string::npos);

    REQUIRE(answers.messages.size() == 2);
    CHECK(answers.messages[0].Contains("rapport-data-2026-11-25"));
    CHECK(answers.messages[1].Contains("all.json"));
}

TEST_CASE("Choosing Excel for last quarter names the file after the quarter and writes a "
          "workbook") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-01-15"));
    Customer c;
    c.name = "Anna Kowalski";
    const Id anna = services->customers.add(c);
    AddIncident(*services, anna, "2025-10-01", ResolutionType::refund, 1250,
                ResolutionStatus::accepted);
    AddIncident(*services, anna, "2026-01-02", ResolutionType::refund, 500,
                ResolutionStatus::accepted);
    Window window;
    MessageBoxAnswerer answers(wxID_NO);
    auto suggested = std::make_shared<wxString>();
    const wxString folder = wxString(dir.path().string());
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* period = d ? Find<wxChoice>(d, "export_period") : nullptr;
            if (!period)
                return false;
            period->SetSelection(1); // last quarter
            wxCommandEvent chosen(wxEVT_CHOICE, period->GetId());
            chosen.SetEventObject(period);
            period->GetEventHandler()->ProcessEvent(chosen);
            auto* xlsx = Find<wxRadioButton>(d, "format_xlsx");
            xlsx->SetValue(true);
            wxCommandEvent picked(wxEVT_RADIOBUTTON, xlsx->GetId());
            picked.SetEventObject(xlsx);
            xlsx->GetEventHandler()->ProcessEvent(picked);
            auto* path = Find<wxTextCtrl>(d, "export_path");
            *suggested = path->GetValue();
            // The suggested name in our own folder.
            path->SetValue(wxFileName(folder, wxFileName(*suggested).GetFullName()).GetFullPath());
            Click(d, wxID_OK);
            return true;
        },
    });
    REQUIRE(ShowAccountantExportDialog(window.frame, *services));
    REQUIRE(script.Failure().empty());
    CHECK(suggested->EndsWith("rapport-refunds-2025-Q4.xlsx"));
    const auto out = dir / "rapport-refunds-2025-Q4.xlsx";
    REQUIRE(std::filesystem::exists(out));
    CHECK(ReadFile(out).rfind("PK", 0) == 0); // a zip, as every .xlsx
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("1 resolution,"));
}

TEST_CASE("Choosing German spreadsheets writes the CSV with semicolons and decimal commas and "
          "the next export remembers it") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Customer c;
    c.name = "Zoë Müller";
    const Id zoe = services->customers.add(c);
    AddIncident(*services, zoe, "2026-10-01", ResolutionType::refund, 123456,
                ResolutionStatus::accepted);
    Window window;
    MessageBoxAnswerer answers(wxID_NO);
    const auto out = dir / "de.csv";
    auto opened = std::make_shared<int>(-1);
    auto enabledForXlsx = std::make_shared<bool>(true);
    auto note = std::make_shared<wxString>();
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* dialect = d ? Find<wxChoice>(d, "csv_dialect") : nullptr;
            if (!dialect)
                return false;
            *opened = dialect->GetSelection();
            *note = OneLine(Find<wxStaticText>(d, "format_note"));
            // Only a CSV has a dialect: choosing the workbook greys the choice out.
            auto* xlsx = Find<wxRadioButton>(d, "format_xlsx");
            xlsx->SetValue(true);
            wxCommandEvent toXlsx(wxEVT_RADIOBUTTON, xlsx->GetId());
            toXlsx.SetEventObject(xlsx);
            xlsx->GetEventHandler()->ProcessEvent(toXlsx);
            *enabledForXlsx = dialect->IsEnabled();
            auto* csv = Find<wxRadioButton>(d, "format_csv");
            csv->SetValue(true);
            wxCommandEvent toCsv(wxEVT_RADIOBUTTON, csv->GetId());
            toCsv.SetEventObject(csv);
            csv->GetEventHandler()->ProcessEvent(toCsv);
            dialect->SetSelection(1); // German
            Find<wxTextCtrl>(d, "export_path")->SetValue(wxString(out.string()));
            Click(d, wxID_OK);
            return true;
        },
    });
    REQUIRE(ShowAccountantExportDialog(window.frame, *services));
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    // The dialog opens on the dialect of this computer's language (the tests run in C: English).
    CHECK(*opened == (system_csv_dialect() == CsvDialect::semicolon ? 1 : 0));
    CHECK_FALSE(*enabledForXlsx);
    CHECK(note->Contains("XLSX suits Excel and LibreOffice in any language"));
    const std::string csv = ReadFile(out);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "date;customer;customer id;",
                    0) == 0);
    CHECK(csv.find(";Zoë Müller;") != std::string::npos);
    CHECK(csv.find("2026-10-01;") != std::string::npos); // ISO dates in every dialect
    CHECK(csv.find(";1234,56;EUR;") != std::string::npos);

    // Remembered in the database, where the history export and the command line find it.
    CHECK(effective_csv_dialect(services->settings()) == CsvDialect::semicolon);
    CHECK(setting_value(services->settings(), "csv_dialect") ==
          (system_csv_dialect() == CsvDialect::semicolon ? "auto" : "semicolon"));
    auto reopened = std::make_shared<int>(-1);
    ModalScript again({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* dialect = d ? Find<wxChoice>(d, "csv_dialect") : nullptr;
            if (!dialect)
                return false;
            *reopened = dialect->GetSelection();
            d->EndModal(wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(ShowAccountantExportDialog(window.frame, *services));
    REQUIRE(again.Failure().empty());
    CHECK(*reopened == 1);
    ExportAllDataAsCsv(window.frame, *services, dir.path());
    const std::string resolutions = ReadFile(dir / "rapport-data-2026-11-25" / "resolutions.csv");
    CHECK(resolutions.find(";refund;1234,56;accepted") != std::string::npos);
}

TEST_CASE("An export into a folder that cannot be written says why and the dialog stays open") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    Customer c;
    c.name = "Anna Kowalski";
    const Id anna = services->customers.add(c);
    AddIncident(*services, anna, "2026-10-01", ResolutionType::refund, 1250,
                ResolutionStatus::accepted);
    // A file where the folder should be: no permission trick that root would ignore.
    std::ofstream(dir / "not-a-folder") << "x";
    const wxString target = wxString((dir / "not-a-folder" / "export.csv").string());
    Window window;
    MessageBoxAnswerer answers;
    auto stillOpen = std::make_shared<bool>(false);
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* path = d ? Find<wxTextCtrl>(d, "export_path") : nullptr;
            if (!path)
                return false;
            path->SetValue(target);
            Click(d, wxID_OK);
            return true;
        },
        [=] {
            wxDialog* d = ActiveModalDialog();
            if (!d)
                return false;
            *stillOpen = Find<wxTextCtrl>(d, "export_path")->GetValue() == target;
            d->EndModal(wxID_CANCEL);
            return true;
        },
    });
    CHECK_FALSE(ShowAccountantExportDialog(window.frame, *services));
    REQUIRE(script.Failure().empty());
    CHECK(*stillOpen);
    REQUIRE(answers.messages.size() == 1);
    INFO(answers.messages[0].utf8_string());
    CHECK(answers.messages[0].Contains("not-a-folder"));
    CHECK_FALSE(answers.messages[0].Contains("Something went wrong"));
}

TEST_CASE("Cancel while the accountant export is being written stops it and leaves no file") {
    TempDir dir;
    auto services = MakeServices(dir);
    services->set_today(parse_date("2026-11-25"));
    exchange::DemoOptions demo;
    demo.customers = 100;
    demo.interactions = 20000; // enough rows that the export is still reading when Cancel comes
    demo.today = services->today();
    exchange::generate_demo(services->db(), demo);

    Window window;
    MessageBoxAnswerer answers;
    const auto out = dir / "cancelled.csv";
    ModalScript script({
        [=] {
            wxDialog* d = ActiveModalDialog();
            auto* period = d ? Find<wxChoice>(d, "export_period") : nullptr;
            if (!period)
                return false;
            period->SetSelection(2); // last year: thousands of resolutions
            wxCommandEvent chosen(wxEVT_CHOICE, period->GetId());
            chosen.SetEventObject(period);
            period->GetEventHandler()->ProcessEvent(chosen);
            Find<wxTextCtrl>(d, "export_path")->SetValue(wxString(out.string()));
            Click(d, wxID_OK);
            Click(d, wxID_CANCEL); // at once: the worker has only just started
            return true;
        },
    });
    CHECK_FALSE(ShowAccountantExportDialog(window.frame, *services));
    INFO(script.Failure());
    REQUIRE(script.Failure().empty());
    CHECK_FALSE(std::filesystem::exists(out));
    // Nothing half-written beside it either, and no message about a failure.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().extension() != ".csv");
    CHECK(answers.messages.empty());
}

TEST_CASE("A long read runs beside the window with a progress window and returns its result") {
    TempDir dir;
    auto services = MakeServices(dir);
    Customer c;
    c.name = "Anna Kowalski";
    services->customers.add(c);
    Window window;
    const auto window_thread = std::this_thread::get_id();
    std::thread::id worker_thread;
    std::string name;
    const bool finished = ReadWithProgress(
        window.frame, services->db(), "Export all data", "Writing",
        [&](store::Database& reader) {
            worker_thread = std::this_thread::get_id();
            std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the window pulses
            name = sqlite(reader).execAndGet("SELECT name FROM customer").getString();
        },
        0);
    CHECK(finished);
    CHECK(worker_thread != window_thread);
    CHECK(name == "Anna Kowalski");
    // What the work throws reaches the caller.
    CHECK_THROWS_AS(ReadWithProgress(
                        window.frame, services->db(), "Export all data", "Writing",
                        [](store::Database&) { throw DataError("The disk is full."); }, 0),
                    DataError);
}
