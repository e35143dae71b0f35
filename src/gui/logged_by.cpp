// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/logged_by.h"

#include "core/errors.h"
#include "gui/format.h"
#include "gui/services.h"
#include "store/interactions.h"

#include <wx/config.h>

namespace rapport::gui {
namespace {
const wxString kConfigKey = "/Staff/LoggedBy";
}

wxComboBox* MakeLoggedByField(wxWindow* parent, Services& services) {
    const bool server = services.db().is_server();
    auto* field = new wxComboBox(parent, wxID_ANY, Wx(services.db().actor()), wxDefaultPosition,
                                 wxSize(parent->FromDIP(160), -1), wxArrayString(),
                                 server ? wxCB_READONLY : 0);
    field->SetName("logged_by");
    if (server) {
        field->Append(Wx(services.db().actor()));
        field->SetSelection(0);
        field->SetToolTip(_("On a shop database every save carries your login."));
        field->Disable();
        return field;
    }
    for (const std::string& name : services.interactions.staff_names())
        field->Append(Wx(name));
    if (field->FindString(Wx(services.db().actor()), true) == wxNOT_FOUND)
        field->Append(Wx(services.db().actor()));
    field->SetValue(Wx(services.db().actor()));
    field->SetToolTip(_("Who took this call or visit. Rapport remembers the name on this PC."));
    return field;
}

void ApplyLoggedBy(wxComboBox* field, Services& services) {
    if (services.db().is_server())
        return;
    try {
        services.db().set_actor(Utf8(field->GetValue()));
    } catch (const InputError&) {
        field->SetFocus();
        throw;
    }
    if (auto* config = services.remember_ui ? wxConfigBase::Get() : nullptr) {
        config->Write(kConfigKey, Wx(services.db().actor()));
        config->Flush();
    }
}

void RestoreLoggedBy(Services& services) {
    if (services.db().is_server())
        return;
    auto* config = wxConfigBase::Get(false);
    wxString name;
    if (!config || !config->Read(kConfigKey, &name) || name.empty())
        return;
    try {
        services.db().set_actor(Utf8(name));
    } catch (const InputError&) {
        // edited by hand into something unusable: the default stays
    }
}

} // namespace rapport::gui
