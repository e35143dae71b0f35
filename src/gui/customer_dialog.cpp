// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/customer_dialog.h"

#include "core/errors.h"
#include "gui/accessibility.h"
#include "gui/contact_profile_ui.h"
#include "gui/customer_completer.h"
#include "gui/edit_conflict_view.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/services.h"
#include "gui/ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <memory>

namespace rapport::gui {
namespace {

// Both dialogs share the frame: a two-column form over a Cancel / Save row.
class FormDialog : public wxDialog {
protected:
    FormDialog(wxWindow* parent, const wxString& title)
        : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        m_grid = new wxFlexGridSizer(2, FromDIP(kGap), FromDIP(kSpace));
        m_grid->AddGrowableCol(1, 1);
    }

    // The label goes right before its control in the tab order even though the control was
    // made first: GTK gives a label's Alt+letter to the next focusable sibling.
    static wxStaticText* LabelFor(const wxString& text, wxWindow* control) {
        auto* label = new wxStaticText(control->GetParent(), wxID_ANY, text);
        label->MoveBeforeInTabOrder(control);
        // Said outright for screen readers: wx pairs a label only with a control GTK can
        // focus itself, which the date picker's text field inside it is not.
        SetLabelFor(label, control);
        return label;
    }

    // `stretch`: text fields fill the row; pickers and short values keep their own width.
    void AddRow(const wxString& label, wxWindow* control, bool top_aligned = false,
                bool stretch = true) {
        m_grid->Add(LabelFor(label, control), 0,
                    top_aligned ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL,
                    top_aligned ? FromDIP(4) : 0);
        const int flags =
            stretch ? static_cast<int>(wxEXPAND) : static_cast<int>(wxALIGN_CENTER_VERTICAL);
        m_grid->Add(control, stretch ? 1 : 0, flags);
    }

    // `first`: the control of the row that the label's Alt+letter focuses.
    void AddRow(const wxString& label, wxSizer* controls, wxWindow* first) {
        m_grid->Add(LabelFor(label, first), 0, wxALIGN_CENTER_VERTICAL);
        m_grid->Add(controls, 1, wxEXPAND);
    }

    // Lays out the form with Save as the default button (these forms are short: Enter saves).
    void Finish(int min_width) {
        auto* top = new wxBoxSizer(wxVERTICAL);
        top->Add(m_grid, 1, wxEXPAND | wxALL, FromDIP(kSpace));
        auto* buttons = new wxStdDialogButtonSizer();
        auto* save = new wxButton(this, wxID_OK, _("&Save"));
        save->SetDefault();
        buttons->AddButton(save);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        buttons->Realize();
        top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(kSpace));
        RouteLabelMnemonics(this);
        SetSizerAndFit(top);
        SetSize(wxSize(std::max(GetSize().x, FromDIP(min_width)), GetSize().y));
        CentreOnParent();
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { OnSave(); }, wxID_OK);
    }

    virtual void OnSave() = 0;

    wxFlexGridSizer* m_grid = nullptr;
};

class CustomerDialog : public FormDialog {
public:
    CustomerDialog(wxWindow* parent, Services& services, std::optional<Customer> existing)
        : FormDialog(parent, existing ? _("Edit customer") : _("New customer")),
          m_services(services), m_existing(std::move(existing)) {
        m_name = new wxTextCtrl(this, wxID_ANY);
        m_name->SetName("name");
        AddRow(_("&Name:"), m_name);
        m_phone = new wxTextCtrl(this, wxID_ANY);
        m_phone->SetName("phone");
        AddRow(_("&Phone:"), m_phone);
        m_email = new wxTextCtrl(this, wxID_ANY);
        m_email->SetName("email");
        AddRow(_("&Email:"), m_email);
        m_tags = new wxTextCtrl(this, wxID_ANY);
        m_tags->SetName("tags");
        m_tags->SetHint(_("Separated by commas, e.g. regular, wholesale"));
        AddRow(_("&Tags:"), m_tags);
        m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                wxSize(-1, FromDIP(72)), wxTE_MULTILINE);
        m_note->SetName("note");
        AddRow(_("N&ote:"), m_note, true);

        m_referrer = new wxTextCtrl(this, wxID_ANY);
        m_referrer->SetName("referred_by");
        m_referrer->SetHint(_("The customer who sent them, if any"));
        m_referrer->AutoComplete(new CustomerCompleter(m_services));
        AddRow(_("&Referred by:"), m_referrer);
        auto* referral = new wxBoxSizer(wxHORIZONTAL);
        m_cameAnyway = new wxCheckBox(this, wxID_ANY, _("&Would have come anyway"));
        referral->Add(m_cameAnyway, 0, wxALIGN_CENTER_VERTICAL);
        referral->AddSpacer(FromDIP(kSpace * 2));
        referral->Add(new wxStaticText(this, wxID_ANY, _("Reward p&aid:")), 0,
                      wxALIGN_CENTER_VERTICAL);
        m_reward = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                  wxSize(FromDIP(100), -1), wxTE_RIGHT);
        m_reward->SetHint(FormatAmount(Money{}));
        referral->Add(m_reward, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kGap));
        AddRow(wxString(), referral, m_cameAnyway);

        // How they like to be dealt with ("mirror your customers"): channel and time on one
        // row, what they want when something goes wrong on the next.
        m_profile = std::make_unique<ContactProfileFields>(this);
        auto* reach = new wxBoxSizer(wxHORIZONTAL);
        reach->Add(m_profile->channel, 0, wxALIGN_CENTER_VERTICAL);
        auto* timeLabel = new wxStaticText(this, wxID_ANY, _("W&hen:"));
        reach->Add(timeLabel, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kSpace));
        reach->Add(m_profile->time, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kGap));
        AddRow(_("Best reached &by:"), reach, m_profile->channel);
        timeLabel->MoveBeforeInTabOrder(m_profile->time);
        SetLabelFor(timeLabel, m_profile->time);
        AddRow(_("&If something goes wrong:"), m_profile->wants, false, false);

        if (m_existing)
            Load(*m_existing);
        Finish(520);
        m_name->SetFocus();
    }

    std::optional<Id> saved_id;

private:
    void Load(const Customer& c) {
        m_name->ChangeValue(Wx(c.name));
        m_phone->ChangeValue(Wx(c.phone));
        m_email->ChangeValue(Wx(c.email));
        m_note->ChangeValue(Wx(c.note));
        wxString tags;
        for (const auto& t : c.tags)
            tags += (tags.empty() ? "" : ", ") + Wx(t);
        m_tags->ChangeValue(tags);
        if (c.referred_by) {
            if (auto r = m_services.customers.find(*c.referred_by)) {
                m_referrerId = r->id;
                m_referrerName = Wx(r->name);
                m_referrer->ChangeValue(m_referrerName);
            }
        }
        m_cameAnyway->SetValue(c.came_anyway);
        m_profile->Load(c.profile);
        if (c.referral_reward.cents)
            m_reward->ChangeValue(FormatAmount(c.referral_reward));
    }

    std::optional<Id> ResolveReferrer() {
        const wxString typed = m_referrer->GetValue().Strip(wxString::both);
        if (typed.empty())
            return std::nullopt;
        if (m_referrerId && typed == m_referrerName)
            return m_referrerId;
        const auto matches = m_services.customer_table.named(Utf8(typed));
        if (matches.empty()) {
            m_referrer->SetFocus();
            throw InputError(Utf8(wxString::Format(
                _("No customer is named \"%s\"; add them first or leave \"Referred by\" empty."),
                typed)));
        }
        if (matches.size() == 1)
            return matches.front().id;
        wxArrayString options;
        for (const auto& m : matches)
            options.push_back(
                wxString::Format(_("%s, %s (no. %lld)"), Wx(m.name),
                                 m.phone.empty() ? wxString(_("no phone")) : Wx(m.phone),
                                 static_cast<long long>(m.id)));
        const int pick = wxGetSingleChoiceIndex(
            _("Who referred them?"), _("Several customers have this name"), options, 0, this);
        if (pick < 0)
            throw InputError(Utf8(_("Pick who referred them, or leave the field empty.")));
        return matches[static_cast<std::size_t>(pick)].id;
    }

    void OnSave() override {
        try {
            Customer c = m_existing.value_or(Customer{});
            c.name = Utf8(m_name->GetValue().Strip(wxString::both));
            if (c.name.empty()) {
                m_name->SetFocus();
                throw InputError(Utf8(_("A customer needs a name.")));
            }
            c.phone = Utf8(m_phone->GetValue());
            c.email = Utf8(m_email->GetValue());
            c.note = Utf8(m_note->GetValue());
            c.tags.clear();
            wxStringTokenizer tokens(m_tags->GetValue(), ",");
            while (tokens.HasMoreTokens()) {
                const wxString tag = tokens.GetNextToken().Strip(wxString::both);
                if (!tag.empty())
                    c.tags.push_back(Utf8(tag));
            }
            c.referred_by = ResolveReferrer();
            c.came_anyway = m_cameAnyway->GetValue();
            const wxString reward = m_reward->GetValue().Strip(wxString::both);
            c.referral_reward =
                reward.empty() ? Money{} : ParseAmount(reward, _("referral reward"));
            c.profile = m_profile->Read();

            Services& services = m_services;
            if (m_existing) {
                Customer before = *m_existing;
                // Undo only puts `before` over this save's own version (store/edit_conflict.h).
                before.version = m_services.customers.update(c);
                m_services.undo.push(_("Edit customer"),
                                     [&services, before] { services.customers.update(before); });
                saved_id = c.id;
            } else {
                const Id id = m_services.customers.add(c);
                m_services.undo.push(_("Add customer"), [&services, id] {
                    // Only an untouched new customer is taken back; one with records stays.
                    if (services.interactions.for_customer(id).empty() &&
                        services.purchases.for_customer(id).empty())
                        services.customers.remove(id);
                });
                saved_id = id;
            }
        } catch (const store::EditConflict& e) {
            // What was typed stays; the next Save starts from their version, knowingly.
            if (const auto theirs = m_services.customers.find(m_existing->id)) {
                m_existing->version = theirs->version;
                ShowEditConflict(
                    this, e, _("Someone else changed this customer"),
                    wxString::Format(_("Their version: %s, phone %s, email %s.\nYours is still in "
                                       "the form. Save again to put yours over theirs, or Cancel "
                                       "to keep theirs."),
                                     Wx(theirs->name), Wx(theirs->phone), Wx(theirs->email)));
            } else {
                ShowError(this, e, _("The customer was not saved"));
            }
            return;
        } catch (const std::exception& e) {
            ShowError(this, e, _("The customer was not saved"));
            return;
        }
        m_services.changes.notify();
        EndModal(wxID_OK);
    }

    Services& m_services;
    std::optional<Customer> m_existing;
    std::optional<Id> m_referrerId;
    wxString m_referrerName;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_tags = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxTextCtrl* m_referrer = nullptr;
    wxCheckBox* m_cameAnyway = nullptr;
    wxTextCtrl* m_reward = nullptr;
    std::unique_ptr<ContactProfileFields> m_profile;
};

class PurchaseDialog : public FormDialog {
public:
    PurchaseDialog(wxWindow* parent, Services& services, Id customer,
                   std::optional<Purchase> existing)
        : FormDialog(parent, existing ? _("Edit purchase") : _("Add purchase")),
          m_services(services), m_customer(customer), m_existing(std::move(existing)) {
        const Customer c = m_services.customers.get(customer);
        auto* who = new wxStaticText(this, wxID_ANY, wxString());
        who->SetLabelText(Wx(c.name));
        AddRow(_("Customer:"), who, false, false);
        m_date =
            NewDatePicker(this, ToWxDate(m_services.today()), wxDP_DROPDOWN | wxDP_SHOWCENTURY);
        AddRow(_("&Date:"), m_date, false, false);
        auto* amountRow = new wxBoxSizer(wxHORIZONTAL);
        m_amount = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                  wxSize(FromDIP(120), -1), wxTE_RIGHT);
        m_amount->SetName("amount");
        amountRow->Add(m_amount, 0, wxALIGN_CENTER_VERTICAL);
        amountRow->Add(new wxStaticText(this, wxID_ANY, Wx(m_services.settings().currency)), 0,
                       wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kGap));
        AddRow(_("&Amount:"), amountRow, m_amount);
        auto* marginRow = new wxBoxSizer(wxHORIZONTAL);
        m_margin = new wxTextCtrl(this, wxID_ANY,
                                  FormatPercentNumber(m_services.settings().default_margin),
                                  wxDefaultPosition, wxSize(FromDIP(80), -1), wxTE_RIGHT);
        m_margin->SetName("margin");
        marginRow->Add(m_margin, 0, wxALIGN_CENTER_VERTICAL);
        // xgettext:no-c-format (a percent sign in a label, not a format)
        marginRow->Add(new wxStaticText(this, wxID_ANY, _("% gross margin")), 0,
                       wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(kGap));
        AddRow(_("&Margin:"), marginRow, m_margin);
        if (m_existing) {
            m_date->SetValue(ToWxDate(m_existing->on));
            m_amount->ChangeValue(FormatAmount(m_existing->amount));
            m_margin->ChangeValue(FormatPercentNumber(m_existing->margin));
        }
        Finish(380);
        m_amount->SetFocus();
    }

private:
    void OnSave() override {
        try {
            Purchase p = m_existing.value_or(Purchase{});
            p.customer_id = m_customer;
            p.on = FromWxDate(m_date->GetValue());
            try {
                p.amount = ParseAmount(m_amount->GetValue(), _("amount"));
            } catch (const InputError&) {
                m_amount->SetFocus();
                throw;
            }
            try {
                p.margin = ParsePercent(m_margin->GetValue(), _("margin"), -10000, 10000);
            } catch (const InputError&) {
                m_margin->SetFocus();
                throw;
            }
            Services& services = m_services;
            if (m_existing) {
                m_services.purchases.update(p);
                const Purchase before = *m_existing;
                m_services.undo.push(_("Edit purchase"),
                                     [&services, before] { services.purchases.update(before); });
            } else {
                const Id id = m_services.purchases.add(p);
                m_services.undo.push(_("Add purchase"),
                                     [&services, id] { services.purchases.remove(id); });
            }
        } catch (const std::exception& e) {
            ShowError(this, e, _("The purchase was not saved"));
            return;
        }
        m_services.changes.notify();
        EndModal(wxID_OK);
    }

    Services& m_services;
    Id m_customer;
    std::optional<Purchase> m_existing;
    wxDatePickerCtrl* m_date = nullptr;
    wxTextCtrl* m_amount = nullptr;
    wxTextCtrl* m_margin = nullptr;
};

} // namespace

std::optional<Id> ShowCustomerDialog(wxWindow* parent, Services& services,
                                     std::optional<Id> existing) {
    std::optional<Customer> customer;
    if (existing)
        customer = services.customers.get(*existing);
    CustomerDialog dlg(parent, services, customer);
    if (dlg.ShowModal() != wxID_OK)
        return std::nullopt;
    return dlg.saved_id;
}

bool ShowPurchaseDialog(wxWindow* parent, Services& services, Id customer,
                        std::optional<Id> existing) {
    std::optional<Purchase> purchase;
    if (existing)
        purchase = services.purchases.get(*existing);
    PurchaseDialog dlg(parent, services, customer, purchase);
    return dlg.ShowModal() == wxID_OK;
}

} // namespace rapport::gui
