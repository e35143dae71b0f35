// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a customer likes to be dealt with (core/contact_profile.h) in the window: its words, the
// three fields of the customer dialog, and the line under the log dialog's banner.
#include "core/contact_profile.h"
#include "core/records.h"

#include <wx/panel.h>
#include <wx/string.h>

#include <optional>

class wxChoice;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace rapport::gui {

class Services;

wxString Label(PreferredChannel v);
wxString Label(WantsWhenWrong v);
// "Prefers: Phone, mornings · Wants: Reassurance"; empty when nothing is known.
wxString ProfileLine(const ContactProfile& p);
// "Phone, mornings · Reassurance": the profile in a column of its own that says what it is.
wxString ProfileCell(const ContactProfile& p);
// `contact` (phone, email) with the profile after it, where there is no room for a column.
wxString WithProfile(const wxString& contact, const ContactProfile& p);

// The customer dialog's fields: a choice of channel, the time typed, a choice of wish.
struct ContactProfileFields {
    explicit ContactProfileFields(wxWindow* parent);
    void Load(const ContactProfile& p);
    // InputError (the time field focused) when the time is too long.
    ContactProfile Read() const;

    wxChoice* channel = nullptr;
    wxTextCtrl* time = nullptr;
    wxChoice* wants = nullptr;
};

// One quiet line under the log dialog's repeat-complainer banner: how the chosen customer
// likes to be dealt with, so the owner mirrors them while the complaint is still warm. Hidden
// for a new customer and for one whose profile is empty.
class ProfileBanner : public wxPanel {
public:
    explicit ProfileBanner(wxWindow* parent);
    // Shows `customer`'s profile or hides; true when shown.
    bool ShowFor(Services& services, std::optional<Id> customer);

private:
    wxStaticText* m_text = nullptr;
};

} // namespace rapport::gui
