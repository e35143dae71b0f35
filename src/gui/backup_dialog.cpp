// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/backup_dialog.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/ui.h"
#include "store/backup.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::gui {
namespace {

wxString KindLabel(store::BackupKind kind) {
    switch (kind) {
    case store::BackupKind::daily:
        return _("daily");
    case store::BackupKind::manual:
        return _("made by you");
    case store::BackupKind::before_update:
        return _("before an update");
    case store::BackupKind::before_restore:
        return _("before a restore");
    }
    return wxString();
}

wxString Size(std::uintmax_t bytes) {
    return wxFileName::GetHumanReadableSize(wxULongLong(bytes), wxString(), 1, wxSIZE_CONV_SI);
}

// Restores after a confirmation that says what happens to the current data. Returns whether it
// was restored.
bool ConfirmAndRestore(wxWindow* parent, store::Database& db, const store::BackupInfo& backup) {
    wxMessageDialog confirm(
        parent,
        wxString::Format(_("Restore the backup of %s (customers: %lld, incidents: %lld, "
                           "purchases: %lld)?"),
                         Wx(backup.taken_at), static_cast<long long>(backup.customers),
                         static_cast<long long>(backup.interactions),
                         static_cast<long long>(backup.purchases)),
        _("Restore from backup"), wxOK | wxCANCEL | wxICON_QUESTION);
    confirm.SetExtendedMessage(_("A safety copy of your current data is made first, in the "
                                 "backups folder, so this can be reversed. Changes made since "
                                 "the backup will only be in that safety copy."));
    confirm.SetOKCancelLabels(_("Restore"), _("Cancel"));
    if (confirm.ShowModal() != wxID_OK)
        return false;
    try {
        const auto result = store::restore_backup(db, backup.file);
        wxMessageBox(wxString::Format(_("The backup of %s is restored. Your data as it was "
                                        "before is kept in %s."),
                                      Wx(result.restored.taken_at),
                                      Wx(result.safety_copy.filename().string())),
                     _("Restore from backup"), wxOK | wxICON_INFORMATION, parent);
    } catch (const std::exception& e) {
        ShowError(parent, e, _("Nothing was restored"));
        return false;
    }
    return true;
}

} // namespace

void BackUpNow(wxWindow* parent, Services& services) {
    try {
        const auto file = store::make_backup(services.db());
        wxMessageBox(wxString::Format(_("Your data is backed up to %s."), Wx(file.string())),
                     _("Back up now"), wxOK | wxICON_INFORMATION, parent);
    } catch (const std::exception& e) {
        ShowError(parent, e, _("No backup was made"));
    }
}

bool ShowRestoreDialog(wxWindow* parent, Services& services) {
    const auto db_path = services.db().path();
    const auto backups = store::list_backups(db_path);
    wxDialog dlg(parent, wxID_ANY, _("Restore from backup"), wxDefaultPosition, wxDefaultSize,
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dlg.SetName("restore_dialog");
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* note = MakeNote(
        &dlg, backups.empty()
                  ? wxString(_("There is no backup yet. Rapport makes one on the first start "
                               "of each day once you have customers; File > Back up now makes "
                               "one at any time."))
                  : wxString::Format(_("Backups in %s, newest first. Pick one and press "
                                       "Restore; a safety copy of your current data is made "
                                       "first."),
                                     Wx(store::backup_folder(db_path).string())));
    note->Wrap(dlg.FromDIP(760));
    top->Add(note, 0, wxBOTTOM, dlg.FromDIP(kSpace));
    auto* list = new wxDataViewListCtrl(&dlg, wxID_ANY, wxDefaultPosition,
                                        dlg.FromDIP(wxSize(790, 260)), wxDV_SINGLE);
    list->SetName("backup_list");
    // Read with the sentence above it: where the backups are and what Restore does.
    SetLabelFor(note, list);
    AddColumns(list,
               {{_("Taken"), 150},
                {_("Kind"), 120},
                {_("Customers"), 95, wxALIGN_RIGHT},
                {_("Incidents"), 85, wxALIGN_RIGHT},
                {_("Purchases"), 95, wxALIGN_RIGHT},
                {_("Size"), 75, wxALIGN_RIGHT},
                {_("State"), 140}},
               6);
    for (const auto& b : backups) {
        wxVector<wxVariant> row;
        const auto count = [&](std::int64_t n) {
            return b.restorable ? wxString::Format("%lld", static_cast<long long>(n)) : wxString();
        };
        row.push_back(wxVariant(EscapeMarkup(Wx(b.taken_at))));
        row.push_back(wxVariant(EscapeMarkup(KindLabel(b.kind))));
        row.push_back(wxVariant(count(b.customers)));
        row.push_back(wxVariant(count(b.interactions)));
        row.push_back(wxVariant(count(b.purchases)));
        row.push_back(wxVariant(EscapeMarkup(Size(b.bytes))));
        row.push_back(
            wxVariant(EscapeMarkup(b.restorable ? _("can be restored") : Translate(b.problem))));
        list->AppendItem(row);
    }
    if (!backups.empty())
        list->SelectRow(0);
    top->Add(list, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* restore = new wxButton(&dlg, wxID_ANY, _("&Restore..."));
    restore->SetName("backup_restore");
    buttons->Add(restore, 0, wxRIGHT, dlg.FromDIP(kGap));
    buttons->Add(new wxButton(&dlg, wxID_CANCEL, _("&Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxTOP, dlg.FromDIP(kSpace));
    const auto selected = [&]() -> const store::BackupInfo* {
        const int row = list->GetSelectedRow();
        return row == wxNOT_FOUND ? nullptr : &backups[static_cast<std::size_t>(row)];
    };
    restore->Bind(wxEVT_UPDATE_UI, [&](wxUpdateUIEvent& e) {
        const auto* b = selected();
        e.Enable(b && b->restorable);
    });
    restore->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) {
        const auto* b = selected();
        if (b && b->restorable && ConfirmAndRestore(&dlg, services.db(), *b))
            dlg.EndModal(wxID_OK);
    });

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(top, 1, wxEXPAND | wxALL, dlg.FromDIP(kSpace));
    dlg.SetSizerAndFit(outer);
    list->SetFocus();
    if (dlg.ShowModal() != wxID_OK)
        return false;
    // Every view reads the restored contents; undo steps belonged to the data replaced.
    services.undo.clear();
    services.reload_settings();
    services.changes.notify();
    return true;
}

bool OfferRestoreOfDamaged(wxWindow* parent, const std::filesystem::path& db_path,
                           const wxString& finding) {
    const store::BackupInfo* newest = nullptr;
    std::vector<store::BackupInfo> backups;
    try {
        backups = store::list_backups(db_path);
    } catch (const std::exception&) {
        // No readable backup folder: treated as no backup.
    }
    for (const auto& b : backups) {
        if (b.restorable && b.kind != store::BackupKind::before_restore) {
            newest = &b;
            break;
        }
    }
    const wxString damaged =
        wxString::Format(_("Your data file %s is damaged, so Rapport has not opened it and has "
                           "not written to it."),
                         Wx(db_path.string()));
    if (!newest) {
        wxMessageDialog dlg(parent, damaged, _("Damaged data file"), wxOK | wxICON_ERROR);
        dlg.SetExtendedMessage(wxString::Format(
            _("There is no good backup to restore. Keep the file as it is and ask for help; "
              "`rapport-cli check` lists what is wrong.\n\nSQLite found: %s"),
            finding));
        dlg.ShowModal();
        return false;
    }
    wxMessageDialog ask(parent, damaged, _("Damaged data file"), wxOK | wxCANCEL | wxICON_ERROR);
    ask.SetExtendedMessage(wxString::Format(
        _("The newest good backup is from %s (customers: %lld, incidents: %lld). Restore it? A "
          "safety copy of the damaged file is kept in the backups folder.\n\nSQLite found: %s"),
        Wx(newest->taken_at), static_cast<long long>(newest->customers),
        static_cast<long long>(newest->interactions), finding));
    ask.SetOKCancelLabels(_("Restore the backup"), _("Quit"));
    if (ask.ShowModal() != wxID_OK)
        return false;
    try {
        store::restore_backup(db_path, newest->file);
    } catch (const std::exception& e) {
        ShowError(parent, e, _("Nothing was restored"));
        return false;
    }
    return true;
}

} // namespace rapport::gui
