// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/accountant_export_dialog.h"

#include "core/csv_dialect.h"
#include "core/date_ranges.h"
#include "core/errors.h"
#include "exchange/accountant_export.h"
#include "gui/accessibility.h"
#include "gui/background_read.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/services.h"
#include "gui/ui.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>

namespace rapport::gui {
namespace {

constexpr const char* kFolderKey = "/Export/AccountantFolder";

// The period choice, in the order shown; "custom" is whatever the two date pickers say.
constexpr std::array<RangePreset, 4> kPresets = {RangePreset::last_month, RangePreset::last_quarter,
                                                 RangePreset::last_year, RangePreset::this_year};

// One list row from its cells (wxVector has no initializer-list constructor here).
wxVector<wxVariant> Row(std::initializer_list<wxString> cells) {
    wxVector<wxVariant> row;
    for (const wxString& c : cells)
        row.push_back(c);
    return row;
}

class AccountantExportDialog : public wxDialog {
public:
    AccountantExportDialog(wxWindow* parent, Services& services)
        : wxDialog(parent, wxID_ANY, _("Export for your accountant"), wxDefaultPosition,
                   wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          m_services(services), m_read(*this, services.db()) {
        const int gap = FromDIP(kGap);
        const int space = FromDIP(kSpace);
        auto* top = new wxBoxSizer(wxVERTICAL);
        wxStaticText* note =
            MakeNote(this, _("One row per accepted resolution that cost you money (refunds, "
                             "replacements, discounts, credit...), by the day of the incident, "
                             "with totals by type and by month."));
        note->Wrap(FromDIP(600));
        top->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* grid = new wxFlexGridSizer(2, gap, space);
        grid->AddGrowableCol(1, 1);
        const auto label = [&](const wxString& text) {
            auto* l = new wxStaticText(this, wxID_ANY, text);
            grid->Add(l, 0, wxALIGN_CENTER_VERTICAL);
            return l;
        };

        label(_("&Period:"));
        m_period = new wxChoice(this, wxID_ANY);
        m_period->SetName("export_period");
        m_period->Append(_("Last month"));
        m_period->Append(_("Last quarter"));
        m_period->Append(_("Last year"));
        m_period->Append(_("This year so far"));
        m_period->Append(_("Chosen days"));
        m_period->SetSelection(0);
        grid->Add(m_period, 0, wxALIGN_CENTER_VERTICAL);

        auto* fromLabel = label(_("&From:"));
        auto* days = new wxBoxSizer(wxHORIZONTAL);
        m_from = NewDatePicker(this, wxDefaultDateTime, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
        m_from->SetName("export_from");
        // Made before the second day, so its Alt+letter reaches it.
        auto* to = new wxStaticText(this, wxID_ANY, _("&to"));
        m_to = NewDatePicker(this, wxDefaultDateTime, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
        m_to->SetName("export_to");
        // wx's date pickers are built from a text field and a button: name the field.
        SetLabelFor(fromLabel, m_from);
        SetLabelFor(to, m_to);
        days->Add(m_from, 0, wxALIGN_CENTER_VERTICAL);
        days->Add(to, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, gap);
        days->Add(m_to, 0, wxALIGN_CENTER_VERTICAL);
        days->Add(new wxStaticText(this, wxID_ANY, _("both days included")), 0,
                  wxALIGN_CENTER_VERTICAL | wxLEFT, space);
        grid->Add(days, 0, wxEXPAND);

        label(_("Format:"));
        auto* formats = new wxBoxSizer(wxHORIZONTAL);
        m_csv = new wxRadioButton(this, wxID_ANY, _("CS&V (any spreadsheet)"), wxDefaultPosition,
                                  wxDefaultSize, wxRB_GROUP);
        m_csv->SetName("format_csv");
        m_xlsx =
            new wxRadioButton(this, wxID_ANY, _("E&xcel workbook (.xlsx) with a totals sheet"));
        m_xlsx->SetName("format_xlsx");
        formats->Add(m_csv, 0, wxALIGN_CENTER_VERTICAL);
        formats->Add(m_xlsx, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, space);
        grid->Add(formats, 0, wxEXPAND);

        // The CSV dialect, in the words of the spreadsheet it is for (core/csv_dialect.h).
        label(_("CSV f&or:"));
        m_dialect = new wxChoice(this, wxID_ANY);
        m_dialect->SetName("csv_dialect");
        m_dialect->Append(_("Spreadsheets in English (1234.56, commas between columns)"));
        m_dialect->Append(_("Spreadsheets in German (1234,56, semicolons between columns)"));
        m_dialect->SetSelection(
            effective_csv_dialect(m_services.settings()) == CsvDialect::semicolon ? 1 : 0);
        grid->Add(m_dialect, 0, wxALIGN_CENTER_VERTICAL);
        grid->AddSpacer(0);
        wxStaticText* suits = MakeNote(
            this, _("XLSX suits Excel and LibreOffice in any language; CSV suits any spreadsheet "
                    "or accounting program set to the language chosen here."));
        suits->SetName("format_note");
        grid->Add(suits, 0, wxEXPAND);

        label(_("&Save as:"));
        auto* where = new wxBoxSizer(wxHORIZONTAL);
        m_path = new wxTextCtrl(this, wxID_ANY);
        m_path->SetName("export_path");
        m_path->SetMinSize(wxSize(FromDIP(380), -1));
        auto* choose = new wxButton(this, wxID_ANY, _("C&hoose..."));
        where->Add(m_path, 1, wxALIGN_CENTER_VERTICAL);
        where->Add(choose, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        grid->Add(where, 1, wxEXPAND);
        top->Add(grid, 0, wxEXPAND | wxALL, space);

        top->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, space);
        auto* whatTitle = MakeSectionTitle(this, _("What will be exported"));
        top->Add(whatTitle, 0, wxLEFT | wxRIGHT | wxTOP, space);
        m_summary = new wxStaticText(this, wxID_ANY, wxString());
        m_summary->SetName("export_summary");
        top->Add(m_summary, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);
        m_byType =
            new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(190)),
                                   wxDV_ROW_LINES | wxDV_SINGLE | wxDV_NO_HEADER);
        m_byType->SetName("export_by_type");
        SetLabelFor(whatTitle, m_byType);
        AddColumns(
            m_byType,
            {{_("Type"), 220}, {_("Rows"), 90, wxALIGN_RIGHT}, {_("Amount"), 150, wxALIGN_RIGHT}},
            0);
        top->Add(m_byType, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* buttons = new wxStdDialogButtonSizer();
        m_export = new wxButton(this, wxID_OK, _("&Export"));
        m_export->SetDefault();
        buttons->AddButton(m_export);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        buttons->Realize();
        top->Add(buttons, 0, wxEXPAND | wxALL, space);

        m_folder = wxStandardPaths::Get().GetDocumentsDir();
        if (m_services.remember_ui) {
            wxString remembered;
            if (wxConfigBase::Get()->Read(kFolderKey, &remembered) && wxDirExists(remembered))
                m_folder = remembered;
        }

        ApplyPreset();
        RouteLabelMnemonics(this);
        SetSizerAndFit(top);
        CentreOnParent();

        m_period->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyPreset(); });
        const auto picked = [this](wxDateEvent&) {
            m_period->SetSelection(static_cast<int>(kPresets.size())); // "Chosen days"
            UpdateAll();
        };
        m_from->Bind(wxEVT_DATE_CHANGED, picked);
        m_to->Bind(wxEVT_DATE_CHANGED, picked);
        m_csv->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateAll(); });
        m_xlsx->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateAll(); });
        // Typing a path of one's own stops the name following the period.
        m_path->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            m_autoName = false;
            m_overwriteAsked = false;
        });
        choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Choose(); });
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(); }, wxID_OK);
        m_period->SetFocus();
    }

private:
    DateRange Range() const {
        return {FromWxDate(m_from->GetValue()), FromWxDate(m_to->GetValue())};
    }
    exchange::AccountantFormat Format() const {
        return m_xlsx->GetValue() ? exchange::AccountantFormat::xlsx
                                  : exchange::AccountantFormat::csv;
    }
    CsvDialect Dialect() const {
        return m_dialect->GetSelection() == 1 ? CsvDialect::semicolon : CsvDialect::comma;
    }
    wxString Extension() const {
        return Format() == exchange::AccountantFormat::xlsx ? "xlsx" : "csv";
    }

    // "rapport-refunds-2026-10.csv": the period in the name, so a folder of them sorts.
    wxString DefaultName() const {
        const DateRange r = Range();
        const std::string period = r.to < r.from ? format_date(r.from) : range_label(r);
        return wxString::Format("rapport-refunds-%s.%s", Wx(period), Extension());
    }

    void ApplyPreset() {
        const int sel = m_period->GetSelection();
        if (sel >= 0 && sel < static_cast<int>(kPresets.size())) {
            const DateRange r =
                preset_range(kPresets[static_cast<std::size_t>(sel)], m_services.today());
            m_from->SetValue(ToWxDate(r.from));
            m_to->SetValue(ToWxDate(r.to));
        }
        UpdateAll();
    }

    // Brings the file name and the preview up to date with the period and format.
    void UpdateAll() {
        if (m_dialect)
            m_dialect->Enable(Format() == exchange::AccountantFormat::csv);
        if (m_autoName) {
            m_path->ChangeValue(wxFileName(m_folder, DefaultName()).GetFullPath());
        } else {
            // Keep the chosen name, but with the extension of the chosen format.
            wxFileName name(m_path->GetValue());
            if (name.HasName() && name.GetExt().Lower() != Extension()) {
                name.SetExt(Extension());
                m_path->ChangeValue(name.GetFullPath());
                m_overwriteAsked = false;
            }
        }
        UpdatePreview();
    }

    void UpdatePreview() {
        m_byType->DeleteAllItems();
        const DateRange r = Range();
        try {
            exchange::check_export_range(r.from, r.to);
            const exchange::AccountantTotals totals =
                exchange::accountant_totals(m_services.db(), r.from, r.to);
            const std::string& currency = m_services.settings().currency;
            if (totals.rows == 0) {
                m_summary->SetLabel(_("Nothing to export: no accepted resolution with a cost in "
                                      "this period."));
            } else {
                m_summary->SetLabel(wxString::Format(
                    wxPLURAL("%lu resolution from %s to %s, %s in all.",
                             "%lu resolutions from %s to %s, %s in all.", totals.rows),
                    static_cast<unsigned long>(totals.rows), FormatDate(r.from), FormatDate(r.to),
                    FormatMoney(totals.total, currency)));
            }
            for (const exchange::AccountantTypeTotal& t : totals.by_type) {
                if (t.rows == 0)
                    continue;
                m_byType->AppendItem(
                    Row({EscapeMarkup(Label(t.type)),
                         wxString::Format("%lu", static_cast<unsigned long>(t.rows)),
                         EscapeMarkup(FormatMoney(t.amount, currency))}));
            }
            m_summary->SetForegroundColour(wxNullColour);
        } catch (const std::exception& e) {
            m_summary->SetLabelText(ErrorText(e));
            m_summary->SetForegroundColour(OverdueText());
        }
        // Before the first layout the list has no real width yet.
        m_summary->Wrap(std::max(m_byType->GetSize().x, FromDIP(600)));
        Layout();
    }

    void Choose() {
        wxFileName current(m_path->GetValue());
        const wxString wildcard = Format() == exchange::AccountantFormat::xlsx
                                      ? _("Excel workbooks (*.xlsx)|*.xlsx")
                                      : _("CSV files (*.csv)|*.csv");
        wxFileDialog dlg(this, _("Save the export as"),
                         current.GetPath().empty() ? m_folder : current.GetPath(),
                         current.GetFullName().empty() ? DefaultName() : current.GetFullName(),
                         wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK)
            return;
        wxFileName chosen(dlg.GetPath());
        if (chosen.GetExt().empty())
            chosen.SetExt(Extension());
        m_folder = chosen.GetPath();
        m_autoName = chosen.GetFullName() == DefaultName();
        m_path->ChangeValue(chosen.GetFullPath());
        m_overwriteAsked = true; // the file dialog asked already
    }

    void OnExport() {
        const DateRange r = Range();
        const wxString path = m_path->GetValue().Strip(wxString::both);
        try {
            exchange::check_export_range(r.from, r.to);
            if (path.empty())
                throw InputError("Choose where to save the file.");
        } catch (const std::exception& e) {
            ShowError(this, e, _("Nothing was exported"));
            return;
        }
        const wxFileName file(path);
        if (wxFileExists(path) && !m_overwriteAsked) {
            wxMessageDialog ask(
                this, wxString::Format(_("%s already exists. Replace it?"), file.GetFullName()),
                _("Export for your accountant"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
            ask.SetYesNoLabels(_("&Replace"), _("&Keep it"));
            if (ask.ShowModal() != wxID_YES)
                return;
        }
        // A year of a big shop takes a second or two: write it on a worker so the dialog keeps
        // drawing and Cancel keeps working (it stops the export, and the file is not written).
        Busy(true);
        const auto format = Format();
        const CsvDialect dialect = Dialect();
        const std::filesystem::path target(path.utf8_string());
        m_read.Start([this, r, format, dialect, target, file](store::Database& reader) {
            std::function<void()> show;
            try {
                const auto result =
                    exchange::export_accountant(reader, r.from, r.to, format, target, dialect);
                show = [this, file, result] { Exported(file, result); };
            } catch (const std::exception&) {
                show = [this, error = std::current_exception()] {
                    Busy(false);
                    try {
                        std::rethrow_exception(error);
                    } catch (const std::exception& e) {
                        ShowError(this, e, _("Nothing was exported"));
                    }
                };
            }
            return show;
        });
    }

    // While the export runs, only Cancel stays active, and the summary says what is happening.
    void Busy(bool busy) {
        for (wxWindow* child : GetChildren())
            if (child->GetId() != wxID_CANCEL && child != m_summary)
                child->Enable(!busy);
        if (!busy)
            m_dialect->Enable(Format() == exchange::AccountantFormat::csv);
        if (busy) {
            m_summaryBefore = m_summary->GetLabelText();
            m_summary->SetLabelText(_("Exporting…"));
        } else {
            m_summary->SetLabelText(m_summaryBefore);
        }
    }

    void Exported(const wxFileName& file, const exchange::AccountantExportResult& result) {
        Busy(false);
        m_folder = file.GetPath();
        if (m_services.remember_ui)
            wxConfigBase::Get()->Write(kFolderKey, m_folder);
        if (Format() == exchange::AccountantFormat::csv)
            RememberDialect(result.dialect);
        ShowSaved(file, result);
        EndModal(wxID_OK);
    }

    // In the database, like every setting, so the command line and the history export write
    // the same CSV. The dialect of this computer's language is kept as "auto", so it follows
    // the desktop if its language changes.
    void RememberDialect(CsvDialect dialect) {
        const std::string value(dialect == system_csv_dialect() ? "auto" : to_key(dialect));
        if (setting_value(m_services.settings(), "csv_dialect") == value)
            return;
        try {
            m_services.settings_store.set("csv_dialect", value);
            m_services.reload_settings();
        } catch (const std::exception&) {
            // The file is written; a choice not remembered costs one click next time, which is
            // not worth an error message after a successful export.
        }
    }

    void ShowSaved(const wxFileName& file, const exchange::AccountantExportResult& result) {
        const exchange::AccountantTotals& t = result.totals;
        wxString lines;
        for (const exchange::AccountantTypeTotal& type : t.by_type) {
            if (type.rows)
                lines += wxString::Format("%s: %lu, %s\n", Label(type.type),
                                          static_cast<unsigned long>(type.rows),
                                          FormatMoney(type.amount, result.currency));
        }
        wxMessageDialog done(
            this,
            wxString::Format(wxPLURAL("Saved %lu resolution, %s in all, to %s.",
                                      "Saved %lu resolutions, %s in all, to %s.", t.rows),
                             static_cast<unsigned long>(t.rows),
                             FormatMoney(t.total, result.currency), file.GetFullName()),
            _("Export for your accountant"), wxYES_NO | wxNO_DEFAULT | wxICON_INFORMATION);
        done.SetExtendedMessage(lines + wxString::Format(_("In the folder %s"), file.GetPath()));
        done.SetYesNoLabels(_("&Open folder"), _("&Close"));
        if (done.ShowModal() == wxID_YES)
            wxLaunchDefaultApplication(file.GetPath());
    }

    Services& m_services;
    wxChoice* m_period = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxRadioButton* m_csv = nullptr;
    wxRadioButton* m_xlsx = nullptr;
    wxChoice* m_dialect = nullptr;
    wxTextCtrl* m_path = nullptr;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_byType = nullptr;
    wxButton* m_export = nullptr;
    wxString m_folder;
    wxString m_summaryBefore; // the summary while "Exporting…" stands in its place
    bool m_autoName = true;
    bool m_overwriteAsked = false;
    BackgroundRead m_read; // last: cancelled and joined before the controls go
};

} // namespace

bool ShowAccountantExportDialog(wxWindow* parent, Services& services) {
    AccountantExportDialog dlg(parent, services);
    return dlg.ShowModal() == wxID_OK;
}

} // namespace rapport::gui
