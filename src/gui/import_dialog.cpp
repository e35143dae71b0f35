// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/import_dialog.h"
#include "core/utf8_path.h"

#include "gui/accessibility.h"
#include "gui/format.h"
#include "gui/keyboard.h"
#include "gui/services.h"
#include "gui/ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

namespace rapport::gui {
namespace {

constexpr const char* kFolderKey = "/Import/Folder";
constexpr std::size_t kSampleRows = 6; // as many as the table shows without scrolling

wxString CountText(unsigned long n) {
    return wxString::Format("%lu", n);
}
unsigned long U(std::size_t n) {
    return static_cast<unsigned long>(n);
}

// One list row from its cells (wxVector has no initializer-list constructor here).
wxVector<wxVariant> Row(std::initializer_list<wxString> cells) {
    wxVector<wxVariant> row;
    for (const wxString& c : cells)
        row.push_back(c);
    return row;
}

// A quoted line break shown as a mark, so a row of the table stays one line high.
wxString OneLine(const std::string& cell) {
    wxString text = Wx(cell);
    text.Replace("\r\n", L" \u21b5 ");
    text.Replace("\n", L" \u21b5 ");
    return text;
}

class ImportDialog : public wxDialog {
public:
    ImportDialog(wxWindow* parent, Services& services, exchange::ImportKind kind)
        : wxDialog(parent, wxID_ANY,
                   kind == exchange::ImportKind::customers ? _("Import customers")
                                                           : _("Import purchases"),
                   wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          m_services(services), m_kind(kind) {
        const int gap = FromDIP(kGap);
        const int space = FromDIP(kSpace);
        auto* top = new wxBoxSizer(wxVERTICAL);

        wxStaticText* note =
            MakeNote(this, kind == exchange::ImportKind::customers
                               ? _("A CSV file from your till or a spreadsheet, separated "
                                   "by commas or semicolons. Customers you already have are "
                                   "matched by email, phone or name, not added twice.")
                               : _("A CSV file of sales from your till: who bought, when and "
                                   "for how much. Sales already recorded are left out, so "
                                   "importing a file twice counts nothing twice."));
        note->Wrap(FromDIP(860));
        top->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* fileRow = new wxBoxSizer(wxHORIZONTAL);
        fileRow->Add(new wxStaticText(this, wxID_ANY, _("&File:")), 0, wxALIGN_CENTER_VERTICAL);
        m_file = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_READONLY);
        m_file->SetName("import_file");
        auto* choose = new wxButton(this, wxID_ANY, _("C&hoose file..."));
        choose->SetName("import_choose");
        fileRow->Add(m_file, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        fileRow->Add(choose, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        top->Add(fileRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* formatRow = new wxBoxSizer(wxHORIZONTAL);
        m_format = new wxStaticText(this, wxID_ANY, wxString());
        m_format->SetName("import_format");
        m_header = new wxCheckBox(this, wxID_ANY, _("First &row names the columns"));
        m_header->SetName("import_header");
        formatRow->Add(m_format, 1, wxALIGN_CENTER_VERTICAL);
        formatRow->Add(m_header, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, space);
        top->Add(formatRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        auto* sampleTitle = MakeSectionTitle(this, _("First rows of the file"));
        top->Add(sampleTitle, 0, wxLEFT | wxRIGHT | wxTOP, space);
        m_sample = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                                          wxSize(FromDIP(860), FromDIP(170)),
                                          wxDV_ROW_LINES | wxDV_SINGLE | wxDV_HORIZ_RULES);
        m_sample->SetName("import_sample");
        SetLabelFor(sampleTitle, m_sample);
        top->Add(m_sample, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        // Mapping on the left, the check of every row on the right.
        auto* lower = new wxBoxSizer(wxHORIZONTAL);
        auto* mapping = new wxBoxSizer(wxVERTICAL);
        mapping->Add(MakeSectionTitle(this, _("Which column holds what")), 0, wxBOTTOM, gap);
        // Two fields a row: an order export's thirteen fields still fit a 800-pixel screen.
        auto* grid = new wxFlexGridSizer(4, gap, space);
        std::vector<wxStaticText*> fieldLabels;
        for (exchange::ImportField field : exchange::import_fields(kind)) {
            auto* fieldLabel = new wxStaticText(this, wxID_ANY, wxString());
            fieldLabel->SetLabelText(wxGetTranslation(Wx(exchange::to_label(field))) + ":");
            fieldLabels.push_back(fieldLabel);
            grid->Add(fieldLabel, 0, wxALIGN_CENTER_VERTICAL);
            auto* choice =
                new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(180), -1));
            choice->SetName("map_" + Wx(exchange::to_key(field)));
            choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnMappingChosen(); });
            grid->Add(choice, 0, wxALIGN_CENTER_VERTICAL);
            m_choices.emplace_back(field, choice);
        }
        mapping->Add(grid, 0);
        m_forget = new wxButton(this, wxID_ANY, _("Forget these col&umns"));
        m_forget->SetName("import_forget_columns");
        m_forget->SetToolTip(_("Forget the columns you chose for files like this one and find "
                               "them by their names again."));
        m_forget->Enable(false);
        m_forget->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ForgetColumns(); });
        mapping->Add(m_forget, 0, wxTOP, gap);
        lower->Add(mapping, 0, wxEXPAND);

        auto* check = new wxBoxSizer(wxVERTICAL);
        auto* checkTitle = MakeSectionTitle(this, _("Check"));
        check->Add(checkTitle, 0, wxBOTTOM, gap);
        m_counts = new wxStaticText(this, wxID_ANY, _("Choose a file to see what it holds."));
        m_counts->SetName("import_counts");
        check->Add(m_counts, 0, wxEXPAND | wxBOTTOM, gap);
        m_errors = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                                          wxSize(FromDIP(340), FromDIP(150)),
                                          wxDV_ROW_LINES | wxDV_SINGLE);
        m_errors->SetName("import_errors");
        SetLabelFor(checkTitle, m_errors);
        AddColumns(m_errors, {{_("Line"), 60, wxALIGN_RIGHT}, {_("Problem"), 380}}, 1);
        ShowCutTextAsTip(m_errors);
        check->Add(m_errors, 1, wxEXPAND);
        lower->Add(check, 1, wxEXPAND | wxLEFT, FromDIP(24));
        top->Add(lower, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);

        top->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, space);
        auto* bottom = new wxBoxSizer(wxHORIZONTAL);
        m_skipBad = new wxCheckBox(this, wxID_ANY,
                                   _("Import only the &good rows and leave out the "
                                     "bad ones"));
        m_skipBad->SetName("import_skip_bad");
        bottom->Add(m_skipBad, 1, wxALIGN_CENTER_VERTICAL);
        m_import = new wxButton(this, wxID_OK, _("&Import"));
        m_import->SetDefault();
        bottom->Add(m_import, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, space);
        bottom->Add(new wxButton(this, wxID_CANCEL), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        top->Add(bottom, 0, wxEXPAND | wxALL, space);

        // The field names come from the store: their Alt+letters are picked here.
        AddFreeMnemonics(this, fieldLabels);
        RouteLabelMnemonics(this);
        SetSizerAndFit(top);
        CentreOnParent();
        Reset(wxString());

        choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Choose(); });
        m_header->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
            m_hasHeader = m_header->GetValue();
            m_mapping.reset(); // the header's names may now find other columns
            Check();
        });
        m_skipBad->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateButton(); });
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { OnImport(); }, wxID_OK);
        choose->SetFocus();
    }

    void Load(const std::filesystem::path& path) {
        m_file->ChangeValue(Wx(path.string()));
        m_table.reset();
        m_mapping.reset();
        m_hasHeader.reset();
        try {
            m_table = exchange::read_import_file(path);
        } catch (const std::exception& e) {
            Reset(ErrorText(e));
            return;
        }
        Check();
    }

private:
    exchange::ImportOptions Options() const {
        exchange::ImportOptions o;
        o.mapping = m_mapping;
        o.has_header = m_hasHeader;
        o.skip_bad_rows = m_skipBad->GetValue();
        o.today = m_services.today();
        return o;
    }

    // Empties the preview and shows `why` (a bad file) in red, or the first hint.
    void Reset(const wxString& why) {
        m_preview.reset();
        m_forget->Enable(false);
        m_sample->DeleteAllItems();
        m_sample->ClearColumns();
        m_errors->DeleteAllItems();
        m_format->SetLabel(wxString());
        m_header->Enable(false);
        for (auto& [field, choice] : m_choices) {
            choice->Clear();
            choice->Enable(false);
        }
        SetCounts(why.empty() ? _("Choose a file to see what it holds.") : why, !why.empty());
        UpdateButton();
    }

    void SetCounts(const wxString& text, bool bad) {
        m_counts->SetLabelText(text);
        m_counts->SetForegroundColour(bad ? OverdueText() : wxNullColour);
        m_counts->Wrap(std::max(m_errors->GetSize().x, FromDIP(340)));
        Layout();
    }

    void Choose() {
        wxString folder = wxStandardPaths::Get().GetDocumentsDir();
        wxString remembered;
        if (m_services.remember_ui && wxConfigBase::Get()->Read(kFolderKey, &remembered) &&
            wxDirExists(remembered))
            folder = remembered;
        wxFileDialog dlg(this, _("Choose the CSV file to import"), folder, wxString(),
                         _("CSV and text files (*.csv;*.txt)|*.csv;*.CSV;*.txt;*.TXT|"
                           "All files|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() != wxID_OK)
            return;
        if (m_services.remember_ui)
            wxConfigBase::Get()->Write(kFolderKey, wxFileName(dlg.GetPath()).GetPath());
        Load(path_from_utf8(dlg.GetPath().utf8_string()));
    }

    void OnMappingChosen() {
        exchange::ColumnMapping mapping;
        for (auto& [field, choice] : m_choices) {
            const int sel = choice->GetSelection();
            if (sel > 0) // 0 is "not in the file"
                mapping[field] = static_cast<std::size_t>(sel - 1);
        }
        m_mapping = mapping;
        Check();
    }

    // Checks every row with the current header and mapping; writes nothing.
    void Check() {
        if (!m_table)
            return;
        try {
            m_preview =
                exchange::preview_import(m_services.db(), m_kind, *m_table, Options(), kSampleRows);
        } catch (const std::exception& e) {
            Reset(ErrorText(e));
            return;
        }
        const exchange::ImportPreview& p = *m_preview;
        m_format->SetLabel(p.delimiter == ';' ? _("Separated by semicolons.")
                                              : _("Separated by commas."));
        m_header->Enable(true);
        m_header->SetValue(p.has_header);
        FillSample(p);
        for (auto& [field, choice] : m_choices) {
            choice->Clear();
            choice->Append(_("(not in the file)"));
            for (std::size_t i = 0; i < p.columns.size(); ++i)
                choice->Append(wxString::Format("%lu: %s", U(i + 1), Wx(p.columns[i])));
            const auto it = p.mapping.find(field);
            choice->SetSelection(it == p.mapping.end() ? 0 : static_cast<int>(it->second) + 1);
            choice->Enable(true);
        }
        m_forget->Enable(p.remembered_on.has_value());
        m_errors->DeleteAllItems();
        for (const exchange::ImportRowError& e : p.errors)
            m_errors->AppendItem(Row({CountText(U(e.line)), EscapeMarkup(Translate(e.reason))}));
        if (!p.problem.empty()) {
            SetCounts(Translate(p.problem), true);
        } else {
            const exchange::ImportCounts& c = p.counts;
            wxString text =
                m_kind == exchange::ImportKind::customers
                    ? wxString::Format(_("%lu rows: %lu new customers, %lu matched to customers "
                                         "you have, %lu bad."),
                                       U(c.rows), U(c.new_customers), U(c.matched), U(c.bad))
                    : wxString::Format(_("%lu rows: %lu purchases to add, %lu already recorded, "
                                         "%lu bad."),
                                       U(c.rows), U(c.purchases), U(c.already_recorded), U(c.bad));
            if (m_kind == exchange::ImportKind::purchases)
                text += OrderText(c);
            if (p.remembered_on)
                text = wxString::Format(_("Using the columns you chose on %s."),
                                        FormatDate(*p.remembered_on)) +
                       " " + text;
            if (c.bad)
                text += " " + _("With bad rows, nothing is imported unless you tick \"Import only "
                                "the good rows\".");
            SetCounts(text, false);
        }
        UpdateButton();
    }

    // An order export's rows that are no purchase of their own, and why.
    static wxString OrderText(const exchange::ImportCounts& c) {
        wxString text;
        if (c.order_lines)
            text += " " + wxString::Format(_("%lu rows are further items of an order "
                                             "(one purchase per order)."),
                                           U(c.order_lines));
        if (c.partly_refunded)
            text += " " + wxString::Format(_("%lu partly refunded orders count what was kept."),
                                           U(c.partly_refunded));
        if (c.refunded || c.cancelled || c.unpaid)
            text += " " + wxString::Format(_("Left out as no purchase: %lu refunded in full, "
                                             "%lu cancelled, %lu never paid."),
                                           U(c.refunded), U(c.cancelled), U(c.unpaid));
        return text;
    }

    void ForgetColumns() {
        if (!m_preview)
            return;
        try {
            exchange::forget_remembered_columns(m_services.db(), m_kind, m_preview->columns);
        } catch (const std::exception& e) {
            ShowError(this, e, _("The columns were not forgotten"));
            return;
        }
        m_mapping.reset();
        Check();
    }

    void FillSample(const exchange::ImportPreview& p) {
        m_sample->DeleteAllItems();
        m_sample->ClearColumns();
        std::vector<ColumnSpec> columns{{_("Line"), 50, wxALIGN_RIGHT}};
        for (const std::string& name : p.columns)
            columns.push_back({EscapeMarkup(Wx(name)), 150});
        AddColumns(m_sample, columns);
        for (const CsvRecord& r : p.sample) {
            wxVector<wxVariant> values;
            values.push_back(CountText(U(r.line)));
            for (std::size_t i = 0; i < p.columns.size(); ++i)
                values.push_back(
                    EscapeMarkup(i < r.fields.size() ? OneLine(r.fields[i]) : wxString()));
            m_sample->AppendItem(values);
        }
    }

    void UpdateButton() {
        bool can = m_preview && m_preview->problem.empty() && m_preview->counts.good > 0 &&
                   (m_preview->counts.bad == 0 || m_skipBad->GetValue());
        m_import->Enable(can);
    }

    void OnImport() {
        if (!m_table)
            return;
        exchange::ImportResult result;
        try {
            wxBusyCursor busy;
            result = exchange::run_import(m_services.db(), m_kind, *m_table, Options());
        } catch (const std::exception& e) {
            ShowError(this, e, _("Nothing was imported"));
            return;
        }
        if (!result.written) {
            // The file changed between the check and the import, or the database did.
            m_preview = result.preview;
            Check();
            wxMessageDialog(this, _("Nothing was imported: some rows are bad. See the list."),
                            GetTitle(), wxOK | wxICON_WARNING)
                .ShowModal();
            return;
        }
        m_services.changes.notify();
        const exchange::ImportCounts& c = result.preview.counts;
        wxString message =
            m_kind == exchange::ImportKind::customers
                ? wxString::Format(_("Imported %lu customers: %lu new, %lu matched to customers "
                                     "you had."),
                                   U(c.good), U(c.new_customers), U(c.matched))
                : wxString::Format(_("Imported %lu purchases."), U(c.purchases));
        wxString details;
        if (c.filled_in)
            details += wxString::Format(_("%lu known customers got a missing phone or email.\n"),
                                        U(c.filled_in));
        if (c.already_recorded)
            details += wxString::Format(_("%lu purchases were already recorded and left out.\n"),
                                        U(c.already_recorded));
        if (c.bad)
            details += wxString::Format(_("%lu bad rows were left out.\n"), U(c.bad));
        wxMessageDialog done(this, message, GetTitle(), wxOK | wxICON_INFORMATION);
        if (!details.empty())
            done.SetExtendedMessage(details);
        done.ShowModal();
        EndModal(wxID_OK);
    }

    Services& m_services;
    exchange::ImportKind m_kind;
    wxTextCtrl* m_file = nullptr;
    wxStaticText* m_format = nullptr;
    wxCheckBox* m_header = nullptr;
    wxDataViewListCtrl* m_sample = nullptr;
    std::vector<std::pair<exchange::ImportField, wxChoice*>> m_choices;
    wxStaticText* m_counts = nullptr;
    wxDataViewListCtrl* m_errors = nullptr;
    wxCheckBox* m_skipBad = nullptr;
    wxButton* m_import = nullptr;
    wxButton* m_forget = nullptr;

    std::optional<CsvTable> m_table;
    std::optional<exchange::ColumnMapping> m_mapping; // the owner's choice; automatic when empty
    std::optional<bool> m_hasHeader;                  // the owner's choice; detected when empty
    std::optional<exchange::ImportPreview> m_preview;
};

} // namespace

bool ShowImportDialog(wxWindow* parent, Services& services, exchange::ImportKind kind,
                      const std::filesystem::path& file) {
    ImportDialog dlg(parent, services, kind);
    if (!file.empty())
        dlg.Load(file);
    return dlg.ShowModal() == wxID_OK;
}

} // namespace rapport::gui
