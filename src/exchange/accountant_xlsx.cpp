// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The accountant's export as an XLSX workbook (libxlsxwriter): real dates and numbers that a
// spreadsheet can sum and sort, not text that looks like them.
#include "exchange/accountant_export.h"

#include "core/errors.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <memory>
#include <string>

namespace rapport::exchange {
using namespace rapport::store;
namespace {

// Excel's limits: a sheet has 1,048,576 rows, a cell holds 32,767 characters.
constexpr lxw_row_t kMaxRows = 1048576;
constexpr std::size_t kMaxCellChars = 32767;

void check(lxw_error err) {
    if (err != LXW_NO_ERROR)
        throw DataError(tr("The XLSX file could not be written: {}."), lxw_strerror(err));
}

// libxlsxwriter frees the workbook when it closes it; an export that fails half-way still
// closes it so nothing leaks (the temporary file is removed by the caller).
struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

lxw_datetime to_lxw(Date d) {
    return lxw_datetime{int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())), 0, 0, 0.0};
}

double to_number(Money m) {
    return double(m.cents) / 100.0;
}

// Text cells take a NUL-terminated copy; the one buffer is reused so rows cost no allocation
// once it has grown to the longest summary. Over-long text is cut at a character boundary.
class CellText {
public:
    const char* operator()(std::string_view text) {
        std::size_t chars = 0;
        std::size_t cut = text.size();
        for (std::size_t i = 0; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > kMaxCellChars) {
                cut = i;
                break;
            }
        }
        m_buffer.assign(text.substr(0, cut));
        return m_buffer.c_str();
    }

private:
    std::string m_buffer;
};

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    lxw_format* money = nullptr;
    lxw_format* total_label = nullptr;
    lxw_format* total_money = nullptr;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, "0.00");
    f.total_label = workbook_add_format(wb);
    format_set_bold(f.total_label);
    f.total_money = workbook_add_format(wb);
    format_set_bold(f.total_money);
    format_set_num_format(f.total_money, "0.00");
    return f;
}

void write_totals_sheet(lxw_worksheet* ws, const Formats& f, const AccountantTotals& totals,
                        Date from, Date to, const std::string& currency) {
    CellText text;
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 2, 14, nullptr);
    lxw_row_t row = 0;
    lxw_datetime first = to_lxw(from);
    lxw_datetime last = to_lxw(to);
    check(worksheet_write_string(ws, row, 0, "From", f.header));
    check(worksheet_write_datetime(ws, row++, 1, &first, f.date));
    check(worksheet_write_string(ws, row, 0, "To", f.header));
    check(worksheet_write_datetime(ws, row++, 1, &last, f.date));
    check(worksheet_write_string(ws, row, 0, "Currency", f.header));
    check(worksheet_write_string(ws, row++, 1, text(currency), nullptr));

    const auto table = [&](const char* title, const auto& items, const auto& label_of) {
        ++row; // a blank line between the parts
        check(worksheet_write_string(ws, row, 0, title, f.header));
        check(worksheet_write_string(ws, row, 1, "resolutions", f.header));
        check(worksheet_write_string(ws, row++, 2, "amount", f.header));
        for (const auto& item : items) {
            check(worksheet_write_string(ws, row, 0, text(label_of(item)), nullptr));
            check(worksheet_write_number(ws, row, 1, double(item.rows), nullptr));
            check(worksheet_write_number(ws, row++, 2, to_number(item.amount), f.money));
        }
        check(worksheet_write_string(ws, row, 0, "Total", f.total_label));
        check(worksheet_write_number(ws, row, 1, double(totals.rows), f.total_label));
        check(worksheet_write_number(ws, row++, 2, to_number(totals.total), f.total_money));
    };
    table("resolution type", totals.by_type,
          [](const AccountantTypeTotal& t) { return std::string(to_label(t.type)); });
    table("month", totals.by_month, [](const AccountantMonthTotal& m) { return m.label(); });
}

} // namespace

AccountantTotals write_accountant_xlsx(Database& db, Date from, Date to,
                                       const std::string& currency,
                                       const std::filesystem::path& out) {
    // Constant-memory mode streams each row to a temporary file, so a year of rows does not
    // sit in memory; rows must then be written top to bottom, which the query does.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    // By its UTF-8 name: libxlsxwriter opens it with fopen (on Windows the programs' manifest
    // makes UTF-8 the code page, so a folder "Zoë" works there too).
    const std::string out_name = out.string();
    WorkbookPtr wb(workbook_new_opt(out_name.c_str(), &options));
    if (!wb)
        throw DataError(tr("The XLSX file {} could not be created."), out.string());
    const Formats f = make_formats(wb.get());
    lxw_worksheet* data = workbook_add_worksheet(wb.get(), "Resolutions");
    lxw_worksheet* sums = workbook_add_worksheet(wb.get(), "Totals");
    if (data == nullptr || sums == nullptr)
        throw DataError(tr("The XLSX file could not be written: a sheet could not be added."));

    const auto& columns = accountant_columns();
    const double widths[] = {11, 28, 11, 14, 18, 16, 11, 9, 60};
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
        check(worksheet_set_column(data, c, c, widths[c], nullptr));
        check(worksheet_write_string(data, 0, c, std::string(columns[c]).c_str(), f.header));
    }
    worksheet_freeze_panes(data, 1, 0);

    CellText text;
    std::string currency_cell = currency;
    lxw_row_t row = 0;
    const AccountantTotals totals =
        for_each_accountant_row(db, from, to, [&](const AccountantRow& r) {
            if (++row >= kMaxRows) {
                throw DataError(
                    tr("The range holds more resolutions than one spreadsheet sheet can show "
                       "({}); export a shorter range, or use CSV."),
                    kMaxRows - 1);
            }
            lxw_datetime day = to_lxw(r.date);
            // Strings go in as strings, never as formulas, so no guard is needed here.
            check(worksheet_write_datetime(data, row, 0, &day, f.date));
            check(worksheet_write_string(data, row, 1, text(r.customer), nullptr));
            check(worksheet_write_number(data, row, 2, double(r.customer_id), nullptr));
            check(worksheet_write_number(data, row, 3, double(r.interaction_id), nullptr));
            check(worksheet_write_string(data, row, 4, text(to_label(r.category)), nullptr));
            check(worksheet_write_string(data, row, 5, text(to_label(r.type)), nullptr));
            check(worksheet_write_number(data, row, 6, to_number(r.amount), f.money));
            check(worksheet_write_string(data, row, 7, currency_cell.c_str(), nullptr));
            check(worksheet_write_string(data, row, 8, text(r.summary), nullptr));
        });
    check(worksheet_autofilter(data, 0, 0, row, lxw_col_t(columns.size() - 1)));
    write_totals_sheet(sums, f, totals, from, to, currency);

    const lxw_error err = workbook_close(wb.release());
    check(err);
    return totals;
}

} // namespace rapport::exchange
