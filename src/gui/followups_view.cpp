// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/followups_view.h"
#include "core/limits.h"
#include "core/utf8_path.h"

#include "exchange/followups_ics.h"
#include "gui/accessibility.h"
#include "gui/contact_profile_ui.h"
#include "gui/followups_print.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/ui.h"
#include "store/followup_message.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/html/htmprint.h>
#include <wx/msgdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

namespace rapport::gui {
namespace {

constexpr Outcome kOutcomes[] = {Outcome::satisfied, Outcome::still_unhappy, Outcome::no_answer,
                                 Outcome::other};

wxString Coloured(const wxColour& c, const wxString& text) {
    return wxString::Format("<span foreground='%s'>%s</span>", c.GetAsString(wxC2S_HTML_SYNTAX),
                            EscapeMarkup(text));
}

wxString OneLine(const std::string& utf8) {
    wxString s = Wx(utf8);
    s.Replace("\n", " ");
    return s;
}

// "+49 170 555, anna@example.com": how to reach them, on one line.
wxString ContactLine(const std::string& phone, const std::string& email) {
    wxString s = OneLine(phone);
    if (!phone.empty() && !email.empty())
        s += ", ";
    return s + OneLine(email);
}

// Asks how the call went. The outcome the key chose is selected and the note has the focus,
// so Enter alone confirms.
struct DoneAnswer {
    Outcome outcome;
    std::string note;
    int minutes = 0;
    CustomerAnswer answer; // satisfaction 1-5 (or not asked) and what they said
};

std::optional<DoneAnswer> AskOutcome(wxWindow* parent, const store::FollowUpItem& item,
                                     Outcome preselected) {
    wxDialog dlg(parent, wxID_ANY, _("Follow-up done"));
    dlg.SetName("followup_done_dialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* who = new wxStaticText(&dlg, wxID_ANY, wxString());
    who->SetLabelText(
        wxString::Format(_("%s: %s"), Wx(item.customer_name),
                         OneLine(item.interaction_id == 0 ? item.follow_up.note : item.summary)));
    top->Add(who, 0, wxBOTTOM, dlg.FromDIP(kSpace));
    wxArrayString labels;
    for (std::size_t i = 0; i < std::size(kOutcomes); ++i)
        labels.Add(wxString::Format("&%zu  %s", i + 1, Label(kOutcomes[i])));
    auto* outcome = new wxRadioBox(&dlg, wxID_ANY, _("How did it go?"), wxDefaultPosition,
                                   wxDefaultSize, labels, 1, wxRA_SPECIFY_COLS);
    outcome->SetName("followup_outcome");
    for (std::size_t i = 0; i < std::size(kOutcomes); ++i)
        if (kOutcomes[i] == preselected)
            outcome->SetSelection(static_cast<int>(i));
    top->Add(outcome, 0, wxEXPAND);
    auto* grid = new wxFlexGridSizer(2, dlg.FromDIP(kGap), dlg.FromDIP(kSpace));
    grid->AddGrowableCol(1);
    // The customer's answer: how satisfied (optional) and what they said, for the Reports.
    grid->Add(new wxStaticText(&dlg, wxID_ANY, _("&Satisfaction")), 0, wxALIGN_CENTER_VERTICAL);
    auto* satisfaction = new wxChoice(&dlg, wxID_ANY);
    satisfaction->SetName("followup_satisfaction");
    satisfaction->Append(_("Not asked"));
    for (int s = kSatisfactionMin; s <= kSatisfactionMax; ++s)
        satisfaction->Append(SatisfactionLabel(s));
    satisfaction->SetSelection(0);
    grid->Add(satisfaction, 0);
    grid->Add(new wxStaticText(&dlg, wxID_ANY, _("What they s&aid")), 0, wxALIGN_CENTER_VERTICAL);
    auto* said = new wxTextCtrl(&dlg, wxID_ANY);
    said->SetName("followup_customer_said");
    grid->Add(said, 1, wxEXPAND);
    grid->Add(new wxStaticText(&dlg, wxID_ANY, _("&Note")), 0, wxALIGN_CENTER_VERTICAL);
    auto* note = new wxTextCtrl(&dlg, wxID_ANY);
    note->SetName("followup_outcome_note");
    grid->Add(note, 1, wxEXPAND);
    grid->Add(new wxStaticText(&dlg, wxID_ANY, _("&Minutes spent")), 0, wxALIGN_CENTER_VERTICAL);
    auto* minutes = new wxSpinCtrl(&dlg, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxSP_ARROW_KEYS, kMinutesMin, kMinutesMax, 0);
    minutes->SetName("followup_minutes");
    grid->Add(minutes, 0);
    top->Add(grid, 0, wxEXPAND | wxTOP, dlg.FromDIP(kSpace));
    top->Add(dlg.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxTOP,
             dlg.FromDIP(kSpace));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, dlg.FromDIP(kSpace));
    dlg.SetSizerAndFit(outer);
    dlg.SetSize(wxSize(std::max(dlg.GetSize().x, dlg.FromDIP(420)), dlg.GetSize().y));
    if (auto* ok = dynamic_cast<wxButton*>(dlg.FindWindow(wxID_OK))) {
        ok->SetLabel(_("&Done"));
        ok->SetDefault();
    }
    RouteLabelMnemonics(&dlg);
    note->SetFocus();
    if (dlg.ShowModal() != wxID_OK)
        return std::nullopt;
    CustomerAnswer answer;
    if (satisfaction->GetSelection() > 0)
        answer.satisfaction = satisfaction->GetSelection(); // "1 ..." is the second entry
    answer.said = Utf8(said->GetValue());
    return DoneAnswer{kOutcomes[outcome->GetSelection()], Utf8(note->GetValue()),
                      minutes->GetValue(), answer};
}

std::optional<Date> AskDay(wxWindow* parent, Date initial, const wxString& title) {
    wxDialog dlg(parent, wxID_ANY, title);
    dlg.SetName("followup_move_dialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    // Labelled, so a screen reader says what the date is for and Alt+D reaches it.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(&dlg, wxID_ANY, _("&Date:"));
    row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, dlg.FromDIP(kGap));
    auto* picker = NewDatePicker(&dlg, ToWxDate(initial));
    picker->SetName("followup_move_day");
    SetLabelFor(label, picker);
    row->Add(picker, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxEXPAND);
    top->Add(dlg.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxTOP,
             dlg.FromDIP(kSpace));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, dlg.FromDIP(kSpace));
    dlg.SetSizerAndFit(outer);
    RouteLabelMnemonics(&dlg);
    picker->SetFocus();
    if (dlg.ShowModal() != wxID_OK)
        return std::nullopt;
    return FromWxDate(picker->GetValue());
}

} // namespace

FollowUpsView::FollowUpsView(wxWindow* parent, Services& services, Hooks hooks)
    : wxPanel(parent), m_services(services), m_hooks(std::move(hooks)),
      m_week(week_containing(services.today(), services.settings().week_start)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* heading = MakeHeading(this, _("Follow-ups"), 1.6);
    top->Add(heading, 0);
    top->Add(BuildNavigation(), 0, wxEXPAND | wxTOP, FromDIP(kGap));
    m_summary = MakeNote(this, wxString());
    m_summary->SetName("followups_summary");
    top->Add(m_summary, 0, wxTOP, FromDIP(kGap));
    // The keys, said once under the heading; the buttons below repeat them.
    auto* keys = MakeNote(this, _("Keys on a selected follow-up: 1 satisfied, 2 still unhappy, 3 "
                                  "no answer, 4 other (Enter confirms); T +1 day, W +1 week, M "
                                  "another day; E writes to them, C copies the message; Ctrl+Z "
                                  "undoes."));
    top->Add(keys, 0, wxEXPAND | wxTOP, FromDIP(2));
    WrapToWidth(keys); // a long line in German, two with big text

    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->SetName("followups_list");
    // Read as "Follow-ups", then the keys it takes.
    SetLabelFor(heading, m_list);
    SetAccessibleDescription(m_list, keys->GetLabelText());
    AddColumns(m_list,
               // Room for a German day heading and "Erstattung 119,00 € (angenommen)"; the
               // incident's text takes what is left.
               {{_("Due"), 200},
                {_("Customer"), 130},
                {_("Phone, email"), 175},
                {_("How they like it"), 160},
                {_("About the incident"), 180},
                {_("Offered"), 180},
                {_("Note"), 100}},
               4);
    ShowCutTextAsTip(m_list);
    top->Add(m_list, 1, wxEXPAND | wxTOP, FromDIP(kSpace));
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const auto item = Selected(); item && m_hooks.open_customer)
            m_hooks.open_customer(item->customer_id);
    });
    m_list->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetModifiers() != wxMOD_NONE && e.GetModifiers() != wxMOD_SHIFT) {
            e.Skip();
            return;
        }
        const int key = e.GetKeyCode();
        if (key >= '1' && key <= '4')
            MarkDone(kOutcomes[key - '1']);
        else if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD4)
            MarkDone(kOutcomes[key - WXK_NUMPAD1]);
        else if (key == 'T' || key == '+' || key == WXK_NUMPAD_ADD)
            MoveByDays(1);
        else if (key == 'W')
            MoveByDays(7);
        else if (key == 'M')
            MoveToPickedDay();
        else if (key == 'E')
            WriteToThem();
        else if (key == 'C')
            CopyMessage();
        else
            e.Skip();
    });

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    const auto button = [&](const wxString& label, const wxString& name, auto action) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->SetName(name);
        b->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
        b->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& u) { u.Enable(Selected().has_value()); });
        actions->Add(b, 0, wxRIGHT, FromDIP(kGap));
    };
    button(_("Done (1-4)..."), "followup_done", [this] { MarkDone(Outcome::satisfied); });
    button(_("+1 day (T)"), "followup_tomorrow", [this] { MoveByDays(1); });
    button(_("+1 week (W)"), "followup_next_week", [this] { MoveByDays(7); });
    button(_("Move to... (M)"), "followup_move", [this] { MoveToPickedDay(); });
    button(_("Write to them (E)"), "followup_write", [this] { WriteToThem(); });
    button(_("Copy message (C)"), "followup_copy_message", [this] { CopyMessage(); });
    button(_("Open customer (Enter)"), "followup_open", [this] {
        if (const auto item = Selected(); item && m_hooks.open_customer)
            m_hooks.open_customer(item->customer_id);
    });
    top->Add(actions, 0, wxTOP, FromDIP(kGap));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, FromDIP(kMargin));
    SetSizer(outer);
    m_subscription = m_services.changes.subscribe([this] {
        m_stale = true;
        if (IsShownOnScreen())
            Reload();
    });
}

FollowUpsView::~FollowUpsView() {
    m_services.changes.unsubscribe(m_subscription);
}

wxWindow* FollowUpsView::BuildNavigation() {
    auto* bar = new wxPanel(this);
    // With big text the week's title goes to a line of its own instead of being squeezed.
    auto* row = new wxWrapSizer(wxHORIZONTAL);
    const auto nav = [&](const wxString& label, const wxString& name, auto action) {
        auto* b = new wxButton(bar, wxID_ANY, label);
        b->SetName(name);
        b->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
        row->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(kGap));
    };
    nav(_("< &Previous week"), "week_previous",
        [this] { ShowWeek(previous_week(m_week, m_services.settings().week_start)); });
    nav(_("&This week"), "week_this", [this] { ShowWeekOf(m_services.today()); });
    nav(_("&Next week >"), "week_next",
        [this] { ShowWeek(next_week(m_week, m_services.settings().week_start)); });
    auto* weekOf = new wxStaticText(bar, wxID_ANY, _("&Week of"));
    row->Add(weekOf, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(kGap));
    m_picker = NewDatePicker(bar, ToWxDate(m_services.today()));
    m_picker->SetName("week_picker");
    SetLabelFor(weekOf, m_picker);
    m_picker->Bind(wxEVT_DATE_CHANGED,
                   [this](wxDateEvent& e) { ShowWeekOf(FromWxDate(e.GetDate())); });
    row->Add(m_picker, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(kSpace));
    m_weekTitle = new wxStaticText(bar, wxID_ANY, wxString());
    m_weekTitle->SetName("week_title");
    m_weekTitle->SetFont(m_weekTitle->GetFont().Bold());
    row->Add(m_weekTitle, 1, wxALIGN_CENTER_VERTICAL);
    bar->SetSizer(row);
    return bar;
}

void FollowUpsView::ShowWeek(const WeekSpan& week) {
    m_week = week;
    Reload();
}

void FollowUpsView::ShowWeekOf(Date day) {
    ShowWeek(week_containing(day, m_services.settings().week_start));
}

void FollowUpsView::Reload() {
    m_stale = false;
    const Date today = m_services.today();
    const std::optional<Id> keep = SelectedId();
    store::FollowUpRepo repo(m_services.db());
    const store::FollowUpAgenda agenda = repo.agenda(today, m_week);

    m_weekTitle->SetLabelText(wxString::Format(_("Week %s: %s - %s"), Wx(format_week(m_week.id)),
                                               FormatDate(m_week.first), FormatDate(m_week.last)));
    // The picker shows a day of the week on screen (setting it sends no event).
    if (!m_week.contains(FromWxDate(m_picker->GetValue())))
        m_picker->SetValue(ToWxDate(m_week.first));

    m_list->DeleteAllItems();
    m_rows.clear();
    const auto heading = [&](const wxString& text, bool overdue) {
        wxVector<wxVariant> row;
        const wxString bold = "<b>" + EscapeMarkup(text) + "</b>";
        row.push_back(
            wxVariant(overdue ? wxString::Format("<span foreground='%s'>%s</span>",
                                                 OverdueText().GetAsString(wxC2S_HTML_SYNTAX), bold)
                              : bold));
        for (int i = 0; i < 6; ++i)
            row.push_back(wxVariant(wxString()));
        m_list->AppendItem(row);
        m_rows.emplace_back(std::nullopt);
    };
    const auto line = [&](const store::FollowUpItem& item, bool overdue) {
        wxVector<wxVariant> row;
        const wxString state = FormatDueState(item.follow_up.due, today);
        const wxString due =
            overdue ? FormatDayMonth(item.follow_up.due, true) + ", " + state : state;
        row.push_back(
            wxVariant(overdue ? Coloured(OverdueText(), "   " + due) : EscapeMarkup("   " + due)));
        row.push_back(wxVariant(EscapeMarkup(Wx(item.customer_name))));
        row.push_back(
            wxVariant(EscapeMarkup(ContactLine(item.customer_phone, item.customer_email))));
        row.push_back(wxVariant(EscapeMarkup(ProfileCell(item.customer_prefers))));
        // A call to a customer with no incident is about what its note says.
        const bool no_incident = item.interaction_id == 0;
        row.push_back(
            wxVariant(EscapeMarkup(OneLine(no_incident ? item.follow_up.note : item.summary))));
        row.push_back(wxVariant(EscapeMarkup(
            FormatOfferedResolutions(item.resolutions, m_services.settings().currency))));
        row.push_back(
            wxVariant(EscapeMarkup(no_incident ? wxString() : OneLine(item.follow_up.note))));
        m_list->AppendItem(row);
        m_rows.emplace_back(item);
    };
    if (!agenda.overdue.empty()) {
        heading(wxString::Format(_("Overdue (%zu)"), agenda.overdue.size()), true);
        for (const auto& item : agenda.overdue)
            line(item, true);
    }
    std::optional<Date> day;
    for (const auto& item : agenda.week_items) {
        if (day != item.follow_up.due) {
            day = item.follow_up.due;
            heading(FormatDayMonth(*day), false);
        }
        line(item, false);
    }

    wxString summary;
    if (agenda.overdue.empty() && agenda.week_items.empty())
        summary = m_week.last < today
                      ? _("Nothing overdue. Follow-ups of past weeks that are still open are "
                          "listed as overdue.")
                      : _("Nothing overdue and nothing due this week.");
    else
        summary = wxString::Format(_("%zu overdue, %zu due in this week from today on."),
                                   agenda.overdue.size(), agenda.week_items.size());
    m_summary->SetLabelText(summary);
    if (keep)
        Select(*keep);
    Layout();
}

std::vector<Id> FollowUpsView::ListedIds() const {
    std::vector<Id> ids;
    for (const auto& row : m_rows)
        if (row)
            ids.push_back(row->follow_up.id);
    return ids;
}

std::optional<store::FollowUpItem> FollowUpsView::Selected() const {
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_rows.size())
        return std::nullopt;
    return m_rows[static_cast<std::size_t>(row)];
}

std::optional<Id> FollowUpsView::SelectedId() const {
    if (const auto item = Selected())
        return item->follow_up.id;
    return std::nullopt;
}

bool FollowUpsView::Select(Id follow_up) {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i] && m_rows[i]->follow_up.id == follow_up) {
            m_list->SelectRow(static_cast<unsigned>(i));
            m_list->EnsureVisible(m_list->RowToItem(static_cast<int>(i)));
            return true;
        }
    }
    return false;
}

void FollowUpsView::MarkDone(Outcome preselected) {
    const auto item = Selected();
    if (!item)
        return;
    const auto answer = AskOutcome(this, *item, preselected);
    if (!answer)
        return;
    try {
        const FollowUp before = store::FollowUpRepo(m_services.db())
                                    .mark_done(item->follow_up.id, answer->outcome, answer->note,
                                               answer->minutes, m_services.today(), answer->answer);
        Services& services = m_services;
        m_services.undo.push(_("Follow-up done"), [&services, before] {
            store::FollowUpRepo(services.db()).restore(before);
        });
    } catch (const std::exception& e) {
        ShowError(this, e, _("The follow-up was not changed"));
        return;
    }
    Tell(wxString::Format(_("Follow-up with %s done: %s. Ctrl+Z undoes."), Wx(item->customer_name),
                          Label(answer->outcome)));
    m_services.changes.notify();
    if (answer->outcome == Outcome::still_unhappy)
        AfterStillUnhappy(*item);
}

// A customer still unhappy needs something more: a new incident logged now, or another call.
void FollowUpsView::AfterStillUnhappy(const store::FollowUpItem& item) {
    wxMessageDialog ask(
        this, wxString::Format(_("%s is still unhappy. What next?"), Wx(item.customer_name)),
        _("Still unhappy"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("Log a new incident"), _("Follow up again in a week"),
                             _("Nothing now"));
    const int answer = ask.ShowModal();
    if (answer == wxID_YES) {
        if (m_hooks.log_incident)
            m_hooks.log_incident(item.customer_id);
    } else if (answer == wxID_NO) {
        try {
            const Date due = add_days(m_services.today(), 7);
            store::FollowUpRepo repo(m_services.db());
            const Id id =
                item.interaction_id == 0
                    ? repo.schedule_for_customer(item.customer_id, due, item.follow_up.note)
                    : repo.schedule(item.interaction_id, due, item.follow_up.note);
            Services& services = m_services;
            m_services.undo.push(_("Schedule follow-up"), [&services, id] {
                store::FollowUpRepo(services.db()).remove(id);
            });
            Tell(wxString::Format(_("Another follow-up with %s on %s."), Wx(item.customer_name),
                                  FormatDate(due)));
        } catch (const std::exception& e) {
            ShowError(this, e, _("No follow-up was scheduled"));
        }
        m_services.changes.notify();
    }
}

void FollowUpsView::Move(Date new_due) {
    const auto item = Selected();
    if (!item)
        return;
    try {
        const FollowUp before =
            store::FollowUpRepo(m_services.db()).move(item->follow_up.id, new_due);
        Services& services = m_services;
        m_services.undo.push(_("Move follow-up"), [&services, before] {
            store::FollowUpRepo(services.db()).restore(before);
        });
    } catch (const std::exception& e) {
        ShowError(this, e, _("The follow-up was not moved"));
        return;
    }
    Tell(wxString::Format(_("Follow-up with %s moved to %s. Ctrl+Z undoes."),
                          Wx(item->customer_name), FormatDate(new_due)));
    m_services.changes.notify();
}

void FollowUpsView::MoveByDays(int days) {
    const auto item = Selected();
    if (!item)
        return;
    // Snoozing an overdue call counts from today: "+1 day" means tomorrow, not the day after
    // a date long gone.
    const Date from = std::max(item->follow_up.due, m_services.today());
    Move(add_days(from, days));
}

void FollowUpsView::MoveToPickedDay() {
    const auto item = Selected();
    if (!item)
        return;
    if (const auto day = AskDay(this, std::max(item->follow_up.due, m_services.today()),
                                _("Move the follow-up to")))
        Move(*day);
}

std::optional<DraftMessage> FollowUpsView::DraftForSelected() const {
    const auto item = Selected();
    if (!item)
        return std::nullopt;
    return store::draft_follow_up_message(*item, m_services.settings(), UiMessageLanguage());
}

void FollowUpsView::WriteToThem() {
    const auto item = Selected();
    const auto draft = DraftForSelected();
    if (!item || !draft)
        return;
    const wxString url = Wx(mailto_url(*draft));
    // wxLaunchDefaultBrowser hands a mailto: URL to the desktop's opener (xdg-open, the
    // Windows shell), which starts the owner's mail program.
    if (!m_openUrl(url)) {
        // No mail program: the text is not lost, it goes to the clipboard instead.
        CopyMessage();
        wxMessageBox(_("No mail program opened. The message is on the clipboard: paste it "
                       "into an email or a text message."),
                     _("Write to them"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Tell(draft->to.empty()
             ? wxString::Format(_("%s has no email address saved: type it in the mail program."),
                                Wx(item->customer_name))
             : wxString::Format(_("A message to %s is open in your mail program."),
                                Wx(item->customer_name)));
}

bool FollowUpsView::CopyMessage() {
    const auto item = Selected();
    const auto draft = DraftForSelected();
    if (!item || !draft)
        return false;
    // The text alone, for a text message or a chat; the subject is for email.
    wxClipboardLocker lock;
    if (!lock || !wxTheClipboard->SetData(new wxTextDataObject(Wx(draft->body)))) {
        wxMessageBox(_("The clipboard could not be opened; nothing was copied."), _("Copy message"),
                     wxOK | wxICON_WARNING, this);
        return false;
    }
    wxTheClipboard->Flush(); // stays there after Rapport closes
    Tell(wxString::Format(_("The message to %s is on the clipboard."), Wx(item->customer_name)));
    return true;
}

wxString FollowUpsView::PrintHtml() {
    const auto agenda = store::FollowUpRepo(m_services.db()).agenda(m_services.today(), m_week);
    return WeeklyReviewHtml(agenda, Wx(m_services.settings().business_name),
                            m_services.settings().currency);
}

void FollowUpsView::Print() {
    if (!m_printing) {
        m_printing = std::make_unique<wxHtmlEasyPrinting>(_("Follow-ups"), this);
        m_printing->SetFooter(_("Page @PAGENUM@ of @PAGESCNT@"));
    }
    m_printing->PrintText(PrintHtml());
}

void FollowUpsView::PrintPreview() {
    if (!m_printing) {
        m_printing = std::make_unique<wxHtmlEasyPrinting>(_("Follow-ups"), this);
        m_printing->SetFooter(_("Page @PAGENUM@ of @PAGESCNT@"));
    }
    m_printing->PreviewText(PrintHtml());
    NamePreviewControls();
}

void ExportFollowUpsToCalendar(wxWindow* parent, Services& services) {
    wxFileDialog ask(parent, _("Export follow-ups to calendar"), wxString(),
                     "rapport-followups.ics", _("iCalendar files (*.ics)|*.ics"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK)
        return;
    wxString path = ask.GetPath();
    if (!path.Lower().EndsWith(".ics"))
        path += ".ics";
    try {
        const std::size_t events =
            exchange::export_follow_ups_ics(services.db(), path_from_utf8(Utf8(path)));
        wxMessageBox(wxString::Format(wxPLURAL("%zu open follow-up written to %s. Import the file "
                                               "in your calendar; importing a newer one updates "
                                               "the events instead of doubling them.",
                                               "%zu open follow-ups written to %s. Import the "
                                               "file in your calendar; importing a newer one "
                                               "updates the events instead of doubling them.",
                                               events),
                                      events, path),
                     _("Export follow-ups to calendar"), wxOK | wxICON_INFORMATION, parent);
    } catch (const std::exception& e) {
        ShowError(parent, e, _("The calendar file was not written"));
    }
}

void FollowUpsView::Tell(const wxString& message) {
    if (m_hooks.tell)
        m_hooks.tell(message);
}

} // namespace rapport::gui
