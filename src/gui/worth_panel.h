// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Worth it?" on the customer page: the verdict in plain words with its reason, next steps
// before any thought of letting the customer go, the to-date waterfall with the projection
// as an estimate, and value against cost over time. Offered (pending) resolutions are shown
// apart: they are not money given back yet.
#include "core/records.h"
#include "core/worth.h"

#include <wx/scrolwin.h>

#include <optional>

class wxStaticText;

namespace rapport::gui {

class Services;
class WaterfallChart;
class ValueCostChart;

// Scrolls up and down when its sentences and charts need more height than the page has (big
// text, a small window), rather than squeezing the charts or cutting the sentences.
class WorthPanel : public wxScrolledWindow {
public:
    WorthPanel(wxWindow* parent, Services& services);

    // Reads the customer's figures and redraws; errors are shown in the panel.
    void ShowCustomer(Id id);
    const std::optional<WorthReport>& Report() const { return m_report; }

private:
    void Rewrap();

    Services& m_services;
    wxString m_reasonText, m_stepsText, m_figuresText, m_pendingText, m_adviceText;
    int m_wrappedAt = 0;
    std::optional<WorthReport> m_report;
    wxStaticText* m_verdict = nullptr;
    wxStaticText* m_reason = nullptr;
    wxStaticText* m_steps = nullptr;
    wxStaticText* m_advice = nullptr;
    wxWindow* m_advicePage = nullptr; // the "What to try" tab
    wxStaticText* m_figures = nullptr;
    wxStaticText* m_pending = nullptr;
    WaterfallChart* m_waterfall = nullptr;
    ValueCostChart* m_overTime = nullptr;
};

} // namespace rapport::gui
