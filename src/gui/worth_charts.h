// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The charts of "Is this customer worth it?", drawn with wxGraphicsContext (antialiased):
// the to-date waterfall with the projection as an estimate, the cumulative value-versus-cost
// line, and the portfolio scatter plot. Colours are the Okabe-Ito palette, which people with
// the common colour-vision deficiencies tell apart; every mark also has a sign, a dash or a
// shape, so nothing depends on colour alone.
#include "core/worth.h"
#include "store/worth_query.h"

#include <wx/colour.h>
#include <wx/geometry.h>
#include <wx/window.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxGraphicsContext;

namespace rapport::gui {

wxColour ValueColour(); // blue: what a customer brings
wxColour CostColour();  // orange: what they cost
wxColour TotalColour(); // grey: sums
wxColour VerdictColour(Verdict v);
// A verdict in a word or two, for tables, legends and tab labels; the panel gives the advice.
wxString ShortVerdict(Verdict v);

// + own margin, + referral value, − time cost, − money given back = total to date, then the
// projection over the horizon as a hatched, dashed-outline bar with its r ± 0.15 band.
class WaterfallChart : public wxWindow {
public:
    explicit WaterfallChart(wxWindow* parent);
    void SetReport(const WorthReport& report, std::string currency, double retention,
                   int horizon_years);

private:
    struct WaterfallBar {
        enum Kind { value, cost, total, estimate };
        wxString label; // two lines, split at '\n'
        double from, to;
        Kind kind;
        wxString amount;
    };
    struct WaterfallScale {
        double lo, hi;
    };
    void OnPaint();
    bool ColumnsFit(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars, int width) const;
    void DrawColumns(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars,
                     const WaterfallScale& scale, const wxRect& area) const;
    void DrawRows(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars,
                  const WaterfallScale& scale, const wxRect& area) const;
    static wxColour ColourOf(const WaterfallBar& bar);
    static void SetEstimateStyle(wxGraphicsContext& gc);
    std::optional<WorthReport> m_report;
    std::string m_currency;
    double m_retention = 0.6;
    int m_years = 1;
};

// Running sums over time: margin from purchases (solid blue) against time cost plus money
// given back (dashed orange).
class ValueCostChart : public wxWindow {
public:
    explicit ValueCostChart(wxWindow* parent);
    void SetEvents(std::vector<store::WorthEvent> events, Date today, std::string currency);

private:
    void OnPaint();
    std::vector<store::WorthEvent> m_events;
    Date m_today;
    std::string m_currency;
};

// Net own value (x) against referral value (y) for every customer, with the median lines and
// Kumar's quadrant names in the corners; a click on a point opens that customer.
class PortfolioPlot : public wxWindow {
public:
    PortfolioPlot(wxWindow* parent, std::function<void(Id)> open_customer);
    // Only customers with a quadrant (any record) are drawn.
    void SetReports(const std::vector<WorthReport>& reports, std::string currency);

    // Where a customer's point is drawn, in client pixels; nullopt when it is not drawn.
    std::optional<wxPoint> PointOf(Id customer) const;
    // The customer whose point is nearest to `p` within a few pixels.
    std::optional<Id> HitTest(wxPoint p) const;
    std::size_t PointCount() const { return m_points.size(); }
    // Customers beyond the 2nd-98th percentile range, drawn on the plot's edge.
    std::size_t ClippedCount() const { return m_clipped; }

private:
    struct Point {
        Id id;
        double net;      // currency units
        double referral; // currency units
        Verdict verdict;
    };
    struct Frame {
        wxRect plot;
        double x0, x1, y0, y1;
    };
    Frame Layout() const;
    wxPoint2DDouble ToPixel(const Frame& f, double net, double referral) const;
    void OnPaint();

    std::function<void(Id)> m_open;
    std::vector<Point> m_points;
    double m_medianNet = 0, m_medianReferral = 0;
    double m_minNet = 0, m_maxNet = 0, m_minRef = 0, m_maxRef = 0;
    std::size_t m_clipped = 0;
    std::string m_currency;
};

} // namespace rapport::gui
