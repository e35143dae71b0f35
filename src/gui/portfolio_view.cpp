// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/portfolio_view.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/services.h"
#include "gui/ui.h"
#include "gui/worth_charts.h"
#include "store/worth_report.h"

#include <wx/dataview.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <utility>

namespace rapport::gui {

// The table's rows are indexes into the view's reports, in the order the owner sorted them;
// cells are formatted only for the rows on screen.
class PortfolioModel : public wxDataViewVirtualListModel {
public:
    enum Column : unsigned {
        kName,
        kOwnMargin,
        kHandling,
        kNet,
        kReferral,
        kTotal,
        kProjected,
        kVerdict,
        kQuadrant,
        kColumnCount
    };

    explicit PortfolioModel(const std::vector<WorthReport>& reports) : m_reports(reports) {}

    // Takes the reports in their order and shows them (sorted first when `sort` is set): one
    // Reset, which costs GTK about 25 ms for 10,000 rows (gtk_tree_view_set_model).
    void Load(std::string currency, const std::optional<std::pair<unsigned, bool>>& sort) {
        m_currency = std::move(currency);
        m_order.resize(m_reports.size());
        std::iota(m_order.begin(), m_order.end(), 0u);
        if (sort)
            Order(sort->first, sort->second);
        Reset(static_cast<unsigned>(m_order.size()));
    }

    void Sort(unsigned column, bool ascending) {
        Order(column, ascending);
        Reset(static_cast<unsigned>(m_order.size()));
    }

    void Order(unsigned column, bool ascending) {
        const auto key = [&](const WorthReport& r) -> double {
            switch (column) {
            case kOwnMargin:
                return static_cast<double>(r.own_margin.cents);
            case kHandling:
                return static_cast<double>(r.handling_cost.cents);
            case kNet:
                return static_cast<double>(r.net_own_value.cents);
            case kReferral:
                return static_cast<double>(r.referral_value.cents);
            case kProjected:
                return r.projected.expected;
            case kVerdict:
                return static_cast<double>(r.verdict);
            case kQuadrant:
                return r.quadrant ? static_cast<double>(*r.quadrant) : 99.0;
            default:
                return static_cast<double>(r.total_to_date.cents);
            }
        };
        std::stable_sort(m_order.begin(), m_order.end(), [&](unsigned a, unsigned b) {
            const WorthReport &ra = m_reports[a], &rb = m_reports[b];
            if (column == kName) {
                const int c = Wx(ra.name).CmpNoCase(Wx(rb.name));
                return ascending ? c < 0 : c > 0;
            }
            return ascending ? key(ra) < key(rb) : key(ra) > key(rb);
        });
    }

    Id IdAt(unsigned row) const { return m_reports.at(m_order.at(row)).customer_id; }

    unsigned GetColumnCount() const override { return kColumnCount; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override {
        if (row >= m_order.size()) {
            value = wxString();
            return;
        }
        const WorthReport& r = m_reports[m_order[row]];
        switch (col) {
        case kName:
            value = Wx(r.name);
            break;
        case kOwnMargin:
            value = FormatAmount(r.own_margin);
            break;
        case kHandling:
            value = FormatAmount(r.handling_cost);
            break;
        case kNet:
            value = FormatAmount(r.net_own_value);
            break;
        case kReferral:
            value = FormatAmount(r.referral_value);
            break;
        case kTotal:
            value = FormatAmount(r.total_to_date);
            break;
        case kProjected:
            value = FormatAmount(Money::from_cents(std::llround(r.projected.expected * 100)));
            break;
        case kVerdict:
            value = ShortVerdict(r.verdict);
            break;
        default:
            value = r.quadrant ? Label(*r.quadrant) : wxString();
            break;
        }
    }
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override {
        if (col != kVerdict || row >= m_order.size())
            return false;
        const Verdict v = m_reports[m_order[row]].verdict;
        if (v == Verdict::too_little_data)
            return false;
        attr.SetColour(VerdictColour(v).ChangeLightness(75));
        attr.SetBold(v != Verdict::worth_it);
        return true;
    }

private:
    const std::vector<WorthReport>& m_reports;
    std::vector<unsigned> m_order;
    std::string m_currency;
};

PortfolioView::PortfolioView(wxWindow* parent, Services& services,
                             std::function<void(Id)> open_customer)
    : wxPanel(parent), m_services(services), m_open(std::move(open_customer)) {
    const int gap = FromDIP(kGap);
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetName("portfolio_summary");
    WrapToWidth(m_summary); // one long sentence: on two lines with big text
    top->Add(m_summary, 0, wxEXPAND | wxTOP, gap);

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    m_plot = new PortfolioPlot(this, [this](Id id) {
        if (m_open)
            m_open(id);
    });
    middle->Add(m_plot, 3, wxEXPAND);
    // The plot is read by the summary above it ("40 customers: ..."); the table by its tab.
    SetLabelFor(m_summary, m_plot);
    // The legend says what each colour and shape means and how to read the corners.
    auto* legend = new wxBoxSizer(wxVERTICAL);
    legend->Add(MakeSectionTitle(this, _("How to read it")), 0);
    const auto key = [&](const wxString& mark, const wxColour& colour, const wxString& text) {
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        auto* m = new wxStaticText(this, wxID_ANY, mark);
        m->SetForegroundColour(colour);
        line->Add(m, 0, wxRIGHT, gap);
        line->Add(new wxStaticText(this, wxID_ANY, text), 0);
        legend->Add(line, 0, wxTOP, gap);
    };
    key(wxString::FromUTF8("\xE2\x97\x8F"), VerdictColour(Verdict::worth_it),
        ShortVerdict(Verdict::worth_it));
    key(wxString::FromUTF8("\xE2\x97\x8F"), VerdictColour(Verdict::watch),
        ShortVerdict(Verdict::watch));
    key(wxString::FromUTF8("\xE2\x96\xA0"), VerdictColour(Verdict::costing),
        ShortVerdict(Verdict::costing));
    key(wxString::FromUTF8("\xE2\x97\x8B"), VerdictColour(Verdict::too_little_data),
        ShortVerdict(Verdict::too_little_data));
    auto* explain = MakeNote(
        this, _("Right: they bring more than most on their own. Up: they bring more than most "
                "through the people they send you. The dashed lines are the middle customer "
                "(median).\n\nClick a point to open that customer."));
    explain->Wrap(FromDIP(230));
    legend->Add(explain, 0, wxTOP, FromDIP(kSpace));
    middle->Add(legend, 0, wxLEFT, FromDIP(kSpace));
    top->Add(middle, 3, wxEXPAND | wxTOP, gap);

    m_table = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxDV_SINGLE | wxDV_ROW_LINES);
    m_table->SetName("portfolio_table");
    SetAccessibleName(m_table, _("Worth it? All customers"));
    m_model = new PortfolioModel(m_reports);
    m_table->AssociateModel(m_model);
    m_model->DecRef(); // the control holds the model from here on
    const int sortable = wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE;
    const std::array<std::pair<wxString, int>, PortfolioModel::kColumnCount> columns = {{
        {_("Customer"), 135},
        {_("Own margin"), 120},
        {_("Handling cost"), 130},
        {_("Net own value"), 130},
        {_("Referral value"), 130},
        {_("Total to date"), 125},
        {_("Estimate"), 95},
        {_("Verdict"), 100},
        {_("Group"), 95},
    }};
    for (unsigned i = 0; i < columns.size(); ++i)
        m_table->AppendTextColumn(
            columns[i].first, i, wxDATAVIEW_CELL_INERT,
            ColumnWidth(m_table, columns[i].first, columns[i].second),
            i == 0 || i >= PortfolioModel::kVerdict ? wxALIGN_LEFT : wxALIGN_RIGHT, sortable);
    m_table->GetColumn(PortfolioModel::kTotal)->SetSortOrder(false);
    top->Add(m_table, 2, wxEXPAND | wxTOP, gap);
    SetSizer(top);

    m_table->Bind(wxEVT_DATAVIEW_COLUMN_SORTED, [this](wxDataViewEvent&) { Sort(); });
    m_table->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& e) {
        if (e.GetItem().IsOk() && m_open)
            m_open(m_model->IdAt(m_model->GetRow(e.GetItem())));
    });
}

void PortfolioView::Sort() {
    const wxDataViewColumn* c = m_table->GetSortingColumn();
    if (c)
        m_model->Sort(c->GetModelColumn(), c->IsSortOrderAscending());
}

std::vector<WorthReport> PortfolioView::Read(store::Database& db, const Settings& s, Date today) {
    return store::portfolio_worth(db, s, today).reports;
}

void PortfolioView::ShowReports(std::vector<WorthReport> reports) {
    const Settings& s = m_services.settings();
    m_reports = std::move(reports);
    std::optional<std::pair<unsigned, bool>> sort;
    if (const wxDataViewColumn* c = m_table->GetSortingColumn())
        sort.emplace(c->GetModelColumn(), c->IsSortOrderAscending());
    m_model->Load(s.currency, sort);
    m_plot->SetReports(m_reports, s.currency);

    std::array<long, 4> counts{};
    for (const WorthReport& r : m_reports)
        ++counts[static_cast<std::size_t>(r.verdict)];
    m_summary->SetLabelText(wxString::Format(
        _("%s customers: %ld worth it, %ld to watch, %ld costing you, %ld with too little data "
          "yet. Figures to date; the estimate assumes %d %% stay each year."),
        wxNumberFormatter::ToString(static_cast<long>(m_reports.size()),
                                    wxNumberFormatter::Style_WithThousandsSep),
        counts[static_cast<std::size_t>(Verdict::worth_it)],
        counts[static_cast<std::size_t>(Verdict::watch)],
        counts[static_cast<std::size_t>(Verdict::costing)],
        counts[static_cast<std::size_t>(Verdict::too_little_data)],
        static_cast<int>(std::lround(s.retention * 100))));
    if (m_plot->ClippedCount())
        m_summary->SetLabelText(
            m_summary->GetLabel() + "\n" +
            wxString::Format(
                wxPLURAL("%zu customer far from the others is drawn on the plot's edge.",
                         "%zu customers far from the others are drawn on the plot's edge.",
                         m_plot->ClippedCount()),
                m_plot->ClippedCount()));
    Layout();
}

} // namespace rapport::gui
