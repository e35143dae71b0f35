// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// import customers | purchases FILE: what a till or spreadsheet exported, checked first, then
// written in one transaction or not at all.
#include "cli/cli_context.h"
#include "cli/json_out.h"
#include "core/errors.h"
#include "core/utf8_path.h"
#include "exchange/importer.h"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {
namespace {

using nlohmann::json;

struct Options {
    std::string file, map;
    bool dry_run = false;
    bool skip_bad_rows = false;
    bool no_header = false;
    bool forget_map = false;
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string how_found(const exchange::ImportCounts& n) {
    std::vector<std::string> parts;
    const auto add = [&](std::size_t k, std::string_view what) {
        if (k > 0)
            parts.push_back(fmt::format("{} by {}", k, what));
    };
    add(n.by_id, "Rapport id");
    add(n.by_email, "email");
    add(n.by_phone, "phone");
    add(n.by_name, "name");
    add(n.by_earlier_row, "an earlier row");
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? " (" : ", ") + p;
    return out.empty() ? out : out + ")";
}

std::string mapping_text(const exchange::ImportPreview& pv) {
    std::string out;
    for (const exchange::ImportField f : exchange::import_fields(pv.kind)) {
        const auto it = pv.mapping.find(f);
        if (it == pv.mapping.end())
            continue;
        out += fmt::format("{}{} = \"{}\"", out.empty() ? "" : ", ", exchange::to_key(f),
                           pv.columns[it->second]);
    }
    return out;
}

std::string summary(const exchange::ImportResult& r, const Options& o) {
    const auto& pv = r.preview;
    const auto& n = pv.counts;
    std::string out = fmt::format(
        "{}: {}, '{}'-separated, {}.\nColumns: {}.\n", o.file, plural(n.rows, "row", "rows"),
        pv.delimiter,
        pv.has_header ? fmt::format("column names on line {}", pv.header_line) : "no header row",
        mapping_text(pv));
    if (pv.remembered_on)
        out += fmt::format("Using the columns you chose on {} (--forget-map to find them "
                           "afresh).\n",
                           format_date(*pv.remembered_on));
    if (pv.kind == exchange::ImportKind::customers) {
        out += fmt::format("Customers: {} new, {} already known{}", n.new_customers, n.matched,
                           how_found(n));
        if (n.filled_in > 0)
            out += fmt::format(", {} of them given a missing phone or email", n.filled_in);
        out += ".\n";
    } else {
        out += fmt::format("Purchases: {} to add{}", n.purchases, how_found(n));
        if (n.already_recorded > 0)
            out += fmt::format(", {} already recorded (skipped)", n.already_recorded);
        if (n.partly_refunded > 0)
            out +=
                fmt::format(", {} partly refunded (counted without the refund)", n.partly_refunded);
        out += ".\n";
        if (n.order_lines > 0)
            out += fmt::format("{} more line items of those orders (one purchase per order).\n",
                               plural(n.order_lines, "row holds", "rows hold"));
        std::vector<std::string> skipped;
        if (n.refunded > 0)
            skipped.push_back(fmt::format("{} refunded in full", n.refunded));
        if (n.cancelled > 0)
            skipped.push_back(fmt::format("{} cancelled", n.cancelled));
        if (n.unpaid > 0)
            skipped.push_back(fmt::format("{} never paid (voided, failed or pending)", n.unpaid));
        if (!skipped.empty()) {
            std::string list;
            for (std::size_t k = 0; k < skipped.size(); ++k)
                list += (k == 0 ? "" : k + 1 == skipped.size() ? " and " : ", ") + skipped[k];
            out += fmt::format("Orders left out (no purchase): {}.\n", list);
        }
    }
    if (n.bad > 0)
        out +=
            fmt::format("Skipped {} (listed on stderr).\n", plural(n.bad, "bad row", "bad rows"));
    if (o.dry_run)
        out += "Dry run: nothing was written.\n";
    else if (pv.kind == exchange::ImportKind::customers)
        out += fmt::format("Added {}.\n", plural(n.new_customers, "customer", "customers"));
    else
        out += fmt::format("Added {}.\n", plural(n.purchases, "purchase", "purchases"));
    return out;
}

json result_json(const exchange::ImportResult& r, const Options& o) {
    const auto& pv = r.preview;
    const auto& n = pv.counts;
    json mapping = json::object();
    for (const auto& [field, column] : pv.mapping)
        mapping[std::string(exchange::to_key(field))] = pv.columns[column];
    json errors = json::array();
    for (const auto& e : pv.errors)
        errors.push_back({{"line", e.line}, {"message", e.message}});
    return {
        {"file", o.file},
        {"kind", pv.kind == exchange::ImportKind::customers ? "customers" : "purchases"},
        {"dry_run", o.dry_run},
        {"written", r.written},
        {"delimiter", std::string(1, pv.delimiter)},
        {"header_line", pv.has_header ? json(pv.header_line) : json(nullptr)},
        {"columns", pv.columns},
        {"mapping", mapping},
        {"rows", n.rows},
        {"good", n.good},
        {"bad", n.bad},
        {"new_customers", n.new_customers},
        {"matched_customers", n.matched},
        {"filled_in", n.filled_in},
        {"purchases", n.purchases},
        {"already_recorded", n.already_recorded},
        {"order_lines", n.order_lines},
        {"skipped_orders",
         {{"refunded", n.refunded}, {"cancelled", n.cancelled}, {"unpaid", n.unpaid}}},
        {"partly_refunded", n.partly_refunded},
        {"remembered_on", pv.remembered_on ? json(format_date(*pv.remembered_on)) : json(nullptr)},
        {"matched_by",
         {{"id", n.by_id},
          {"email", n.by_email},
          {"phone", n.by_phone},
          {"name", n.by_name},
          {"earlier_row", n.by_earlier_row}}},
        {"errors", errors}};
}

void run(CliContext& ctx, exchange::ImportKind kind, const Options& o) {
    // Everything the user typed is checked before the file is read or the database opened.
    exchange::ImportOptions options;
    if (!o.map.empty())
        options.choices = exchange::parse_column_map(o.map, kind);
    if (o.no_header)
        options.has_header = false;
    options.skip_bad_rows = o.skip_bad_rows;
    options.forget_remembered = o.forget_map;
    options.today = ctx.today();
    const CsvTable table = exchange::read_import_file(path_from_utf8(o.file));

    // Forgetting is a change of its own: done even when the import then finds a bad row.
    if (o.forget_map && !o.dry_run)
        exchange::forget_remembered_columns(ctx.db(), kind, table);
    exchange::ImportResult result;
    if (o.dry_run)
        result.preview = exchange::preview_import(ctx.db(), kind, table, options);
    else
        result = exchange::run_import(ctx.db(), kind, table, options);
    const auto& pv = result.preview;
    if (!pv.problem.empty() && pv.counts.rows == 0)
        throw DataError(pv.problem);
    if (!pv.problem.empty()) {
        throw DataError(pv.problem.english() +
                        " Say which column holds what with --map, e.g. --map " +
                        (kind == exchange::ImportKind::customers ? "name=1,phone=2."
                                                                 : "name=1,date=2,amount=3."));
    }
    const bool refused = pv.counts.bad > 0 && !o.skip_bad_rows;
    if (ctx.json)
        print_json(result_json(result, o));
    for (const auto& e : pv.errors)
        std::cerr << e.message << '\n';
    if (refused) {
        std::cout.flush();
        throw DataError(fmt::format(
            "{} of {} {} errors (listed above), so nothing {} imported. Fix them, or add "
            "--skip-bad-rows to import the {} good {}.",
            pv.counts.bad, plural(pv.counts.rows, "row", "rows"),
            pv.counts.bad == 1 ? "has" : "have", o.dry_run ? "would be" : "was", pv.counts.good,
            pv.counts.good == 1 ? "row" : "rows"));
    }
    if (!ctx.json)
        std::cout << summary(result, o);
}

void add_import_kind(CLI::App& import, CliContext& ctx, exchange::ImportKind kind, const char* name,
                     const char* help) {
    auto o = std::make_shared<Options>();
    auto* sub = import.add_subcommand(name, help);
    sub->add_option("FILE", o->file, "The CSV file (',' or ';' between fields, UTF-8)")->required();
    sub->add_flag("--dry-run", o->dry_run, "Check and report, write nothing");
    sub->add_option("--map", o->map,
                    kind == exchange::ImportKind::customers
                        ? "Which column holds what, by header name or number from 1: "
                          "name=COL,first_name=COL,last_name=COL,phone=COL,email=COL,note=COL "
                          "(COL empty: not imported)"
                        : "Which column holds what, by header name or number from 1: "
                          "customer_id=COL,name=COL,email=COL,phone=COL,date=COL,amount=COL,"
                          "margin=COL,order=COL,status=COL,refunded=COL,cancelled=COL (COL "
                          "empty: not imported); remembered for the next file with the same "
                          "header");
    sub->add_flag("--skip-bad-rows", o->skip_bad_rows,
                  "Import the good rows and list the bad ones (default: import nothing if any "
                  "row is bad)");
    sub->add_flag("--no-header", o->no_header, "The first row is data, not column names");
    sub->add_flag("--forget-map", o->forget_map,
                  "Forget the columns chosen with --map for files with this header, and find "
                  "them by name again");
    on_run(sub, ctx, [&ctx, o, kind] { run(ctx, kind, *o); });
}

} // namespace

void add_import_commands(CLI::App& app, CliContext& ctx) {
    auto* import = app.add_subcommand(
        "import", "Bring in customers or purchases from a CSV file (a till or spreadsheet "
                  "export); existing customers are matched by email, phone or name");
    import->require_subcommand(1);
    add_import_kind(*import, ctx, exchange::ImportKind::customers, "customers",
                    "Import customers: name (or first and last name), phone, email, note");
    add_import_kind(*import, ctx, exchange::ImportKind::purchases, "purchases",
                    "Import purchases: the customer (name, email, phone or Rapport id), date "
                    "(YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY), amount, and optionally margin %");
}

} // namespace rapport::cli
