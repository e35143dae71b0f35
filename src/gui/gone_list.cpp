// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/gone_list.h"

#include "core/errors.h"
#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/ui.h"
#include "store/followups.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <cmath>

namespace rapport::gui {
namespace {

wxString Coloured(const wxColour& c, const wxString& text) {
    return wxString::Format("<span foreground='%s'>%s</span>", c.GetAsString(wxC2S_HTML_SYNTAX),
                            EscapeMarkup(text));
}

// 30 as "30", 37.5 as "37.5" (German "37,5").
wxString Days(double days) {
    const bool whole = std::floor(days) == days;
    return wxNumberFormatter::ToString(days, whole ? 0 : 1);
}

} // namespace

GoneList::GoneList(wxWindow* parent, Services& services, const wxString& name, std::size_t max_rows,
                   std::function<void(Id)> open_customer)
    : wxPanel(parent), m_services(services), m_maxRows(max_rows),
      m_openCustomer(std::move(open_customer)), m_read(*this, services.db()) {
    SetName(name);
    const int gap = FromDIP(kGap);
    auto* top = new wxBoxSizer(wxVERTICAL);
    // With big text the summary goes under the heading instead of past the edge.
    auto* title = new wxWrapSizer(wxHORIZONTAL);
    auto* heading = MakeSectionTitle(this, _("Haven't been back"));
    title->Add(heading, 0, wxALIGN_BOTTOM | wxRIGHT, FromDIP(kSpace));
    m_summary = MakeNote(this, wxString());
    m_summary->SetName(name + "_summary");
    title->Add(m_summary, 0, wxALIGN_BOTTOM);
    top->Add(title, 0, wxEXPAND);

    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->SetName(name + "_list");
    SetLabelFor(heading, m_list);
    const wxString keys = _("Keys on a selected customer: P plans a call for today, Enter opens "
                            "the customer, Ctrl+Z undoes.");
    SetAccessibleDescription(m_list, keys);
    AddColumns(m_list,
               // Room for "166 days (usually 21.5)", "Beschwerde am 02.11.2026" and
               // "Planned: yesterday"; the phone and email take what is left.
               {{_("Customer"), 130},
                {_("Phone, email"), 130},
                {_("Last purchase"), 105},
                {_("Away"), 160},
                {wxString::Format(_("Year's margin (%s)"), Wx(services.settings().currency)), 105,
                 wxALIGN_RIGHT},
                {_("Last contact"), 190},
                {_("Call"), 130}},
               1);
    ShowCutTextAsTip(m_list);
    top->Add(m_list, 1, wxEXPAND | wxTOP, gap);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    m_plan = new wxButton(this, wxID_ANY, _("Plan a call (P)"));
    m_plan->SetName(name + "_plan_call");
    m_plan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PlanCall(); });
    m_open = new wxButton(this, wxID_ANY, _("Open customer (Enter)"));
    m_open->SetName(name + "_open");
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto* g = Selected(); g && m_openCustomer)
            m_openCustomer(g->customer_id);
    });
    for (auto* b : {m_plan, m_open})
        b->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& u) { u.Enable(Selected() != nullptr); });
    actions->Add(m_plan, 0, wxRIGHT, gap);
    actions->Add(m_open, 0, wxRIGHT, FromDIP(kSpace));
    m_said = new wxStaticText(this, wxID_ANY, wxString());
    m_said->SetName(name + "_said");
    WrapToWidth(m_said); // the sentence when no call could be planned is long
    actions->Add(m_said, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(actions, 0, wxEXPAND | wxTOP, gap);
    SetSizer(top);

    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const auto* g = Selected(); g && m_openCustomer)
            m_openCustomer(g->customer_id);
    });
    m_list->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if ((e.GetModifiers() == wxMOD_NONE || e.GetModifiers() == wxMOD_SHIFT) &&
            e.GetKeyCode() == 'P')
            PlanCall();
        else
            e.Skip();
    });
}

void GoneList::Reload(Date today) {
    m_read.Start([this, today](store::Database& reader) {
        auto rows = std::make_shared<std::vector<store::GoneCustomer>>(
            store::gone_customers(reader, today));
        return std::function<void()>([this, rows, today] { ShowRows(std::move(*rows), today); });
    });
}

void GoneList::ShowRows(std::vector<store::GoneCustomer> rows, Date today) {
    m_today = today;
    const std::size_t all = rows.size();
    if (m_maxRows && rows.size() > m_maxRows)
        rows.resize(m_maxRows);
    if (all == 0)
        m_summary->SetLabelText(_("Nobody has stayed away longer than usual."));
    else if (rows.size() < all)
        m_summary->SetLabelText(
            wxString::Format(wxPLURAL("%lld customer, the %lld bringing the most shown; all in "
                                      "Reports",
                                      "%lld customers, the %lld bringing the most shown; all in "
                                      "Reports",
                                      all),
                             static_cast<long long>(all), static_cast<long long>(rows.size())));
    else
        m_summary->SetLabelText(
            wxString::Format(wxPLURAL("%lld customer, the one bringing the most first",
                                      "%lld customers, the ones bringing the most first", all),
                             static_cast<long long>(all)));

    // Keep the selection on the same customer across a reload (after planning a call).
    const auto* was = Selected();
    const Id selected = was ? was->customer_id : 0;
    m_rows = std::move(rows);
    m_list->DeleteAllItems();
    int reselect = wxNOT_FOUND;
    for (std::size_t k = 0; k < m_rows.size(); ++k) {
        const auto& g = m_rows[k];
        wxVector<wxVariant> row;
        row.push_back(wxVariant(EscapeMarkup(Wx(g.name))));
        wxString contact = Wx(g.phone);
        if (!g.phone.empty() && !g.email.empty())
            contact += ", ";
        contact += Wx(g.email);
        contact.Replace("\n", " ");
        row.push_back(wxVariant(EscapeMarkup(contact)));
        row.push_back(wxVariant(EscapeMarkup(FormatDate(g.last_purchase))));
        row.push_back(wxVariant(EscapeMarkup(wxString::Format(
            _("%d days (usually %s)"), g.days_since_last, Days(g.usual_gap_days)))));
        row.push_back(wxVariant(EscapeMarkup(FormatAmount(g.own_margin_last_year))));
        row.push_back(
            wxVariant(g.complaint_after_last_purchase
                          ? Coloured(OverdueText(),
                                     wxString::Format(_("Complaint on %s"),
                                                      FormatDate(*g.complaint_after_last_purchase)))
                          : EscapeMarkup(_("A purchase"))));
        row.push_back(wxVariant(
            g.call_planned ? EscapeMarkup(wxString::Format(
                                 _("Planned: %s"), FormatRelativeDay(*g.call_planned, today)))
                           : wxString()));
        m_list->AppendItem(row, static_cast<wxUIntPtr>(k));
        if (g.customer_id == selected)
            reselect = static_cast<int>(k);
    }
    if (reselect != wxNOT_FOUND)
        m_list->SelectRow(reselect);
    const bool any = !m_rows.empty();
    m_list->Show(any);
    m_plan->Show(any);
    m_open->Show(any);
    Layout();
    if (GetParent())
        GetParent()->Layout();
}

const store::GoneCustomer* GoneList::Selected() const {
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND)
        return nullptr;
    const auto k = static_cast<std::size_t>(m_list->GetItemData(m_list->RowToItem(row)));
    return k < m_rows.size() ? &m_rows[k] : nullptr;
}

void GoneList::Say(const wxString& text) {
    m_said->SetLabelText(text);
    Layout();
}

void GoneList::PlanCall() {
    const auto* g = Selected();
    if (!g)
        return;
    const wxString name = Wx(g->name);
    const Date today = m_services.today();
    if (g->call_planned) {
        Say(wxString::Format(_("A call with %s is already planned: %s."), name,
                             FormatRelativeDay(*g->call_planned, today)));
        return;
    }
    const std::string note = Utf8(wxString::Format(
        _("Haven't been back since %s: call to ask how they are"), FormatDate(g->last_purchase)));
    try {
        const Id id = store::plan_gone_call(m_services.db(), g->customer_id, today, note);
        Services& services = m_services;
        m_services.undo.push(_("Plan a call"),
                             [&services, id] { store::FollowUpRepo(services.db()).remove(id); });
        Say(wxString::Format(_("A call with %s is on the follow-up list for today."), name));
        m_services.changes.notify();
    } catch (const DataError& e) {
        // The customer is gone from the database meanwhile: said here, not in a box.
        Say(ErrorText(e));
    } catch (const std::exception& e) {
        ShowError(this, e, _("No call was planned"));
    }
}

} // namespace rapport::gui
