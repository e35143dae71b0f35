// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// export accountant | history (export followups lives with the follow-ups).
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/csv_dialect.h"
#include "core/errors.h"
#include "core/utf8_path.h"
#include "exchange/accountant_export.h"
#include "exchange/history_export.h"
#include "store/settings_store.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>

namespace rapport::cli {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// --format when given, else the extension of --out when it is one of `formats`, else the first.
std::string choose_format(const std::string& option, const std::string& out,
                          const std::vector<std::string>& formats, std::string_view what) {
    if (option.empty()) {
        const std::string ext = lower(std::filesystem::path(out).extension().string());
        for (const auto& f : formats) {
            if (ext == "." + f)
                return f;
        }
        return formats.front();
    }
    const std::string f = lower(option);
    if (std::find(formats.begin(), formats.end(), f) != formats.end())
        return f;
    std::string list;
    for (const auto& known : formats)
        list += (list.empty() ? "" : " or ") + known;
    throw InputError(
        fmt::format("The {} export is written as {}, not \"{}\".", what, list, option));
}

// --csv-dialect when given (usage error for a name it does not know), else none: the
// csv_dialect setting, else this computer's language. Only CSV files have a dialect.
std::optional<CsvDialect> choose_dialect(const std::string& option, bool csv) {
    if (option.empty())
        return std::nullopt;
    if (!csv) {
        throw InputError("--csv-dialect is for CSV files only; the other format has no "
                         "separators or decimal marks to choose.");
    }
    return parse_csv_dialect(option).value_or(system_csv_dialect());
}

constexpr const char* kDialectHelp =
    "CSV for spreadsheets set to: comma (or en: ',' between fields, 1234.56), semicolon (or "
    "de: ';' between fields, 1234,56) or auto (this computer's language); default: the "
    "csv_dialect setting, else auto";

// Which spreadsheets the CSV suits, so nobody has to open it to find out.
std::string dialect_line(CsvDialect d) {
    return d == CsvDialect::semicolon
               ? "The CSV has ';' between fields and ',' as the decimal mark, for spreadsheets "
                 "set to German (--csv-dialect comma for English ones).\n"
               : "The CSV has ',' between fields and '.' as the decimal mark, for spreadsheets "
                 "set to English (--csv-dialect semicolon for German ones).\n";
}

void print_totals(const exchange::AccountantExportResult& r, Date from, Date to,
                  const std::string& out, bool csv) {
    const auto& t = r.totals;
    std::string text =
        fmt::format("Wrote {} accepted resolution{} with a cost, {} to {}, to {}.\n", t.rows,
                    t.rows == 1 ? "" : "s", format_date(from), format_date(to), out);
    if (!t.by_type.empty())
        text += "By resolution type:\n";
    std::size_t width = 5; // "Total"
    for (const auto& type : t.by_type)
        width = std::max(width, to_label(type.type).size() + 2);
    for (const auto& type : t.by_type)
        text += fmt::format("  {:<{}} {:>8}  {:>14} {}\n", to_label(type.type), width - 2,
                            type.rows, format_amount(type.amount), r.currency);
    text += fmt::format("{:<{}} {:>8}  {:>14} {}\n", "Total", width, t.rows, format_amount(t.total),
                        r.currency);
    if (csv)
        text += dialect_line(r.dialect);
    std::cout << text;
}

json totals_json(const exchange::AccountantExportResult& r, Date from, Date to,
                 const std::string& out, bool csv) {
    json types = json::object();
    for (const auto& t : r.totals.by_type)
        types[std::string(to_key(t.type))] = {{"rows", t.rows}, {"amount", money_json(t.amount)}};
    json months = json::object();
    for (const auto& m : r.totals.by_month)
        months[m.label()] = {{"rows", m.rows}, {"amount", money_json(m.amount)}};
    return {{"file", out},
            {"from", format_date(from)},
            {"to", format_date(to)},
            {"currency", r.currency},
            {"rows", r.totals.rows},
            {"by_type", types},
            {"by_month", months},
            {"total", money_json(r.totals.total)},
            {"csv_dialect", csv ? json(to_key(r.dialect)) : json(nullptr)}};
}

void add_accountant_command(CLI::App& exp, CliContext& ctx) {
    struct Options {
        std::string from, to, format, out, dialect;
    };
    auto o = std::make_shared<Options>();
    auto* acc = exp.add_subcommand(
        "accountant", "Write the money given back (accepted resolutions with a cost) for a date "
                      "range, with totals by resolution type and month, for the accountant");
    acc->add_option("--from", o->from, "First day, inclusive (YYYY-MM-DD)")->required();
    acc->add_option("--to", o->to, "Last day, inclusive (YYYY-MM-DD)")->required();
    acc->add_option("--format", o->format, "csv or xlsx (default: from the file name, else csv)");
    acc->add_option("--out", o->out, "The file to write (readable by you only)")->required();
    acc->add_option("--csv-dialect", o->dialect, kDialectHelp);
    on_run(acc, ctx, [&ctx, o] {
        const Date from = parse_date(o->from, "--from date");
        const Date to = parse_date(o->to, "--to date");
        exchange::check_export_range(from, to);
        const auto format =
            choose_format(o->format, o->out, {"csv", "xlsx"}, "accountant") == "xlsx"
                ? exchange::AccountantFormat::xlsx
                : exchange::AccountantFormat::csv;
        if (o->out.empty())
            throw InputError("Say where to write the export with --out FILE.");
        const bool csv = format == exchange::AccountantFormat::csv;
        const auto dialect = choose_dialect(o->dialect, csv);
        const auto result = exchange::export_accountant(ctx.db(), from, to, format,
                                                        path_from_utf8(o->out), dialect);
        if (ctx.json)
            print_json(totals_json(result, from, to, o->out, csv));
        else
            print_totals(result, from, to, o->out, csv);
    });
}

std::string utc_now() {
    return date::format("%FT%TZ",
                        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

void add_history_command(CLI::App& exp, CliContext& ctx) {
    struct Options {
        std::string format, out, dialect;
    };
    auto o = std::make_shared<Options>();
    auto* history = exp.add_subcommand(
        "history", "Write everything Rapport holds: one CSV file per record kind into a folder "
                   "(ids kept so rows link up), or one JSON document");
    history->add_option("--format", o->format,
                        "csv (a folder of files) or json (one file); default: json when --out "
                        "ends in .json, else csv");
    history->add_option("--out", o->out, "The folder (csv) or file (json) to write")->required();
    history->add_option("--csv-dialect", o->dialect, kDialectHelp);
    on_run(history, ctx, [&ctx, o] {
        const std::string format = choose_format(o->format, o->out, {"csv", "json"}, "history");
        if (o->out.empty())
            throw InputError("Say where to write the history with --out PATH.");
        const bool csv = format == "csv";
        const auto chosen = choose_dialect(o->dialect, csv);
        const CsvDialect dialect =
            chosen || !csv ? chosen.value_or(CsvDialect::comma)
                           : effective_csv_dialect(store::SettingsStore(ctx.db()).load());
        const auto n =
            csv ? exchange::export_history_csv(ctx.db(), path_from_utf8(o->out), dialect)
                : exchange::export_history_json(ctx.db(), path_from_utf8(o->out), utc_now());
        if (ctx.json) {
            print_json({{"path", o->out},
                        {"format", format},
                        {"csv_dialect", csv ? json(to_key(dialect)) : json(nullptr)},
                        {"customers", n.customers},
                        {"tags", n.tags},
                        {"customer_tags", n.customer_tags},
                        {"interactions", n.interactions},
                        {"resolutions", n.resolutions},
                        {"follow_ups", n.follow_ups},
                        {"purchases", n.purchases},
                        {"settings", n.settings},
                        {"category_defaults", n.category_defaults}});
            return;
        }
        std::cout << fmt::format(
            "Wrote the full history to {}{}: {} customers, {} interactions, {} resolutions, {} "
            "follow-ups, {} purchases, {} tags, and the settings.\n",
            o->out, csv ? " (one CSV file per kind of record)" : "", n.customers, n.interactions,
            n.resolutions, n.follow_ups, n.purchases, n.tags);
        if (csv)
            std::cout << dialect_line(dialect);
    });
}

} // namespace

void add_export_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* exp = export_command(app);
    add_accountant_command(*exp, ctx);
    add_history_command(*exp, ctx);
}

} // namespace rapport::cli
