// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/importer.h"

#include "core/errors.h"
#include "core/staff.h"
#include "exchange/importer_columns.h"
#include "exchange/importer_memory.h"
#include "store/roles.h"
#include "store/settings_store.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/rows.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace rapport::exchange {
using namespace rapport::store;
namespace {

using namespace import_detail;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Phones compare by their digits (and a leading +): "030 123-45" is "03012345".
std::string phone_key(std::string_view phone) {
    std::string out;
    for (const char c : phone) {
        if ((c >= '0' && c <= '9') || (c == '+' && out.empty()))
            out += c;
    }
    return out.find_first_of("0123456789") == std::string::npos ? std::string() : out;
}

enum class How { none, id, email, phone, name, earlier_row };

// Every customer already saved, plus the ones this file adds, looked up by id, email, phone
// and name. Ten thousand customers are a few hundred kilobytes: loading them once beats a
// query per row.
class CustomerIndex {
public:
    struct Entry {
        Id id = 0;               // 0 for a customer this file adds
        std::size_t pending = 0; // index into the new customers, for those
        std::string name, email, phone;
    };
    struct Match {
        std::optional<std::size_t> entry;
        How how = How::none;
        Message problem; // ambiguous: a sentence listing the candidates
    };

    explicit CustomerIndex(Database& db) {
        sql::Statement st(session(db), "SELECT id, name, email, phone FROM customer ORDER BY id");
        while (st.executeStep()) {
            add(Entry{st.getColumn(0).getInt64(), 0, st.getColumn(1).getString(),
                      st.getColumn(2).getString(), st.getColumn(3).getString()});
        }
    }

    std::size_t add(Entry e) {
        const std::size_t k = m_entries.size();
        m_entries.push_back(std::move(e));
        index(k);
        m_by_id[m_entries[k].id] = k;
        return k;
    }
    Entry& at(std::size_t k) { return m_entries[k]; }

    // Gives a matched customer a phone or email it did not have, so later rows find it by
    // them too.
    void fill_in(std::size_t k, const std::string& email, const std::string& phone) {
        Entry& e = m_entries[k];
        if (e.email.empty() && !email.empty()) {
            e.email = email;
            m_by_email[lower_ascii(email)].push_back(k);
        }
        if (phone_key(e.phone).empty() && !phone_key(phone).empty()) {
            e.phone = phone;
            m_by_phone[phone_key(phone)].push_back(k);
        }
    }

    std::optional<std::size_t> by_id(Id id) const {
        const auto it = m_by_id.find(id);
        if (id == 0 || it == m_by_id.end())
            return std::nullopt;
        return it->second;
    }

    Match find(const std::string& name, const std::string& email, const std::string& phone) {
        if (!email.empty()) {
            if (Match m = pick(m_by_email, lower_ascii(email), How::email, tr("email"), email);
                m.entry || !m.problem.empty())
                return m;
        }
        if (const std::string key = phone_key(phone); !key.empty()) {
            if (Match m = pick(m_by_phone, key, How::phone, tr("phone number"), phone);
                m.entry || !m.problem.empty())
                return m;
        }
        if (name.empty())
            return {};
        // Same name, but a different email or phone on both sides: another person.
        const auto it = m_by_name.find(lower_ascii(name));
        std::vector<std::size_t> fits;
        for (const std::size_t k :
             it == m_by_name.end() ? std::vector<std::size_t>{} : it->second) {
            const Entry& e = m_entries[k];
            const bool email_differs =
                !email.empty() && !e.email.empty() && lower_ascii(email) != lower_ascii(e.email);
            const bool phone_differs = !phone_key(phone).empty() && !phone_key(e.phone).empty() &&
                                       phone_key(phone) != phone_key(e.phone);
            if (!email_differs && !phone_differs)
                fits.push_back(k);
        }
        return choose(fits, How::name, tr("name"), name);
    }

private:
    using Lookup = std::unordered_map<std::string, std::vector<std::size_t>>;

    void index(std::size_t k) {
        const Entry& e = m_entries[k];
        if (!e.email.empty())
            m_by_email[lower_ascii(e.email)].push_back(k);
        if (const std::string key = phone_key(e.phone); !key.empty())
            m_by_phone[key].push_back(k);
        m_by_name[lower_ascii(e.name)].push_back(k);
    }

    Match pick(const Lookup& lookup, const std::string& key, How how, Text what,
               std::string_view value) const {
        const auto it = lookup.find(key);
        return it == lookup.end() ? Match{} : choose(it->second, how, what, value);
    }

    Match choose(const std::vector<std::size_t>& candidates, How how, Text what,
                 std::string_view value) const {
        if (candidates.empty())
            return {};
        if (candidates.size() == 1) {
            const Entry& e = m_entries[candidates.front()];
            return {candidates.front(), e.id == 0 ? How::earlier_row : how, {}};
        }
        Message list;
        for (const std::size_t k : candidates) {
            const Entry& e = m_entries[k];
            Message one = e.id == 0 ? Message(tr("{} (an earlier row)"), e.name)
                                    : Message(tr("{} (id {})"), e.name, e.id);
            list = list.empty() ? std::move(one) : Message("{}, {}", list, one);
        }
        return {std::nullopt, How::none,
                Message(tr("the {} \"{}\" fits more than one customer: {}"), what, value, list)};
    }

    std::vector<Entry> m_entries;
    std::unordered_map<Id, std::size_t> m_by_id;
    Lookup m_by_email, m_by_phone, m_by_name;
};

// What a check found to write.
struct Plan {
    std::vector<Customer> new_customers;
    struct Fill {
        Id id;
        std::string email, phone;
    };
    std::vector<Fill> fills;
    std::vector<Purchase> purchases;
};

void count_match(ImportCounts& n, How how) {
    switch (how) {
    case How::id:
        ++n.by_id;
        break;
    case How::email:
        ++n.by_email;
        break;
    case How::phone:
        ++n.by_phone;
        break;
    case How::name:
        ++n.by_name;
        break;
    case How::earlier_row:
        ++n.by_earlier_row;
        break;
    case How::none:
        break;
    }
}

class Checker {
public:
    Checker(Database& db, ImportKind kind, const ImportPreview& preview)
        : m_kind(kind), m_map(preview.mapping), m_columns(preview.columns.size()),
          m_has_header(preview.has_header), m_delimiter(preview.delimiter), m_index(db),
          m_count_same(session(db), "SELECT count(*) FROM purchase WHERE customer_id = ? AND "
                                    "purchased_on = ? AND amount = ?") {
        if (kind == ImportKind::purchases)
            m_default_margin = SettingsStore(db).load().default_margin;
    }

    // Checks one record; returns the error sentence (without "line N: "), or an empty one when
    // good.
    Message check(const CsvRecord& r, ImportCounts& n, Plan& plan) {
        if (m_has_header && r.fields.size() > m_columns) {
            const bool extra_filled =
                std::any_of(r.fields.begin() + std::ptrdiff_t(m_columns), r.fields.end(),
                            [](const std::string& f) { return !cell_value(f).empty(); });
            if (extra_filled) {
                return Message(tr("it has {} fields but the header has {}; a value that contains "
                                  "'{}' must be in quotes"),
                               r.fields.size(), m_columns, std::string(1, m_delimiter));
            }
        }
        return m_kind == ImportKind::customers ? check_customer(r, n, plan)
                                               : check_purchase(r, n, plan);
    }

private:
    std::string get(const CsvRecord& r, ImportField f) const {
        const auto it = m_map.find(f);
        if (it == m_map.end() || it->second >= r.fields.size())
            return {};
        return cell_value(r.fields[it->second]);
    }

    std::string full_name(const CsvRecord& r) const {
        std::string name = get(r, ImportField::name);
        if (!name.empty())
            return name;
        const std::string first = get(r, ImportField::first_name);
        const std::string last = get(r, ImportField::last_name);
        return first.empty() || last.empty() ? first + last : first + " " + last;
    }

    static Message check_contact(const std::string& email, const std::string& phone) {
        if (!email.empty() && (email.find('@') == std::string::npos ||
                               email.find_first_of(" \t,;") != std::string::npos))
            return Message(tr("\"{}\" is not an email address"), email);
        if (!phone.empty() && phone_key(phone).empty())
            return Message(tr("\"{}\" is not a phone number"), phone);
        return {};
    }

    Message check_customer(const CsvRecord& r, ImportCounts& n, Plan& plan) {
        Customer c;
        c.name = full_name(r);
        c.email = get(r, ImportField::email);
        c.phone = get(r, ImportField::phone);
        c.note = get(r, ImportField::note);
        if (c.name.empty())
            return tr("the name is empty");
        if (Message bad = check_contact(c.email, c.phone); !bad.empty())
            return bad;
        const auto match = m_index.find(c.name, c.email, c.phone);
        if (!match.problem.empty())
            return match.problem;
        if (!match.entry) {
            m_index.add({0, plan.new_customers.size(), c.name, c.email, c.phone});
            plan.new_customers.push_back(std::move(c));
            ++n.new_customers;
            return {};
        }
        auto& known = m_index.at(*match.entry);
        const bool adds_email = known.email.empty() && !c.email.empty();
        const bool adds_phone = phone_key(known.phone).empty() && !phone_key(c.phone).empty();
        if (known.id == 0) {
            Customer& earlier = plan.new_customers[known.pending];
            earlier.email = adds_email ? c.email : earlier.email;
            earlier.phone = adds_phone ? c.phone : earlier.phone;
        } else if (adds_email || adds_phone) {
            plan.fills.push_back({known.id, adds_email ? c.email : "", adds_phone ? c.phone : ""});
            ++n.filled_in;
        }
        m_index.fill_in(*match.entry, c.email, c.phone);
        ++n.matched;
        count_match(n, match.how);
        return {};
    }

    // An order export's row that is no purchase of its own: a further line item of an order
    // already counted, or an order refunded, cancelled or never paid. Counted, not an error.
    bool not_a_purchase(const CsvRecord& r, ImportCounts& n) {
        if (const std::string order = get(r, ImportField::order);
            !order.empty() && !m_orders.insert(order).second) {
            ++n.order_lines;
            return true;
        }
        if (!get(r, ImportField::cancelled).empty()) {
            ++n.cancelled;
            return true;
        }
        switch (order_state(get(r, ImportField::status))) {
        case OrderState::refunded:
            ++n.refunded;
            return true;
        case OrderState::cancelled:
            ++n.cancelled;
            return true;
        case OrderState::unpaid:
            ++n.unpaid;
            return true;
        case OrderState::paid:
        case OrderState::partly_refunded:
            break;
        }
        return false;
    }

    Message check_purchase(const CsvRecord& r, ImportCounts& n, Plan& plan) {
        if (not_a_purchase(r, n))
            return {};
        const std::string id_text = get(r, ImportField::customer_id);
        std::string name = full_name(r);
        std::string email = get(r, ImportField::email);
        // A till's single "customer" column may hold an email address instead of a name.
        if (email.empty() && name.find('@') != std::string::npos &&
            name.find(' ') == std::string::npos)
            std::swap(name, email);
        const std::string phone = get(r, ImportField::phone);
        const std::string date_text = get(r, ImportField::date);
        const std::string amount_text = get(r, ImportField::amount);
        const std::string margin_text = get(r, ImportField::margin);

        Purchase p;
        if (date_text.empty())
            return tr("the date is empty");
        const auto day = parse_import_date(date_text);
        if (!day) {
            return Message(tr("the date \"{}\" is not a real day written as YYYY-MM-DD, "
                              "DD.MM.YYYY or DD/MM/YYYY"),
                           date_text);
        }
        p.on = *day;
        if (amount_text.empty())
            return tr("the amount is empty");
        const auto amount = parse_import_amount(amount_text, m_delimiter);
        if (!amount)
            return Message(tr("\"{}\" is not an amount like 12.50"), amount_text);
        if (amount->cents <= 0) {
            return Message(tr("the amount {} is not more than zero (money given back is "
                              "logged as a resolution, not a purchase)"),
                           amount_text);
        }
        p.amount = *amount;
        // Partly refunded: the purchase is what the customer kept.
        bool partly_refunded = false;
        if (const std::string back_text = get(r, ImportField::refunded); !back_text.empty()) {
            const auto back = parse_import_amount(back_text, m_delimiter);
            if (!back || back->cents < 0)
                return Message(tr("the refunded amount \"{}\" is not an amount like 12.50"),
                               back_text);
            if (back->cents >= p.amount.cents) {
                ++n.refunded;
                return {};
            }
            p.amount.cents -= back->cents;
            partly_refunded = back->cents > 0;
        }
        p.margin = m_default_margin;
        if (!margin_text.empty()) {
            const auto margin = parse_import_percent(margin_text);
            if (!margin)
                return Message(tr("the margin \"{}\" is not a percentage from -100 to 100"),
                               margin_text);
            p.margin = *margin;
        }

        How how = How::none;
        if (!id_text.empty()) {
            Id id = 0;
            const auto [ptr, ec] =
                std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
            const auto k = ec == std::errc{} && ptr == id_text.data() + id_text.size()
                               ? m_index.by_id(id)
                               : std::nullopt;
            if (!k)
                return Message(tr("no customer has the Rapport id \"{}\""), id_text);
            p.customer_id = m_index.at(*k).id;
            how = How::id;
        } else {
            if (Message bad = check_contact(email, phone); !bad.empty())
                return bad;
            if (name.empty() && email.empty() && phone.empty())
                return tr("no customer is named on this line");
            const auto match = m_index.find(name, email, phone);
            if (!match.problem.empty())
                return match.problem;
            if (!match.entry) {
                const Message who = !name.empty()    ? Message(tr("named \"{}\""), name)
                                    : !email.empty() ? Message(tr("with email {}"), email)
                                                     : Message(tr("with phone {}"), phone);
                return Message(tr("no customer {} is known; import the customers first"), who);
            }
            p.customer_id = m_index.at(*match.entry).id;
            how = match.how;
        }
        count_match(n, how);

        // The same sale already saved (an earlier import of this file): skip, don't double.
        const auto key = std::make_tuple(p.customer_id, format_date(p.on), p.amount.cents);
        auto [it, fresh] = m_same.try_emplace(key, 0);
        if (fresh) {
            m_count_same.bind(1, static_cast<std::int64_t>(p.customer_id));
            m_count_same.bind(2, std::get<1>(key));
            m_count_same.bind(3, static_cast<std::int64_t>(p.amount.cents));
            m_count_same.executeStep();
            it->second = m_count_same.getColumn(0).getInt64();
            m_count_same.reset();
        }
        if (it->second > 0) {
            --it->second;
            ++n.already_recorded;
            return {};
        }
        plan.purchases.push_back(p);
        ++n.purchases;
        n.partly_refunded += partly_refunded ? 1 : 0;
        return {};
    }

    ImportKind m_kind;
    const ColumnMapping& m_map;
    std::size_t m_columns;
    bool m_has_header;
    char m_delimiter;
    CustomerIndex m_index;
    sql::Statement m_count_same;
    std::map<std::tuple<Id, std::string, std::int64_t>, std::int64_t> m_same;
    std::unordered_set<std::string> m_orders; // order numbers seen in this file
    BasisPoints m_default_margin = 0;
};

bool all_blank(const CsvRecord& r) {
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string& f) { return cell_value(f).empty(); });
}

// A header the detector does not know ("Wer;Tel Nr") is still one when the user chose
// columns by those names.
bool choices_name_a_cell(const std::vector<ColumnChoice>& choices,
                         const std::vector<std::string>& cells) {
    for (const auto& choice : choices) {
        const bool number =
            !choice.column.empty() && std::all_of(choice.column.begin(), choice.column.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
        if (choice.column.empty() || number)
            continue;
        const std::string wanted = normalized_name(choice.column);
        for (const auto& cell : cells) {
            if (normalized_name(cell_value(cell)) == wanted)
                return true;
        }
    }
    return false;
}

// Reads the layout (header, columns, mapping) and checks every row into `plan`.
ImportPreview check_all(Database& db, ImportKind kind, const CsvTable& table,
                        const ImportOptions& options, std::size_t sample_rows, Plan& plan) {
    ImportPreview pv;
    pv.kind = kind;
    pv.delimiter = table.delimiter;
    if (table.records.empty()) {
        pv.problem = tr("The file is empty.");
        return pv;
    }
    const auto& first = table.records.front().fields;
    // A first row the owner chose columns for before is a header too.
    const auto remembered_header = [&] {
        std::vector<std::string> cells;
        for (const auto& cell : first)
            cells.push_back(cell_value(cell));
        return !options.forget_remembered && load_remembered(db, kind, cells).has_value();
    };
    pv.has_header = options.has_header.value_or(looks_like_import_header(first) ||
                                                choices_name_a_cell(options.choices, first) ||
                                                remembered_header());
    std::size_t first_data = 0;
    if (pv.has_header) {
        pv.header_line = table.records.front().line;
        for (const auto& name : table.records.front().fields)
            pv.columns.push_back(cell_value(name));
        first_data = 1;
    } else {
        std::size_t width = 0;
        for (const auto& r : table.records)
            width = std::max(width, r.fields.size());
        for (std::size_t c = 0; c < width; ++c)
            pv.columns.push_back(fmt::format("Column {}", c + 1));
    }
    if (options.mapping) {
        pv.mapping = *options.mapping;
    } else {
        // The columns the owner chose for this header before, else the ones found by name;
        // --map changes single fields of either.
        const auto memory = pv.has_header && !options.forget_remembered
                                ? load_remembered(db, kind, pv.columns)
                                : std::nullopt;
        if (memory) {
            pv.mapping = memory->mapping;
            if (options.choices.empty())
                pv.remembered_on = memory->on;
        } else if (pv.has_header) {
            pv.mapping = auto_mapping(kind, pv.columns);
        }
        apply_choices(pv.mapping, options.choices, pv.columns);
    }
    for (std::size_t k = first_data; k < table.records.size(); ++k) {
        if (all_blank(table.records[k]))
            continue;
        ++pv.counts.rows;
        if (pv.sample.size() < sample_rows)
            pv.sample.push_back(table.records[k]);
    }
    pv.problem = mapping_problem(kind, pv.mapping, pv.columns, pv.has_header);
    if (pv.problem.empty() && pv.counts.rows == 0)
        pv.problem = tr("The file names its columns but has no rows to import.");
    if (!pv.problem.empty())
        return pv;

    Checker checker(db, kind, pv);
    for (std::size_t k = first_data; k < table.records.size(); ++k) {
        const CsvRecord& r = table.records[k];
        if (all_blank(r))
            continue;
        Message error = checker.check(r, pv.counts, plan);
        if (error.empty()) {
            ++pv.counts.good;
        } else {
            ++pv.counts.bad;
            pv.errors.push_back({r.line, fmt::format("line {}: {}.", r.line, error.english()),
                                 Message("{}.", error)});
        }
    }
    return pv;
}

void write_plan(Database& db, const Plan& plan) {
    // Stamped with whoever imports, as a save in the window would be (schema version 4).
    const Stamp saved = stamp_now(db.actor());
    sql::Statement add_customer(session(db), R"(
        INSERT INTO customer (name, phone, email, note, added_by) VALUES (?, ?, ?, ?, ?))");
    for (const auto& c : plan.new_customers) {
        add_customer.bind(1, c.name);
        add_customer.bind(2, c.phone);
        add_customer.bind(3, c.email);
        add_customer.bind(4, c.note);
        add_customer.bind(5, saved.by);
        add_customer.exec();
        add_customer.reset();
    }
    // Only blanks are filled: what the owner typed in Rapport is never overwritten.
    // A filled blank is a change to the customer: a new version, so an edit of theirs started
    // before the import is refused instead of blanking it again.
    sql::Statement fill_email(session(db),
                              "UPDATE customer SET email = ?, changed_by = ?, changed_at = ?, "
                              "version = version + 1 WHERE id = ? AND email = ''");
    sql::Statement fill_phone(session(db),
                              "UPDATE customer SET phone = ?, changed_by = ?, changed_at = ?, "
                              "version = version + 1 WHERE id = ? AND phone = ''");
    for (const auto& f : plan.fills) {
        for (auto* st : {&fill_email, &fill_phone}) {
            const std::string& value = st == &fill_email ? f.email : f.phone;
            if (value.empty())
                continue;
            st->bind(1, value);
            bind_stamp(*st, 2, 3, saved);
            st->bind(4, static_cast<std::int64_t>(f.id));
            st->exec();
            st->reset();
        }
    }
    sql::Statement add_purchase(session(db), R"(
        INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp, added_by, added_at)
        VALUES (?, ?, ?, ?, ?, ?))");
    for (const auto& p : plan.purchases) {
        bind_stamp(add_purchase, 5, 6, saved);
        add_purchase.bind(1, static_cast<std::int64_t>(p.customer_id));
        add_purchase.bind(2, format_date(p.on));
        add_purchase.bind(3, static_cast<std::int64_t>(p.amount.cents));
        add_purchase.bind(4, p.margin);
        add_purchase.exec();
        add_purchase.reset();
    }
}

} // namespace

CsvTable read_import_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw DataError(tr("The file {} does not exist."), path.string());
    if (std::filesystem::is_directory(path, ec))
        throw DataError(tr("{} is a folder, not a CSV file."), path.string());
    try {
        return read_csv_file(path);
    } catch (const DataError& e) {
        // read_csv's sentences speak of "the file" or "line 3"; say which file.
        const std::string message = e.what();
        if (message.find(path.string()) != std::string::npos)
            throw;
        throw DataError(Message("{}: {}", path.string(), e.message()));
    }
}

ImportPreview preview_import(Database& db, ImportKind kind, const CsvTable& table,
                             const ImportOptions& options, std::size_t sample_rows) {
    Plan plan;
    return check_all(db, kind, table, options, sample_rows, plan);
}

ImportResult run_import(Database& db, ImportKind kind, const CsvTable& table,
                        const ImportOptions& options) {
    ImportResult result;
    // Staff on a shop's server may not change settings, so their choice is not remembered.
    const bool chose = options.mapping || !options.choices.empty();
    const bool may_remember =
        (chose || options.forget_remembered) && may_do_owner_things(access(db));
    try {
        // Checked inside the write transaction, so no one can add a customer between the
        // matching and the writing.
        WriteTransaction tx(db);
        Plan plan;
        result.preview = check_all(db, kind, table, options, 20, plan);
        const ImportPreview& pv = result.preview;
        if (!pv.problem.empty() || (pv.counts.bad > 0 && !options.skip_bad_rows))
            return result; // the transaction rolls back; nothing was written anyway
        write_plan(db, plan);
        if (may_remember && pv.has_header) {
            if (chose)
                remember_columns(db, kind, pv.columns, pv.mapping,
                                 options.today.value_or(today_local()));
            else
                forget_in_transaction(db, kind, pv.columns);
        }
        tx.commit();
        result.written = true;
    } catch (const sql::Error& e) {
        rethrow_as_data_error(e, tr("import the file"));
    }
    return result;
}

} // namespace rapport::exchange
