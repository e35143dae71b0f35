// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/settings_dialog.h"

#include "core/errors.h"
#include "core/followup_message.h"
#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "store/category_defaults.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace rapport::gui {
namespace {

// Monday first, as most owners read a week; the stored value is the English key.
constexpr std::array<date::weekday, 7> kWeekdays = {date::Monday,   date::Tuesday, date::Wednesday,
                                                    date::Thursday, date::Friday,  date::Saturday,
                                                    date::Sunday};

// Fractions are shown with the locale's decimal separator and stored with '.'.
wxString LocalFraction(double v) {
    wxString text = Wx(fmt::format("{}", v));
    text.Replace(".", wxString(wxNumberFormatter::GetDecimalSeparator()));
    return text;
}

std::string InvariantNumber(const wxTextCtrl* field) {
    wxString text = field->GetValue().Strip(wxString::both);
    text.Replace(wxString(wxNumberFormatter::GetDecimalSeparator()), ".");
    return Utf8(text);
}

class SettingsDialog : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, Services& services)
        : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          m_services(services) {
        const Settings& s = m_services.settings();
        const int gap = FromDIP(kGap);
        const int space = FromDIP(kSpace);
        auto* top = new wxBoxSizer(wxVERTICAL);

        top->Add(MakeSectionTitle(this, _("Your business")), 0, wxLEFT | wxRIGHT | wxTOP, space);
        auto* grid = new wxFlexGridSizer(2, gap, space);
        grid->AddGrowableCol(1, 1);
        // Each field is made before its row: the label then goes right before it in the tab
        // order, so the label's Alt+letter (GTK: the next focusable sibling) reaches it.
        const auto row = [&](const wxString& label, wxWindow* control, const wxString& unit = {}) {
            auto* text = new wxStaticText(this, wxID_ANY, label);
            text->MoveBeforeInTabOrder(control);
            grid->Add(text, 0, wxALIGN_CENTER_VERTICAL);
            if (unit.empty()) {
                grid->Add(control, 1, wxEXPAND);
                return;
            }
            auto* line = new wxBoxSizer(wxHORIZONTAL);
            line->Add(control, 0, wxALIGN_CENTER_VERTICAL);
            line->Add(new wxStaticText(this, wxID_ANY, unit), 0, wxALIGN_CENTER_VERTICAL | wxLEFT,
                      gap);
            grid->Add(line, 1, wxEXPAND);
        };
        m_business = new wxTextCtrl(this, wxID_ANY, Wx(s.business_name));
        m_business->SetName("business_name");
        row(_("&Business name:"), m_business);
        const wxString currencies[] = {"EUR", "USD", "GBP", "CHF", "CAD",
                                       "AUD", "SEK", "NOK", "DKK"};
        m_currency = new wxComboBox(this, wxID_ANY, Wx(s.currency), wxDefaultPosition,
                                    wxSize(FromDIP(100), -1), WXSIZEOF(currencies), currencies);
        m_currency->SetName("currency");
        row(_("C&urrency:"), m_currency, _("three-letter code"));
        m_hourly = new wxTextCtrl(this, wxID_ANY, FormatAmount(s.hourly_rate), wxDefaultPosition,
                                  wxSize(FromDIP(100), -1), wxTE_RIGHT);
        m_hourly->SetName("hourly_rate");
        row(_("&Your time is worth:"), m_hourly, _("an hour"));
        m_margin = new wxTextCtrl(this, wxID_ANY, FormatPercentNumber(s.default_margin),
                                  wxDefaultPosition, wxSize(FromDIP(100), -1), wxTE_RIGHT);
        m_margin->SetName("default_margin");
        row(_("Usual &gross margin:"), m_margin,
            // xgettext:no-c-format (a percent sign in a label, not a format)
            _("% of a sale"));
        m_weekStart = new wxChoice(this, wxID_ANY);
        m_weekStart->SetName("week_start");
        for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
            m_weekStart->Append(WeekdayName(static_cast<int>(kWeekdays[i].c_encoding())));
            if (kWeekdays[i] == s.week_start)
                m_weekStart->SetSelection(static_cast<int>(i));
        }
        row(_("&Weeks start on:"), m_weekStart, _("Monday is the ISO 8601 week"));
        top->Add(grid, 0, wxEXPAND | wxALL, space);

        // The assumptions of "Is this customer worth it?" (product.md), validated by the same
        // apply_setting as `rapport-cli settings set`.
        top->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, space);
        top->Add(MakeSectionTitle(this, _("Is a customer worth it?")), 0, wxLEFT | wxRIGHT | wxTOP,
                 space);
        grid = new wxFlexGridSizer(2, gap, space);
        grid->AddGrowableCol(1, 1);
        const auto number = [&](const char* name, const wxString& value) {
            auto* t = new wxTextCtrl(this, wxID_ANY, value, wxDefaultPosition,
                                     wxSize(FromDIP(100), -1), wxTE_RIGHT);
            t->SetName(name);
            return t;
        };
        m_retention = number("retention", LocalFraction(s.retention));
        row(_("Customers who stay &a year:"), m_retention,
            _("0 to 1; 0.6 means 6 in 10 come back (an assumption)"));
        m_discount = number("discount_rate", LocalFraction(s.discount_rate));
        row(_("&Discount rate:"), m_discount, _("0 to 1 a year; 0.1 is 10 %"));
        m_horizon = new wxChoice(this, wxID_ANY);
        m_horizon->SetName("horizon_years");
        for (int y = 1; y <= 3; ++y)
            m_horizon->Append(wxString::Format(wxPLURAL("%d year", "%d years", y), y));
        m_horizon->SetSelection(std::clamp(s.horizon_years, 1, 3) - 1);
        row(_("&Look ahead:"), m_horizon, _("for the estimate"));
        m_acquisition = number("acquisition_cost", FormatAmount(s.acquisition_cost));
        row(_("Winning a &new customer costs:"), m_acquisition, _("what a referral saves you"));
        m_watch = number("watch_ratio", LocalFraction(s.watch_ratio));
        row(_("Watc&h when handling takes more than:"), m_watch,
            _("0 to 1 of what they bring; 0.5 is half"));
        top->Add(grid, 0, wxEXPAND | wxALL, space);

        // The usual resolutions stand beside the rest, so the dialog fits a laptop screen.
        auto* right = new wxBoxSizer(wxVERTICAL);
        right->Add(MakeSectionTitle(this, _("Usual resolution per category")), 0,
                   wxLEFT | wxRIGHT | wxTOP, space);
        right->AddSpacer(gap);
        auto* note = MakeNote(this, _("Proposed when you log an incident of that category; you "
                                      "can always change it there."));
        note->Wrap(FromDIP(380));
        right->Add(note, 0, wxLEFT | wxRIGHT, space);
        auto* defaults = new wxFlexGridSizer(3, gap, space);
        std::vector<wxStaticText*> categoryLabels;
        for (const auto& c : all_categories()) {
            CategoryRow r;
            r.category = c.value;
            auto* categoryLabel = new wxStaticText(this, wxID_ANY, wxString());
            categoryLabel->SetLabelText(Label(c.value));
            categoryLabels.push_back(categoryLabel);
            defaults->Add(categoryLabel, 0, wxALIGN_CENTER_VERTICAL);
            r.type = new wxChoice(this, wxID_ANY);
            r.type->Append(_("Nothing usual"));
            for (const auto& t : all_resolution_types())
                r.type->Append(Label(t.value));
            r.cost = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                    wxSize(FromDIP(100), -1), wxTE_RIGHT);
            r.cost->SetHint(FormatAmount(Money{}));
            r.cost->SetToolTip(_("What the usual resolution costs"));
            SetAccessibleName(r.cost, wxString::Format(_("%s: %s"), Label(c.value),
                                                       _("What the usual resolution costs")));
            r.type->SetSelection(0);
            if (auto d = m_services.settings_store.category_default(c.value)) {
                for (std::size_t i = 0; i < all_resolution_types().size(); ++i)
                    if (all_resolution_types()[i].value == d->resolution)
                        r.type->SetSelection(static_cast<int>(i) + 1);
                if (d->cost.cents)
                    r.cost->ChangeValue(FormatAmount(d->cost));
            }
            r.cost->Enable(r.type->GetSelection() > 0);
            wxChoice* type = r.type;
            wxTextCtrl* cost = r.cost;
            r.type->Bind(wxEVT_CHOICE,
                         [type, cost](wxCommandEvent&) { cost->Enable(type->GetSelection() > 0); });
            defaults->Add(r.type, 0, wxALIGN_CENTER_VERTICAL);
            defaults->Add(r.cost, 0, wxALIGN_CENTER_VERTICAL);
            m_rows.push_back(r);
        }
        right->Add(defaults, 0, wxALL, space);
        BuildMessageSection(right);
        auto* columns = new wxBoxSizer(wxHORIZONTAL);
        columns->Add(top, 0, wxEXPAND);
        columns->Add(
            new wxStaticLine(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_VERTICAL), 0,
            wxEXPAND | wxTOP | wxBOTTOM, space);
        columns->Add(right, 0, wxEXPAND);
        auto* all = new wxBoxSizer(wxVERTICAL);
        all->Add(columns, 1, wxEXPAND);

        auto* buttons = new wxStdDialogButtonSizer();
        auto* save = new wxButton(this, wxID_OK, _("&Save"));
        save->SetDefault();
        buttons->AddButton(save);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        buttons->Realize();
        all->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, space);
        // The categories are named by the core (and translated): their Alt+letters are picked
        // from what the rest of the dialog leaves.
        AddFreeMnemonics(this, categoryLabels);
        RouteLabelMnemonics(this);
        SetSizerAndFit(all);
        CentreOnParent();
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { OnSave(); }, wxID_OK);
        m_business->SetFocus();
    }

private:
    // The follow-up messages' templates (core/followup_message.h): the one after a complaint
    // and the one for a call to a customer with no incident, edited one at a time in the same
    // two fields (a choice above them says which). Each is the owner's own text, or the
    // built-in one in the window's language; text equal to the built-in one is saved as
    // "default", so it follows the language if the window's changes.
    void BuildMessageSection(wxSizer* column) {
        const int gap = FromDIP(kGap);
        const int space = FromDIP(kSpace);
        for (const MessageKind kind : {MessageKind::incident, MessageKind::call})
            m_templates[Index(kind)] =
                effective_template(m_services.settings(), kind, UiMessageLanguage());
        column->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, space);
        column->Add(MakeSectionTitle(this, _("Follow-up message")), 0, wxLEFT | wxRIGHT | wxTOP,
                    space);
        m_messageNote = MakeNote(this, wxString());
        column->Add(m_messageNote, 0, wxLEFT | wxRIGHT | wxTOP, space);
        m_messageKind = new wxChoice(this, wxID_ANY);
        m_messageKind->Append(_("After a complaint"));
        m_messageKind->Append(_("A call with no complaint"));
        m_messageKind->SetSelection(0);
        m_messageKind->SetName("message_kind");
        m_messageSubject = new wxTextCtrl(this, wxID_ANY, wxString());
        m_messageSubject->SetName("message_subject");
        m_messageBody = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                       wxSize(FromDIP(380), FromDIP(130)), wxTE_MULTILINE);
        m_messageBody->SetName("message_body");
        auto* kindLabel = new wxStaticText(this, wxID_ANY, _("Message &for:"));
        kindLabel->MoveBeforeInTabOrder(m_messageKind);
        auto* subjectLabel = new wxStaticText(this, wxID_ANY, _("Sub&ject:"));
        subjectLabel->MoveBeforeInTabOrder(m_messageSubject);
        auto* bodyLabel = new wxStaticText(this, wxID_ANY, _("Message te&xt:"));
        bodyLabel->MoveBeforeInTabOrder(m_messageBody);
        auto* grid = new wxFlexGridSizer(2, gap, space);
        grid->AddGrowableCol(1, 1);
        grid->Add(kindLabel, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(m_messageKind, 0);
        grid->Add(subjectLabel, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(m_messageSubject, 1, wxEXPAND);
        grid->Add(bodyLabel, 0, wxALIGN_TOP);
        grid->Add(m_messageBody, 1, wxEXPAND);
        column->Add(grid, 0, wxEXPAND | wxALL, space);
        auto* reset = new wxButton(this, wxID_ANY, _("Bac&k to the built-in message"));
        reset->SetName("message_default");
        reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            const MessageTemplate& d = default_template(ShownKind(), UiMessageLanguage());
            m_messageSubject->ChangeValue(Wx(d.subject));
            m_messageBody->ChangeValue(Wx(d.body));
        });
        column->Add(reset, 0, wxLEFT | wxRIGHT | wxBOTTOM, space);
        m_messageKind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            KeepShownTemplate();
            ShowTemplate(ShownKind());
        });
        // The call's note first: the room below is kept for the longer of the two notes.
        ShowTemplate(MessageKind::call);
        ShowTemplate(MessageKind::incident);
    }

    static std::size_t Index(MessageKind kind) { return kind == MessageKind::call ? 1 : 0; }
    MessageKind ShownKind() const {
        return m_messageKind->GetSelection() == 1 ? MessageKind::call : MessageKind::incident;
    }

    // The two fields' text goes back into the template they show.
    void KeepShownTemplate() {
        MessageTemplate& t = m_templates[Index(m_shownKind)];
        t.subject = FieldText(m_messageSubject);
        t.body = FieldText(m_messageBody);
    }

    void ShowTemplate(MessageKind kind) {
        m_shownKind = kind;
        const MessageTemplate& t = m_templates[Index(kind)];
        m_messageSubject->ChangeValue(Wx(t.subject));
        m_messageBody->ChangeValue(Wx(t.body));
        wxString names;
        for (const auto& p : placeholders_of(kind))
            names += (names.empty() ? "{" : ", {") + Wx(p.name) + "}";
        m_messageNote->SetLabelText(
            kind == MessageKind::call
                ? wxString::Format(_("Drafted for a call you planned for a customer who has not "
                                     "been back and never complained. Placeholders: %s."),
                                   names)
                : wxString::Format(_("Drafted when you write to a customer from the follow-up "
                                     "list. Placeholders: %s."),
                                   names));
        m_messageNote->Wrap(FromDIP(380));
        m_noteHeight = std::max(m_noteHeight, m_messageNote->GetBestSize().y);
        m_messageNote->SetMinSize(wxSize(-1, m_noteHeight));
        Layout();
    }

    // The text control may hand back CRLF on Windows; the template keeps "\n".
    static std::string FieldText(const wxTextCtrl* field) {
        std::string text = Utf8(field->GetValue());
        text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
        return text;
    }

    // What to save for one part of a template: "default" when it is the built-in text.
    static std::string TemplateValue(const std::string& text, const std::string& builtin) {
        return text == builtin ? std::string("default") : text;
    }

    struct CategoryRow {
        Category category = Category::other;
        wxChoice* type = nullptr;
        wxTextCtrl* cost = nullptr;
    };

    void OnSave() {
        try {
            // Every value is checked before anything is written, so a typo saves nothing.
            std::vector<std::pair<std::string, std::string>> values = {
                {"business_name", Utf8(m_business->GetValue().Strip(wxString::both))},
                {"currency", Utf8(m_currency->GetValue().Strip(wxString::both))},
                {"hourly_rate", format_amount(ParseAmount(m_hourly->GetValue(), _("hourly rate")))},
                {"default_margin", format_percent(ParsePercent(
                                       m_margin->GetValue(), _("default margin"), -10000, 10000))},
                {"week_start", format_weekday(kWeekdays[static_cast<std::size_t>(
                                   std::max(0, m_weekStart->GetSelection()))])},
                {"retention", InvariantNumber(m_retention)},
                {"discount_rate", InvariantNumber(m_discount)},
                {"horizon_years", std::to_string(std::max(0, m_horizon->GetSelection()) + 1)},
                {"acquisition_cost",
                 format_amount(ParseAmount(m_acquisition->GetValue(), _("acquisition cost")))},
                {"watch_ratio", InvariantNumber(m_watch)},
            };
            KeepShownTemplate();
            for (const MessageKind kind : {MessageKind::incident, MessageKind::call}) {
                const MessageTemplate& t = m_templates[Index(kind)];
                const MessageTemplate& d = default_template(kind, UiMessageLanguage());
                const std::string prefix = kind == MessageKind::call ? "call_" : "";
                values.emplace_back(prefix + "message_subject",
                                    TemplateValue(t.subject, d.subject));
                values.emplace_back(prefix + "message_body", TemplateValue(t.body, d.body));
            }
            Settings check = m_services.settings();
            for (const auto& [key, value] : values)
                apply_setting(check, key, value);
            std::vector<store::CategoryDefault> set;
            std::vector<Category> cleared;
            for (const CategoryRow& r : m_rows) {
                const int sel = r.type->GetSelection();
                if (sel <= 0) {
                    cleared.push_back(r.category);
                    continue;
                }
                const wxString cost = r.cost->GetValue().Strip(wxString::both);
                set.push_back(store::CategoryDefault{
                    r.category, all_resolution_types()[static_cast<std::size_t>(sel - 1)].value,
                    cost.empty() ? Money{} : ParseAmount(cost, _("default cost"))});
            }

            for (const auto& [key, value] : values)
                m_services.settings_store.set(key, value);
            for (const auto& d : set)
                m_services.settings_store.set_category_default(d);
            for (Category c : cleared)
                store::clear_category_default(m_services.db(), c);
        } catch (const std::exception& e) {
            ShowError(this, e, _("The settings were not saved"));
            return;
        }
        m_services.reload_settings();
        m_services.changes.notify();
        EndModal(wxID_OK);
    }

    Services& m_services;
    wxTextCtrl* m_business = nullptr;
    wxComboBox* m_currency = nullptr;
    wxTextCtrl* m_hourly = nullptr;
    wxTextCtrl* m_margin = nullptr;
    wxChoice* m_weekStart = nullptr;
    wxTextCtrl* m_retention = nullptr;
    wxTextCtrl* m_discount = nullptr;
    wxChoice* m_horizon = nullptr;
    wxTextCtrl* m_acquisition = nullptr;
    wxTextCtrl* m_watch = nullptr;
    wxStaticText* m_messageNote = nullptr;
    wxChoice* m_messageKind = nullptr;
    wxTextCtrl* m_messageSubject = nullptr;
    wxTextCtrl* m_messageBody = nullptr;
    // Both templates as edited; the one shown lives in the two fields until switched away from.
    std::array<MessageTemplate, 2> m_templates;
    MessageKind m_shownKind = MessageKind::incident;
    int m_noteHeight = 0;
    std::vector<CategoryRow> m_rows;
};

} // namespace

bool ShowSettingsDialog(wxWindow* parent, Services& services) {
    SettingsDialog dlg(parent, services);
    return dlg.ShowModal() == wxID_OK;
}

} // namespace rapport::gui
