// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The weekly follow-up review in the window: week navigation, ticking a follow-up off with a
// keystroke, undo, snoozing, the printable list, and restoring a backup from the File menu.
#include "gui_support.h"
#include "store/sqlite/connection.h"

#include "gui/backup_dialog.h"
#include "gui/followups_print.h"
#include "gui/followups_view.h"
#include "gui/main_frame.h"
#include "gui/reports_view.h"
#include "gui/screenshot.h"
#include "gui/today_view.h"
#include "store/backup.h"
#include "store/followup_message.h"
#include "store/followups.h"
#include "store/gone.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/dataview.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/prntbase.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::gui::test;

namespace {

// Wednesday of 2026-W51; 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03.
const Date kToday = parse_date("2026-12-16");

struct Planted {
    Id customer = 0;
    Id follow_up = 0;
};

// A customer with an incident whose follow-up is due on `due`.
Planted Plant(Services& s, const std::string& name, Date due, const std::string& summary,
              const std::string& phone = {}, const std::string& email = {}) {
    Customer c;
    c.name = name;
    c.phone = phone;
    c.email = email;
    Planted p;
    p.customer = s.customers.add(c);
    Interaction i;
    i.customer_id = p.customer;
    i.at = LocalDateTime{add_days(kToday, -10), 10 * 60};
    i.category = Category::delay;
    i.summary = summary;
    Resolution r;
    r.type = ResolutionType::discount;
    r.cost = Money{1500};
    r.status = ResolutionStatus::offered;
    i.resolutions.push_back(r);
    FollowUp f;
    f.due = due;
    f.note = "Ask whether the parcel came";
    i.follow_ups.push_back(f);
    const Id interaction = s.interactions.add(i);
    p.follow_up = s.interactions.get(interaction).follow_ups.at(0).id;
    return p;
}

struct OpenWindow {
    MainFrame* frame;
    explicit OpenWindow(Services& services) : frame(new MainFrame(services, {})) {
        frame->SetSize(0, 0, 1280, 800);
        frame->Show();
        frame->ShowView(MainFrame::View::follow_ups);
        Pump(200);
    }
    ~OpenWindow() {
        frame->Destroy();
        Pump(50);
    }
    // Shows Reports once its figures are read and drawn.
    void ShowReports() {
        frame->ShowView(MainFrame::View::reports);
        REQUIRE(WaitFor([&] { return !frame->Reports()->IsReading(); }));
        Pump(100);
    }
};

std::unique_ptr<Services> ServicesOn(const TempDir& dir) {
    auto services = MakeServices(dir);
    services->set_today(kToday);
    return services;
}

bool Listed(FollowUpsView* view, Id id) {
    const auto ids = view->ListedIds();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void Click(wxWindow* button) {
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

} // namespace

TEST_CASE("The weekly review shows a follow-up due 2027-01-03 in week 2026-W53") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted late = Plant(*services, "Anna Kowalski", parse_date("2026-12-14"), "Late box");
    const Planted newyear = Plant(*services, "Ben Nowak", parse_date("2027-01-03"), "Wrong size");
    OpenWindow window(*services);
    FollowUpsView* view = window.frame->FollowUps();
    CHECK(format_week(view->Week().id) == "2026-W51");
    // Overdue is listed whatever the week; the new-year follow-up is not this week's.
    CHECK(Listed(view, late.follow_up));
    CHECK_FALSE(Listed(view, newyear.follow_up));

    auto* next = Find<wxButton>(window.frame, "week_next");
    REQUIRE(next);
    Click(next);
    Click(next);
    CHECK(format_week(view->Week().id) == "2026-W53");
    CHECK(view->Week().first == parse_date("2026-12-28"));
    CHECK(view->Week().last == parse_date("2027-01-03"));
    CHECK(Listed(view, newyear.follow_up));
    CHECK(Listed(view, late.follow_up));
    auto* title = Find<wxStaticText>(window.frame, "week_title");
    REQUIRE(title);
    CHECK(title->GetLabel().Contains("2026-W53"));
    // The overdue one comes first, under its own heading; then the day heading, then the row.
    auto* list = Find<wxDataViewListCtrl>(window.frame, "followups_list");
    REQUIRE(list);
    REQUIRE(list->GetItemCount() == 4);
    CHECK(list->GetTextValue(0, 0).Contains("Overdue"));
    CHECK(list->GetTextValue(2, 0).Contains("Sunday 3 January"));
    CHECK(list->GetTextValue(3, 5) == wxString::FromUTF8("Discount \xE2\x82\xAC"
                                                         "15.00 (offered)"));
    CHECK(list->GetTextValue(3, 1).Contains("Ben Nowak"));
    CHECK(list->GetTextValue(3, 5).Contains("15.00"));

    Click(Find<wxButton>(window.frame, "week_next"));
    CHECK(format_week(view->Week().id) == "2027-W01");
    CHECK_FALSE(Listed(view, newyear.follow_up));
    Click(Find<wxButton>(window.frame, "week_this"));
    CHECK(format_week(view->Week().id) == "2026-W51");
}

TEST_CASE("Pressing 3 then Enter marks a follow-up done with no answer and Ctrl+Z undoes it") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Clara Weber", parse_date("2026-12-15"), "Cracked mug");
    store::FollowUpRepo repo(services->db());
    OpenWindow window(*services);
    window.frame->ShowView(MainFrame::View::today);
    Pump(100);
    auto* overdue = Find<wxStaticText>(window.frame, "overdue_summary");
    REQUIRE(overdue);
    CHECK(overdue->GetLabel().StartsWith("1"));
    window.frame->ShowView(MainFrame::View::follow_ups);
    FollowUpsView* view = window.frame->FollowUps();
    REQUIRE(view->Select(p.follow_up));
    auto* list = Find<wxDataViewListCtrl>(window.frame, "followups_list");
    FocusForTyping(list);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));

    bool preselected = false;
    ModalScript script(
        {[&] {
             auto* dlg = ActiveModalDialog();
             if (!dlg || dlg->GetName() != "followup_done_dialog")
                 return false;
             auto* box = Find<wxRadioBox>(dlg, "followup_outcome");
             preselected = box && box->GetSelection() == 2;
             return true;
         },
         [&] {
             // Painted by now (a tick after it opened): a picture for whoever looks at the dialog.
             if (const char* out = std::getenv("RAPPORT_DONE_PNG"))
                 CaptureWindowToPng(ActiveModalDialog(), out, nullptr);
             FocusForTyping(Find<wxWindow>(ActiveModalDialog(), "followup_outcome_note"));
             wxUIActionSimulator().Text("rang twice");
             return true;
         },
         [&] {
             auto* note = Find<wxWindow>(ActiveModalDialog(), "followup_outcome_note");
             if (!note || dynamic_cast<wxTextCtrl*>(note)->GetValue() != "rang twice")
                 return false;
             wxUIActionSimulator().Char(WXK_RETURN);
             return true;
         }});
    wxUIActionSimulator sim;
    sim.Char('3');
    REQUIRE(WaitFor([&] { return script.Finished() && !ActiveModalDialog(); }, 25000));
    CHECK(script.Failure().empty());
    CHECK(preselected);

    const FollowUp done = repo.get(p.follow_up).follow_up;
    CHECK(done.is_done());
    CHECK(done.outcome == Outcome::no_answer);
    CHECK(done.outcome_note == "rang twice");
    CHECK(*done.done_on == kToday);
    // Every view hears of it at once: gone from the review, and from Today's count.
    CHECK_FALSE(Listed(view, p.follow_up));
    CHECK(overdue->GetLabel().empty());
    CHECK(repo.counts(kToday).total() == 0);

    FocusForTyping(list);
    sim.Char('z', wxMOD_CONTROL);
    REQUIRE(WaitFor([&] { return !repo.get(p.follow_up).follow_up.is_done(); }));
    CHECK(repo.get(p.follow_up).follow_up.outcome_note.empty());
    CHECK(Listed(view, p.follow_up));
    CHECK(overdue->GetLabel().StartsWith("1"));
}

TEST_CASE("Snoozing a follow-up with W moves it a week and undo moves it back") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Dora Lang", parse_date("2026-12-17"), "Late delivery");
    store::FollowUpRepo repo(services->db());
    OpenWindow window(*services);
    FollowUpsView* view = window.frame->FollowUps();
    REQUIRE(view->Select(p.follow_up));
    auto* list = Find<wxDataViewListCtrl>(window.frame, "followups_list");
    FocusForTyping(list);
    REQUIRE(WaitFor([&] { return wxWindow::FindFocus() != nullptr; }));
    wxUIActionSimulator sim;
    sim.Char('w');
    REQUIRE(
        WaitFor([&] { return repo.get(p.follow_up).follow_up.due != parse_date("2026-12-17"); }));
    CHECK(repo.get(p.follow_up).follow_up.due == parse_date("2026-12-24"));
    CHECK_FALSE(Listed(view, p.follow_up)); // now in next week

    // An overdue follow-up snoozed by a day goes to tomorrow, not the day after its old date.
    const Planted late = Plant(*services, "Emil Roth", parse_date("2026-12-01"), "Wrong colour");
    services->changes.notify();
    REQUIRE(view->Select(late.follow_up));
    view->MoveByDays(1);
    CHECK(repo.get(late.follow_up).follow_up.due == parse_date("2026-12-17"));

    window.frame->Undo();
    CHECK(repo.get(late.follow_up).follow_up.due == parse_date("2026-12-01"));
    window.frame->Undo();
    CHECK(repo.get(p.follow_up).follow_up.due == parse_date("2026-12-17"));
    CHECK(Listed(view, p.follow_up));
}

TEST_CASE("The printed weekly list holds the overdue and the week's follow-ups on A4") {
    TempDir dir;
    auto services = ServicesOn(dir);
    Plant(*services, "Anna Kowalski", parse_date("2026-12-14"), "Late box");
    Plant(*services, "Ben Nowak & Sons", parse_date("2026-12-18"), "Wrong size <XL>");
    Plant(*services, "Clara Weber", parse_date("2026-12-28"), "Next week's call");
    OpenWindow window(*services);
    const wxString html = window.frame->FollowUps()->PrintHtml();
    CHECK(html.Contains("2026-W51"));
    CHECK(html.Contains("Overdue (1)"));
    CHECK(html.Contains("Anna Kowalski"));
    CHECK(html.Contains("Ben Nowak &amp; Sons"));
    CHECK(html.Contains("Wrong size &lt;XL&gt;"));
    CHECK(html.Contains("Ask whether the parcel came"));
    CHECK(html.Contains("Friday 18 December"));
    CHECK_FALSE(html.Contains("Clara Weber"));

    int pages = 0;
    const wxBitmap page = RenderPrintPage(html, 1, &pages);
    CHECK(pages == 1);
    // Something is drawn on the page, and nothing beyond the right margin (it fits the width).
    const wxImage image = page.ConvertToImage();
    bool inked = false, beyond = false;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) < 128) {
                inked = true;
                beyond = beyond || x > image.GetWidth() - 40;
            }
    CHECK(inked);
    CHECK_FALSE(beyond);
    if (const char* out = std::getenv("RAPPORT_PRINT_PNG")) {
        wxInitAllImageHandlers();
        image.SaveFile(out, wxBITMAP_TYPE_PNG);
    }
}

TEST_CASE("Restore from backup puts back the data of the chosen backup") {
    TempDir dir;
    auto services = ServicesOn(dir);
    Plant(*services, "Anna Kowalski", parse_date("2026-12-14"), "Late box");
    const auto backup = store::make_backup(services->db());
    const Planted later = Plant(*services, "Ben Nowak", parse_date("2026-12-18"), "Wrong size");
    CHECK(services->customers.count() == 2);
    OpenWindow window(*services);
    CHECK(Listed(window.frame->FollowUps(), later.follow_up));

    MessageBoxAnswerer answers(wxID_OK);
    bool listed = false;
    int ticks = 0;
    ModalScript script({[&] {
                            auto* dlg = ActiveModalDialog();
                            return dlg && dlg->GetName() == "restore_dialog";
                        },
                        [&] { return ++ticks > 3; }, // painted, for the picture below
                        [&] {
                            auto* dlg = ActiveModalDialog();
                            auto* list = Find<wxDataViewListCtrl>(dlg, "backup_list");
                            listed = list && list->GetItemCount() == 1 &&
                                     list->GetTextValue(0, 2) == "1";
                            if (const char* out = std::getenv("RAPPORT_RESTORE_PNG"))
                                CaptureWindowToPng(dlg, out, nullptr);
                            dlg->UpdateWindowUI(wxUPDATE_UI_RECURSE);
                            Click(Find<wxButton>(dlg, "backup_restore"));
                            return true;
                        }});
    CHECK(ShowRestoreDialog(window.frame, *services));
    CHECK(script.Failure().empty());
    CHECK(listed);
    for (const auto& m : answers.messages)
        UNSCOPED_INFO(m.utf8_string());
    REQUIRE(answers.messages.size() == 2);
    CHECK(answers.messages[0].Contains("customers: 1,"));
    CHECK(answers.messages[1].Contains("restored"));
    CHECK(services->customers.count() == 1);
    CHECK_FALSE(Listed(window.frame->FollowUps(), later.follow_up));
    // The data as it was is kept as a safety copy next to the backup.
    const auto all = store::list_backups(services->db().path());
    CHECK(std::any_of(all.begin(), all.end(), [](const store::BackupInfo& b) {
        return b.kind == store::BackupKind::before_restore && b.customers == 2;
    }));
    CHECK(std::filesystem::exists(backup));
}

TEST_CASE("Still unhappy offers another call and schedules it a week out") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Fritz Bauer", parse_date("2026-12-16"), "Broken lid");
    store::FollowUpRepo repo(services->db());
    OpenWindow window(*services);
    FollowUpsView* view = window.frame->FollowUps();
    REQUIRE(view->Select(p.follow_up));

    MessageBoxAnswerer answers(wxID_NO); // "Follow up again in a week"
    ModalScript script({[&] {
        auto* dlg = ActiveModalDialog();
        if (!dlg || dlg->GetName() != "followup_done_dialog")
            return false;
        FocusForTyping(Find<wxWindow>(dlg, "followup_outcome_note"));
        wxUIActionSimulator().Char(WXK_RETURN);
        return true;
    }});
    view->MarkDone(Outcome::still_unhappy);
    REQUIRE(WaitFor([&] { return script.Finished() && !ActiveModalDialog(); }, 25000));
    CHECK(script.Failure().empty());
    REQUIRE(answers.messages.size() == 1);
    CHECK(answers.messages[0].Contains("still unhappy"));
    CHECK(repo.get(p.follow_up).follow_up.outcome == Outcome::still_unhappy);
    // The open follow-ups due on 23 December.
    const auto due_on_23rd = [&repo] {
        const Date day = parse_date("2026-12-23");
        std::vector<store::FollowUpItem> due;
        for (auto& item : repo.agenda(day, week_containing(day)).week_items)
            if (item.follow_up.due == day)
                due.push_back(item);
        return due;
    };
    const auto next = due_on_23rd();
    REQUIRE(next.size() == 1);
    CHECK(next[0].customer_name == "Fritz Bauer");
    // Undo takes the new call away first, then the outcome.
    window.frame->Undo();
    CHECK(due_on_23rd().empty());
    window.frame->Undo();
    CHECK_FALSE(repo.get(p.follow_up).follow_up.is_done());
}

TEST_CASE("A damaged data file at start offers the newest backup and opens once it is restored") {
    TempDir dir;
    const auto path = dir / "shop.db";
    {
        store::Database db = store::Database::open(path);
        store::CustomerRepo people(db);
        for (int i = 0; i < 300; ++i) {
            Customer c;
            c.name = "Customer " + std::to_string(i);
            people.add(c);
        }
        store::make_backup(db);
    }
    // A stray write over the customer table's root page, as a failing disk would make.
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
    const auto bytes = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    std::string finding;
    try {
        store::Database::open(path);
        FAIL("the damaged file was opened");
    } catch (const store::DamagedDatabaseError& e) {
        finding = e.finding();
    }

    // Declining leaves the damaged file exactly as it was.
    const std::string damaged = bytes();
    {
        MessageBoxAnswerer decline(wxID_CANCEL);
        CHECK_FALSE(OfferRestoreOfDamaged(nullptr, path, finding));
        REQUIRE(decline.messages.size() == 1);
        CHECK(decline.messages[0].Contains("damaged"));
    }
    CHECK(bytes() == damaged);

    MessageBoxAnswerer accept(wxID_OK);
    CHECK(OfferRestoreOfDamaged(nullptr, path, finding));
    store::Database again = store::Database::open(path);
    CHECK(store::CustomerRepo(again).count() == 300);
}

TEST_CASE("Print preview shows the week's list in a preview window") {
    TempDir dir;
    auto services = ServicesOn(dir);
    Plant(*services, "Anna Kowalski", parse_date("2026-12-17"), "Late box");
    OpenWindow window(*services);
    MessageBoxAnswerer answers(wxID_OK); // a preview that fails says so in a message box
    window.frame->FollowUps()->PrintPreview();
    wxPreviewFrame* preview = nullptr;
    REQUIRE(WaitFor([&] {
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* p = dynamic_cast<wxPreviewFrame*>(w))
                preview = p;
        return preview != nullptr;
    }));
    CHECK(answers.messages.empty());
    Pump(300);
    if (const char* out = std::getenv("RAPPORT_PREVIEW_PNG"))
        CaptureWindowToPng(preview, out, nullptr);
    preview->Close(true);
    Pump(100);
}

TEST_CASE("The follow-up list is read when it is looked at, not at start or after each save") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted first = Plant(*services, "Anna Kowalski", parse_date("2026-12-14"), "Late box");
    MainFrame* frame = new MainFrame(*services, {});
    frame->SetSize(0, 0, 1280, 800);
    frame->Show();
    Pump(100);
    FollowUpsView* view = frame->FollowUps();
    CHECK(view->ListedIds().empty()); // the window opens on Today: nothing read yet
    frame->ShowView(MainFrame::View::follow_ups);
    CHECK(Listed(view, first.follow_up));

    // A save while another view is shown marks the list out of date; showing it reads it.
    frame->ShowView(MainFrame::View::today);
    const Planted second = Plant(*services, "Ben Nowak", parse_date("2026-12-15"), "Wrong size");
    services->changes.notify();
    Pump(50);
    CHECK_FALSE(Listed(view, second.follow_up));
    frame->ShowView(MainFrame::View::follow_ups);
    CHECK(Listed(view, second.follow_up));

    // While it is shown, a save shows at once.
    const Planted third = Plant(*services, "Cleo Adams", parse_date("2026-12-16"), "No reply");
    services->changes.notify();
    Pump(50);
    CHECK(Listed(view, third.follow_up));
    frame->Destroy();
    Pump(50);
}

TEST_CASE("The follow-up list and Today and the printed list show the phone and email and how they "
          "like it") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p =
        Plant(*services, "Anna Kowalski", kToday, "Late box", "+49 170 555", "anna@example.com");
    Plant(*services, "Ben Nowak", kToday, "Wrong size"); // no way to reach him saved
    // How Anna likes to be dealt with shows beside her phone and email.
    Customer annaSaved = services->customers.get(p.customer);
    annaSaved.profile = {PreferredChannel::phone, "mornings", WantsWhenWrong::reassurance};
    services->customers.update(annaSaved);
    OpenWindow window(*services);
    auto* list = Find<wxDataViewListCtrl>(window.frame, "followups_list");
    REQUIRE(list);
    int anna = -1, ben = -1;
    for (int row = 0; row < list->GetItemCount(); ++row) {
        if (list->GetTextValue(row, 1) == "Anna Kowalski")
            anna = row;
        if (list->GetTextValue(row, 1) == "Ben Nowak")
            ben = row;
    }
    REQUIRE(anna >= 0);
    REQUIRE(ben >= 0);
    CHECK(list->GetTextValue(anna, 2) == "+49 170 555, anna@example.com");
    CHECK(list->GetTextValue(ben, 2).empty());
    CHECK(list->GetTextValue(anna, 3) ==
          wxString::FromUTF8("Phone, mornings \xC2\xB7 Reassurance"));
    CHECK(list->GetTextValue(ben, 3).empty());
    CHECK(window.frame->FollowUps()->PrintHtml().Contains(
        wxString::FromUTF8("Prefers: Phone, mornings \xC2\xB7 Wants: Reassurance")));
    CHECK(window.frame->FollowUps()->PrintHtml().Contains("anna@example.com"));
    CHECK(window.frame->FollowUps()->PrintHtml().Contains("+49 170 555"));
    if (const char* out = std::getenv("RAPPORT_FOLLOWUPS_PNG"))
        CaptureWindowToPng(window.frame, out, nullptr);

    window.frame->ShowView(MainFrame::View::today);
    Pump(100);
    auto* today = Find<wxDataViewListCtrl>(window.frame, "today_followups");
    REQUIRE(today);
    // One line each, whole: the phone, the email, and (in grey) how they like it.
    bool shown = false;
    for (int row = 0; row < today->GetItemCount(); ++row) {
        const wxString cell = today->GetTextValue(row, 2);
        shown = shown || (cell.StartsWith("+49 170 555\nanna@example.com\n<span") &&
                          cell.Contains("Prefers: Phone, mornings\nWants: Reassurance</span>"));
    }
    CHECK(shown);
    // The mouse over a row shows as a tooltip what its cells may cut short: over "About" the
    // whole note, elsewhere the whole contact line. Each just inside the row's top edge, where
    // the tip once named the row above (GTK's rows start under the header).
    wxWindow* rows = today->GetMainWindow();
    int annaRow = -1, benRow = -1;
    for (int row = 0; row < today->GetItemCount(); ++row) {
        if (today->GetTextValue(row, 1) == "Anna Kowalski")
            annaRow = row;
        if (today->GetTextValue(row, 1) == "Ben Nowak")
            benRow = row;
    }
    REQUIRE(annaRow >= 0);
    REQUIRE(benRow >= 0);
    // The tip over a row's cell in `column`, once it differs from `before`.
    const auto tipOver = [&](int row, unsigned column, const wxString& before) {
        // The rectangle is in the list's own coordinates, its header included.
        const wxRect cell = today->GetItemRect(today->RowToItem(row), today->GetColumn(column));
        wxUIActionSimulator().MouseMove(today->ClientToScreen(cell.GetPosition() + wxPoint(8, 3)));
        WaitFor([&] { return rows->GetToolTipText() != before; }, 2000);
        return rows->GetToolTipText();
    };
    const wxString contact = tipOver(annaRow, 2, wxString());
    CHECK(contact == wxString::FromUTF8("+49 170 555, anna@example.com \xC2\xB7 Prefers: Phone, "
                                        "mornings \xC2\xB7 Wants: Reassurance"));
    const wxString about = tipOver(annaRow, 3, contact);
    CHECK(about == "Ask whether the parcel came");
    // Ben left no phone or email: over his contact cell, no tip (not the row above's).
    CHECK(tipOver(benRow, 2, about).empty());
    (void)p;
}

TEST_CASE("Copy message puts the drafted text on the clipboard and Write to them opens a mailto") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Anna Kowalski", kToday, "Late box & torn?", "+49 170 555",
                            "anna@example.com");
    OpenWindow window(*services);
    FollowUpsView* view = window.frame->FollowUps();
    REQUIRE(view->Select(p.follow_up));
    const auto draft = view->DraftForSelected();
    REQUIRE(draft);
    // No catalog loaded in this suite: the window speaks English, so does the draft.
    CHECK(draft->subject == "Thank you for your patience");
    CHECK(draft->body.starts_with("Dear Anna,\n\nthank you for your patience"));
    CHECK(draft->body.find("(Late box & torn?)") != std::string::npos);
    CHECK(draft->body.find("a discount of 15.00 EUR") != std::string::npos);

    // Something else on the clipboard first, so the test fails if nothing is copied.
    {
        wxClipboardLocker lock;
        REQUIRE(!!lock);
        wxTheClipboard->SetData(new wxTextDataObject("before"));
    }
    Click(Find<wxButton>(window.frame, "followup_copy_message"));
    Pump(100);
    wxString copied;
    {
        wxClipboardLocker lock;
        REQUIRE(!!lock);
        wxTextDataObject text;
        REQUIRE(wxTheClipboard->GetData(text));
        copied = text.GetText();
    }
    CHECK(copied == wxString::FromUTF8(draft->body));

    std::vector<wxString> opened;
    view->SetUrlOpener([&](const wxString& url) {
        opened.push_back(url);
        return true;
    });
    Click(Find<wxButton>(window.frame, "followup_write"));
    REQUIRE(opened.size() == 1);
    CHECK(opened[0] == wxString::FromUTF8(mailto_url(*draft)));
    CHECK(opened[0].StartsWith("mailto:anna@example.com?subject=Thank%20you"));
    CHECK(opened[0].Contains("Late%20box%20%26%20torn%3F"));

    // No mail program: the message goes to the clipboard and the owner is told.
    MessageBoxAnswerer answer;
    {
        wxClipboardLocker lock;
        wxTheClipboard->SetData(new wxTextDataObject("before"));
    }
    view->SetUrlOpener([](const wxString&) { return false; });
    Click(Find<wxButton>(window.frame, "followup_write"));
    REQUIRE(answer.messages.size() == 1);
    CHECK(answer.messages[0].Contains("No mail program opened"));
    {
        wxClipboardLocker lock;
        wxTextDataObject text;
        REQUIRE(wxTheClipboard->GetData(text));
        CHECK(text.GetText() == wxString::FromUTF8(draft->body));
    }
}

TEST_CASE("Done with satisfaction 4 and what they said shows in Reports") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Anna Kowalski", kToday, "Late box");
    OpenWindow window(*services);
    FollowUpsView* view = window.frame->FollowUps();
    REQUIRE(view->Select(p.follow_up));
    bool saw_choice = false;
    ModalScript script({[&] {
                            auto* dlg = ActiveModalDialog();
                            if (!dlg || dlg->GetName() != "followup_done_dialog")
                                return false;
                            auto* choice = Find<wxChoice>(dlg, "followup_satisfaction");
                            auto* said = Find<wxTextCtrl>(dlg, "followup_customer_said");
                            saw_choice = choice && said && choice->GetSelection() == 0 &&
                                         choice->GetCount() == 6;
                            if (!saw_choice)
                                return true;
                            choice->SetSelection(4); // "4 - satisfied"
                            said->ChangeValue("Fine now & thanks");
                            return true;
                        },
                        [&] {
                            if (const char* out = std::getenv("RAPPORT_DONE_PNG"))
                                CaptureWindowToPng(ActiveModalDialog(), out, nullptr);
                            ActiveModalDialog()->EndModal(wxID_OK);
                            return true;
                        }});
    view->MarkDone(Outcome::satisfied);
    CHECK(script.Failure().empty());
    REQUIRE(saw_choice);
    const FollowUp done = store::FollowUpRepo(services->db()).get(p.follow_up).follow_up;
    CHECK(done.satisfaction == 4);
    CHECK(done.customer_said == "Fine now & thanks");

    window.ShowReports();
    auto* byCategory = Find<wxDataViewListCtrl>(window.frame, "answers_by_category");
    REQUIRE(byCategory);
    REQUIRE(byCategory->GetItemCount() == 1);
    CHECK(byCategory->GetTextValue(0, 0) == "Delay");
    CHECK(byCategory->GetTextValue(0, 1) == "1");
    CHECK(byCategory->GetTextValue(0, 2) == "100 % (1 of 1)");
    CHECK(byCategory->GetTextValue(0, 3) == "100 % (1 of 1)");
    CHECK(byCategory->GetTextValue(0, 4) == "4.0 (1 answer)");
    auto* byGiven = Find<wxDataViewListCtrl>(window.frame, "answers_by_given");
    REQUIRE(byGiven);
    REQUIRE(byGiven->GetItemCount() == 1);
    CHECK(byGiven->GetTextValue(0, 0) == "Nothing accepted"); // the discount was only offered
    auto* headline = Find<wxStaticText>(window.frame, "answers_headline");
    REQUIRE(headline);
    CHECK(headline->GetLabel() == "1 follow-up done, on time: 100 % (1 of 1); satisfied: 100 % "
                                  "(1 of 1); average: 4.0 (1 answer).");
    if (const char* out = std::getenv("RAPPORT_ANSWERS_PNG")) {
        if (auto* tabs = Find<wxNotebook>(window.frame, "report_tabs"))
            tabs->SetSelection(tabs->GetPageCount() - 1);
        window.frame->Refresh();
        window.frame->Update();
        Pump(1500); // painted on screen, which is what is copied
        CaptureWindowToPng(window.frame, out, nullptr);
    }
}
TEST_CASE("A call with no complaint done with satisfaction 5 has its own row in Reports") {
    TempDir dir;
    auto services = ServicesOn(dir);
    const Planted p = Plant(*services, "Anna Kowalski", kToday, "Late box");
    Customer ida;
    ida.name = "Ida Berg";
    const Id ida_id = services->customers.add(ida);
    const Id call = store::plan_gone_call(services->db(), ida_id, kToday, "Not back");
    store::FollowUpRepo repo(services->db());
    repo.mark_done(p.follow_up, Outcome::satisfied, "", 5, kToday, CustomerAnswer{4, ""});
    repo.mark_done(call, Outcome::satisfied, "", 5, kToday, CustomerAnswer{5, "Lovely"});
    OpenWindow window(*services);
    window.ShowReports();
    for (const char* name : {"answers_by_category", "answers_by_given"}) {
        INFO(name);
        auto* table = Find<wxDataViewListCtrl>(window.frame, name);
        REQUIRE(table);
        REQUIRE(table->GetItemCount() == 2);
        CHECK(table->GetTextValue(1, 0) == "Calls with no complaint");
        CHECK(table->GetTextValue(1, 1) == "1");
        CHECK(table->GetTextValue(1, 3) == "100 % (1 of 1)");
        CHECK(table->GetTextValue(1, 4) == "5.0 (1 answer)");
    }
    auto* headline = Find<wxStaticText>(window.frame, "answers_headline");
    REQUIRE(headline);
    CHECK(headline->GetLabel().StartsWith("2 follow-ups done"));
}
