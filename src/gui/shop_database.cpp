// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/shop_database.h"

#include "core/dates.h"
#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/keyring.h"
#include "gui/ui.h"
#include "store/customers.h"
#include "store/move_in.h"
#include "store/open.h"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <map>

namespace rapport::gui {
namespace {

// rapport.conf holds the address only; the password is the keyring's.
constexpr const char* kGroup = "/ShopDatabase/";

wxString Key(const char* name) {
    return wxString(kGroup) + name;
}

std::string Read(const char* name, const wxString& fallback = {}) {
    wxConfigBase* config = wxConfigBase::Get();
    return Utf8(config ? config->Read(Key(name), fallback) : fallback);
}

class ShopDatabaseDialog : public wxDialog {
public:
    ShopDatabaseDialog(wxWindow* parent, const store::ServerAddress& start, const wxString& problem,
                       bool offer_local_file)
        : wxDialog(parent, wxID_ANY, _("Open shop database"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        SetName("shop_database_dialog");
        const int gap = FromDIP(kGap);
        const int space = FromDIP(kSpace);
        auto* top = new wxBoxSizer(wxVERTICAL);
        auto* intro = MakeNote(
            this, _("A shop database on a server (PostgreSQL) lets the counter PC, the back "
                    "office and your laptop share one Rapport. Whoever set it up can tell you "
                    "these details; the README's \"Sharing one database between several PCs\" "
                    "shows how."));
        intro->Wrap(FromDIP(480));
        top->Add(intro, 0, wxEXPAND | wxALL, space);

        auto* grid = new wxFlexGridSizer(2, gap, space);
        grid->AddGrowableCol(1, 1);
        const auto row = [&](const wxString& label, wxTextCtrl* field, const char* name) {
            field->SetName(name);
            auto* text = new wxStaticText(this, wxID_ANY, label);
            text->MoveBeforeInTabOrder(field);
            SetLabelFor(text, field);
            grid->Add(text, 0, wxALIGN_CENTER_VERTICAL);
            grid->Add(field, 1, wxEXPAND);
        };
        m_server = new wxTextCtrl(this, wxID_ANY, Wx(start.host));
        m_server->SetHint(_("this PC"));
        row(_("&Server:"), m_server, "server");
        m_port = new wxTextCtrl(this, wxID_ANY, Wx(start.port));
        m_port->SetHint("5432");
        row(_("P&ort:"), m_port, "port");
        m_database = new wxTextCtrl(this, wxID_ANY, Wx(start.database));
        row(_("&Database:"), m_database, "database");
        m_user = new wxTextCtrl(this, wxID_ANY, Wx(start.user));
        row(_("&User:"), m_user, "user");
        m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxTE_PASSWORD);
        m_password->SetHint(_("not needed on some servers"));
        row(_("&Password:"), m_password, "password");
        top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, space);

        m_remember =
            new wxCheckBox(this, wxID_ANY, _("&Remember the password in this computer's keyring"));
        m_remember->SetName("remember_password");
        m_remember->SetValue(true);
        top->Add(m_remember, 0, wxLEFT | wxRIGHT | wxTOP, space);

        m_problem = new wxStaticText(this, wxID_ANY, problem);
        m_problem->Wrap(FromDIP(480));
        m_problem->SetName("problem");
        m_problem->SetForegroundColour(OverdueText());
        top->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        if (offer_local_file) {
            auto* local = new wxButton(this, wxID_ANY, _("Use the &file on this PC"));
            local->SetName("use_local_file");
            local->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(kUseLocalFile); });
            buttons->Add(local, 0, wxRIGHT, gap);
        }
        buttons->AddStretchSpacer();
        auto* cancel = new wxButton(this, wxID_CANCEL);
        auto* connect = new wxButton(this, wxID_OK, _("&Connect"));
        connect->SetName("connect");
        connect->SetDefault();
        connect->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Connect(); });
        buttons->Add(cancel, 0, wxRIGHT, gap);
        buttons->Add(connect);
        top->Add(buttons, 0, wxEXPAND | wxALL, space);

        SetSizerAndFit(top);
        (start.database.empty() ? m_database
         : start.user.empty()   ? m_user
                                : m_password)
            ->SetFocus();
    }

    static constexpr int kUseLocalFile = wxID_HIGHEST + 1;

    std::optional<store::Database> opened;
    wxString note;

private:
    // What the form says, or a sentence pointing at the field that is wrong.
    bool ReadForm(store::ServerAddress& out) {
        out.host = Utf8(m_server->GetValue().Strip(wxString::both));
        out.port = Utf8(m_port->GetValue().Strip(wxString::both));
        out.database = Utf8(m_database->GetValue().Strip(wxString::both));
        out.user = Utf8(m_user->GetValue().Strip(wxString::both));
        unsigned long port = 0;
        if (!out.port.empty() && (!m_port->GetValue().Strip(wxString::both).ToULong(&port) ||
                                  port < 1 || port > 65535)) {
            Show(_("The port is a number from 1 to 65535 (PostgreSQL's usual one is 5432)."),
                 m_port);
            return false;
        }
        if (out.database.empty()) {
            Show(_("Give the database's name on the server."), m_database);
            return false;
        }
        if (out.user.empty()) {
            Show(_("Give the user name to log in with."), m_user);
            return false;
        }
        return true;
    }

    void Show(const wxString& problem, wxWindow* field) {
        m_problem->SetLabel(problem);
        m_problem->Wrap(m_database->GetSize().x + m_database->GetPosition().x);
        GetSizer()->SetSizeHints(this); // taller for the sentence, never wider
        field->SetFocus();
    }

    void Connect() {
        store::ServerAddress address;
        if (!ReadForm(address))
            return;
        const std::string password = Utf8(m_password->GetValue());
        try {
            wxBusyCursor busy;
            m_problem->SetLabel(wxString::Format(
                _("Connecting to %s..."), address.host.empty() ? _("this PC") : Wx(address.host)));
            Update();
            opened = OpenShopDatabase(address,
                                      password.empty() ? std::nullopt : std::optional(password));
        } catch (const store::ServerLoginError& e) {
            using Reason = store::ServerLoginError::Reason;
            Show(ErrorText(e), e.reason() == Reason::unreachable || e.reason() == Reason::untrusted
                                   ? m_server
                                   : m_password);
            return;
        } catch (const std::exception& e) {
            Show(ErrorText(e), m_database);
            return;
        }
        RememberShopDatabase(address);
        if (m_remember->GetValue() && !password.empty()) {
            wxString why;
            if (!keyring::Store(address, password, &why))
                note = wxString::Format(_("The password could not be kept in the keyring (%s); "
                                          "Rapport will ask for it next time."),
                                        why);
        } else if (!m_remember->GetValue()) {
            keyring::Forget(address);
        }
        EndModal(wxID_OK);
    }

    wxTextCtrl* m_server = nullptr;
    wxTextCtrl* m_port = nullptr;
    wxTextCtrl* m_database = nullptr;
    wxTextCtrl* m_user = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxCheckBox* m_remember = nullptr;
    wxStaticText* m_problem = nullptr;
};

// One table of the move-in proof in the owner's words: "Resolutions: 2, worth 25.00".
wxString ProofLine(const store::TableProof& p) {
    static const std::map<std::string, wxString> kNames = {
        {"customer", _("Customers")},
        {"tag", _("Tags")},
        {"customer_tag", _("Tags on customers")},
        {"interaction", _("Incidents")},
        {"resolution", _("Resolutions")},
        {"follow_up", _("Follow-ups")},
        {"purchase", _("Purchases")},
        {"setting", _("Settings")},
        {"category_default", _("Usual resolutions per category")},
    };
    const auto name = kNames.find(p.table);
    wxString line = wxString::Format("%s: %lld", name == kNames.end() ? Wx(p.table) : name->second,
                                     static_cast<long long>(p.rows_to));
    if (p.summed.empty() || p.sum_to == 0)
        return line;
    if (p.summed == "minutes")
        return line + ", " + wxString::Format(_("%lld minutes"), static_cast<long long>(p.sum_to));
    return line + ", " + wxString::Format(_("worth %s"), FormatAmount(Money{p.sum_to}));
}

} // namespace

std::optional<store::ServerAddress> RememberedShopDatabase() {
    wxConfigBase* config = wxConfigBase::Get();
    if (!config || !config->ReadBool(Key("Active"), false))
        return std::nullopt;
    store::ServerAddress a = LastShopDatabaseAddress();
    if (a.database.empty())
        return std::nullopt;
    return a;
}

store::ServerAddress LastShopDatabaseAddress() {
    return {Read("Server"), Read("Port"), Read("Database", "rapport"), Read("User", wxGetUserId())};
}

void RememberShopDatabase(const store::ServerAddress& a) {
    wxConfigBase* config = wxConfigBase::Get();
    if (!config)
        return;
    config->Write(Key("Server"), Wx(a.host));
    config->Write(Key("Port"), Wx(a.port));
    config->Write(Key("Database"), Wx(a.database));
    config->Write(Key("User"), Wx(a.user));
    config->Write(Key("Active"), true);
    config->Flush();
}

void StopUsingShopDatabase() {
    if (wxConfigBase* config = wxConfigBase::Get()) {
        config->Write(Key("Active"), false);
        config->Flush();
    }
}

store::Database OpenShopDatabase(const store::ServerAddress& address,
                                 const std::optional<std::string>& password) {
    const std::string uri = store::server_uri(address);
    if (password)
        store::use_server_password(uri, *password);
    else if (const auto kept = keyring::Lookup(address))
        store::use_server_password(uri, *kept);
    return store::open_for_use(uri, today_local(), store::DailyBackupTiming::later).db;
}

ShopDatabaseChoice ShowShopDatabaseDialog(wxWindow* parent, const store::ServerAddress& start,
                                          const wxString& problem, bool offer_local_file) {
    ShopDatabaseDialog dialog(parent, start, problem, offer_local_file);
    ShopDatabaseChoice out;
    const int answer = dialog.ShowModal();
    if (answer == wxID_OK && dialog.opened) {
        out.kind = ShopDatabaseChoice::Kind::connected;
        out.db = std::move(dialog.opened);
        out.note = dialog.note;
    } else if (answer == ShopDatabaseDialog::kUseLocalFile) {
        out.kind = ShopDatabaseChoice::Kind::use_local_file;
    }
    return out;
}

bool OfferMoveIn(wxWindow* parent, store::Database& server,
                 const std::filesystem::path& local_file) {
    std::error_code ec;
    if (!server.is_server() || !std::filesystem::is_regular_file(local_file, ec) ||
        std::filesystem::file_size(local_file, ec) == 0 || store::CustomerRepo(server).count() > 0)
        return false;
    try {
        store::Database from = store::Database::open(local_file);
        const auto customers = store::CustomerRepo(from).count();
        if (customers == 0)
            return false;
        const wxString question = wxString::Format(
            wxPLURAL("This shop database is empty. Move the %lld customer on this PC, with "
                     "their incidents, follow-ups and purchases, into it? The file on this PC "
                     "stays as it is.",
                     "This shop database is empty. Move the %lld customers on this PC, with "
                     "their incidents, follow-ups and purchases, into it? The file on this PC "
                     "stays as it is.",
                     customers),
            static_cast<long long>(customers));
        if (wxMessageBox(question, _("Move your data in?"), wxYES_NO | wxICON_QUESTION, parent) !=
            wxYES)
            return false;
        std::vector<store::TableProof> proof;
        {
            wxBusyInfo busy(_("Moving your data into the shop database..."), parent);
            proof = store::move_in(from, server);
        }
        wxString table;
        for (const auto& p : proof)
            table += ProofLine(p) + "\n";
        wxMessageBox(_("Everything was moved, and the shop database holds the same rows and "
                       "sums as the file:") +
                         "\n\n" + table,
                     _("Your data is in the shop database"), wxOK | wxICON_INFORMATION, parent);
        return true;
    } catch (const std::exception& e) {
        ShowError(parent, e, _("Your data could not be moved in; nothing was changed"));
        return false;
    }
}

wxString DescribeDataLocation(const store::Database& db) {
    if (const auto c = store::server_connection(db)) {
        return wxString::Format(c->encrypted ? _("Shop database %s on %s, as %s (encrypted)")
                                             : _("Shop database %s on %s, as %s"),
                                Wx(c->database), Wx(c->host), Wx(c->user));
    }
    return wxString::Format(_("Data: %s"), Wx(db.path().string()));
}

} // namespace rapport::gui
