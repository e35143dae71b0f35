#include "gui/worth_panel.h"

#include "gui/format.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "gui/worth_charts.h"
#include "store/worth_query.h"

#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::gui {

WorthPanel::WorthPanel(wxWindow* parent, Services& services)
    : wxPanel(parent), m_services(services) {
    SetName("worth_panel");
    const int gap = FromDIP(kGap);
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The tab already asks "Worth it?": the panel opens with the answer.
    m_verdict = MakeHeading(this, wxString(), 1.15);
    m_verdict->SetName("worth_verdict");
    top->Add(m_verdict, 0, wxEXPAND);

    m_reason = new wxStaticText(this, wxID_ANY, wxString());
    m_reason->SetName("worth_reason");
    top->Add(m_reason, 0, wxEXPAND | wxTOP, gap / 2);
    m_steps = new wxStaticText(this, wxID_ANY, wxString());
    m_steps->SetName("worth_steps");
    top->Add(m_steps, 0, wxEXPAND | wxTOP, gap / 2);
    m_figures = new wxStaticText(this, wxID_ANY, wxString());
    m_figures->SetName("worth_figures");
    m_figures->SetForegroundColour(SubtleText());
    top->Add(m_figures, 0, wxEXPAND | wxTOP, gap / 2);
    m_pending = new wxStaticText(this, wxID_ANY, wxString());
    m_pending->SetName("worth_pending");
    m_pending->SetForegroundColour(SubtleText());
    top->Add(m_pending, 0, wxEXPAND | wxTOP, gap / 2);

    // The page beside the customer list is narrow: one chart at a time, each at full width.
    auto* charts = new wxNotebook(this, wxID_ANY);
    charts->SetName("worth_charts");
    m_waterfall = new WaterfallChart(charts);
    m_overTime = new ValueCostChart(charts);
    charts->AddPage(m_waterfall, _("Where it stands"));
    charts->AddPage(m_overTime, _("Over time"));
    auto* advicePage = new wxPanel(charts);
    m_advice = new wxStaticText(advicePage, wxID_ANY, wxString());
    m_advice->SetName("worth_advice");
    auto* as = new wxBoxSizer(wxVERTICAL);
    as->Add(m_advice, 1, wxEXPAND | wxALL, FromDIP(kSpace));
    advicePage->SetSizer(as);
    charts->AddPage(advicePage, _("What to try"));
    charts->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        CallAfter([this] { Rewrap(); });
        e.Skip();
    });
    top->Add(charts, 1, wxEXPAND | wxTOP, gap);
    SetSizer(top);
    // Sentences wrap to the width the panel is given, also after the window is resized.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (e.GetSize().x != m_wrappedAt)
            CallAfter([this] { Rewrap(); });
        e.Skip();
    });
}

void WorthPanel::Rewrap() {
    // Hidden behind another tab the panel may have no width yet: show the text unwrapped.
    const int width = GetClientSize().x;
    m_wrappedAt = width;
    for (auto& [text, label] :
         {std::pair{m_reason, m_reasonText}, std::pair{m_figures, m_figuresText},
          std::pair{m_pending, m_pendingText}, std::pair{m_steps, m_stepsText}}) {
        text->SetLabelText(label);
        if (width >= FromDIP(100))
            text->Wrap(width);
    }
    Layout();
}

void WorthPanel::ShowCustomer(Id id) {
    const Settings& s = m_services.settings();
    const Date today = m_services.today();
    m_report.reset();
    try {
        store::WorthQuery query(m_services.db());
        const auto activity = query.customer_with_referrals(id, today);
        m_report = assess_customer(
            activity.front(), std::span<const CustomerActivity>(activity).subspan(1), s, today);
        m_overTime->SetEvents(query.events(id, today, s.hourly_rate), today, s.currency);
    } catch (const std::exception& e) {
        m_verdict->SetLabelText(wxString());
        m_reasonText = ErrorText(e);
        m_stepsText = m_figuresText = m_pendingText = m_adviceText = wxString();
        Rewrap();
        return;
    }
    const WorthReport& r = *m_report;
    const std::string& cur = s.currency;
    m_verdict->SetLabelText(Wx(to_label(r.verdict)));
    m_verdict->SetForegroundColour(r.verdict == Verdict::too_little_data
                                       ? SubtleText()
                                       : VerdictColour(r.verdict).ChangeLightness(75));
    m_reasonText = Wx(r.reason);
    // The steps in a few words each, in order; the full advice is in the "What to try" tab.
    wxString steps, advice;
    for (const auto& step : r.next_steps) {
        const wxString full = Wx(step);
        steps += (steps.empty() ? wxString() : wxString::FromUTF8("  \xE2\x86\x92  ")) +
                 full.BeforeFirst(':');
        advice += wxString::FromUTF8("\xE2\x80\xA2 ") + full + "\n\n";
    }
    if (!steps.empty())
        steps = _("Try first: ") + steps;
    m_stepsText = steps;
    m_steps->Show(!steps.empty());
    m_adviceText = advice.empty() ? _("Nothing to change: keep serving this customer as you do.")
                                  : advice.Trim();
    m_figuresText = (wxString::Format(
        _("Own margin %s, handling cost %s (time %s + given back %s), net %s; referral value "
          "%s; total to date %s."),
        FormatMoney(r.own_margin, cur), FormatMoney(r.handling_cost, cur),
        FormatMoney(r.time_cost, cur), FormatMoney(r.money_given_back, cur),
        FormatMoney(r.net_own_value, cur), FormatMoney(r.referral_value, cur),
        FormatMoney(r.total_to_date, cur)));
    m_pendingText =
        (r.pending.cents ? wxString::Format(_("Also offered and not yet accepted: %s (not counted "
                                              "until the customer accepts)."),
                                            FormatMoney(r.pending, cur))
                         : wxString());
    m_pending->Show(r.pending.cents != 0);
    m_waterfall->SetReport(r, cur, s.retention, s.horizon_years);
    Rewrap();
}

} // namespace rapport::gui
