// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/log_incident_dialog.h"

#include "core/errors.h"
#include "core/limits.h"
#include "core/staff.h"
#include "gui/accessibility.h"
#include "gui/contact_profile_ui.h"
#include "gui/customer_completer.h"
#include "gui/edit_conflict_view.h"
#include "gui/enum_choice.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/logged_by.h"
#include "gui/resolution_rows.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "store/log_incident.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>
#include <wx/timer.h>

#include <memory>

namespace rapport::gui {
namespace {

// How far back the repeat-complainer banner looks.
constexpr int kBannerDays = 90;

class LogIncidentDialog : public wxDialog {
public:
    LogIncidentDialog(wxWindow* parent, Services& services, std::optional<Interaction> editing);

    // Set once the incident is saved.
    std::optional<Id> saved_id;

    void PresetCustomer(Id id);

private:
    void BuildLayout();
    wxSizer* BuildFollowUp();
    void ApplyCategoryDefault();
    void UpdateCustomerState();
    void LoadForEditing(const Interaction& i);
    void FitToContent();

    Interaction Collect();
    void Save();
    bool HasUnsavedText() const;
    void ShowEditConflict(const store::EditConflict& e, const Interaction& mine);
    void Cancel();

    Services& m_services;
    std::optional<Interaction> m_editing;
    std::optional<Id> m_fixedCustomer; // chosen before the dialog opened, or being edited
    wxString m_fixedCustomerName;      // as typed into the field for m_fixedCustomer

    wxPanel* m_banner = nullptr;
    wxStaticText* m_bannerText = nullptr;
    ProfileBanner* m_profile = nullptr; // how the known customer likes to be dealt with
    wxTextCtrl* m_customer = nullptr;
    wxStaticText* m_customerState = nullptr;
    wxStaticText* m_phoneLabel = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxDatePickerCtrl* m_date = nullptr;
    wxTimePickerCtrl* m_time = nullptr;
    wxChoice* m_channel = nullptr;
    wxComboBox* m_loggedBy = nullptr; // who saves (gui/logged_by.h)
    wxChoice* m_category = nullptr;
    wxChoice* m_severity = nullptr;
    wxTextCtrl* m_summary = nullptr;
    wxTextCtrl* m_asked = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
    wxTextCtrl* m_escalated = nullptr;
    std::unique_ptr<ResolutionRows> m_resolutions; // "Given to make it right"
    wxStaticText* m_existingFollowUps = nullptr;
    wxRadioButton* m_fuNone = nullptr;
    wxRadioButton* m_fu2Days = nullptr;
    wxRadioButton* m_fu1Week = nullptr;
    wxRadioButton* m_fuOn = nullptr;
    wxDatePickerCtrl* m_fuDate = nullptr;
    wxTextCtrl* m_fuNote = nullptr;
    wxTextCtrl* m_lesson = nullptr;
    wxCheckBox* m_listened = nullptr;
    wxCheckBox* m_empathised = nullptr;
    wxCheckBox* m_apologised = nullptr;
    wxCheckBox* m_offered = nullptr;
    wxCheckBox* m_agreedFollowUp = nullptr;
    wxTimer m_lookupTimer;
};

LogIncidentDialog::LogIncidentDialog(wxWindow* parent, Services& services,
                                     std::optional<Interaction> editing)
    : wxDialog(parent, wxID_ANY, editing ? _("Edit incident") : _("Log incident"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_services(services), m_editing(std::move(editing)), m_lookupTimer(this) {
    SetName("log_incident_dialog");
    BuildLayout();
    RouteLabelMnemonics(this);
    if (m_editing)
        LoadForEditing(*m_editing);
    else
        ApplyCategoryDefault();
    UpdateCustomerState();
    FitToContent();
    CentreOnParent();

    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { UpdateCustomerState(); });
    // Skip: the type-ahead listens to the same event.
    m_customer->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        m_lookupTimer.StartOnce(250);
        e.Skip();
    });
    m_category->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyCategoryDefault(); });
    // Ctrl+Enter saves from any field, including the multi-line ones where Enter is a newline.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && e.GetModifiers() == wxMOD_CONTROL) {
            Save();
            return;
        }
        e.Skip();
    });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_SAVE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Cancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Cancel(); });
    m_customer->SetFocus();
}

void LogIncidentDialog::BuildLayout() {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The repeat-complainer banner, hidden until a known customer with complaints is chosen.
    m_banner = new wxPanel(this);
    m_banner->SetBackgroundColour(WarningBackground());
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, wxString());
    m_bannerText->SetForegroundColour(WarningForeground());
    m_bannerText->SetName("banner");
    wxFont bold = m_bannerText->GetFont();
    bold.MakeBold();
    m_bannerText->SetFont(bold);
    auto* bannerSizer = new wxBoxSizer(wxHORIZONTAL);
    bannerSizer->Add(m_bannerText, 1, wxALL, FromDIP(8));
    m_banner->SetSizer(bannerSizer);
    top->Add(m_banner, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);
    m_banner->Hide();
    m_profile = new ProfileBanner(this);
    top->Add(m_profile, 0, wxEXPAND | wxLEFT | wxRIGHT, space);

    auto* grid = new wxFlexGridSizer(2, gap, space);
    grid->AddGrowableCol(1, 1);
    const auto label = [&](const wxString& text, bool top_aligned = false) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        grid->Add(l, 0, (top_aligned ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL),
                  top_aligned ? FromDIP(4) : 0);
        return l;
    };

    // Customer, with type-ahead and an inline note saying whether it is known or new.
    label(_("C&ustomer:"));
    auto* customerRow = new wxBoxSizer(wxHORIZONTAL);
    m_customer =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(260), -1));
    m_customer->SetName("customer");
    m_customer->SetHint(_("Name, as you know them"));
    m_customer->AutoComplete(new CustomerCompleter(m_services));
    customerRow->Add(m_customer, 0, wxALIGN_CENTER_VERTICAL);
    m_customerState = new wxStaticText(this, wxID_ANY, wxString());
    m_customerState->SetForegroundColour(SubtleText());
    m_customerState->SetName("customer_state");
    customerRow->Add(m_customerState, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, space);
    grid->Add(customerRow, 1, wxEXPAND);

    m_phoneLabel = new wxStaticText(this, wxID_ANY, _("Their &phone:"));
    grid->Add(m_phoneLabel, 0, wxALIGN_CENTER_VERTICAL);
    m_phone =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(260), -1));
    m_phone->SetName("new_customer_phone");
    m_phone->SetHint(_("Optional, for the new customer"));
    grid->Add(m_phone, 0);

    auto* whenLabel = label(_("&When:"));
    auto* whenRow = new wxBoxSizer(wxHORIZONTAL);
    m_date = NewDatePicker(this, wxDefaultDateTime, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_time = new wxTimePickerCtrl(this, wxID_ANY);
    // Fields with no label of their own: the tooltip for the mouse, a name for screen readers.
    m_time->SetToolTip(_("Time of the call or visit"));
    SetAccessibleName(m_time, _("Time of the call or visit"));
    SetLabelFor(whenLabel, m_date);
    const LocalDateTime now = now_local();
    m_date->SetValue(ToWxDate(m_services.today()));
    wxDateTime time = wxDateTime::Now();
    time.SetHour(static_cast<wxDateTime::wxDateTime_t>(now.minutes_of_day / 60));
    time.SetMinute(static_cast<wxDateTime::wxDateTime_t>(now.minutes_of_day % 60));
    time.SetSecond(0);
    m_time->SetValue(time);
    whenRow->Add(m_date, 0, wxALIGN_CENTER_VERTICAL);
    whenRow->Add(m_time, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    whenRow->AddSpacer(space * 2);
    whenRow->Add(new wxStaticText(this, wxID_ANY, _("Cha&nnel:")), 0, wxALIGN_CENTER_VERTICAL);
    m_channel = new wxChoice(this, wxID_ANY);
    m_channel->SetName("channel");
    FillChoice(m_channel, all_channels());
    m_channel->SetSelection(0);
    whenRow->Add(m_channel, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    whenRow->AddSpacer(space * 2);
    whenRow->Add(new wxStaticText(this, wxID_ANY, _("Logged &by:")), 0, wxALIGN_CENTER_VERTICAL);
    m_loggedBy = MakeLoggedByField(this, m_services);
    whenRow->Add(m_loggedBy, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    grid->Add(whenRow, 1, wxEXPAND);

    label(_("Ca&tegory:"));
    auto* kindRow = new wxBoxSizer(wxHORIZONTAL);
    m_category = new wxChoice(this, wxID_ANY);
    m_category->SetName("category");
    FillChoice(m_category, all_categories());
    m_category->SetSelection(0);
    kindRow->Add(m_category, 0, wxALIGN_CENTER_VERTICAL);
    kindRow->AddSpacer(space * 2);
    kindRow->Add(new wxStaticText(this, wxID_ANY, _("Se&verity:")), 0, wxALIGN_CENTER_VERTICAL);
    m_severity = new wxChoice(this, wxID_ANY);
    m_severity->SetName("severity");
    for (int s = 1; s <= 5; ++s)
        m_severity->Append(SeverityLabel(s));
    m_severity->SetSelection(2);
    kindRow->Add(m_severity, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    grid->Add(kindRow, 1, wxEXPAND);

    label(_("What &happened:"), true);
    m_summary = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                               wxSize(-1, FromDIP(64)), wxTE_MULTILINE);
    m_summary->SetName("summary");
    grid->Add(m_summary, 1, wxEXPAND);

    label(_("The&y asked for:"));
    m_asked = new wxTextCtrl(this, wxID_ANY);
    m_asked->SetName("asked_for");
    grid->Add(m_asked, 1, wxEXPAND);

    label(_("&Minutes spent:"));
    auto* effortRow = new wxBoxSizer(wxHORIZONTAL);
    m_minutes = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, kMinutesMin, kMinutesMax, 0);
    // Room for five digits and both buttons in the font in use (big text needs more). GTK's
    // own width counts its buttons as drawn; wx's estimate came 10 px short at 150 % text.
    m_minutes->SetMinSize(
        wxSize(std::max({FromDIP(150), m_minutes->GetSizeFromTextSize(GetTextExtent("00000").x).x,
                         m_minutes->GetBestSize().x}),
               -1));
    m_minutes->SetName("minutes");
    effortRow->Add(m_minutes, 0, wxALIGN_CENTER_VERTICAL);
    effortRow->AddSpacer(space * 2);
    effortRow->Add(new wxStaticText(this, wxID_ANY, _("&Escalated to:")), 0,
                   wxALIGN_CENTER_VERTICAL);
    m_escalated = new wxTextCtrl(this, wxID_ANY);
    m_escalated->SetName("escalated_to");
    m_escalated->SetHint(_("Nobody"));
    effortRow->Add(m_escalated, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    grid->Add(effortRow, 1, wxEXPAND);

    label(_("Given to make it right:"), true);
    m_resolutions = std::make_unique<ResolutionRows>(this, [this] { FitToContent(); });
    grid->Add(m_resolutions->sizer(), 1, wxEXPAND);

    label(_("Follow up:"), true);
    grid->Add(BuildFollowUp(), 1, wxEXPAND);

    label(_("&Lesson learned:"));
    m_lesson = new wxTextCtrl(this, wxID_ANY);
    m_lesson->SetName("lesson");
    m_lesson->SetHint(_("Root cause, or what to do differently next time"));
    grid->Add(m_lesson, 1, wxEXPAND);

    label(_("You did:"));
    auto* checks = new wxBoxSizer(wxHORIZONTAL);
    m_listened = new wxCheckBox(this, wxID_ANY, _("Listene&d"));
    m_empathised = new wxCheckBox(this, wxID_ANY, _("Empath&ised"));
    m_apologised = new wxCheckBox(this, wxID_ANY, _("Apolo&gised"));
    m_offered = new wxCheckBox(this, wxID_ANY, _("O&ffered solutions"));
    m_agreedFollowUp = new wxCheckBox(this, wxID_ANY, _("Ag&reed a follow-up"));
    m_listened->SetName("listened");
    for (wxCheckBox* box : {m_listened, m_empathised, m_apologised, m_offered, m_agreedFollowUp})
        checks->Add(box, 0, wxRIGHT, space);
    grid->Add(checks, 1, wxEXPAND);

    top->Add(grid, 1, wxEXPAND | wxALL, space);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(MakeNote(this, _("Ctrl+Enter saves")), 0, wxALIGN_CENTER_VERTICAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL), 0, wxRIGHT, gap);
    // No default button: Enter in a field must never save half an incident by accident.
    buttons->Add(new wxButton(this, wxID_SAVE, _("&Save")), 0);
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, space);
    SetSizer(top);
}

wxSizer* LogIncidentDialog::BuildFollowUp() {
    const int gap = FromDIP(kGap);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_existingFollowUps = new wxStaticText(this, wxID_ANY, wxString());
    m_existingFollowUps->Hide();
    column->Add(m_existingFollowUps, 0, wxBOTTOM, gap);

    auto* picks = new wxBoxSizer(wxHORIZONTAL);
    m_fuNone =
        new wxRadioButton(this, wxID_ANY, _("No"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_fu2Days = new wxRadioButton(this, wxID_ANY, _("In &2 days"));
    m_fu1Week = new wxRadioButton(this, wxID_ANY, _("In a wee&k"));
    m_fuOn = new wxRadioButton(this, wxID_ANY, _("&On"));
    m_fuNone->SetName("followup_none");
    m_fu2Days->SetName("followup_2days");
    m_fu1Week->SetName("followup_1week");
    m_fuOn->SetName("followup_on");
    m_fuDate = NewDatePicker(this, ToWxDate(add_days(m_services.today(), 3)),
                             wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_fuDate->SetToolTip(_("Day of the follow-up"));
    SetAccessibleName(m_fuDate, _("Day of the follow-up"));
    m_fuDate->Disable();
    for (wxRadioButton* b : {m_fuNone, m_fu2Days, m_fu1Week, m_fuOn})
        picks->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(kSpace));
    picks->Add(m_fuDate, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, -FromDIP(kSpace) + gap);
    column->Add(picks, 0, wxEXPAND);

    m_fuNote = new wxTextCtrl(this, wxID_ANY);
    m_fuNote->SetName("followup_note");
    m_fuNote->SetHint(_("What to check when you call back"));
    SetAccessibleName(m_fuNote, _("What to check when you call back"));
    m_fuNote->Disable();
    column->Add(m_fuNote, 0, wxEXPAND | wxTOP, gap);

    const auto picked = [this](wxCommandEvent&) {
        const bool any = !m_fuNone->GetValue();
        m_fuDate->Enable(m_fuOn->GetValue());
        m_fuNote->Enable(any);
        // Choosing a date is agreeing a follow-up: tick it, the owner can still untick.
        if (any)
            m_agreedFollowUp->SetValue(true);
    };
    for (wxRadioButton* b : {m_fuNone, m_fu2Days, m_fu1Week, m_fuOn})
        b->Bind(wxEVT_RADIOBUTTON, picked);
    return column;
}

void LogIncidentDialog::FitToContent() {
    m_resolutions->Fit();
    Layout();
    GetSizer()->SetSizeHints(this);
    const wxSize best = GetBestSize();
    SetSize(wxSize(std::max(GetSize().x, FromDIP(760)), best.y));
}

void LogIncidentDialog::ApplyCategoryDefault() {
    if (m_resolutions->touched())
        return;
    m_resolutions->Clear();
    const Category category = ChoiceValue(m_category, all_categories());
    try {
        if (auto d = m_services.settings_store.category_default(category)) {
            Resolution r;
            r.type = d->resolution;
            r.cost = d->cost;
            r.status = kStatusOfResolutionLoggedNow;
            m_resolutions->Add(r);
        }
    } catch (const std::exception&) {
        // A default is a suggestion; without it the owner adds what was given by hand.
    }
    if (IsShown())
        FitToContent();
}

void LogIncidentDialog::PresetCustomer(Id id) {
    const Customer c = m_services.customers.get(id);
    m_fixedCustomer = id;
    m_fixedCustomerName = Wx(c.name);
    m_customer->ChangeValue(m_fixedCustomerName);
    UpdateCustomerState();
    FitToContent();
    m_summary->SetFocus();
}

void LogIncidentDialog::UpdateCustomerState() {
    const wxString typed = m_customer->GetValue().Strip(wxString::both);
    std::optional<Id> known;
    bool is_new = false;
    if (m_fixedCustomer && typed == m_fixedCustomerName.Strip(wxString::both)) {
        known = m_fixedCustomer;
        m_customerState->SetLabelText(_("Known customer"));
    } else if (typed.empty()) {
        m_customerState->SetLabelText(wxString());
    } else {
        const auto matches = m_services.customer_table.named(Utf8(typed));
        if (matches.size() == 1) {
            known = matches.front().id;
            m_customerState->SetLabelText(
                matches.front().phone.empty()
                    ? _("Known customer")
                    : wxString::Format(_("Known customer, %s"), Wx(matches.front().phone)));
        } else if (matches.empty()) {
            is_new = true;
            m_customerState->SetLabelText(_("New customer: added when you save"));
        } else {
            m_customerState->SetLabelText(wxString::Format(
                _("%zu customers have this name; you will pick one"), matches.size()));
        }
    }
    // Rows appearing or going change the dialog's height, not just its layout.
    bool resize = m_phone->IsShown() != is_new;
    m_phoneLabel->Show(is_new);
    m_phone->Show(is_new);

    bool banner = false;
    if (known) {
        const Date today = m_services.today();
        const auto recent = m_services.interactions.recent(*known, add_days(today, -kBannerDays));
        const auto all = m_services.interactions.recent(
            *known, Date{date::year{1}, date::January, date::day{1}});
        // Editing an incident must not count the incident itself as an earlier complaint.
        const std::int64_t self = m_editing ? 1 : 0;
        const std::int64_t in_window = recent.complaints - self;
        const std::int64_t earlier = all.complaints - self;
        const wxString money = FormatMoney(all.given_back, m_services.settings().currency);
        if (in_window > 0) {
            m_bannerText->SetLabelText(
                wxString::Format(_("%s complaint in %d days, %s given back so far."),
                                 Ordinal(in_window + 1), kBannerDays, money));
            banner = true;
        } else if (earlier > 0) {
            m_bannerText->SetLabelText(wxString::Format(
                wxPLURAL("%lld earlier complaint, %s given back so far.",
                         "%lld earlier complaints, %s given back so far.", earlier),
                static_cast<long long>(earlier), money));
            banner = true;
        }
    }
    const bool had_profile = m_profile->IsShown();
    const bool profile = m_profile->ShowFor(m_services, known);
    resize = resize || banner != m_banner->IsShown() || banner || profile != had_profile || profile;
    m_banner->Show(banner);
    if (resize && IsShown())
        FitToContent();
    else
        Layout();
}

void LogIncidentDialog::LoadForEditing(const Interaction& i) {
    const Customer c = m_services.customers.get(i.customer_id);
    m_fixedCustomer = c.id;
    m_fixedCustomerName = Wx(c.name);
    m_customer->ChangeValue(m_fixedCustomerName);
    m_date->SetValue(ToWxDate(i.at.day));
    wxDateTime time = m_time->GetValue();
    time.SetHour(static_cast<wxDateTime::wxDateTime_t>(i.at.minutes_of_day / 60));
    time.SetMinute(static_cast<wxDateTime::wxDateTime_t>(i.at.minutes_of_day % 60));
    m_time->SetValue(time);
    m_channel->SetSelection(IndexOf(all_channels(), i.channel));
    m_category->SetSelection(IndexOf(all_categories(), i.category));
    m_severity->SetSelection(std::clamp(i.severity, kSeverityMin, kSeverityMax) - kSeverityMin);
    m_summary->ChangeValue(Wx(i.summary));
    m_asked->ChangeValue(Wx(i.asked_for));
    m_minutes->SetValue(i.minutes);
    m_escalated->ChangeValue(Wx(i.escalated_to));
    m_lesson->ChangeValue(Wx(i.lesson));
    for (const Resolution& r : i.resolutions)
        m_resolutions->Add(r);
    m_resolutions->MarkTouched();
    m_listened->SetValue(i.checklist.listened);
    m_empathised->SetValue(i.checklist.empathised);
    m_apologised->SetValue(i.checklist.apologised);
    m_offered->SetValue(i.checklist.offered_solutions);
    m_agreedFollowUp->SetValue(i.checklist.agreed_follow_up);
    if (!i.follow_ups.empty()) {
        wxString text = _("Already planned:");
        for (const FollowUp& f : i.follow_ups) {
            text += "  " + FormatDate(f.due);
            text += f.is_done() ? wxString::Format(_(" (done %s)"), FormatDate(*f.done_on))
                                : wxString(_(" (open)"));
        }
        m_existingFollowUps->SetLabelText(text);
        m_existingFollowUps->Show();
        m_fuNone->SetLabelText(_("No other"));
    }
}

Interaction LogIncidentDialog::Collect() {
    Interaction i = m_editing.value_or(Interaction{});
    const wxString summary = m_summary->GetValue().Strip(wxString::both);
    if (summary.empty()) {
        m_summary->SetFocus();
        throw InputError(Utf8(_("Say in a few words what happened.")));
    }
    i.summary = Utf8(summary);
    i.asked_for = Utf8(m_asked->GetValue().Strip(wxString::both));
    i.lesson = Utf8(m_lesson->GetValue().Strip(wxString::both));
    i.escalated_to = Utf8(m_escalated->GetValue().Strip(wxString::both));
    i.minutes = m_minutes->GetValue();
    i.channel = ChoiceValue(m_channel, all_channels());
    i.category = ChoiceValue(m_category, all_categories());
    i.severity = m_severity->GetSelection() + 1;
    const wxDateTime time = m_time->GetValue();
    i.at = LocalDateTime{FromWxDate(m_date->GetValue()), time.GetHour() * 60 + time.GetMinute()};
    i.checklist.listened = m_listened->GetValue();
    i.checklist.empathised = m_empathised->GetValue();
    i.checklist.apologised = m_apologised->GetValue();
    i.checklist.offered_solutions = m_offered->GetValue();
    i.checklist.agreed_follow_up = m_agreedFollowUp->GetValue();

    i.resolutions =
        m_resolutions->Read(i.id, m_editing ? m_editing->resolutions : std::vector<Resolution>{});

    std::optional<Date> due;
    const Date today = m_services.today();
    if (m_fu2Days->GetValue())
        due = add_days(today, 2);
    else if (m_fu1Week->GetValue())
        due = add_days(today, 7);
    else if (m_fuOn->GetValue())
        due = FromWxDate(m_fuDate->GetValue());
    if (due) {
        FollowUp f;
        f.due = *due;
        f.note = Utf8(m_fuNote->GetValue().Strip(wxString::both));
        i.follow_ups.push_back(f);
    }
    return i;
}

void LogIncidentDialog::Save() {
    Interaction incident;
    try {
        incident = Collect();
    } catch (const std::exception& e) {
        ShowError(this, e, _("Not saved yet"));
        return;
    }

    try {
        const wxString typed = m_customer->GetValue().Strip(wxString::both);
        if (typed.empty()) {
            m_customer->SetFocus();
            throw InputError(Utf8(_("Type the customer's name, or pick one from the list.")));
        }
        // A name nobody has yet is a new customer, saved with the incident in one transaction.
        std::optional<Customer> new_customer;
        if (m_fixedCustomer && typed == m_fixedCustomerName.Strip(wxString::both)) {
            incident.customer_id = *m_fixedCustomer;
        } else {
            const auto matches = m_services.customer_table.named(Utf8(typed));
            if (matches.size() == 1) {
                incident.customer_id = matches.front().id;
            } else if (matches.size() > 1) {
                wxArrayString options;
                for (const auto& m : matches) {
                    options.push_back(
                        wxString::Format(_("%s, %s (no. %lld)"), Wx(m.name),
                                         m.phone.empty() ? wxString(_("no phone")) : Wx(m.phone),
                                         static_cast<long long>(m.id)));
                }
                const int pick =
                    wxGetSingleChoiceIndex(_("Which customer was it?"),
                                           _("Several customers have this name"), options, 0, this);
                if (pick < 0)
                    return;
                incident.customer_id = matches[static_cast<std::size_t>(pick)].id;
            } else {
                Customer c;
                c.name = Utf8(typed);
                c.phone = Utf8(m_phone->GetValue().Strip(wxString::both));
                new_customer = c;
            }
        }

        ApplyLoggedBy(m_loggedBy, m_services);
        Services& services = m_services;
        if (m_editing) {
            Interaction before = *m_editing;
            const store::SavedEdit saved =
                store::save_incident_edit(m_services.db(), incident, new_customer);
            const auto created = saved.new_customer_id;
            saved_id = incident.id;
            // Undo puts back the version before only over this edit's own: someone's later save
            // makes it refuse with their name (EditConflict) instead of overwriting it.
            before.version = saved.version;
            m_services.undo.push(_("Edit incident"), [&services, before, created] {
                services.interactions.update(before);
                // A customer created by this edit alone goes when the incident leaves them.
                if (created && services.interactions.for_customer(*created).empty() &&
                    services.purchases.for_customer(*created).empty())
                    services.customers.remove(*created);
            });
        } else {
            const store::LoggedIncident logged =
                store::log_incident(m_services.db(), incident, new_customer);
            saved_id = logged.interaction_id;
            m_services.undo.push(_("Log incident"), [&services, logged] {
                store::unlog_incident(services.db(), logged);
            });
        }
    } catch (const store::EditConflict& e) {
        ShowEditConflict(e, incident);
        return;
    } catch (const std::exception& e) {
        // Nothing was written (one transaction): what was typed stays in the dialog.
        ShowError(this, e, _("The incident was not saved"));
        return;
    }
    m_services.changes.notify();
    EndModal(wxID_OK);
}

// Someone else saved this incident while the dialog was open: nothing was written. What was
// typed stays, and the dialog now starts from their version (gui/edit_conflict_view.h).
void LogIncidentDialog::ShowEditConflict(const store::EditConflict& e, const Interaction& mine) {
    wxString both;
    try {
        if (const auto theirs = m_services.interactions.find(mine.id)) {
            both = IncidentVersions(*theirs, mine);
            m_editing->version = theirs->version;
        }
    } catch (const std::exception&) {
    }
    gui::ShowEditConflict(this, e, _("Someone else changed this incident"), both);
}

bool LogIncidentDialog::HasUnsavedText() const {
    if (m_editing)
        return m_summary->IsModified() || m_asked->IsModified() || m_lesson->IsModified();
    return !m_summary->IsEmpty() || !m_asked->IsEmpty() || !m_lesson->IsEmpty();
}

void LogIncidentDialog::Cancel() {
    if (HasUnsavedText()) {
        wxMessageDialog ask(this, _("Close without saving? What you typed will be lost."),
                            _("Discard this incident?"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep editing"));
        if (ask.ShowModal() != wxID_YES)
            return;
    }
    EndModal(wxID_CANCEL);
}

} // namespace

std::optional<Id> ShowLogIncidentDialog(wxWindow* parent, Services& services,
                                        std::optional<Id> customer) {
    LogIncidentDialog dlg(parent, services, std::nullopt);
    if (customer)
        dlg.PresetCustomer(*customer);
    if (dlg.ShowModal() != wxID_OK)
        return std::nullopt;
    return dlg.saved_id;
}

bool ShowEditIncidentDialog(wxWindow* parent, Services& services, Id interaction_id) {
    LogIncidentDialog dlg(parent, services, services.interactions.get(interaction_id));
    return dlg.ShowModal() == wxID_OK;
}

} // namespace rapport::gui
