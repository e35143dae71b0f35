#include "gui/followups_view.h"

#include "gui/format.h"
#include "gui/ui.h"

#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::gui {
namespace {

// A list longer than this is not read through; the count above it still says how many.
constexpr int kMaxRows = 1000;

wxString Coloured(const wxColour& c, const wxString& text) {
    return wxString::Format("<span foreground='%s'>%s</span>", c.GetAsString(wxC2S_HTML_SYNTAX),
                            EscapeMarkup(text));
}

} // namespace

FollowUpsView::FollowUpsView(wxWindow* parent, Services& services,
                             std::function<void(Id)> open_customer)
    : wxPanel(parent), m_services(services), m_openCustomer(std::move(open_customer)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(MakeHeading(this, _("Follow-ups"), 1.6), 0);
    m_summary = MakeNote(this, wxString());
    m_summary->SetName("followups_summary");
    top->Add(m_summary, 0, wxTOP, FromDIP(kGap));

    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->SetName("followups_list");
    AddColumns(m_list,
               {{_("Due"), 110},
                {_("State"), 120},
                {_("Customer"), 160},
                {_("Category"), 130},
                {_("About the incident"), 230},
                {_("Note"), 230}},
               4);
    top->Add(m_list, 1, wxEXPAND | wxTOP, FromDIP(kSpace));
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        const int row = m_list->GetSelectedRow();
        if (row != wxNOT_FOUND && m_openCustomer)
            m_openCustomer(static_cast<Id>(m_list->GetItemData(m_list->RowToItem(row))));
    });

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, FromDIP(kMargin));
    SetSizer(outer);
    m_subscription = m_services.changes.subscribe([this] { Reload(); });
    Reload();
}

FollowUpsView::~FollowUpsView() {
    m_services.changes.unsubscribe(m_subscription);
}

void FollowUpsView::Reload() {
    const Date today = m_services.today();
    const auto open = m_services.overview.count_open_follow_ups();
    const auto overdue = m_services.overview.count_open_follow_ups_due_before(today);
    wxString summary;
    if (open == 0) {
        summary = _("No follow-ups waiting. Plan one when you log an incident: the customer "
                    "notices that you called back.");
    } else {
        summary = wxString::Format(wxPLURAL("%lld follow-up not done yet",
                                            "%lld follow-ups not "
                                            "done yet",
                                            open),
                                   static_cast<long long>(open));
        if (overdue)
            summary += wxString::Format(_(", %lld overdue"), static_cast<long long>(overdue));
        summary += _(". Double-click one to open the customer.");
        if (open > kMaxRows)
            summary += wxString::Format(_(" The earliest %d are listed."), kMaxRows);
    }
    m_summary->SetLabelText(summary);

    m_list->DeleteAllItems();
    for (const auto& f : m_services.overview.open_follow_ups(std::nullopt, kMaxRows)) {
        const bool late = f.due < today;
        const auto cell = [&](const wxString& text) {
            return late ? Coloured(OverdueText(), text) : EscapeMarkup(text);
        };
        wxString about = Wx(f.summary);
        about.Replace("\n", " ");
        wxVector<wxVariant> row;
        row.push_back(wxVariant(cell(FormatDate(f.due))));
        row.push_back(wxVariant(cell(FormatDueState(f.due, today))));
        row.push_back(wxVariant(EscapeMarkup(Wx(f.customer_name))));
        row.push_back(wxVariant(EscapeMarkup(Label(f.category))));
        row.push_back(wxVariant(EscapeMarkup(about)));
        row.push_back(wxVariant(EscapeMarkup(Wx(f.note))));
        m_list->AppendItem(row, static_cast<wxUIntPtr>(f.customer_id));
    }
    Layout();
}

} // namespace rapport::gui
