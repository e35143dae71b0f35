// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/worth_panel.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "gui/worth_charts.h"
#include "store/worth_report.h"

#include <wx/notebook.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::gui {
namespace {

// The core's reason and next steps (src/core/worth.cpp, English for the CLI) written again
// from their parts, in the user's language and money.
wxString Percent(double value, int precision) {
    return wxNumberFormatter::ToString(value, precision, wxNumberFormatter::Style_NoTrailingZeroes);
}

wxString ShareText(const ReasonParts& p, std::string_view cur) {
    if (p.brings_value)
        return wxString::Format(
            _("Handling cost %s is %s %% of the value this customer brings (%s)"),
            FormatMoney(p.handling_cost, cur),
            wxNumberFormatter::ToString(p.handling_share_tenths / 10.0, 1),
            FormatMoney(p.value_brought, cur));
    return wxString::Format(_("Handling cost %s against no value brought (%s)"),
                            FormatMoney(p.handling_cost, cur), FormatMoney(p.value_brought, cur));
}

wxString ReasonText(const ReasonParts& p, std::string_view cur) {
    const wxString total = FormatMoney(p.total_to_date, cur);
    const wxString watch_line = Percent(p.watch_line / 100.0, 2);
    switch (p.kind) {
    case ReasonKind::costing:
        return wxString::Format(
            wxPLURAL("Total to date is %s (own value %s after %s handling cost, referrals %s) and "
                     "the next %d year projects to %s, so this customer costs you more than they "
                     "bring.",
                     "Total to date is %s (own value %s after %s handling cost, referrals %s) and "
                     "the next %d years project to %s, so this customer costs you more than they "
                     "bring.",
                     p.horizon_years),
            total, FormatMoney(p.net_own_value, cur), FormatMoney(p.handling_cost, cur),
            FormatMoney(p.referral_value, cur), p.horizon_years, FormatMoney(p.projected, cur));
    case ReasonKind::nothing_recorded:
        return wxString::Format(_("No purchase or interaction is recorded yet, so there is "
                                  "nothing to judge (total to date %s)."),
                                total);
    case ReasonKind::too_young: {
        const wxString bought =
            p.purchase_count == 0
                ? _("No purchase yet")
                : wxString::Format(
                      wxPLURAL("Only %lld purchase", "Only %lld purchases", p.purchase_count),
                      static_cast<long long>(p.purchase_count));
        return wxString::Format(
            wxPLURAL("%s and the first record is %d day old (a judgement needs %d days); so far "
                     "own margin %s, handling cost %s, total %s.",
                     "%s and the first record is %d days old (a judgement needs %d days); so far "
                     "own margin %s, handling cost %s, total %s.",
                     p.age_days),
            bought, p.age_days, p.min_age_days, FormatMoney(p.own_margin, cur),
            FormatMoney(p.handling_cost, cur), total);
    }
    case ReasonKind::may_recover:
        return wxString::Format(
            wxPLURAL("Total to date is %s (own value %s, referrals %s), but the last year's "
                     "margin projects to %s over the next %d year, so it may recover; %s.",
                     "Total to date is %s (own value %s, referrals %s), but the last year's "
                     "margin projects to %s over the next %d years, so it may recover; %s.",
                     p.horizon_years),
            total, FormatMoney(p.net_own_value, cur), FormatMoney(p.referral_value, cur),
            FormatMoney(p.projected, cur), p.horizon_years, ShareText(p, cur));
    case ReasonKind::over_watch_line:
        return wxString::Format(_("%s, above the %s %% watch line; total to date %s."),
                                ShareText(p, cur), watch_line, total);
    case ReasonKind::within_watch_line:
        break;
    }
    return wxString::Format(_("%s, within the %s %% watch line; total to date %s."),
                            ShareText(p, cur), watch_line, total);
}

// A next step in a few words (the "Try first" line) and in full (the "What to try" tab).
struct StepText {
    wxString title;
    wxString full;
};

StepText StepTexts(const NextStep& step, std::string_view cur) {
    wxString title, detail;
    switch (step.kind) {
    case StepKind::limit_giving_back:
        title = _("Set limits on what you give back");
        detail = wxString::Format(_("%s went back in refunds, replacements and extras; agree in "
                                    "writing what you offer when something goes wrong, and "
                                    "offer nothing beyond it."),
                                  FormatMoney(step.amount, cur));
        break;
    case StepKind::limit_time:
        title = _("Set limits on your time");
        detail = wxString::Format(
            wxPLURAL("%lld minute so far cost %s at %s an hour; agree one contact channel, set "
                     "hours and a time budget per request.",
                     "%lld minutes so far cost %s at %s an hour; agree one contact channel, set "
                     "hours and a time budget per request.",
                     step.minutes),
            static_cast<long long>(step.minutes), FormatMoney(step.amount, cur),
            FormatMoney(step.hourly_rate, cur));
        break;
    case StepKind::settle_pending:
        title = wxString::Format(_("Settle the %s still on offer before offering anything more."),
                                 FormatMoney(step.amount, cur));
        return {title, title};
    case StepKind::reprice:
        title = _("Reprice");
        detail = wxString::Format(_("charge for the extra handling (a service fee, a higher "
                                    "price or paid support) so the margin covers the %s "
                                    "handling cost."),
                                  FormatMoney(step.amount, cur));
        break;
    case StepKind::frank_talk:
        title = _("Have a frank, calm talk");
        detail = _("say what the relationship costs you, what you can do and what you cannot, "
                   "and agree how you will work together from now on.");
        break;
    case StepKind::let_go:
        title = _("Only if limits, new prices and the talk all fail, consider letting the "
                  "customer go");
        detail = _("tell them politely, finish what you promised and, if you can, point them to "
                   "someone better suited.");
        break;
    }
    return {title, wxString::Format(_("%s: %s"), title, detail)};
}

} // namespace

WorthPanel::WorthPanel(wxWindow* parent, Services& services)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      m_services(services) {
    SetName("worth_panel");
    SetScrollRate(0, FromDIP(12)); // never sideways: the sentences wrap to the width
    const int gap = FromDIP(kGap);
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The tab already asks "Worth it?": the panel opens with the answer.
    m_verdict = MakeHeading(this, wxString(), 1.15);
    m_verdict->SetName("worth_verdict");
    WrapToWidth(m_verdict);
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
    SetLabelFor(m_verdict, charts); // read with the verdict above them
    m_waterfall = new WaterfallChart(charts);
    m_overTime = new ValueCostChart(charts);
    charts->AddPage(m_waterfall, _("Where it stands"));
    charts->AddPage(m_overTime, _("Over time"));
    // Each chart is read by the name of its tab; its description has the figures.
    SetAccessibleName(m_waterfall, _("Where it stands"));
    SetAccessibleName(m_overTime, _("Over time"));
    auto* advicePage = new wxPanel(charts);
    m_advice = new wxStaticText(advicePage, wxID_ANY, wxString());
    m_advice->SetName("worth_advice");
    auto* as = new wxBoxSizer(wxVERTICAL);
    as->Add(m_advice, 1, wxEXPAND | wxALL, FromDIP(kSpace));
    advicePage->SetSizer(as);
    // The page takes the keyboard (it has no field): read by its tab, with the advice.
    SetAccessibleName(advicePage, _("What to try"));
    m_advicePage = advicePage;
    charts->AddPage(advicePage, _("What to try"));
    charts->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        CallAfter([this] { Rewrap(); });
        e.Skip();
    });
    top->Add(charts, 1, wxEXPAND | wxTOP, gap);
    SetSizer(top);
    // Sentences wrap to the width the panel is given, also after the window is resized or a
    // scroll bar comes or goes (the client width changes, the window's does not).
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (GetClientSize().x != m_wrappedAt)
            CallAfter([this] { Rewrap(); });
        e.Skip();
    });
}

void WorthPanel::Rewrap() {
    // Wrapped to the width beside a scroll bar, the text may no longer need one, and the other
    // way round: wrap again once the height has settled, twice at most.
    for (int pass = 0; pass < 2; ++pass) {
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
        // The full advice lives on its own tab, inside that page's margin.
        m_advice->SetLabelText(m_adviceText);
        SetAccessibleDescription(m_advicePage, m_adviceText);
        const int adviceWidth = width - 2 * FromDIP(kSpace) - 2 * FromDIP(kGap);
        if (adviceWidth >= FromDIP(100))
            m_advice->Wrap(adviceWidth);
        m_advice->GetParent()->Layout();
        // The content's height decides whether the panel scrolls.
        FitInside();
        Layout();
        if (GetClientSize().x == width)
            break;
    }
}

void WorthPanel::ShowCustomer(Id id) {
    const Settings& s = m_services.settings();
    const Date today = m_services.today();
    m_report.reset();
    try {
        store::CustomerWorth worth = store::customer_worth(m_services.db(), id, s, today);
        m_report = std::move(worth.report);
        m_overTime->SetEvents(worth.events, today, s.currency);
    } catch (const std::exception& e) {
        m_verdict->SetLabelText(wxString());
        m_reasonText = ErrorText(e);
        m_stepsText = m_figuresText = m_pendingText = m_adviceText = wxString();
        Rewrap();
        return;
    }
    const WorthReport& r = *m_report;
    const std::string& cur = s.currency;
    m_verdict->SetLabelText(Label(r.verdict));
    m_verdict->SetForegroundColour(r.verdict == Verdict::too_little_data
                                       ? SubtleText()
                                       : VerdictColour(r.verdict).ChangeLightness(75));
    m_reasonText = ReasonText(r.reason_parts, cur);
    // The steps in a few words each, in order; the full advice is in the "What to try" tab.
    wxString steps, advice;
    for (const NextStep& step : r.steps) {
        const StepText text = StepTexts(step, cur);
        steps += (steps.empty() ? wxString() : wxString::FromUTF8("  \xE2\x86\x92  ")) + text.title;
        advice += wxString::FromUTF8("\xE2\x80\xA2 ") + text.full + "\n\n";
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
