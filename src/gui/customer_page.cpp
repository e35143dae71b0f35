// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/customer_page.h"
#include "core/staff.h"
#include "gui/contact_profile_ui.h"

#include "gui/accessibility.h"
#include "gui/customer_dialog.h"
#include "gui/format.h"
#include "gui/log_incident_dialog.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "gui/worth_charts.h"
#include "gui/worth_panel.h"
#include "store/followups.h"

#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/hyperlink.h>
#include <wx/notebook.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <set>

namespace rapport::gui {
namespace {

// Timeline rows carry what they show in their item data: incidents as even numbers, purchases
// as odd ones, so one list holds both kinds.
wxUIntPtr IncidentKey(Id id) {
    return static_cast<wxUIntPtr>(id) * 2;
}
wxUIntPtr PurchaseKey(Id id) {
    return static_cast<wxUIntPtr>(id) * 2 + 1;
}
bool IsPurchaseKey(wxUIntPtr key) {
    return key % 2 == 1;
}
Id IdOfKey(wxUIntPtr key) {
    return static_cast<Id>(key / 2);
}
// A call that belongs to the customer alone, with no incident (schema version 6): no incident
// has id 0, so its key is free. The follow-up list ticks it off; here it is only shown.
constexpr wxUIntPtr kCallKey = 0;

// The day a call sits at in the history: the day it was made, else the day it is due.
Date CallDay(const FollowUp& f) {
    return f.done_on ? *f.done_on : f.due;
}

// " · " between items on one line.
wxString Separator() {
    return wxString::FromUTF8("  \xC2\xB7  ");
}

wxString Escape(const wxString& s) {
    return EscapeMarkup(s);
}

wxString Grey(const wxString& markup) {
    // A long history greys hundreds of lines: the colour's text is made once per colour (the
    // theme can change while the window is open).
    static wxColour colour;
    static wxString open;
    if (const wxColour c = SubtleText(); c != colour || open.empty()) {
        colour = c;
        open = "<span foreground='" + c.GetAsString(wxC2S_HTML_SYNTAX) + "'>";
    }
    return open + markup + "</span>";
}

// Who saved is worth a line once someone other than the owner has saved: a shop with staff, or
// a shop database. An owner alone sees their history as before.
bool TeamStamp(const Stamp& s) {
    return !s.empty() && s.by != kDefaultStaffName;
}

wxString OneStamp(const wxString& with_time, const wxString& without, const Stamp& s) {
    return s.at ? wxString::Format(with_time, Wx(s.by), FormatDateTime(*s.at))
                : wxString::Format(without, Wx(s.by));
}

// "Logged by Sam, 06/12/2026 10:14 · changed by Ana, 07/12/2026 09:02"
wxString SavedBy(const Interaction& i) {
    wxString line = OneStamp(_("Logged by %s, %s"), _("Logged by %s"), i.logged);
    if (!i.changed.empty())
        line += Separator() + OneStamp(_("changed by %s, %s"), _("changed by %s"), i.changed);
    return line;
}

wxString FirstLine(const std::string& text, std::size_t max_chars = 120) {
    wxString s = Wx(text);
    s.Replace("\n", " ");
    if (s.length() > max_chars)
        s = s.Left(max_chars - 1) + wxString::FromUTF8("\xE2\x80\xA6");
    return s;
}

} // namespace

CustomerPage::CustomerPage(wxWindow* parent, Services& services, Hooks hooks)
    : wxPanel(parent), m_services(services), m_hooks(std::move(hooks)) {
    m_book = new wxSimplebook(this);
    auto* placeholder = new wxPanel(m_book);
    auto* ps = new wxBoxSizer(wxVERTICAL);
    ps->AddStretchSpacer();
    ps->Add(MakeNote(placeholder, _("Choose a customer to see their whole history.")), 0,
            wxALIGN_CENTER);
    ps->AddStretchSpacer();
    placeholder->SetSizer(ps);
    m_book->AddPage(placeholder, wxString());
    m_content = new wxPanel(m_book);
    BuildContent(m_content);
    m_book->AddPage(m_content, wxString());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_book, 1, wxEXPAND);
    SetSizer(top);
}

void CustomerPage::BuildContent(wxWindow* page) {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxBoxSizer(wxHORIZONTAL);
    m_name = MakeHeading(page, wxString(), 1.6);
    m_name->SetName("customer_name");
    title->Add(m_name, 0, wxALIGN_CENTER_VERTICAL);
    m_archivedBadge = MakeNote(page, _("(archived)"));
    title->Add(m_archivedBadge, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    top->Add(title, 0, wxEXPAND);

    // Wraps onto a second line when the page is narrow, rather than cutting buttons off.
    auto* actions = new wxWrapSizer(wxHORIZONTAL);
    const auto button = [&](const wxString& label, void (CustomerPage::*action)()) {
        auto* b = new wxButton(page, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { (this->*action)(); });
        actions->Add(b, 0, wxRIGHT | wxBOTTOM, gap);
        return b;
    };
    // Alt+letters unique in the whole window: the menus use F, E, V and H.
    button(_("&Log incident..."), &CustomerPage::LogIncident)->SetName("customer_log");
    button(_("Add &purchase..."), &CustomerPage::AddPurchase)->SetName("customer_purchase");
    button(_("Ed&it..."), &CustomerPage::EditCustomer)->SetName("customer_edit");
    m_archive = button(_("&Archive"), &CustomerPage::ToggleArchived);
    m_archive->SetName("customer_archive");
    top->Add(actions, 0, wxTOP, gap);

    m_detailsPanel = new wxPanel(page);
    m_details = new wxFlexGridSizer(2, gap / 2, space);
    m_details->AddGrowableCol(1, 1);
    m_detailsPanel->SetSizer(m_details);
    top->Add(m_detailsPanel, 0, wxEXPAND | wxTOP, space);

    m_figures = new wxStaticText(page, wxID_ANY, wxString());
    m_figures->SetName("customer_figures");
    top->Add(m_figures, 0, wxEXPAND | wxTOP, space);

    // History and "Worth it?" share the room below the details, one tab each; the worth tab's
    // label carries the verdict so it is seen without opening it.
    m_tabs = new wxNotebook(page, wxID_ANY);
    m_tabs->SetName("customer_tabs");
    // The tabs, and the details when they take the keyboard, are read with the customer's name.
    SetLabelFor(m_name, m_tabs);
    SetLabelFor(m_name, m_detailsPanel);
    auto* history = new wxPanel(m_tabs);
    auto* hs = new wxBoxSizer(wxVERTICAL);
    auto* timelineBar = new wxBoxSizer(wxHORIZONTAL);
    // Whose entries: shown once more than one person saved in this customer's history.
    m_staffLabel = new wxStaticText(history, wxID_ANY, _("Sho&w:"));
    m_staffFilter = new wxChoice(history, wxID_ANY);
    m_staffFilter->SetName("history_staff");
    SetLabelFor(m_staffLabel, m_staffFilter);
    m_staffFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowCustomer(m_customer); });
    // Hidden until a history has entries by more than one person (FillStaffFilter), so a shop
    // without staff keeps the room it had.
    m_staffLabel->Hide();
    m_staffFilter->Hide();
    timelineBar->Add(m_staffLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    timelineBar->Add(m_staffFilter, 0, wxALIGN_CENTER_VERTICAL);
    timelineBar->AddStretchSpacer();
    m_editEntry = new wxButton(history, wxID_ANY, _("Edit en&try..."));
    m_deleteEntry = new wxButton(history, wxID_ANY, _("&Delete entry"));
    m_editEntry->SetName("entry_edit");
    m_deleteEntry->SetName("entry_delete");
    m_editEntry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
    m_deleteEntry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelected(); });
    timelineBar->Add(m_editEntry, 0, wxRIGHT, gap);
    timelineBar->Add(m_deleteEntry, 0);
    hs->Add(timelineBar, 0, wxEXPAND | wxALL, gap);

    m_timeline = new wxDataViewListCtrl(history, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VARIABLE_LINE_HEIGHT);
    m_timeline->SetName("timeline");
    // Read by the name of its tab.
    SetAccessibleName(m_timeline, _("History"));
    AddColumns(m_timeline, {{_("When"), 105}, {_("What"), 200}, {_("Money"), 90, wxALIGN_RIGHT}}, 1,
               true);
    // The "What" of a row whole (the cell has a summary's first 70 characters).
    ShowCutTextAsTip(m_timeline, [this](unsigned row, unsigned column) {
        return column == 1 && row < m_wholeWhat.size() ? m_wholeWhat[row] : wxString();
    });
    hs->Add(m_timeline, 1, wxEXPAND);
    history->SetSizer(hs);
    m_tabs->AddPage(history, _("History"));
    // A staff login may not see the worth figures (store/roles.h): no such tab.
    if (!m_services.staff()) {
        auto* worthPage = new wxPanel(m_tabs);
        m_worth = new WorthPanel(worthPage, m_services);
        auto* ws = new wxBoxSizer(wxVERTICAL);
        ws->Add(m_worth, 1, wxEXPAND | wxALL, gap);
        worthPage->SetSizer(ws);
        m_tabs->AddPage(worthPage, _("Worth it?"));
    }
    top->Add(m_tabs, 1, wxEXPAND | wxTOP, space);

    m_timeline->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { EditSelected(); });
    m_timeline->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED,
                     [this](wxDataViewEvent&) { UpdateButtons(); });
    m_timeline->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE && e.GetModifiers() == wxMOD_NONE)
            DeleteSelected();
        else
            e.Skip();
    });

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, FromDIP(kMargin));
    page->SetSizer(outer);
}

void CustomerPage::ShowCustomer(std::optional<Id> id) {
    m_customer = id;
    Reload();
}

void CustomerPage::Reload() {
    std::optional<Customer> c;
    if (m_customer)
        c = m_services.customers.find(*m_customer);
    if (!c) {
        m_customer.reset();
        m_book->SetSelection(0);
        return;
    }
    const std::string& currency = m_services.settings().currency;
    m_archived = c->archived;
    m_name->SetLabelText(Wx(c->name));
    m_archivedBadge->Show(c->archived);
    m_archive->SetLabel(c->archived ? _("Un&archive") : _("&Archive"));

    // Details: only the lines that have something to say.
    m_detailsPanel->DestroyChildren();
    m_details->Clear();
    const auto detail = [&](const wxString& label, wxWindow* value) {
        auto* l = new wxStaticText(m_detailsPanel, wxID_ANY, label);
        l->SetForegroundColour(SubtleText());
        m_details->Add(l, 0, wxALIGN_TOP);
        m_details->Add(value, 1, wxEXPAND);
    };
    const auto text = [&](const wxString& label, const wxString& value) {
        if (!value.empty()) {
            auto* shown = new wxStaticText(m_detailsPanel, wxID_ANY, wxString());
            shown->SetLabelText(value);
            WrapToWidth(shown); // a long note, or any line with big text
            detail(label, shown);
        }
    };
    const auto link = [&](wxWindow* parent, const Customer& who) {
        auto* l = new wxHyperlinkCtrl(parent, wxID_ANY, wxControl::EscapeMnemonics(Wx(who.name)),
                                      wxString());
        const Id target = who.id;
        l->Bind(wxEVT_HYPERLINK, [this, target](wxHyperlinkEvent&) {
            if (m_hooks.open_customer)
                m_hooks.open_customer(target);
        });
        return l;
    };
    text(_("Phone:"), Wx(c->phone));
    text(_("Email:"), Wx(c->email));
    text(_("How they like it:"), ProfileLine(c->profile));
    wxString tags;
    for (const auto& t : c->tags)
        tags += (tags.empty() ? "" : ", ") + Wx(t);
    text(_("Tags:"), tags);
    text(_("Note:"), Wx(c->note));
    if (c->referred_by) {
        if (auto referrer = m_services.customers.find(*c->referred_by)) {
            auto* box = new wxPanel(m_detailsPanel);
            // What was paid goes under the name when the line has no room for both.
            auto* row = new wxWrapSizer(wxHORIZONTAL);
            row->Add(link(box, *referrer), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(kGap));
            wxString extra;
            if (c->came_anyway)
                extra += _("would have come anyway");
            if (c->referral_reward.cents)
                extra += (extra.empty() ? "" : "; ") +
                         wxString::Format(_("reward paid %s"),
                                          FormatMoney(c->referral_reward, currency));
            if (!extra.empty())
                row->Add(new wxStaticText(box, wxID_ANY, "(" + extra + ")"), 0,
                         wxALIGN_CENTER_VERTICAL);
            box->SetSizer(row);
            detail(_("Referred by:"), box);
        }
    }
    const auto referred = m_services.customers.referred_by(c->id);
    if (!referred.empty()) {
        auto* box = new wxPanel(m_detailsPanel);
        auto* row = new wxWrapSizer(wxHORIZONTAL);
        for (const auto& r : referred)
            row->Add(link(box, r), 0, wxRIGHT, FromDIP(kSpace));
        box->SetSizer(row);
        detail(_("Referred:"), box);
    }
    m_detailsPanel->Layout();

    // The timeline, newest first: incidents and purchases merged by date.
    const auto incidents = m_services.interactions.for_customer(c->id);
    const auto purchases = m_services.purchases.for_customer(c->id);
    // The calls planned for the customer alone, newest first like the rest.
    auto calls = store::FollowUpRepo(m_services.db()).of_customer_alone(c->id);
    std::stable_sort(calls.begin(), calls.end(), [](const FollowUp& a, const FollowUp& b) {
        return date::sys_days(CallDay(a)) > date::sys_days(CallDay(b));
    });
    const wxString staff = FillStaffFilter(incidents, purchases);
    const auto shown = [&staff](const Stamp& saved) {
        return staff.empty() || Wx(saved.by) == staff;
    };
    Money given, pending, bought;
    int open_follow_ups = 0;
    m_timeline->DeleteAllItems();
    m_wholeWhat.clear();
    std::size_t pi = 0;
    std::size_t ci = 0;
    const auto add_call = [&](const FollowUp& f) {
        wxString what = "<b>" + Escape(_("Call with no complaint")) + "</b>";
        wxString state;
        if (f.is_done()) {
            state = wxString::Format(_("Called %s"), FormatDate(*f.done_on));
            if (f.outcome)
                state += ": " + Label(*f.outcome).Lower();
            if (f.satisfaction)
                state += Separator() + wxString::Format(_("satisfaction %d of 5"), *f.satisfaction);
        } else {
            ++open_follow_ups;
            state = wxString::Format(_("Call planned for %s"), FormatDate(f.due));
        }
        what += "\n" + Grey(Escape(state));
        if (!f.note.empty())
            what += "\n" + Escape(FirstLine(f.note, 70));
        if (!f.customer_said.empty())
            what +=
                "\n" +
                Grey(Escape(wxString::Format(_("They said: %s"), FirstLine(f.customer_said, 60))));
        wxVector<wxVariant> row;
        row.push_back(wxVariant(Escape(FormatDate(CallDay(f)))));
        row.push_back(wxVariant(what));
        row.push_back(wxVariant(wxString()));
        if (staff.empty() || (f.is_done() && Wx(f.done.by) == staff)) {
            m_timeline->AppendItem(row, kCallKey);
            // What the note and their words say beyond the cell's first line.
            wxString whole = _("Call with no complaint") + "\n" + state;
            if (!f.note.empty())
                whole += "\n" + Wx(f.note);
            if (!f.customer_said.empty())
                whole += "\n" + wxString::Format(_("They said: %s"), Wx(f.customer_said));
            m_wholeWhat.push_back(whole);
        }
    };
    const auto add_purchase = [&](const Purchase& p) {
        bought += p.amount;
        wxVector<wxVariant> row;
        row.push_back(wxVariant(Escape(FormatDate(p.on))));
        wxString what = "<b>" + Escape(_("Purchase")) + "</b>";
        if (p.margin_known) // a staff login on a shop database sees no margins
            what += "  " + Grey(Escape(wxString::Format(_("gross margin %s %%"),
                                                        FormatPercentNumber(p.margin))));
        row.push_back(wxVariant(what));
        row.push_back(wxVariant(Escape("+" + FormatMoney(p.amount, currency))));
        if (shown(p.added)) {
            m_timeline->AppendItem(row, PurchaseKey(p.id));
            m_wholeWhat.push_back(wxString()); // a purchase's cell is whole
        }
    };
    const auto add_newer_than = [&](Date day) {
        const auto newer = [&](Date d) { return date::sys_days(d) > date::sys_days(day); };
        while (true) {
            const bool purchase = pi < purchases.size() && newer(purchases[pi].on);
            const bool call = ci < calls.size() && newer(CallDay(calls[ci]));
            if (!purchase && !call)
                return;
            // The newer of the two first; a call before a purchase of the same day.
            if (call && (!purchase ||
                         date::sys_days(CallDay(calls[ci])) >= date::sys_days(purchases[pi].on)))
                add_call(calls[ci++]);
            else
                add_purchase(purchases[pi++]);
        }
    };
    for (const Interaction& i : incidents) {
        add_newer_than(i.at.day);
        Money incident_given;
        // One line each: what they asked, what was given, what happens next.
        wxArrayString lines;
        if (!i.asked_for.empty())
            lines.push_back(wxString::Format(_("Asked for: %s"), FirstLine(i.asked_for, 60)));
        // The same lines with what they asked for whole, for the row's tooltip.
        wxArrayString whole_lines;
        if (!i.asked_for.empty())
            whole_lines.push_back(wxString::Format(_("Asked for: %s"), Wx(i.asked_for)));
        wxString given_line;
        for (const Resolution& r : i.resolutions) {
            if (r.status == ResolutionStatus::accepted)
                incident_given += r.cost;
            else if (r.status == ResolutionStatus::offered)
                pending += r.cost;
            wxString part = Label(r.type);
            if (r.cost.cents)
                part += " " + FormatMoney(r.cost, currency);
            part += " (" + Label(r.status).Lower() + ")";
            given_line += (given_line.empty() ? wxString() : Separator()) + part;
        }
        if (!given_line.empty()) {
            lines.push_back(given_line);
            whole_lines.push_back(given_line);
        }
        wxString next_line;
        for (const FollowUp& f : i.follow_ups) {
            wxString part;
            if (f.is_done()) {
                part = wxString::Format(_("Followed up %s"), FormatDate(*f.done_on));
                if (TeamStamp(f.done))
                    part += " " + wxString::Format(_("by %s"), Wx(f.done.by));
                if (f.outcome)
                    part += ": " + Label(*f.outcome).Lower();
            } else {
                ++open_follow_ups;
                part = wxString::Format(_("Follow up %s"), FormatDate(f.due));
            }
            next_line += (next_line.empty() ? wxString() : Separator()) + part;
        }
        if (!i.escalated_to.empty())
            next_line += (next_line.empty() ? wxString() : Separator()) +
                         wxString::Format(_("escalated to %s"), Wx(i.escalated_to));
        if (!next_line.empty()) {
            lines.push_back(next_line);
            whole_lines.push_back(next_line);
        }
        if (TeamStamp(i.logged) || !i.changed.empty()) {
            lines.push_back(SavedBy(i));
            whole_lines.push_back(SavedBy(i));
        }
        const wxString details = wxJoin(lines, '\n', 0);
        given += incident_given;
        wxVector<wxVariant> row;
        // The moment and the time it took on the left; what and how bad in the wide column.
        row.push_back(
            wxVariant(Escape(FormatDate(i.at.day)) + "\n" +
                      Grey(Escape(wxString::Format(_("%02d:%02d, %d min"), i.at.minutes_of_day / 60,
                                                   i.at.minutes_of_day % 60, i.minutes)))));
        wxString what = "<b>" + Escape(Label(i.category)) + "</b>  " +
                        Grey(Escape(wxString::Format(_("severity %d"), i.severity))) + "\n" +
                        Escape(FirstLine(i.summary, 70));
        if (!details.empty())
            what += "\n" + Grey(Escape(details));
        row.push_back(wxVariant(what));
        row.push_back(wxVariant(incident_given.cents
                                    ? Escape("-" + FormatMoney(incident_given, currency))
                                    : wxString()));
        if (shown(i.logged)) {
            m_timeline->AppendItem(row, IncidentKey(i.id));
            wxString whole = Label(i.category) + "  " +
                             wxString::Format(_("severity %d"), i.severity) + "\n" + Wx(i.summary);
            if (!whole_lines.empty())
                whole += "\n" + wxJoin(whole_lines, '\n', 0);
            m_wholeWhat.push_back(whole);
        }
    }
    add_newer_than(date::year{1} / 1 / 1);

    wxString figures = wxString::Format(
        wxPLURAL("%zu complaint", "%zu complaints", incidents.size()), incidents.size());
    figures += Separator() + wxString::Format(_("%s given back"), FormatMoney(given, currency));
    if (pending.cents)
        figures += wxString::Format(_(" (%s offered, pending)"), FormatMoney(pending, currency));
    figures += "\n" + wxString::Format(wxPLURAL("%zu purchase", "%zu purchases", purchases.size()),
                                       purchases.size());
    if (!purchases.empty())
        figures += wxString::Format(_(" worth %s"), FormatMoney(bought, currency));
    if (open_follow_ups)
        figures += Separator() + wxString::Format(wxPLURAL("%d open follow-up",
                                                           "%d open follow-ups", open_follow_ups),
                                                  open_follow_ups);
    m_figures->SetLabelText(figures);
    if (m_worth)
        m_worth->ShowCustomer(c->id);
    if (const auto& r = m_worth ? m_worth->Report() : std::nullopt)
        m_tabs->SetPageText(1, r->verdict == Verdict::worth_it
                                   ? _("Worth it? Yes")
                                   : wxString::Format(_("Worth it? %s"), ShortVerdict(r->verdict)));

    m_book->SetSelection(1);
    m_content->Layout();
    UpdateButtons();
}

wxString CustomerPage::FillStaffFilter(const std::vector<Interaction>& incidents,
                                       const std::vector<Purchase>& purchases) {
    std::set<std::string> names;
    for (const Interaction& i : incidents)
        names.insert(i.logged.by);
    for (const Purchase& p : purchases)
        names.insert(p.added.by);
    const wxString chosen =
        m_staffFilter->GetSelection() > 0 ? m_staffFilter->GetStringSelection() : wxString();
    m_staffFilter->Clear();
    m_staffFilter->Append(_("Everyone's entries"));
    for (const std::string& name : names)
        m_staffFilter->Append(Wx(name));
    const int keep = chosen.empty() ? wxNOT_FOUND : m_staffFilter->FindString(chosen, true);
    m_staffFilter->SetSelection(keep == wxNOT_FOUND ? 0 : keep);
    const bool team = names.size() > 1;
    m_staffLabel->Show(team);
    m_staffFilter->Show(team);
    return keep == wxNOT_FOUND ? wxString() : chosen;
}

void CustomerPage::UpdateButtons() {
    const int row = m_timeline->GetSelectedRow();
    const bool selected = row != wxNOT_FOUND;
    // A staff login may add purchases but not change or delete them (store/roles.h): the
    // buttons say why in their tooltips.
    const wxUIntPtr key = selected ? m_timeline->GetItemData(m_timeline->RowToItem(row)) : 0;
    const bool purchase = selected && IsPurchaseKey(key);
    const bool refused = purchase && m_services.staff();
    // A call with no incident is ticked off, moved or removed on the follow-up list.
    const bool call = selected && key == kCallKey;
    m_editEntry->Enable(selected && !refused && !call);
    m_deleteEntry->Enable(selected && !refused && !call);
    if (refused) {
        m_editEntry->SetToolTip(m_services.OwnerOnly(tr("change a purchase")));
        m_deleteEntry->SetToolTip(m_services.OwnerOnly(tr("delete a purchase")));
    } else {
        m_editEntry->UnsetToolTip();
        m_deleteEntry->UnsetToolTip();
    }
}

bool CustomerPage::SelectIncident(Id interaction_id) {
    for (int row = 0; row < m_timeline->GetItemCount(); ++row) {
        if (m_timeline->GetItemData(m_timeline->RowToItem(row)) == IncidentKey(interaction_id)) {
            m_timeline->SelectRow(static_cast<unsigned>(row));
            m_timeline->EnsureVisible(m_timeline->RowToItem(row));
            UpdateButtons();
            return true;
        }
    }
    return false;
}

void CustomerPage::ShowWorth() {
    if (m_worth)
        m_tabs->SetSelection(1);
}

void CustomerPage::FocusHistory() {
    if (!m_customer)
        return;
    m_tabs->SetSelection(0);
    if (m_timeline->GetSelectedRow() == wxNOT_FOUND && m_timeline->GetItemCount() > 0)
        m_timeline->SelectRow(0);
    UpdateButtons();
    m_timeline->SetFocus();
}

void CustomerPage::EditSelected() {
    const int row = m_timeline->GetSelectedRow();
    if (row == wxNOT_FOUND || !m_customer)
        return;
    const wxUIntPtr key = m_timeline->GetItemData(m_timeline->RowToItem(row));
    if (key == kCallKey)
        return;
    if (IsPurchaseKey(key) && m_services.staff()) {
        if (m_hooks.tell)
            m_hooks.tell(m_services.OwnerOnly(tr("change a purchase")));
        return;
    }
    if (IsPurchaseKey(key))
        ShowPurchaseDialog(this, m_services, *m_customer, IdOfKey(key));
    else
        ShowEditIncidentDialog(this, m_services, IdOfKey(key));
}

void CustomerPage::DeleteSelected() {
    const int row = m_timeline->GetSelectedRow();
    if (row == wxNOT_FOUND)
        return;
    const wxUIntPtr key = m_timeline->GetItemData(m_timeline->RowToItem(row));
    if (key == kCallKey)
        return;
    if (IsPurchaseKey(key) && m_services.staff()) {
        if (m_hooks.tell)
            m_hooks.tell(m_services.OwnerOnly(tr("delete a purchase")));
        return;
    }
    Services& services = m_services;
    try {
        if (IsPurchaseKey(key)) {
            const Purchase gone = m_services.purchases.get(IdOfKey(key));
            m_services.purchases.remove(gone.id);
            m_services.undo.push(_("Delete purchase"), [&services, gone] {
                Purchase back = gone;
                back.id = 0;
                services.purchases.add(back);
            });
            if (m_hooks.tell)
                m_hooks.tell(_("Purchase deleted. Ctrl+Z brings it back."));
        } else {
            const Interaction gone = m_services.interactions.remove(IdOfKey(key));
            m_services.undo.push(_("Delete incident"),
                                 [&services, gone] { services.interactions.restore(gone); });
            if (m_hooks.tell)
                m_hooks.tell(_("Incident deleted. Ctrl+Z brings it back."));
        }
    } catch (const std::exception& e) {
        ShowError(this, e, _("Nothing was deleted"));
        return;
    }
    m_services.changes.notify();
}

void CustomerPage::LogIncident() {
    if (m_customer)
        ShowLogIncidentDialog(this, m_services, m_customer);
}

void CustomerPage::AddPurchase() {
    if (m_customer)
        ShowPurchaseDialog(this, m_services, *m_customer);
}

void CustomerPage::EditCustomer() {
    if (m_customer)
        ShowCustomerDialog(this, m_services, m_customer);
}

void CustomerPage::ArchiveShown() {
    if (m_customer && !m_archived)
        ToggleArchived();
}

void CustomerPage::ToggleArchived() {
    if (!m_customer)
        return;
    const Id id = *m_customer;
    const bool was = m_archived;
    try {
        m_services.customers.set_archived(id, !was);
    } catch (const std::exception& e) {
        ShowError(this, e);
        return;
    }
    Services& services = m_services;
    m_services.undo.push(was ? _("Unarchive customer") : _("Archive customer"),
                         [&services, id, was] { services.customers.set_archived(id, was); });
    if (m_hooks.tell)
        m_hooks.tell(was ? _("Customer back in the active list.")
                         : _("Customer archived: kept with their history, out of the way."));
    m_services.changes.notify();
}

} // namespace rapport::gui
