// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/contact_profile_ui.h"

#include "core/errors.h"
#include "gui/format.h"
#include "gui/services.h"
#include "gui/ui.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::gui {

wxString Label(PreferredChannel v) {
    switch (v) {
    case PreferredChannel::not_known:
        return _("Not known");
    case PreferredChannel::any:
        return _("Any way");
    case PreferredChannel::phone:
        return _("Phone");
    case PreferredChannel::email:
        return _("Email");
    case PreferredChannel::in_person:
        return _("In person");
    case PreferredChannel::text_message:
        return _("Text message");
    }
    return wxString();
}

wxString Label(WantsWhenWrong v) {
    switch (v) {
    case WantsWhenWrong::not_known:
        return _("Not known");
    case WantsWhenWrong::detail:
        return _("Technical detail");
    case WantsWhenWrong::reassurance:
        return _("Reassurance");
    case WantsWhenWrong::quick_fix:
        return _("A quick fix");
    }
    return wxString();
}

wxString ProfileLine(const ContactProfile& p) {
    wxString how;
    if (p.channel != PreferredChannel::not_known)
        how = Label(p.channel);
    if (!p.time.empty())
        how += (how.empty() ? "" : ", ") + Wx(p.time);
    wxString line;
    if (!how.empty())
        line = wxString::Format(_("Prefers: %s"), how);
    if (p.wants != WantsWhenWrong::not_known)
        line += (line.empty() ? wxString() : wxString::FromUTF8(" \xC2\xB7 ")) +
                wxString::Format(_("Wants: %s"), Label(p.wants));
    return line;
}

wxString ProfileCell(const ContactProfile& p) {
    wxString cell;
    if (p.channel != PreferredChannel::not_known)
        cell = Label(p.channel);
    if (!p.time.empty())
        cell += (cell.empty() ? "" : ", ") + Wx(p.time);
    if (p.wants != WantsWhenWrong::not_known)
        cell += (cell.empty() ? wxString() : wxString::FromUTF8(" \xC2\xB7 ")) + Label(p.wants);
    return cell;
}

wxString WithProfile(const wxString& contact, const ContactProfile& p) {
    const wxString profile = ProfileLine(p);
    if (profile.empty())
        return contact;
    return contact.empty() ? profile : contact + wxString::FromUTF8(" \xC2\xB7 ") + profile;
}

ContactProfileFields::ContactProfileFields(wxWindow* parent) {
    channel = new wxChoice(parent, wxID_ANY);
    channel->SetName("preferred_channel");
    for (const auto& e : all_preferred_channels())
        channel->Append(Label(e.value));
    channel->SetSelection(0);
    time = new wxTextCtrl(parent, wxID_ANY);
    time->SetName("preferred_time");
    time->SetMaxLength(kPreferredTimeMaxChars);
    time->SetHint(_("e.g. mornings, after 6 pm"));
    wants = new wxChoice(parent, wxID_ANY);
    wants->SetName("wants_when_wrong");
    for (const auto& e : all_wants_when_wrong())
        wants->Append(Label(e.value));
    wants->SetSelection(0);
}

void ContactProfileFields::Load(const ContactProfile& p) {
    channel->SetSelection(static_cast<int>(p.channel));
    time->ChangeValue(Wx(p.time));
    wants->SetSelection(static_cast<int>(p.wants));
}

ContactProfile ContactProfileFields::Read() const {
    ContactProfile p;
    const auto channels = all_preferred_channels();
    const auto wishes = all_wants_when_wrong();
    if (const int i = channel->GetSelection(); i > 0 && i < static_cast<int>(channels.size()))
        p.channel = channels[static_cast<std::size_t>(i)].value;
    if (const int i = wants->GetSelection(); i > 0 && i < static_cast<int>(wishes.size()))
        p.wants = wishes[static_cast<std::size_t>(i)].value;
    try {
        p.time = checked_preferred_time(Utf8(time->GetValue()));
    } catch (const InputError&) {
        time->SetFocus();
        throw;
    }
    return p;
}

ProfileBanner::ProfileBanner(wxWindow* parent) : wxPanel(parent) {
    m_text = new wxStaticText(this, wxID_ANY, wxString());
    m_text->SetName("profile_banner");
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_text, 1, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    SetSizer(sizer);
    Hide();
}

bool ProfileBanner::ShowFor(Services& services, std::optional<Id> customer) {
    wxString line;
    if (customer) {
        if (const auto c = services.customers.find(*customer))
            line = ProfileLine(c->profile);
    }
    if (!line.empty())
        m_text->SetLabelText(line);
    Show(!line.empty());
    return !line.empty();
}

} // namespace rapport::gui
