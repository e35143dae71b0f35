// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The portfolio of "Is this customer worth it?" in the Reports view: every customer as a point
// of net own value against referral value with the median lines and Kumar's quadrants, and a
// sortable table of everyone's figures and verdict. Computed when shown (well under a second
// for 10,000 customers and a million interactions), never at start-up.
#include "core/records.h"
#include "core/worth.h"
#include "store/database.h"

#include <wx/panel.h>

#include <functional>
#include <vector>

class wxDataViewCtrl;
class wxStaticText;

namespace rapport::gui {

class Services;
class PortfolioPlot;
class PortfolioModel;

class PortfolioView : public wxPanel {
public:
    PortfolioView(wxWindow* parent, Services& services, std::function<void(Id)> open_customer);

    // Reads every customer's sums and judges them: through `db` on any thread (the Reports
    // view reads on a worker), with the owner's settings as of `s`.
    static std::vector<WorthReport> Read(store::Database& db, const Settings& s, Date today);
    // Shows what Read returned.
    void ShowReports(std::vector<WorthReport> reports);
    PortfolioPlot* Plot() { return m_plot; }
    const std::vector<WorthReport>& Reports() const { return m_reports; }

private:
    void Sort();

    Services& m_services;
    std::function<void(Id)> m_open;
    std::vector<WorthReport> m_reports;
    wxStaticText* m_summary = nullptr;
    PortfolioPlot* m_plot = nullptr;
    wxDataViewCtrl* m_table = nullptr;
    PortfolioModel* m_model = nullptr;
};

} // namespace rapport::gui
