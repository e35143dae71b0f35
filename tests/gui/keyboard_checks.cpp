// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyboard_checks.h"

#include "gui/accountant_export_dialog.h"
#include "gui/backup_dialog.h"
#include "gui/customer_dialog.h"
#include "gui/followups_view.h"
#include "gui/import_dialog.h"
#include "gui/log_incident_dialog.h"
#include "gui/settings_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>
#include <wx/uiaction.h>

#include <dlfcn.h>

#include <fstream>
#include <functional>
#include <map>
#include <memory>

namespace rapport::gui::test {

std::string Str(const wxString& s) {
    return s.utf8_string();
}

std::optional<wxUniChar> MnemonicOf(const wxString& label) {
    for (std::size_t i = 0; i + 1 < label.length(); ++i) {
        if (label[i] != '&')
            continue;
        if (label[i + 1] != '&')
            return wxString(label[i + 1]).Lower()[0];
        ++i;
    }
    return std::nullopt;
}

bool IsField(wxWindow* w) {
    return dynamic_cast<wxTextCtrl*>(w) || dynamic_cast<wxChoice*>(w) ||
           dynamic_cast<wxComboBox*>(w) || dynamic_cast<wxSpinCtrl*>(w) ||
           dynamic_cast<wxDatePickerCtrl*>(w) || dynamic_cast<wxTimePickerCtrl*>(w) ||
           dynamic_cast<wxSearchCtrl*>(w);
}

void Descendants(wxWindow* w, std::vector<wxWindow*>& out) {
    for (wxWindow* child : w->GetChildren()) {
        if (child->IsTopLevel())
            continue;
        out.push_back(child);
        Descendants(child, out);
    }
}

namespace {

// A label and the field right after it, the one its Alt+letter must reach.
struct FieldLabel {
    wxStaticText* label;
    wxWindow* field;
};

std::vector<FieldLabel> FieldLabels(wxWindow* dialog) {
    std::vector<FieldLabel> found;
    std::vector<wxWindow*> all{dialog};
    Descendants(dialog, all);
    for (wxWindow* parent : all) {
        const wxWindowList& children = parent->GetChildren();
        for (auto it = children.begin(); it != children.end(); ++it) {
            auto* label = dynamic_cast<wxStaticText*>(*it);
            auto next = std::next(it);
            if (label && next != children.end() && IsField(*next) && !label->GetLabelText().empty())
                found.push_back({label, *next});
        }
    }
    return found;
}

// Buttons, check boxes and radio buttons whose Alt+letter may be left out, and why.
bool MayGoWithoutMnemonic(wxWindow* w) {
    const wxString name = w->GetName();
    // One per row of what was given: the letter could not be unique.
    if (name.StartsWith("resolution_remove"))
        return true;
    // The first choice of the follow-up group, already chosen: the alphabet runs out in the log
    // dialog, and the arrow keys reach it from its neighbours.
    return name == "followup_none";
}

} // namespace

std::vector<std::string> MnemonicProblems(wxWindow* dialog) {
    std::vector<std::string> problems;
    const wxString where = dialog->GetLabel() + ": ";
    std::vector<wxWindow*> all;
    Descendants(dialog, all);
    std::map<wxUniChar, wxString> owner;
    const auto claim = [&](wxWindow* w) {
        const auto m = MnemonicOf(w->GetLabel());
        if (!m)
            return;
        if (auto it = owner.find(*m); it != owner.end())
            problems.push_back(Str(where + "\"" + w->GetLabel() + "\" and \"" + it->second +
                                   "\" share Alt+" + wxString(*m)));
        else
            owner[*m] = w->GetLabel();
    };
    for (wxWindow* w : all) {
        if (dynamic_cast<wxStaticText*>(w) || dynamic_cast<wxButton*>(w) ||
            dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxRadioButton*>(w))
            claim(w);
        const bool pressable = dynamic_cast<wxButton*>(w) || dynamic_cast<wxCheckBox*>(w) ||
                               dynamic_cast<wxRadioButton*>(w);
        if (pressable && !w->GetLabel().empty() && !MnemonicOf(w->GetLabel()) &&
            !MayGoWithoutMnemonic(w))
            problems.push_back(Str(where + "\"" + w->GetLabel() + "\" has no Alt+letter"));
    }
    for (const FieldLabel& f : FieldLabels(dialog))
        if (!MnemonicOf(f.label->GetLabel()))
            problems.push_back(Str(where + "the label \"" + f.label->GetLabel() + "\" of field " +
                                   f.field->GetName() + " has no Alt+letter"));
    return problems;
}

bool HasFocusIn(wxWindow* field) {
    for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
        if (w == field)
            return true;
    return false;
}

// Which of `stops` has the keyboard, asking GTK: wx does not hear of the focus moving into a
// choice's inner button by Tab, so wxWindow::FindFocus() says nothing there. GTK is loaded by
// wx already; its two functions are looked up, as the build has wx's headers but not GTK's.
wxWindow* StopWithFocus(wxWindow* top, const std::vector<wxWindow*>& stops) {
    using GetFocus = void* (*)(void*);
    using IsAncestor = int (*)(void*, void*);
    static const auto get_focus =
        reinterpret_cast<GetFocus>(dlsym(RTLD_DEFAULT, "gtk_window_get_focus"));
    static const auto is_ancestor =
        reinterpret_cast<IsAncestor>(dlsym(RTLD_DEFAULT, "gtk_widget_is_ancestor"));
    if (!get_focus || !is_ancestor || !top)
        return nullptr;
    void* focus = get_focus(top->GetHandle());
    if (!focus)
        return nullptr;
    for (wxWindow* w : stops) {
        void* own = w->GetHandle();
        if (own && (focus == own || is_ancestor(focus, own)))
            return w;
    }
    return nullptr;
}

namespace {

// Steps that check the open dialog's Alt+letters, press each label's letter and wait for its
// field to take the keyboard, then cancel the dialog. Problems go to `problems`.
std::vector<ModalScript::Step> WalkDialog(std::shared_ptr<std::vector<std::string>> problems) {
    struct State {
        std::vector<FieldLabel> labels;
        std::size_t next = 0;
        bool started = false;
        bool pressed = false;
        int waited = 0;
    };
    auto state = std::make_shared<State>();
    return {
        [problems, state] {
            wxDialog* d = ActiveModalDialog();
            if (!d)
                return false;
            for (const auto& p : MnemonicProblems(d))
                problems->push_back(p);
            for (const FieldLabel& f : FieldLabels(d))
                if (f.label->IsShownOnScreen() && f.field->IsEnabled() &&
                    MnemonicOf(f.label->GetLabel()))
                    state->labels.push_back(f);
            FocusForTyping(d);
            return true;
        },
        [problems, state] {
            wxDialog* d = ActiveModalDialog();
            if (!d)
                return false;
            if (state->next == state->labels.size())
                return true;
            const FieldLabel& f = state->labels[state->next];
            if (!state->pressed) {
                // Start each press from another field, so reaching the target proves the key.
                const FieldLabel& other = state->labels[(state->next + 1) % state->labels.size()];
                if (other.field != f.field)
                    other.field->SetFocus();
                wxUIActionSimulator().Char(static_cast<int>(*MnemonicOf(f.label->GetLabel())),
                                           wxMOD_ALT);
                state->pressed = true;
                state->waited = 0;
                return false;
            }
            if (!HasFocusIn(f.field) && ++state->waited < 8)
                return false;
            if (!HasFocusIn(f.field))
                problems->push_back(
                    Str(d->GetLabel() + ": Alt+" + wxString(*MnemonicOf(f.label->GetLabel())) +
                        " of \"" + f.label->GetLabel() + "\" did not reach " + f.field->GetName()));
            ++state->next;
            state->pressed = false;
            return false;
        },
        [] {
            if (wxDialog* d = ActiveModalDialog())
                d->EndModal(wxID_CANCEL);
            return true;
        },
    };
}

// Runs `open` (which shows a modal dialog) with the walk of its Alt+letters.
void Walk(const std::function<void()>& open, std::vector<std::string>& problems,
          std::vector<std::string>& failures) {
    auto found = std::make_shared<std::vector<std::string>>();
    ModalScript script(WalkDialog(found), 80, 60000);
    open();
    if (!script.Failure().empty())
        failures.push_back(script.Failure());
    problems.insert(problems.end(), found->begin(), found->end());
}

Id AddCustomer(Services& s, const std::string& name) {
    Customer c;
    c.name = name;
    return s.customers.add(c);
}

Id AddIncident(Services& s, Id customer, const std::string& summary) {
    Interaction i;
    i.customer_id = customer;
    i.at = LocalDateTime{s.today(), 10 * 60};
    i.category = Category::delay;
    i.summary = summary;
    return s.interactions.add(i);
}

} // namespace

std::vector<std::string> WalkEveryDialog(const TempDir& dir) {
    std::vector<std::string> problems, failures;
    auto services = MakeServices(dir);
    const Id customer = AddCustomer(*services, "Marta Nowak");
    const Id incident = AddIncident(*services, customer, "Parcel came late");
    Purchase p;
    p.customer_id = customer;
    p.on = services->today();
    p.amount = Money{12000};
    services->purchases.add(p);
    {
        std::ofstream csv(dir / "customers.csv");
        csv << "Name,Phone\nAnna,030 1234\n";
    }
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Rapport test");
    frame->SetSize(0, 0, 1100, 800);
    frame->Show();
    Pump(100);
    wxWindow* parent = frame;
    Services& s = *services;
    Walk([&] { ShowLogIncidentDialog(parent, s); }, problems, failures);
    Walk([&] { ShowEditIncidentDialog(parent, s, incident); }, problems, failures);
    Walk([&] { ShowCustomerDialog(parent, s, customer); }, problems, failures);
    Walk([&] { ShowPurchaseDialog(parent, s, customer); }, problems, failures);
    Walk([&] { ShowSettingsDialog(parent, s); }, problems, failures);
    Walk([&] { ShowAccountantExportDialog(parent, s); }, problems, failures);
    Walk(
        [&] {
            ShowImportDialog(parent, s, exchange::ImportKind::customers, dir / "customers.csv");
        },
        problems, failures);
    Walk([&] { ShowImportDialog(parent, s, exchange::ImportKind::purchases); }, problems, failures);
    Walk([&] { ShowRestoreDialog(parent, s); }, problems, failures);
    // The note and the minutes asked when a follow-up is done.
    Interaction planned;
    planned.customer_id = customer;
    planned.at = LocalDateTime{s.today(), 9 * 60};
    planned.summary = "Lid broke";
    FollowUp f;
    f.due = s.today();
    planned.follow_ups.push_back(f);
    const Id planned_id = s.interactions.add(planned);
    auto* follow_ups = new FollowUpsView(parent, s, {});
    follow_ups->Reload(); // a view reads its list when first shown
    Pump(100);
    const Id planned_follow_up = s.interactions.get(planned_id).follow_ups.at(0).id;
    if (follow_ups->Select(planned_follow_up))
        Walk([&] { follow_ups->MarkDone(Outcome::satisfied); }, problems, failures);
    else
        failures.push_back("the follow-up to mark done is not listed");
    frame->Destroy();
    Pump(50);
    problems.insert(problems.end(), failures.begin(), failures.end());
    return problems;
}

} // namespace rapport::gui::test
