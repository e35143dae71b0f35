// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/importer_columns.h"

#include "core/errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <ctime>

namespace rapport::exchange {
namespace {

struct FieldInfo {
    ImportField field;
    std::string_view key;
    std::string_view label;
    // Header names tills and spreadsheets use, already normalized (see normalized_name).
    std::vector<std::string_view> aliases;
};

const std::vector<FieldInfo>& field_table() {
    static const std::vector<FieldInfo> table = {
        {ImportField::name,
         "name",
         "Name",
         // Most telling first: a shop's order export has "Name" for the order number beside
         // "Billing Name" (Shopify), or "Customer Name" beside "Transaction ID" (Square).
         {"customername", "billingname", "name", "fullname", "customer", "client", "clientname",
          "contact", "shippingname", "kunde", "kundenname", "nom", "nomcomplet", "naam", "klant",
          "nombre", "cliente", "nombrecompleto"}},
        {ImportField::first_name,
         "first_name",
         "First name",
         {"firstname", "billingfirstname", "givenname", "forename", "shippingfirstname", "vorname",
          "prénom", "prenom", "voornaam"}},
        {ImportField::last_name,
         "last_name",
         "Last name",
         {"lastname", "billinglastname", "surname", "familyname", "shippinglastname", "nachname",
          "nomdefamille", "achternaam", "apellido", "apellidos"}},
        {ImportField::phone,
         "phone",
         "Phone",
         {"phone",    "billingphone", "customerphone", "phonenumber", "telephone",     "tel",
          "mobile",   "mobilephone",  "cell",          "telefon",     "telefonnummer", "handy",
          "mobil",    "téléphone",    "portable",      "telefoon",    "mobiel",        "teléfono",
          "telefono", "móvil",        "movil"}},
        {ImportField::email,
         "email",
         "Email",
         {"email", "billingemail", "customeremail", "emailaddress", "mail", "mailadresse",
          "emailadresse", "courriel", "adressemail", "correo", "correoelectrónico",
          "correoelectronico"}},
        {ImportField::note,
         "note",
         "Note",
         {"note", "notes", "comment", "comments", "remarks", "memo", "notiz", "bemerkung",
          "kommentar", "remarque", "commentaire", "opmerking", "nota", "notas", "comentario"}},
        {ImportField::customer_id, "customer_id", "Rapport customer id", {"customerid"}},
        {ImportField::date,
         "date",
         "Date",
         // Shopify's order is made at "Created at"; "Paid at" is blank until it is paid.
         {"date", "day", "purchasedate", "purchasedon", "saledate", "orderdate", "createdat",
          "paidat", "transactiondate", "datum", "kaufdatum", "bestelldatum", "dateachat", "fecha"}},
        {ImportField::amount,
         "amount",
         "Amount",
         // What the customer paid, before the sales figures of a till's report ("Net Sales",
         // "Gross Sales") and an order's "Subtotal" when there is no total.
         {"amount",  "total",    "ordertotal", "totalamount", "amountpaid", "paid",
          "sum",     "gross",    "betrag",     "summe",       "gesamt",     "gesamtbetrag",
          "montant", "totalttc", "bedrag",     "importe",     "price",      "prix",
          "precio",  "netsales", "grosssales", "subtotal"}},
        {ImportField::margin,
         "margin",
         "Margin %",
         {"margin", "margin%", "marginpercent", "grossmargin", "marge", "marge%", "margen"}},
        {ImportField::order,
         "order",
         "Order or receipt number",
         {"ordernumber",     "orderno",        "ordernr",          "order#",
          "orderid",         "order",          "transactionid",    "receiptnumber",
          "receiptno",       "receipt",        "invoicenumber",    "invoiceno",
          "bestellnummer",   "belegnummer",    "belegnr",          "bonnummer",
          "rechnungsnummer", "transaktionsid", "numérodecommande", "numerodecommande",
          "bestelnummer",    "númerodepedido"}},
        {ImportField::status,
         "status",
         "Order status",
         {"financialstatus", "orderstatus", "paymentstatus", "status", "bestellstatus",
          "zahlungsstatus", "statut", "estado"}},
        {ImportField::refunded,
         "refunded",
         "Refunded (money back)",
         {"refundedamount", "refundamount", "amountrefunded", "refunded", "refunds", "erstattet",
          "erstattungsbetrag"}},
        {ImportField::cancelled,
         "cancelled",
         "Cancelled on (if any)",
         {"cancelledat", "canceledat", "cancelledon", "cancelleddate", "storniertam"}},
    };
    return table;
}

const FieldInfo& info(ImportField f) {
    for (const auto& i : field_table()) {
        if (i.field == f)
            return i;
    }
    return field_table().front();
}

constexpr std::array kCustomerFields = {ImportField::name,      ImportField::first_name,
                                        ImportField::last_name, ImportField::phone,
                                        ImportField::email,     ImportField::note};
constexpr std::array kPurchaseFields = {
    ImportField::customer_id, ImportField::name,  ImportField::first_name, ImportField::last_name,
    ImportField::email,       ImportField::phone, ImportField::date,       ImportField::amount,
    ImportField::margin,      ImportField::order, ImportField::status,     ImportField::refunded,
    ImportField::cancelled};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back()))
        s.remove_suffix(1);
    return s;
}

bool uses(ImportKind kind, ImportField f) {
    const auto fields = import_fields(kind);
    return std::find(fields.begin(), fields.end(), f) != fields.end();
}

std::string column_list(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns)
        out += (out.empty() ? "" : ", ") + (c.empty() ? std::string("(unnamed)") : c);
    return out;
}

} // namespace

std::string_view to_key(ImportField f) {
    return info(f).key;
}
std::string_view to_label(ImportField f) {
    return info(f).label;
}

std::span<const ImportField> import_fields(ImportKind kind) {
    if (kind == ImportKind::customers)
        return kCustomerFields;
    return kPurchaseFields;
}

ImportField parse_import_field(std::string_view text, ImportKind kind) {
    const std::string wanted = import_detail::normalized_name(text);
    std::string known;
    for (const ImportField f : import_fields(kind)) {
        if (import_detail::normalized_name(to_key(f)) == wanted)
            return f;
        known += (known.empty() ? "" : ", ") + std::string(to_key(f));
    }
    throw InputError(tr("An import of {} has no field \"{}\"; the fields are: {}."),
                     kind == ImportKind::customers ? "customers" : "purchases", text, known);
}

std::vector<ColumnChoice> parse_column_map(std::string_view spec, ImportKind kind) {
    std::vector<ColumnChoice> out;
    while (!trim(spec).empty()) {
        const std::size_t comma = spec.find(',');
        const std::string_view item = trim(spec.substr(0, comma));
        spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            throw InputError(
                tr("The column choice \"{}\" is not FIELD=COLUMN (like name=Customer or phone=3)."),
                item);
        }
        out.push_back({parse_import_field(trim(item.substr(0, eq)), kind),
                       std::string(trim(item.substr(eq + 1)))});
    }
    if (out.empty())
        throw InputError(tr("--map needs FIELD=COLUMN pairs, like name=Customer,phone=3."));
    return out;
}

namespace import_detail {

std::string normalized_name(std::string_view s) {
    std::string out;
    for (const char c : trim(s)) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.')
            continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

bool looks_like_import_header(const std::vector<std::string>& cells) {
    static const std::vector<std::string_view> known = [] {
        std::vector<std::string_view> all;
        for (const auto& f : field_table())
            all.insert(all.end(), f.aliases.begin(), f.aliases.end());
        return all;
    }();
    return looks_like_header(cells) || looks_like_header(cells, known);
}

ColumnMapping auto_mapping(ImportKind kind, const std::vector<std::string>& columns) {
    std::vector<std::string> names;
    for (const auto& c : columns)
        names.push_back(normalized_name(c));
    const auto has_column = [&](std::string_view n) {
        return std::find(names.begin(), names.end(), n) != names.end();
    };
    std::vector<bool> taken(columns.size(), false);
    // Shopify's orders export: "Name" is the order number ("#1001"), never the customer.
    const bool shopify = kind == ImportKind::purchases &&
                         (has_column("financialstatus") || has_column("lineitemname") ||
                          has_column("lineitemquantity"));
    ColumnMapping m;
    if (shopify) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (names[c] == "name") {
                m[ImportField::order] = c;
                taken[c] = true;
                break;
            }
        }
    }
    // Each field takes the column with its most telling name (the alias listed first).
    for (const ImportField f : import_fields(kind)) {
        if (m.count(f))
            continue;
        const auto& aliases = info(f).aliases;
        std::size_t best_rank = aliases.size();
        std::size_t best = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto it = std::find(aliases.begin(), aliases.end(), names[c]);
            const auto rank = static_cast<std::size_t>(it - aliases.begin());
            if (!taken[c] && rank < best_rank) {
                best_rank = rank;
                best = c;
            }
        }
        if (best_rank < aliases.size()) {
            m[f] = best;
            taken[best] = true;
        }
    }
    // A till's "Customer ID" is its own, not Rapport's: Rapport's exports have no order column.
    if (m.count(ImportField::order))
        m.erase(ImportField::customer_id);
    // "Nom;Prénom" (French) or "Name;Vorname": beside a first-name column, the plain name
    // column holds the family name.
    if (m.count(ImportField::first_name) && !m.count(ImportField::last_name) &&
        m.count(ImportField::name)) {
        m[ImportField::last_name] = m[ImportField::name];
        m.erase(ImportField::name);
    }
    return m;
}

void apply_choices(ColumnMapping& mapping, const std::vector<ColumnChoice>& choices,
                   const std::vector<std::string>& columns) {
    for (const auto& choice : choices) {
        if (choice.column.empty()) {
            mapping.erase(choice.field);
            continue;
        }
        std::optional<std::size_t> column;
        const std::string& text = choice.column;
        std::size_t number = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && ptr == text.data() + text.size()) {
            if (number < 1 || number > columns.size()) {
                throw InputError(tr("The file has columns 1 to {}; there is no column {}."),
                                 columns.size(), text);
            }
            column = number - 1;
        } else {
            const std::string wanted = normalized_name(text);
            for (std::size_t c = 0; c < columns.size() && !column; ++c) {
                if (normalized_name(columns[c]) == wanted)
                    column = c;
            }
        }
        if (!column) {
            throw InputError(tr("The file has no column \"{}\"; its columns are: {}."), text,
                             column_list(columns));
        }
        // One column holds one field: a column given to this field is taken from any other.
        for (auto it = mapping.begin(); it != mapping.end();) {
            it = it->second == *column ? mapping.erase(it) : std::next(it);
        }
        mapping[choice.field] = *column;
    }
}

Message mapping_problem(ImportKind kind, const ColumnMapping& mapping,
                        const std::vector<std::string>& columns, bool has_header) {
    for (const auto& [field, column] : mapping) {
        if (!uses(kind, field)) {
            return Message(tr("An import of {} does not use the field {}."),
                           kind == ImportKind::customers ? tr("customers") : tr("purchases"),
                           to_key(field));
        }
        if (column >= columns.size())
            return Message(tr("The file has no column {}."), column + 1);
    }
    const auto has = [&](ImportField f) { return mapping.count(f) != 0; };
    const bool named =
        has(ImportField::name) || has(ImportField::first_name) || has(ImportField::last_name);
    std::vector<Text> missing;
    if (kind == ImportKind::customers) {
        if (!named)
            missing.push_back(tr("the customer's name"));
    } else {
        if (!named && !has(ImportField::customer_id) && !has(ImportField::email) &&
            !has(ImportField::phone))
            missing.push_back(tr("the customer (a name, email, phone or Rapport id)"));
        if (!has(ImportField::date))
            missing.push_back(tr("the date"));
        if (!has(ImportField::amount))
            missing.push_back(tr("the amount"));
    }
    if (missing.empty())
        return {};
    // "A", "A and B", "A, B and C"
    Message what(missing.front());
    for (std::size_t k = 1; k < missing.size(); ++k)
        what = k + 1 == missing.size() ? Message(tr("{} and {}"), what, missing[k])
                                       : Message("{}, {}", what, missing[k]);
    if (!has_header) {
        return Message(tr("The file has no header row naming its columns, so it is not known "
                          "which column holds {}; choose the columns by number."),
                       what);
    }
    return Message(tr("No column was recognised as holding {} (the columns are: {}); choose "
                      "which column holds it."),
                   what, column_list(columns));
}

std::string cell_value(std::string_view raw) {
    std::string_view s = trim(raw);
    if (s.size() >= 2 && s[0] == '\'' &&
        std::string_view("=+-@\t\r").find(s[1]) != std::string_view::npos)
        s.remove_prefix(1);
    return std::string(s);
}

OrderState order_state(std::string_view status) {
    const std::string s = normalized_name(status);
    const auto has = [&](std::string_view part) { return s.find(part) != std::string::npos; };
    if (s.empty())
        return OrderState::paid;
    const bool refund = has("refund") || has("erstatt") || has("rembours");
    if (refund && (has("partial") || has("teilweise") || has("partiel")))
        return OrderState::partly_refunded;
    if (refund)
        return OrderState::refunded;
    if (has("cancel") || has("storn") || has("annul"))
        return OrderState::cancelled;
    if (has("void") || has("fail") || has("pending") || has("unpaid") || has("draft") ||
        has("trash") || has("abandon") || has("fehlgeschlagen") || has("ausstehend") ||
        has("offen"))
        return OrderState::unpaid;
    return OrderState::paid;
}

std::optional<BasisPoints> parse_import_percent(std::string_view text) {
    std::string s;
    for (const char c : trim(text)) {
        if (c == '%' || c == ' ')
            continue;
        s += c == ',' ? '.' : c;
    }
    try {
        return parse_percent(s, "margin", -10000, 10000);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

} // namespace import_detail

namespace {

// "2026-03-04T23:30:00Z" or "2026-03-04 23:30 UTC": the day on this computer's clock, which is
// the shop's. std::nullopt when `full` is no time in UTC or `day` is no ISO day.
std::optional<Date> utc_to_local_day(std::string_view full, std::string_view day) {
    std::string_view rest;
    if (full.size() > 11 && full.back() == 'Z')
        rest = full.substr(11, full.size() - 12);
    else if (full.size() > 15 && full.substr(full.size() - 4) == " UTC")
        rest = full.substr(11, full.size() - 15);
    else
        return std::nullopt;
    if (day.size() != 10 || day[4] != '-' || rest.size() < 5 || rest[2] != ':')
        return std::nullopt;
    int h = 0, m = 0, sec = 0;
    const auto num = [](std::string_view p, int& out) {
        const auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), out);
        return ec == std::errc{} && ptr == p.data() + p.size();
    };
    if (!num(rest.substr(0, 2), h) || !num(rest.substr(3, 2), m) ||
        (rest.size() >= 8 && (rest[5] != ':' || !num(rest.substr(6, 2), sec))) || h > 23 ||
        m > 59 || sec > 60)
        return std::nullopt;
    Date d;
    try {
        d = parse_date(day);
    } catch (const InputError&) {
        return std::nullopt;
    }
    const auto at = date::sys_days{d} + std::chrono::hours{h} + std::chrono::minutes{m} +
                    std::chrono::seconds{sec};
    const std::time_t t = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(at));
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date{date::year{tm.tm_year + 1900}, date::month{static_cast<unsigned>(tm.tm_mon + 1)},
                date::day{static_cast<unsigned>(tm.tm_mday)}};
}

} // namespace

std::optional<Date> parse_import_date(std::string_view text) {
    std::string_view s = trim(text);
    const std::string_view full = s;
    // "2026-11-25 14:30" or "25.11.2026T14:30:00": the day is what counts. A time with an
    // offset ("2026-03-04 10:15:22 +0100", Shopify) is the shop's own clock: its day as written.
    if (const std::size_t cut = s.find_first_of(" T"); cut != std::string_view::npos)
        s = s.substr(0, cut);
    if (s.size() < full.size()) {
        if (const auto local = utc_to_local_day(full, s))
            return local;
    }
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        try {
            return parse_date(s);
        } catch (const InputError&) {
            return std::nullopt;
        }
    }
    // Day first: DD.MM.YYYY (German, Dutch) and DD/MM/YYYY (French, Spanish, British).
    // A US-style MM/DD/YYYY file is refused by the day/month checks only when the day is over
    // 12, so the accepted forms are documented, not guessed.
    const std::size_t sep = s.find_first_of("./");
    if (sep == std::string_view::npos)
        return std::nullopt;
    const char mark = s[sep];
    const std::size_t sep2 = s.find(mark, sep + 1);
    if (sep2 == std::string_view::npos)
        return std::nullopt;
    const auto number = [](std::string_view part, std::size_t min_len, std::size_t max_len,
                           int& out) {
        if (part.size() < min_len || part.size() > max_len)
            return false;
        const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        return ec == std::errc{} && ptr == part.data() + part.size();
    };
    int d = 0, m = 0, y = 0;
    if (!number(s.substr(0, sep), 1, 2, d) || !number(s.substr(sep + 1, sep2 - sep - 1), 1, 2, m) ||
        !number(s.substr(sep2 + 1), 4, 4, y))
        return std::nullopt;
    const Date day{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
    if (!day.ok())
        return std::nullopt;
    return day;
}

std::optional<Money> parse_import_amount(std::string_view text, char delimiter) {
    // A currency sign or code may stand on either side ("€ 12,50", "12.50 EUR"); thousands may
    // be set apart by spaces, no-break spaces or ' ("1 234,50", "1'234.50").
    const std::string_view t = trim(text);
    const std::size_t first = t.find_first_of("0123456789+-.,");
    const std::size_t last = t.find_last_of("0123456789");
    if (first == std::string_view::npos || last == std::string_view::npos || last < first)
        return std::nullopt;
    const auto currency_like = [](std::string_view part) {
        part = trim(part);
        return part.size() <= 4 && part.find_first_of("0123456789") == std::string_view::npos;
    };
    if (!currency_like(t.substr(0, first)) || !currency_like(t.substr(last + 1)))
        return std::nullopt;
    std::string s;
    const std::string_view middle = t.substr(first, last - first + 1);
    for (std::size_t i = 0; i < middle.size(); ++i) {
        const char c = middle[i];
        if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+')
            s += c;
        else if (middle.substr(i, 2) == "\xC2\xA0") // no-break space
            ++i;
        else if (middle.substr(i, 3) == "\xE2\x80\xAF") // narrow no-break space
            i += 2;
        else if (c != ' ' && c != '\'')
            return std::nullopt;
    }
    const std::size_t comma = s.rfind(',');
    const std::size_t dot = s.rfind('.');
    if (comma != std::string::npos && dot != std::string::npos) {
        // "1.234,56" or "1,234.56": the last mark is the decimal one.
        const char thousands = comma > dot ? '.' : ',';
        std::erase(s, thousands);
        std::replace(s.begin(), s.end(), ',', '.');
    } else if (comma != std::string::npos) {
        // "12,50": a decimal comma, as ';'-separated files write it. In a ','-separated file
        // the cell was quoted; "1,234" there is ambiguous and refused.
        const std::size_t decimals = s.size() - comma - 1;
        if (s.find(',') != comma || (delimiter != ';' && decimals > 2))
            return std::nullopt;
        s[comma] = '.';
    } else if (dot != std::string::npos && s.find('.') != dot) {
        std::erase(s, '.'); // "1.234.567": dots between thousands
    }
    if (s.front() == '+')
        s.erase(0, 1);
    try {
        return parse_money(s, AllowNegative::yes);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

} // namespace rapport::exchange
