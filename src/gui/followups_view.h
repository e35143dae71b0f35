// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Follow-ups view is the weekly review: one week at a time (previous / this / next, or the
// week of a picked day), the overdue follow-ups in red at the top, then the week's follow-ups
// day by day with who to call, what happened, what was offered and the note. A follow-up is
// ticked off with its outcome in two keystrokes (1-4, Enter), moved with T (+1 day), W (+1
// week) or M (pick a day); Enter opens the customer. Each line shows the phone and email; E opens
// the drafted message in the mail program, C copies it for a text message. Every change can be
// undone with Ctrl+Z.
#include "core/followup_message.h"
#include "core/records.h"
#include "gui/services.h"
#include "store/followups.h"

#include <wx/panel.h>
#include <wx/utils.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxDataViewListCtrl;
class wxDatePickerCtrl;
class wxHtmlEasyPrinting;
class wxStaticText;

namespace rapport::gui {

class FollowUpsView : public wxPanel {
public:
    struct Hooks {
        std::function<void(Id)> open_customer;
        std::function<void(Id)> log_incident; // for a customer still unhappy
        std::function<void(const wxString&)> tell;
    };

    FollowUpsView(wxWindow* parent, Services& services, Hooks hooks);
    ~FollowUpsView() override;

    void Reload();
    // Reads the list if data changed while the view was hidden: a busy shop's list (thousands
    // of overdue lines) is read when the owner looks at it, not at start or after every save.
    void ReloadIfStale() {
        if (m_stale)
            Reload();
    }

    // The week shown; starts as this week.
    const WeekSpan& Week() const { return m_week; }
    void ShowWeek(const WeekSpan& week);
    void ShowWeekOf(Date day);

    // The follow-up ids listed, in order (overdue first), and the selected one.
    std::vector<Id> ListedIds() const;
    std::optional<Id> SelectedId() const;
    bool Select(Id follow_up);

    // What the keys and buttons do, for the selected follow-up. MarkDone asks for the outcome
    // (pre-selected), a note and minutes; Enter confirms.
    void MarkDone(Outcome preselected);
    void Move(Date new_due);
    void MoveByDays(int days);
    void MoveToPickedDay();
    // The drafted follow-up message for the selected follow-up (core/followup_message.h), in the
    // window's language. WriteToThem opens it in the mail program (a mailto: URL through the
    // desktop's opener; SetUrlOpener replaces the opener in tests); CopyMessage puts its text
    // on the clipboard for a text message and says whether it could.
    std::optional<DraftMessage> DraftForSelected() const;
    void WriteToThem();
    bool CopyMessage();
    void SetUrlOpener(std::function<bool(const wxString&)> open) { m_openUrl = std::move(open); }

    // The week as a printable page, and printing it.
    wxString PrintHtml();
    void Print();
    void PrintPreview();

private:
    wxWindow* BuildNavigation();
    std::optional<store::FollowUpItem> Selected() const;
    void AfterStillUnhappy(const store::FollowUpItem& item);
    void Tell(const wxString& message);

    Services& m_services;
    Hooks m_hooks;
    ChangeNotifier::Token m_subscription = 0;
    bool m_stale = true; // nothing read yet, or data changed while hidden
    WeekSpan m_week;
    wxStaticText* m_weekTitle = nullptr;
    wxStaticText* m_summary = nullptr;
    wxDatePickerCtrl* m_picker = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    // The follow-up of each list row; day headings have none.
    std::vector<std::optional<store::FollowUpItem>> m_rows;
    std::unique_ptr<wxHtmlEasyPrinting> m_printing;
    std::function<bool(const wxString&)> m_openUrl = [](const wxString& url) {
        return wxLaunchDefaultBrowser(url);
    };
};

// File > Export follow-ups to calendar: asks where, then writes every open follow-up as an
// .ics file through the same code as `rapport-cli export followups`.
void ExportFollowUpsToCalendar(wxWindow* parent, Services& services);

} // namespace rapport::gui
