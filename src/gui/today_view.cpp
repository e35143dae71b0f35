// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/today_view.h"

#include "gui/accessibility.h"
#include "gui/contact_profile_ui.h"
#include "gui/format.h"
#include "gui/gone_list.h"
#include "gui/ui.h"

#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace rapport::gui {
namespace {

// How many rows the Today lists show; the Follow-ups view has the rest.
constexpr int kDueRows = 50;
constexpr int kRecentRows = 15;
constexpr std::size_t kGoneRows = 10;
// The follow-ups' "Phone, email" column, in DIPs: its lines are wrapped to it.
constexpr int kContactWidth = 210;

wxDataViewListCtrl* MakeList(wxWindow* parent, const wxString& name, long style = 0) {
    auto* list = new wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_SINGLE | wxDV_ROW_LINES | style);
    list->SetName(name);
    return list;
}

wxString Markup(const wxString& s) {
    return EscapeMarkup(s);
}

wxString Coloured(const wxColour& c, const wxString& text) {
    return wxString::Format("<span foreground='%s'>%s</span>", c.GetAsString(wxC2S_HTML_SYNTAX),
                            Markup(text));
}

// One line of `text` broken into lines no wider than `width` pixels in `w`'s font: at spaces,
// and a word too long for a line (an email address) after its '@'. What still does not fit is
// ellipsized.
wxString WrapLine(const wxWindow* w, const wxString& text, int width) {
    wxArrayString words;
    for (const wxString& word : wxSplit(text, ' ', '\0')) {
        const int at = word.Find('@');
        if (at > 0 && w->GetTextExtent(word).x > width) {
            words.push_back(word.Left(static_cast<std::size_t>(at)));
            words.push_back("\x01" + word.Mid(static_cast<std::size_t>(at))); // no space before
        } else {
            words.push_back(word);
        }
    }
    wxString out, line;
    for (const wxString& word : words) {
        const bool glued = word.StartsWith("\x01");
        const wxString bare = glued ? word.Mid(1) : word;
        const wxString joined = line.empty() ? bare : line + (glued ? "" : " ") + bare;
        if (!line.empty() && w->GetTextExtent(joined).x > width) {
            out += (out.empty() ? "" : "\n") + line;
            line = bare;
        } else {
            line = joined;
        }
    }
    if (!line.empty())
        out += (out.empty() ? "" : "\n") + line;
    return out;
}

// Each line of `text` wrapped by WrapLine.
wxString WrapToWidth(const wxWindow* w, const wxString& text, int width) {
    wxString out;
    for (const wxString& line : wxSplit(text, '\n', '\0'))
        out += (out.empty() ? "" : "\n") + WrapLine(w, line, width);
    return out;
}

wxButton* MakeBigButton(wxWindow* parent, const wxString& label) {
    auto* b = new wxButton(parent, wxID_ANY, label);
    wxFont f = b->GetFont();
    f.SetFractionalPointSize(f.GetFractionalPointSize() * 1.25);
    f.MakeBold();
    b->SetFont(f);
    b->SetMinSize(wxSize(-1, parent->FromDIP(44)));
    return b;
}

} // namespace

TodayView::TodayView(wxWindow* parent, Services& services, Hooks hooks)
    : wxPanel(parent), m_services(services), m_hooks(std::move(hooks)) {
    m_book = new wxSimplebook(this);
    m_book->AddPage(BuildWelcome(m_book), wxString());
    m_book->AddPage(BuildDashboard(m_book), wxString());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_book, 1, wxEXPAND);
    SetSizer(top);
    m_subscription = m_services.changes.subscribe([this] { Reload(); });
    Reload();
}

TodayView::~TodayView() {
    m_services.changes.unsubscribe(m_subscription);
}

bool TodayView::IsReading() const {
    return m_gone && m_gone->IsReading();
}

bool TodayView::ShowsWelcome() const {
    return m_book->GetSelection() == 0;
}

wxWindow* TodayView::BuildWelcome(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    page->SetName("welcome");
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(MakeHeading(page, _("Welcome to Rapport"), 2.0), 0, wxALIGN_CENTER_HORIZONTAL);
    auto* text = new wxStaticText(
        page, wxID_ANY,
        _("Rapport keeps the memory of every difficult customer: what happened, what you gave "
          "to make it right, what it cost, and when to follow up. So when a name comes up again, "
          "you know the whole story, and whether the customer is worth the trouble."),
        wxDefaultPosition, wxDefaultSize, wxALIGN_CENTER_HORIZONTAL);
    text->Wrap(FromDIP(560));
    column->Add(text, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, FromDIP(kSpace * 2));
    auto* note = MakeNote(page, _("There is nothing to set up. Start with the next hard call."));
    column->Add(note, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, FromDIP(kSpace));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* first = MakeBigButton(page, _("&Log your first incident"));
    first->SetName("log_first");
    first->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_hooks.log_incident)
            m_hooks.log_incident();
    });
    auto* demo = new wxButton(page, wxID_ANY, _("Explore with &demo data"));
    demo->SetName("explore_demo");
    demo->SetMinSize(wxSize(-1, FromDIP(44)));
    demo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_hooks.open_demo)
            m_hooks.open_demo();
    });
    buttons->Add(first, 0, wxRIGHT, FromDIP(kSpace));
    buttons->Add(demo, 0);
    column->Add(buttons, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, FromDIP(kSpace * 3));
    column->Add(MakeNote(page, _("Demo data lives in a separate file and never mixes with yours.")),
                0, wxALIGN_CENTER_HORIZONTAL | wxTOP, FromDIP(kSpace));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->AddStretchSpacer(2);
    outer->Add(column, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, FromDIP(kMargin));
    outer->AddStretchSpacer(3);
    page->SetSizer(outer);
    return page;
}

wxWindow* TodayView::BuildDashboard(wxWindow* parent) {
    const int gap = FromDIP(kGap);
    const int space = FromDIP(kSpace);
    auto* page = new wxPanel(parent);
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* titles = new wxBoxSizer(wxVERTICAL);
    m_date = MakeHeading(page, wxString(), 1.6);
    m_date->SetName("today_date");
    titles->Add(m_date, 0);
    m_business = MakeNote(page, wxString());
    titles->Add(m_business, 0, wxTOP, gap / 2);
    header->Add(titles, 1, wxALIGN_CENTER_VERTICAL);
    auto* log = MakeBigButton(page, _("&Log incident   Ctrl+N"));
    log->SetName("log_incident");
    log->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_hooks.log_incident)
            m_hooks.log_incident();
    });
    header->Add(log, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(header, 0, wxEXPAND);

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    // With big text the counts go under the heading instead of into the next column.
    auto* dueTitle = new wxWrapSizer(wxHORIZONTAL);
    auto* dueHeading = MakeSectionTitle(page, _("Follow-ups due"));
    dueTitle->Add(dueHeading, 0, wxALIGN_BOTTOM);
    m_dueSummary = MakeNote(page, wxString());
    m_dueSummary->SetName("due_summary");
    dueTitle->Add(m_dueSummary, 0, wxALIGN_BOTTOM | wxLEFT, space);
    m_overdueSummary = new wxStaticText(page, wxID_ANY, wxString());
    m_overdueSummary->SetForegroundColour(OverdueText());
    m_overdueSummary->SetName("overdue_summary");
    dueTitle->Add(m_overdueSummary, 0, wxALIGN_BOTTOM | wxLEFT, gap);
    left->Add(dueTitle, 0, wxEXPAND);
    // How to reach them takes up to three lines (phone, email, how they like it), so it is
    // read whole instead of cut off after the phone; the whole line is also the row's tooltip.
    // Rows as tall as their lines: GTK's list measures each row itself, Windows' only with
    // wxDV_VARIABLE_LINE_HEIGHT and a renderer that measures lines (it cut the phone off).
    m_followUps = MakeList(page, "today_followups", wxDV_VARIABLE_LINE_HEIGHT);
    AddColumns(m_followUps,
               {{_("Due"), 100},
                {_("Customer"), 130},
                {_("Phone, email"), kContactWidth},
                {_("About"), 120}},
               3, true);
    // Over "About" (at 1280 pixels "Call to ...") its whole note when cut; over the rest of the
    // row the whole phone, email and how they like it.
    ShowCutTextAsTip(m_followUps, [this](unsigned row, unsigned column) {
        return column != 3 && row < m_contactTips.size() ? m_contactTips[row] : wxString();
    });
    SetLabelFor(dueHeading, m_followUps);
    left->Add(m_followUps, 1, wxEXPAND | wxTOP, gap);
    m_noFollowUps = MakeNote(page, _("Nothing due. Follow-ups you plan when logging an incident "
                                     "show up here on their day."));
    left->Add(m_noFollowUps, 0, wxTOP, gap);
    // The follow-ups are what the owner acts on today: as wide as the recent incidents.
    columns->Add(left, 1, wxEXPAND | wxRIGHT, space);

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* recentHeading = MakeSectionTitle(page, _("Recent incidents"));
    right->Add(recentHeading, 0);
    m_recent = MakeList(page, "today_recent");
    SetLabelFor(recentHeading, m_recent);
    AddColumns(m_recent,
               {{_("When"), 95},
                {_("Customer"), 130},
                {_("What happened"), 180},
                {_("Given back"), 115, wxALIGN_RIGHT}}, // "Zurückgegeben" fits
               2);
    ShowCutTextAsTip(m_recent);
    right->Add(m_recent, 1, wxEXPAND | wxTOP, gap);
    columns->Add(right, 1, wxEXPAND);
    top->Add(columns, 3, wxEXPAND | wxTOP, space * 2);

    // The customers who quietly left, the ones bringing the most first; Reports has them all.
    // Not for a staff login: it ranks them by the margin they brought (store/roles.h).
    if (!m_services.staff()) {
        m_gone = new GoneList(page, m_services, "today_gone", kGoneRows, m_hooks.open_customer);
        top->Add(m_gone, 2, wxEXPAND | wxTOP, space * 2);
    }

    const auto open = [this](wxDataViewListCtrl* list) {
        const int row = list->GetSelectedRow();
        if (row != wxNOT_FOUND && m_hooks.open_customer)
            m_hooks.open_customer(static_cast<Id>(list->GetItemData(list->RowToItem(row))));
    };
    m_followUps->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED,
                      [this, open](wxDataViewEvent&) { open(m_followUps); });
    m_recent->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED,
                   [this, open](wxDataViewEvent&) { open(m_recent); });

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, FromDIP(kMargin));
    page->SetSizer(outer);
    return page;
}

void TodayView::Reload() {
    if (m_services.overview.is_empty()) {
        m_book->SetSelection(0);
        return;
    }
    m_book->SetSelection(1);
    const Date today = m_services.today();
    const std::string& currency = m_services.settings().currency;
    m_date->SetLabelText(FormatLongDate(today));
    // The business name is in the sidebar already; this line says what the view is for.
    m_business->SetLabelText(_("What needs you today"));

    const auto due_today = m_services.overview.count_open_follow_ups_due_on(today);
    const auto overdue = m_services.overview.count_open_follow_ups_due_before(today);
    m_dueSummary->SetLabelText(
        wxString::Format(wxPLURAL("%lld due today", "%lld due today", due_today),
                         static_cast<long long>(due_today)));
    m_overdueSummary->SetLabelText(
        overdue ? wxString::Format(wxPLURAL("%lld overdue", "%lld overdue", overdue),
                                   static_cast<long long>(overdue))
                : wxString());

    m_followUps->DeleteAllItems();
    m_contactTips.clear();
    const auto due = m_services.overview.open_follow_ups(today, kDueRows);
    // The contact column's text room: its width as made (GTK knows the real one only once it
    // is drawn), or more when the owner widened it, less the cell's padding.
    const int width =
        std::max(m_followUps->GetColumn(2)->GetWidth(), FromDIP(kContactWidth)) - FromDIP(12);
    for (const auto& f : due) {
        wxVector<wxVariant> row;
        const wxString when = FormatRelativeDay(f.due, today);
        row.push_back(wxVariant(f.due < today ? Coloured(OverdueText(), when) : Markup(when)));
        row.push_back(wxVariant(Markup(Wx(f.customer_name))));
        wxString phone = Wx(f.phone);
        wxString email = Wx(f.email);
        phone.Replace("\n", " ");
        email.Replace("\n", " ");
        // The phone, the email, and in grey how they like to be dealt with, each wrapped to the
        // column rather than cut off.
        wxString contact = Markup(WrapToWidth(m_followUps, phone, width));
        if (!email.empty())
            contact +=
                (contact.empty() ? "" : "\n") + Markup(WrapToWidth(m_followUps, email, width));
        // "Prefers: ..." and "Wants: ..." each start a line.
        ContactProfile how = f.prefers;
        how.wants = WantsWhenWrong::not_known;
        ContactProfile wants;
        wants.wants = f.prefers.wants;
        wxString profile = ProfileLine(how);
        if (!ProfileLine(wants).empty())
            profile += (profile.empty() ? "" : "\n") + ProfileLine(wants);
        if (!profile.empty())
            contact += (contact.empty() ? "" : "\n") +
                       Coloured(SubtleText(), WrapToWidth(m_followUps, profile, width));
        row.push_back(wxVariant(contact));
        wxString tip = phone;
        if (!phone.empty() && !email.empty())
            tip += ", ";
        m_contactTips.push_back(WithProfile(tip + email, f.prefers));
        wxString about = Wx(f.note.empty() ? f.summary : f.note);
        about.Replace("\n", " ");
        row.push_back(wxVariant(Markup(about)));
        m_followUps->AppendItem(row, static_cast<wxUIntPtr>(f.customer_id));
    }
    m_followUps->Show(!due.empty());
    m_noFollowUps->Show(due.empty());

    m_recent->DeleteAllItems();
    for (const auto& r : m_services.overview.recent_incidents(kRecentRows)) {
        wxVector<wxVariant> row;
        row.push_back(wxVariant(Markup(FormatRelativeDay(r.at.day, today))));
        row.push_back(wxVariant(Markup(Wx(r.customer_name))));
        wxString what = Label(r.category) + ": " + Wx(r.summary);
        what.Replace("\n", " ");
        row.push_back(wxVariant(Markup(what)));
        row.push_back(wxVariant(r.given_back.cents ? Markup(FormatMoney(r.given_back, currency))
                                                   : wxString()));
        m_recent->AppendItem(row, static_cast<wxUIntPtr>(r.customer_id));
    }
    if (m_gone)
        m_gone->Reload(today);
    m_book->GetPage(1)->Layout();
}

} // namespace rapport::gui
