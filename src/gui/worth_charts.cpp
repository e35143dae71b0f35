// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/worth_charts.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/marker_layer.h"
#include "gui/ui.h"

#include <wx/arrstr.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

namespace rapport::gui {

wxColour ValueColour() {
    return wxColour(0, 114, 178); // Okabe-Ito blue
}
wxColour CostColour() {
    return wxColour(230, 159, 0); // Okabe-Ito orange
}
wxColour TotalColour() {
    return wxColour(110, 110, 110);
}
wxColour VerdictColour(Verdict v) {
    switch (v) {
    case Verdict::worth_it:
        return ValueColour();
    case Verdict::watch:
        return CostColour();
    case Verdict::costing:
        return wxColour(213, 94, 0); // vermillion, and drawn as a square
    case Verdict::too_little_data:
        break;
    }
    return wxColour(150, 150, 150);
}

wxString ShortVerdict(Verdict v) {
    switch (v) {
    case Verdict::worth_it:
        return _("Worth it");
    case Verdict::watch:
        return _("Watch");
    case Verdict::costing:
        return _("Costing you");
    case Verdict::too_little_data:
        break;
    }
    return _("Too little data");
}

namespace {

// What every chart here shares: drawn by its own paint handler, redrawn whole on resize.
void PrepareChart(wxWindow* chart, const char* name, wxSize min_size, std::function<void()> paint) {
    chart->SetName(name);
    // A screen reader hears a chart, and its description says the figures it draws.
    SetAccessibleRole(chart, AccessibleRole::chart);
    chart->SetBackgroundStyle(wxBG_STYLE_PAINT);
    chart->SetMinSize(chart->FromDIP(min_size));
    chart->Bind(wxEVT_PAINT, [paint = std::move(paint)](wxPaintEvent&) { paint(); });
    chart->Bind(wxEVT_SIZE, [chart](wxSizeEvent& e) {
        chart->Refresh();
        e.Skip();
    });
}

double Units(Money m) {
    return static_cast<double>(m.cents) / 100.0;
}

Money FromUnits(double v) {
    return Money::from_cents(static_cast<std::int64_t>(std::llround(v * 100.0)));
}

wxString Amount(double v, const std::string& currency) {
    return FormatMoney(FromUnits(v), currency);
}

// Axis labels: whole amounts with the locale's grouping and sign (the axis names the currency).
wxString Whole(double v) {
    return FormatWholeAmount(v);
}

// A paint DC and an antialiased graphics context over it, background cleared.
std::unique_ptr<wxGraphicsContext> BeginPaint(wxWindow* w, wxAutoBufferedPaintDC& dc) {
    dc.SetBackground(wxBrush(w->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    return gc;
}

wxFont ChartFont(const wxWindow* w, double scale = 1.0, bool bold = false) {
    wxFont f = w->GetFont();
    f.SetFractionalPointSize(f.GetFractionalPointSize() * scale);
    if (bold)
        f.MakeBold();
    return f;
}

void CentredText(wxGraphicsContext& gc, const wxString& text, double cx, double y) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    gc.DrawText(text, cx - w / 2, y);
}

double TextWidth(wxGraphicsContext& gc, const wxString& text) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    return w;
}

// `text` in lines no wider than `width` in the context's font, broken between words (a word
// wider than the line keeps a line of its own).
std::vector<wxString> WrapWords(wxGraphicsContext& gc, const wxString& text, double width) {
    std::vector<wxString> lines;
    wxString line;
    for (const wxString& word : wxSplit(text, ' ', '\0')) {
        const wxString longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && TextWidth(gc, longer) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

// The height of a line of chart text: the charts' minimum heights are so many lines, so they
// grow with the desktop's text size instead of squeezing their labels together.
int LineHeight(const wxWindow* w, double scale) {
    const wxFont font = ChartFont(w, scale);
    int width = 0, height = 0;
    w->GetTextExtent("Ag", &width, &height, nullptr, nullptr, &font);
    return height;
}

// A "nice" step for about `ticks` gridlines over `span`.
double NiceStep(double span, int ticks) {
    if (span <= 0)
        return 1;
    const double raw = span / ticks;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * p)
            return m * p;
    return 10 * p;
}

} // namespace

WaterfallChart::WaterfallChart(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
    PrepareChart(this, "worth_waterfall", wxSize(300, 210), [this] { OnPaint(); });
    // With big text the bars go in rows, each as high as two lines of their names, and the
    // note under them may take three lines.
    SetMinSize(wxSize(GetMinSize().x, std::max(GetMinSize().y, LineHeight(this, 0.85) * 15)));
    // A picture has no text of its own: the tooltip says what it shows (and to screen readers).
    SetToolTip(_("What this customer brought, cost and was given back, and the estimate ahead; "
                 "the figures are also written above"));
}

void WaterfallChart::SetReport(const WorthReport& report, std::string currency, double retention,
                               int horizon_years) {
    m_report = report;
    m_currency = std::move(currency);
    m_retention = retention;
    m_years = horizon_years;
    // The bars in words, for a screen reader: the same figures the chart writes on them.
    const auto money = [this](Money m) { return FormatSignedMoney(m, m_currency); };
    SetAccessibleDescription(
        this,
        wxString::Format(
            wxPLURAL("Own margin %s, referral value %s, time cost %s, given back %s: total to "
                     "date %s. Estimate for the next %d year: %s (from %s to %s).",
                     "Own margin %s, referral value %s, time cost %s, given back %s: total to "
                     "date %s. Estimate for the next %d years: %s (from %s to %s).",
                     m_years),
            money(report.own_margin), money(report.referral_value), money(-report.time_cost),
            money(-report.money_given_back), Amount(Units(report.total_to_date), m_currency),
            m_years, Amount(report.projected.expected, m_currency),
            Amount(report.projected.low, m_currency), Amount(report.projected.high, m_currency)));
    Refresh();
}

void WaterfallChart::OnPaint() {
    wxAutoBufferedPaintDC dc(this);
    auto gc = BeginPaint(this, dc);
    if (!m_report)
        return;
    const WorthReport& r = *m_report;
    const double om = Units(r.own_margin), crv = Units(r.referral_value);
    const double tc = Units(r.time_cost), given = Units(r.money_given_back);
    const auto signed_amount = [&](double v) {
        return FormatSignedMoney(FromUnits(v), m_currency);
    };
    std::vector<WaterfallBar> bars;
    double run = 0;
    bars.push_back({_("Own\nmargin"), run, run + om, WaterfallBar::value, signed_amount(om)});
    run += om;
    bars.push_back({_("Referral\nvalue"), run, run + crv,
                    crv < 0 ? WaterfallBar::cost : WaterfallBar::value, signed_amount(crv)});
    run += crv;
    bars.push_back({_("Time\ncost"), run, run - tc, WaterfallBar::cost, signed_amount(-tc)});
    run -= tc;
    bars.push_back({_("Given\nback"), run, run - given, WaterfallBar::cost, signed_amount(-given)});
    run -= given;
    bars.push_back({_("Total\nto date"), 0, Units(r.total_to_date), WaterfallBar::total,
                    Amount(Units(r.total_to_date), m_currency)});
    bars.push_back({wxString::Format(_("Next %d yr\n(estimate)"), m_years), 0, r.projected.expected,
                    WaterfallBar::estimate, Amount(r.projected.expected, m_currency)});

    WaterfallScale scale{std::min({0.0, r.projected.low}), std::max({0.0, r.projected.high})};
    for (const WaterfallBar& b : bars) {
        scale.lo = std::min({scale.lo, b.from, b.to});
        scale.hi = std::max({scale.hi, b.from, b.to});
    }
    if (scale.hi - scale.lo < 1)
        scale.hi = scale.lo + 1;

    // The note under the chart, wrapped to its width: with big text it takes two lines or more.
    const wxSize size = GetClientSize();
    const double left = FromDIP(6), right = size.x - FromDIP(6);
    gc->SetFont(ChartFont(this, 0.8), SubtleText());
    double nw = 0, nh = 0;
    gc->GetTextExtent("Ag", &nw, &nh);
    const wxString note =
        wxString::Format(_("Estimate assumes %d %% of customers stay each year (range %d-%d %%)."),
                         static_cast<int>(std::lround(m_retention * 100)),
                         static_cast<int>(std::lround(std::max(0.0, m_retention - 0.15) * 100)),
                         static_cast<int>(std::lround(std::min(1.0, m_retention + 0.15) * 100)));
    const std::vector<wxString> noteLines = WrapWords(*gc, note, right - left);
    const double noteTop = size.y - nh * (static_cast<double>(noteLines.size()) + 0.2);
    for (std::size_t i = 0; i < noteLines.size(); ++i)
        gc->DrawText(noteLines[i], left, noteTop + nh * static_cast<double>(i));

    const wxRect area(static_cast<int>(left), 0, static_cast<int>(right - left),
                      static_cast<int>(noteTop - FromDIP(4)));
    // Columns when every name and amount fits its column; with big text or a narrow page, one
    // row per bar with the names and amounts in columns measured from their text.
    if (ColumnsFit(*gc, bars, area.width))
        DrawColumns(*gc, bars, scale, area);
    else
        DrawRows(*gc, bars, scale, area);
}

bool WaterfallChart::ColumnsFit(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars,
                                int width) const {
    const double slot = width / static_cast<double>(bars.size()) - FromDIP(4);
    for (const WaterfallBar& b : bars) {
        gc.SetFont(ChartFont(this, 0.85, b.kind == WaterfallBar::total), *wxBLACK);
        for (const wxString& text : {b.label.BeforeFirst('\n'), b.label.AfterFirst('\n'), b.amount})
            if (TextWidth(gc, text) > slot)
                return false;
    }
    return true;
}

void WaterfallChart::DrawColumns(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars,
                                 const WaterfallScale& scale, const wxRect& area) const {
    const WorthReport& r = *m_report;
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    gc.SetFont(ChartFont(this, 0.85), ink);
    double tw = 0, th = 0;
    gc.GetTextExtent("Ag", &tw, &th);
    const double left = area.x, right = area.GetRight();
    const double top = th * 1.6; // room for the amount above the top bar
    const double plotTop = top, plotBottom = std::max(top + 10, area.GetBottom() - th * 2.6);
    const auto y_of = [&](double v) {
        return plotBottom - (v - scale.lo) / (scale.hi - scale.lo) * (plotBottom - plotTop);
    };

    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1)));
    gc.StrokeLine(left, y_of(0), right, y_of(0));

    const double slot = (right - left) / static_cast<double>(bars.size());
    const double barWidth = slot * 0.62;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const WaterfallBar& b = bars[i];
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        const double y1 = y_of(std::max(b.from, b.to)), y2 = y_of(std::min(b.from, b.to));
        const double h = std::max(1.0, y2 - y1);
        if (b.kind == WaterfallBar::estimate) {
            // An estimate, not a figure: hatched fill, dashed outline, and the band as a
            // whisker from the low to the high retention.
            SetEstimateStyle(gc);
            gc.DrawRectangle(cx - barWidth / 2, y1, barWidth, h);
            const double wl = y_of(r.projected.low), wh = y_of(r.projected.high);
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(ink).Width(1.5)));
            gc.StrokeLine(cx, wl, cx, wh);
            gc.StrokeLine(cx - barWidth / 4, wl, cx + barWidth / 4, wl);
            gc.StrokeLine(cx - barWidth / 4, wh, cx + barWidth / 4, wh);
        } else {
            gc.SetBrush(wxBrush(ColourOf(b)));
            gc.SetPen(*wxTRANSPARENT_PEN);
            gc.DrawRectangle(cx - barWidth / 2, y1, barWidth, h);
            // Steps join the bars so the eye follows the running total.
            if (i + 1 < bars.size() && b.kind != WaterfallBar::total) {
                gc.SetPen(
                    gc.CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1).Style(wxPENSTYLE_DOT)));
                const double yt = y_of(b.to);
                gc.StrokeLine(cx + barWidth / 2, yt, cx + slot - barWidth / 2, yt);
            }
        }
        // The amount sits above a bar that ends up high, below one that ends low.
        gc.SetFont(ChartFont(this, 0.85, b.kind == WaterfallBar::total), ink);
        const bool above =
            b.kind == WaterfallBar::estimate ? b.to >= 0 : b.to >= b.from || b.to >= 0;
        double aw = 0, ah = 0;
        gc.GetTextExtent(b.amount, &aw, &ah);
        double ay = above ? y1 - ah - 2 : y2 + 2;
        if (b.kind == WaterfallBar::estimate)
            ay = above ? std::min(y1, y_of(r.projected.high)) - ah - 2
                       : std::max(y2, y_of(r.projected.low)) + 2;
        CentredText(gc, b.amount, cx, std::clamp(ay, 0.0, plotBottom + 2));
        // Name under the plot, two lines.
        gc.SetFont(ChartFont(this, 0.85), ink);
        CentredText(gc, b.label.BeforeFirst('\n'), cx, plotBottom + th * 0.4);
        CentredText(gc, b.label.AfterFirst('\n'), cx, plotBottom + th * 1.4);
    }
}

void WaterfallChart::DrawRows(wxGraphicsContext& gc, const std::vector<WaterfallBar>& bars,
                              const WaterfallScale& scale, const wxRect& area) const {
    const WorthReport& r = *m_report;
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const double gap = FromDIP(6);
    // The names on one line each when that leaves the bars a third of the width, else on two.
    gc.SetFont(ChartFont(this, 0.85, true), ink);
    double amountWidth = 0;
    for (const WaterfallBar& b : bars)
        amountWidth = std::max(amountWidth, TextWidth(gc, b.amount));
    gc.SetFont(ChartFont(this, 0.85), ink);
    double th = 0, tw = 0;
    gc.GetTextExtent("Ag", &tw, &th);
    double oneLine = 0, twoLines = 0;
    for (const WaterfallBar& b : bars) {
        wxString flat = b.label;
        flat.Replace("\n", " ");
        oneLine = std::max(oneLine, TextWidth(gc, flat));
        twoLines = std::max({twoLines, TextWidth(gc, b.label.BeforeFirst('\n')),
                             TextWidth(gc, b.label.AfterFirst('\n'))});
    }
    const bool flat = oneLine + amountWidth + 2 * gap <= area.width * 2.0 / 3;
    const double nameWidth = flat ? oneLine : twoLines;
    const double lines = flat ? 1 : 2;
    const double row = area.height / static_cast<double>(bars.size());
    const double barHeight = std::min(row - FromDIP(4), th * lines) * 0.7;
    const double plotLeft = area.x + nameWidth + gap + amountWidth + gap;
    const double plotRight = std::max(plotLeft + 10, static_cast<double>(area.GetRight()));
    const auto x_of = [&](double v) {
        return plotLeft + (v - scale.lo) / (scale.hi - scale.lo) * (plotRight - plotLeft);
    };

    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1)));
    gc.StrokeLine(x_of(0), area.y, x_of(0), area.GetBottom());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const WaterfallBar& b = bars[i];
        const double cy = area.y + row * (static_cast<double>(i) + 0.5);
        const double x1 = x_of(std::min(b.from, b.to)), x2 = x_of(std::max(b.from, b.to));
        const double w = std::max(1.0, x2 - x1);
        if (b.kind == WaterfallBar::estimate) {
            SetEstimateStyle(gc);
            gc.DrawRectangle(x1, cy - barHeight / 2, w, barHeight);
            const double wl = x_of(r.projected.low), wh = x_of(r.projected.high);
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(ink).Width(1.5)));
            gc.StrokeLine(wl, cy, wh, cy);
            gc.StrokeLine(wl, cy - barHeight / 4, wl, cy + barHeight / 4);
            gc.StrokeLine(wh, cy - barHeight / 4, wh, cy + barHeight / 4);
        } else {
            gc.SetBrush(wxBrush(ColourOf(b)));
            gc.SetPen(*wxTRANSPARENT_PEN);
            gc.DrawRectangle(x1, cy - barHeight / 2, w, barHeight);
            if (i + 1 < bars.size() && b.kind != WaterfallBar::total) {
                gc.SetPen(
                    gc.CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1).Style(wxPENSTYLE_DOT)));
                const double xt = x_of(b.to);
                gc.StrokeLine(xt, cy + barHeight / 2, xt, cy + row - barHeight / 2);
            }
        }
        gc.SetFont(ChartFont(this, 0.85), ink);
        const double nameTop = cy - th * lines / 2;
        if (flat) {
            wxString name = b.label;
            name.Replace("\n", " ");
            gc.DrawText(name, area.x, nameTop);
        } else {
            gc.DrawText(b.label.BeforeFirst('\n'), area.x, nameTop);
            gc.DrawText(b.label.AfterFirst('\n'), area.x, nameTop + th);
        }
        // The amounts in a column of their own, right-aligned so the figures line up.
        gc.SetFont(ChartFont(this, 0.85, b.kind == WaterfallBar::total), ink);
        gc.DrawText(b.amount, area.x + nameWidth + gap + amountWidth - TextWidth(gc, b.amount),
                    cy - th / 2);
    }
}

wxColour WaterfallChart::ColourOf(const WaterfallBar& bar) {
    return bar.kind == WaterfallBar::value  ? ValueColour()
           : bar.kind == WaterfallBar::cost ? CostColour()
                                            : TotalColour();
}

void WaterfallChart::SetEstimateStyle(wxGraphicsContext& gc) {
    gc.SetBrush(wxBrush(TotalColour(), wxBRUSHSTYLE_BDIAGONAL_HATCH));
    gc.SetPen(
        gc.CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1.5).Style(wxPENSTYLE_SHORT_DASH)));
}

ValueCostChart::ValueCostChart(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
    PrepareChart(this, "worth_over_time", wxSize(300, 210), [this] { OnPaint(); });
    SetToolTip(_("Margin from purchases over time (solid) against time and money spent on "
                 "them (dashed)"));
}

void ValueCostChart::SetEvents(std::vector<store::WorthEvent> events, Date today,
                               std::string currency) {
    m_events = std::move(events);
    m_today = today;
    m_currency = std::move(currency);
    // Where the two lines end, as the legend writes it.
    Money margin, spent;
    for (const auto& e : m_events) {
        margin += e.margin;
        spent += e.time_cost + e.given_back;
    }
    SetAccessibleDescription(
        this,
        m_events.empty()
            ? _("Nothing recorded yet.")
            : wxString::Format(_("Margin from purchases: %s"), FormatMoney(margin, m_currency)) +
                  "; " +
                  wxString::Format(_("Time and money spent: %s"), FormatMoney(spent, m_currency)));
    Refresh();
}

void ValueCostChart::OnPaint() {
    wxAutoBufferedPaintDC dc(this);
    auto gc = BeginPaint(this, dc);
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxSize size = GetClientSize();
    gc->SetFont(ChartFont(this, 0.85), ink);
    double tw = 0, th = 0;
    gc->GetTextExtent("Ag", &tw, &th);
    if (m_events.empty()) {
        gc->SetFont(ChartFont(this, 0.9), SubtleText());
        CentredText(*gc, _("Nothing recorded yet."), size.x / 2.0, size.y / 2.0 - th / 2);
        return;
    }
    // Running sums, one point per day with events.
    std::vector<std::pair<int, double>> value, cost;
    double v = 0, c = 0;
    const Date first = m_events.front().day;
    for (const auto& e : m_events) {
        const int d = days_between(first, e.day);
        v += Units(e.margin);
        c += Units(e.time_cost) + Units(e.given_back);
        value.emplace_back(d, v);
        cost.emplace_back(d, c);
    }
    const int lastDay = std::max(1, days_between(first, m_today));
    const double top_value = std::max({1.0, v, c});
    double yMax = 0;
    for (const auto& p : value)
        yMax = std::max(yMax, p.second);
    for (const auto& p : cost)
        yMax = std::max(yMax, p.second);
    yMax = std::max(yMax, top_value);
    const double step = NiceStep(yMax, 3);
    yMax = std::ceil(yMax / step) * step;

    // Axis labels on the left take the width of the longest amount.
    double labelWidth = 0;
    for (double t = 0; t <= yMax + step / 2; t += step) {
        double w = 0, h = 0;
        gc->GetTextExtent(Whole(t), &w, &h);
        labelWidth = std::max(labelWidth, w);
    }
    const double left = labelWidth + FromDIP(8), right = size.x - FromDIP(8);
    const double top = th * 2.6, bottom = size.y - th * 1.6;
    const auto x_of = [&](int d) { return left + (right - left) * d / lastDay; };
    const auto y_of = [&](double a) { return bottom - (bottom - top) * a / yMax; };

    gc->SetFont(ChartFont(this, 0.8), SubtleText());
    for (double t = 0; t <= yMax + step / 2; t += step) {
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(200, 200, 200)).Width(1)));
        gc->StrokeLine(left, y_of(t), right, y_of(t));
        const wxString label = Whole(t);
        double w = 0, h = 0;
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, left - w - FromDIP(4), y_of(t) - h / 2);
    }
    gc->DrawText(FormatDate(first), left, bottom + 3);
    const wxString end = FormatDate(m_today);
    double ew = 0, eh = 0;
    gc->GetTextExtent(end, &ew, &eh);
    gc->DrawText(end, right - ew, bottom + 3);

    // Steps: a running total holds until the next day something happened, and to today.
    const auto draw = [&](const std::vector<std::pair<int, double>>& pts, const wxColour& colour,
                          wxPenStyle style) {
        wxGraphicsPath path = gc->CreatePath();
        path.MoveToPoint(x_of(0), y_of(0));
        double last = 0;
        for (const auto& [d, a] : pts) {
            path.AddLineToPoint(x_of(d), y_of(last));
            path.AddLineToPoint(x_of(d), y_of(a));
            last = a;
        }
        path.AddLineToPoint(x_of(lastDay), y_of(last));
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colour).Width((FromDIP(5) / 2.0)).Style(style)));
        gc->StrokePath(path);
    };
    draw(cost, CostColour(), wxPENSTYLE_SHORT_DASH);
    draw(value, ValueColour(), wxPENSTYLE_SOLID);

    // Legend: a sample of each line with its name and where it ends today.
    double lx = FromDIP(4);
    const auto legend = [&](const wxString& name, const wxColour& colour, wxPenStyle style,
                            double y) {
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colour).Width((FromDIP(5) / 2.0)).Style(style)));
        gc->StrokeLine(lx, y + th / 2, lx + FromDIP(22), y + th / 2);
        gc->SetFont(ChartFont(this, 0.85), ink);
        gc->DrawText(name, lx + FromDIP(28), y);
    };
    legend(wxString::Format(_("Margin from purchases: %s"), Amount(v, m_currency)), ValueColour(),
           wxPENSTYLE_SOLID, 0);
    legend(wxString::Format(_("Time and money spent: %s"), Amount(c, m_currency)), CostColour(),
           wxPENSTYLE_SHORT_DASH, th * 1.15);
}

PortfolioPlot::PortfolioPlot(wxWindow* parent, std::function<void(Id)> open_customer)
    : wxWindow(parent, wxID_ANY), m_open(std::move(open_customer)) {
    PrepareChart(this, "portfolio_plot", wxSize(420, 300), [this] { OnPaint(); });
    SetToolTip(_("Every customer by their own value and their referrals; click a point to open "
                 "them, or use the table with the keyboard"));
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        if (auto id = HitTest(e.GetPosition()); id && m_open)
            m_open(*id);
    });
    Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        SetCursor(HitTest(e.GetPosition()) ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    });
}

void PortfolioPlot::SetReports(const std::vector<WorthReport>& reports, std::string currency) {
    m_currency = std::move(currency);
    m_points.clear();
    std::vector<double> nets, refs;
    for (const WorthReport& r : reports) {
        if (!r.quadrant)
            continue;
        m_points.push_back(
            {r.customer_id, Units(r.net_own_value), Units(r.referral_value), r.verdict});
        nets.push_back(m_points.back().net);
        refs.push_back(m_points.back().referral);
    }
    // The medians that decide the quadrants (core/worth.cpp), for the lines.
    const auto median = [](std::vector<double>& v) {
        if (v.empty())
            return 0.0;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    };
    m_medianNet = median(nets);
    m_medianReferral = median(refs);
    // A few extreme customers would squeeze everyone else into a corner: the axes span the
    // 2nd to 98th percentiles (all points when there are few), and the rest sit on the edge.
    const auto at = [](const std::vector<double>& v, double q) {
        if (v.empty())
            return 0.0;
        return v[static_cast<std::size_t>(std::lround(q * static_cast<double>(v.size() - 1)))];
    };
    const bool few = nets.size() < 50;
    m_minNet = at(nets, few ? 0 : 0.02);
    m_maxNet = nets.empty() ? 1 : at(nets, few ? 1 : 0.98);
    m_minRef = at(refs, few ? 0 : 0.02);
    m_maxRef = refs.empty() ? 1 : at(refs, few ? 1 : 0.98);
    m_clipped = 0;
    for (const Point& p : m_points)
        if (p.net < m_minNet || p.net > m_maxNet || p.referral < m_minRef || p.referral > m_maxRef)
            ++m_clipped;
    // The plot in words: how many points of each verdict, and where the median lines are.
    std::size_t counts[4] = {};
    for (const Point& p : m_points)
        ++counts[static_cast<int>(p.verdict)];
    wxString groups;
    for (Verdict v :
         {Verdict::worth_it, Verdict::watch, Verdict::costing, Verdict::too_little_data})
        if (counts[static_cast<int>(v)])
            groups += wxString::Format("; %s %zu", ShortVerdict(v), counts[static_cast<int>(v)]);
    SetAccessibleDescription(
        this, wxString::Format(wxPLURAL("%zu customer by own value and referral value, the middle "
                                        "customer at %s own value and %s referral value",
                                        "%zu customers by own value and referral value, the "
                                        "middle customer at %s own value and %s referral value",
                                        m_points.size()),
                               m_points.size(), Amount(m_medianNet, m_currency),
                               Amount(m_medianReferral, m_currency)) +
                  groups + ".");
    Refresh();
}

PortfolioPlot::Frame PortfolioPlot::Layout() const {
    const wxSize size = GetClientSize();
    const int left = FromDIP(64), right = FromDIP(14), top = FromDIP(14), bottom = FromDIP(40);
    Frame f;
    f.plot =
        wxRect(left, top, std::max(10, size.x - left - right), std::max(10, size.y - top - bottom));
    const auto pad = [](double& lo, double& hi) {
        if (hi - lo < 1) {
            lo -= 1;
            hi += 1;
        }
        const double p = (hi - lo) * 0.04;
        lo -= p;
        hi += p;
    };
    f.x0 = std::min(m_minNet, 0.0);
    f.x1 = std::max(m_maxNet, 0.0);
    f.y0 = std::min(m_minRef, 0.0);
    f.y1 = std::max(m_maxRef, 0.0);
    pad(f.x0, f.x1);
    pad(f.y0, f.y1);
    return f;
}

wxPoint2DDouble PortfolioPlot::ToPixel(const Frame& f, double net, double referral) const {
    net = std::clamp(net, f.x0, f.x1);
    referral = std::clamp(referral, f.y0, f.y1);
    return {f.plot.x + (net - f.x0) / (f.x1 - f.x0) * f.plot.width,
            f.plot.GetBottom() - (referral - f.y0) / (f.y1 - f.y0) * f.plot.height};
}

std::optional<wxPoint> PortfolioPlot::PointOf(Id customer) const {
    const Frame f = Layout();
    for (const Point& p : m_points)
        if (p.id == customer) {
            const wxPoint2DDouble d = ToPixel(f, p.net, p.referral);
            return wxPoint(static_cast<int>(std::lround(d.m_x)),
                           static_cast<int>(std::lround(d.m_y)));
        }
    return std::nullopt;
}

std::optional<Id> PortfolioPlot::HitTest(wxPoint at) const {
    const Frame f = Layout();
    const double reach = FromDIP(6);
    double best = reach * reach;
    std::optional<Id> found;
    for (const Point& p : m_points) {
        const wxPoint2DDouble d = ToPixel(f, p.net, p.referral);
        const double dx = d.m_x - at.x, dy = d.m_y - at.y;
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            found = p.id;
        }
    }
    return found;
}

void PortfolioPlot::OnPaint() {
    wxAutoBufferedPaintDC dc(this);
    auto gc = BeginPaint(this, dc);
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const Frame f = Layout();
    const wxRect& r = f.plot;
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(190, 190, 190)).Width(1)));
    gc->SetBrush(*wxTRANSPARENT_BRUSH);
    gc->DrawRectangle(r.x, r.y, r.width, r.height);
    gc->SetFont(ChartFont(this, 0.8), SubtleText());

    // Gridlines with amounts on both axes.
    const auto ticks = [&](double lo, double hi, bool horizontal) {
        const double step = NiceStep(hi - lo, 4);
        for (double t = std::ceil(lo / step) * step; t <= hi; t += step) {
            const wxString label = Whole(t);
            double w = 0, h = 0;
            gc->GetTextExtent(label, &w, &h);
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(225, 225, 225)).Width(1)));
            if (horizontal) {
                const double x = ToPixel(f, t, 0).m_x;
                gc->StrokeLine(x, r.y, x, r.GetBottom());
                gc->DrawText(label, x - w / 2, r.GetBottom() + 3);
            } else {
                const double y = ToPixel(f, 0, t).m_y;
                gc->StrokeLine(r.x, y, r.GetRight(), y);
                gc->DrawText(label, r.x - w - 4, y - h / 2);
            }
        }
    };
    ticks(f.x0, f.x1, true);
    ticks(f.y0, f.y1, false);

    // Median lines split the four quadrants.
    const wxPoint2DDouble m = ToPixel(f, m_medianNet, m_medianReferral);
    gc->SetPen(
        gc->CreatePen(wxGraphicsPenInfo(TotalColour()).Width(1.5).Style(wxPENSTYLE_LONG_DASH)));
    gc->StrokeLine(m.m_x, r.y, m.m_x, r.GetBottom());
    gc->StrokeLine(r.x, m.m_y, r.GetRight(), m.m_y);

    // The points, stamped into one image (gui/marker_layer.h): ten thousand draw in a few
    // milliseconds. Costing customers are squares and too-little-data ones hollow, so shape
    // tells them apart too.
    const double rad = (FromDIP(16) / 5.0);
    const wxSize size = GetClientSize();
    MarkerLayer layer(size, GetContentScaleFactor());
    for (Verdict v :
         {Verdict::too_little_data, Verdict::worth_it, Verdict::watch, Verdict::costing}) {
        const wxColour c = VerdictColour(v);
        if (v == Verdict::too_little_data)
            layer.SetMarker(MarkerLayer::Shape::ring, c, rad);
        else
            layer.SetMarker(v == Verdict::costing ? MarkerLayer::Shape::square
                                                  : MarkerLayer::Shape::disc,
                            wxColour(c.Red(), c.Green(), c.Blue(), 150), rad);
        for (const Point& p : m_points) {
            if (p.verdict != v)
                continue;
            const wxPoint2DDouble d = ToPixel(f, p.net, p.referral);
            layer.Stamp(d.m_x, d.m_y);
        }
    }
    gc->DrawBitmap(layer.ToBitmap(), 0, 0, size.x, size.y);

    gc->SetFont(ChartFont(this, 1.0, true), TotalColour());
    const double pad = FromDIP(6);
    const auto corner = [&](const wxString& name, bool rightSide, bool topSide) {
        double w = 0, h = 0;
        gc->GetTextExtent(name, &w, &h);
        const double x = rightSide ? r.GetRight() - w - pad : r.x + pad;
        const double y = topSide ? r.y + pad : r.GetBottom() - h - pad;
        // On a light box, so the name stays readable over a crowd of points.
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(wxColour(255, 255, 255, 215)));
        gc->DrawRoundedRectangle(x - 3, y - 1, w + 6, h + 2, 3);
        gc->DrawText(name, x, y);
    };
    corner(Label(Quadrant::champion), true, true);
    corner(Label(Quadrant::affluent), true, false);
    corner(Label(Quadrant::advocate), false, true);
    corner(Label(Quadrant::miser), false, false);

    gc->SetFont(ChartFont(this, 0.85), ink);
    CentredText(
        *gc, wxString::Format(_("Net own value (%s): what they bring themselves"), Wx(m_currency)),
        r.x + r.width / 2.0, r.GetBottom() + FromDIP(20));
    gc->PushState();
    gc->Translate(FromDIP(2), r.y + r.height / 2.0);
    gc->Rotate(-M_PI / 2);
    CentredText(*gc, wxString::Format(_("Referral value (%s)"), Wx(m_currency)), 0, 0);
    gc->PopState();
}

} // namespace rapport::gui
