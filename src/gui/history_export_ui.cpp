// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/history_export_ui.h"

#include "core/dates.h"
#include "exchange/history_export.h"
#include "gui/background_read.h"
#include "gui/format.h"
#include "gui/services.h"

#include <wx/config.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <date/date.h>

#include <chrono>
#include <filesystem>

namespace rapport::gui {
namespace {

constexpr const char* kFolderKey = "/Export/HistoryFolder";

wxString StartFolder(const Services& services) {
    wxString folder = wxStandardPaths::Get().GetDocumentsDir();
    wxString remembered;
    if (services.remember_ui && wxConfigBase::Get()->Read(kFolderKey, &remembered) &&
        wxDirExists(remembered))
        folder = remembered;
    return folder;
}

void RememberFolder(const Services& services, const wxString& folder) {
    if (services.remember_ui)
        wxConfigBase::Get()->Write(kFolderKey, folder);
}

wxString CountLines(const exchange::HistoryCounts& c) {
    const auto line = [](const wxString& what, std::int64_t n) {
        return wxString::Format("%s: %lld\n", what, static_cast<long long>(n));
    };
    return line(_("Customers"), c.customers) + line(_("Incidents"), c.interactions) +
           line(_("Resolutions"), c.resolutions) + line(_("Follow-ups"), c.follow_ups) +
           line(_("Purchases"), c.purchases) + line(_("Tags"), c.tags) +
           line(_("Settings"), c.settings + c.category_defaults);
}

// Reports what was written, offering to show the folder it is in.
void ShowDone(wxWindow* parent, const wxString& message, const exchange::HistoryCounts& counts,
              const wxString& folder) {
    wxMessageDialog done(parent, message, _("Export all data"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_INFORMATION);
    done.SetExtendedMessage(CountLines(counts));
    done.SetYesNoLabels(_("&Open folder"), _("&Close"));
    if (done.ShowModal() == wxID_YES)
        wxLaunchDefaultApplication(folder);
}

} // namespace

void ExportAllDataAsCsv(wxWindow* parent, Services& services, const std::filesystem::path& into) {
    // The nine files go into a new folder of their own, so they do not spill into Documents.
    const wxString name = Wx("rapport-data-" + format_date(services.today()));
    wxString parentDir = Wx(into.string());
    if (into.empty()) {
        wxDirDialog dlg(parent, wxString::Format(_("Choose where to put the folder %s"), name),
                        StartFolder(services), wxDD_DEFAULT_STYLE);
        if (dlg.ShowModal() != wxID_OK)
            return;
        parentDir = dlg.GetPath();
    }
    const wxString dir = wxFileName(parentDir, name).GetFullPath();
    const std::filesystem::path folder(dir.utf8_string());
    std::error_code ec;
    const bool existed = std::filesystem::exists(folder, ec);
    // A folder this export made holds only its files: stopped or failed, it goes again, so no
    // half set of files is left looking like a complete one.
    const auto remove_made_folder = [&] {
        if (!existed)
            std::filesystem::remove_all(folder, ec);
    };
    exchange::HistoryCounts counts;
    try {
        const bool finished = ReadWithProgress(
            parent, services.db(), _("Export all data"), _("Writing all your data as CSV files…"),
            [&](store::Database& reader) {
                counts = exchange::export_history_csv(reader, folder);
            });
        if (!finished) {
            remove_made_folder();
            return;
        }
    } catch (const std::exception& e) {
        remove_made_folder();
        ShowError(parent, e, _("Nothing was exported"));
        return;
    }
    RememberFolder(services, parentDir);
    ShowDone(parent,
             wxString::Format(_("All your data is in CSV files, one per kind of record, in the "
                                "folder %s."),
                              dir),
             counts, dir);
}

void ExportAllDataAsJson(wxWindow* parent, Services& services,
                         const std::filesystem::path& chosen) {
    wxFileName file(Wx(chosen.string()));
    if (chosen.empty()) {
        wxFileDialog dlg(parent, _("Save all data as"), StartFolder(services),
                         Wx("rapport-data-" + format_date(services.today()) + ".json"),
                         _("JSON files (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK)
            return;
        file = wxFileName(dlg.GetPath());
    }
    if (file.GetExt().empty())
        file.SetExt("json");
    // UTC to the second, as JSON readers expect.
    const std::string exported_at = date::format(
        "%FT%TZ", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    exchange::HistoryCounts counts;
    try {
        const std::filesystem::path target(file.GetFullPath().utf8_string());
        // The file is written whole or not at all (write_file_atomically), also when stopped.
        if (!ReadWithProgress(
                parent, services.db(), _("Export all data"),
                _("Writing all your data as one JSON file…"), [&](store::Database& reader) {
                    counts = exchange::export_history_json(reader, target, exported_at);
                }))
            return;
    } catch (const std::exception& e) {
        ShowError(parent, e, _("Nothing was exported"));
        return;
    }
    RememberFolder(services, file.GetPath());
    ShowDone(parent, wxString::Format(_("All your data is in %s."), file.GetFullName()), counts,
             file.GetPath());
}

} // namespace rapport::gui
