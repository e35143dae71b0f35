// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/accountant_export.h"
#include "store/sqlite/connection.h"

#include "core/atomic_file.h"
#include "core/csv_writer.h"
#include "core/errors.h"
#include "store/roles.h"
#include "store/settings_store.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <array>
#include <map>

namespace rapport::exchange {
using namespace rapport::store;
namespace {

// Accepted resolutions that cost money, by the incident's day. Text order of occurred_at is
// time order, so the range is a plain index range on interaction_by_time, and that index
// already yields (occurred_at, id) order: no sort step, rows stream as SQLite finds them.
constexpr const char* kRowsSql = R"(
    SELECT i.occurred_at, c.name, c.id, i.id, i.category, r.type, r.cost, i.summary
      FROM interaction i
      JOIN resolution r ON r.interaction_id = i.id
      JOIN customer c ON c.id = i.customer_id
     WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2
       AND r.status = 'accepted' AND r.cost > 0
     ORDER BY i.occurred_at, i.id, r.id)";

// The range as bounds on the stored "YYYY-MM-DDTHH:MM" text: [from, the day after to).
void bind_range(sql::Statement& st, Date from, Date to) {
    st.bind(1, format_date(from));
    st.bind(2, format_date(add_days(to, 1)));
}

int digits(const char* p, int n) {
    int v = 0;
    for (int k = 0; k < n; ++k)
        v = v * 10 + (p[k] - '0');
    return v;
}

// The day of a stored moment; the schema's GLOB check guarantees the digits are there.
Date day_of(std::string_view stored) {
    const char* text = stored.data();
    return Date{date::year{digits(text, 4)}, date::month{unsigned(digits(text + 5, 2))},
                date::day{unsigned(digits(text + 8, 2))}};
}

template <typename E> E from_key(std::span<const EnumEntry<E>> table, std::string_view key) {
    for (const auto& entry : table) {
        if (entry.key == key)
            return entry.value;
    }
    return E::other; // the schema allows only known keys; a future one is shown as "other"
}

std::size_t type_index(ResolutionType t) {
    const auto types = all_resolution_types();
    for (std::size_t k = 0; k < types.size(); ++k) {
        if (types[k].value == t)
            return k;
    }
    return types.size() - 1;
}

// Adds rows up as they stream by: an array slot per resolution type and a small map of months.
class TotalsBuilder {
public:
    void add(Date day, ResolutionType type, Money amount, std::size_t count = 1) {
        auto& t = m_types[type_index(type)];
        t.rows += count;
        t.amount += amount;
        const int key = int(day.year()) * 12 + int(unsigned(day.month())) - 1;
        if (m_last == nullptr || key != m_last_key) {
            m_last = &m_months[key]; // a node's address never changes in a std::map
            m_last_key = key;
        }
        m_last->rows += count;
        m_last->amount += amount;
    }
    AccountantTotals build() const {
        AccountantTotals out;
        const auto types = all_resolution_types();
        for (std::size_t k = 0; k < types.size(); ++k) {
            if (m_types[k].rows == 0)
                continue;
            out.by_type.push_back({types[k].value, m_types[k].rows, m_types[k].amount});
            out.rows += m_types[k].rows;
            out.total += m_types[k].amount;
        }
        for (const auto& [key, slot] : m_months)
            out.by_month.push_back({key / 12, unsigned(key % 12) + 1, slot.rows, slot.amount});
        return out;
    }

private:
    struct Slot {
        std::size_t rows = 0;
        Money amount;
    };
    std::array<Slot, 8> m_types{};
    std::map<int, Slot> m_months; // year * 12 + month - 1
    // Rows arrive in date order, so the month is nearly always the last one touched.
    int m_last_key = 0;
    Slot* m_last = nullptr;
};

} // namespace

std::string AccountantMonthTotal::label() const {
    return fmt::format("{:04}-{:02}", year, month);
}

void check_export_range(Date from, Date to) {
    if (!from.ok() || !to.ok())
        throw InputError(tr("The export needs two real days, from and to."));
    if (from > to) {
        throw InputError(tr("The range starts on {} but ends earlier, on {}; the first "
                            "day must not be after the last."),
                         format_date(from), format_date(to));
    }
}

const std::vector<std::string_view>& accountant_columns() {
    static const std::vector<std::string_view> columns = {
        "date",   "customer", "customer id", "interaction id", "category", "resolution type",
        "amount", "currency", "summary"};
    return columns;
}

AccountantTotals for_each_accountant_row(Database& db, Date from, Date to,
                                         const std::function<void(const AccountantRow&)>& row) {
    check_export_range(from, to);
    store::require_owner(db, tr("export for the accountant"));
    sql::Statement st(session(db), kRowsSql);
    bind_range(st, from, to);
    TotalsBuilder totals;
    AccountantRow r;
    while (st.executeStep()) {
        const sql::Column name = st.getColumn(1);
        const sql::Column summary = st.getColumn(7);
        r.date = day_of(st.getColumn(0).getText());
        r.customer = name.getText();
        r.customer_id = st.getColumn(2).getInt64();
        r.interaction_id = st.getColumn(3).getInt64();
        r.category = from_key(all_categories(), st.getColumn(4).getText());
        r.type = from_key(all_resolution_types(), st.getColumn(5).getText());
        r.amount = Money{st.getColumn(6).getInt64()};
        r.summary = summary.getText();
        totals.add(r.date, r.type, r.amount);
        row(r);
    }
    return totals.build();
}

AccountantTotals accountant_totals(Database& db, Date from, Date to) {
    check_export_range(from, to);
    sql::Statement st(session(db), R"(
        SELECT substr(i.occurred_at, 1, 7) || '-01', r.type, count(*), sum(r.cost)
          FROM interaction i JOIN resolution r ON r.interaction_id = i.id
         WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2
           AND r.status = 'accepted' AND r.cost > 0
         GROUP BY 1, 2 ORDER BY 1)");
    bind_range(st, from, to);
    TotalsBuilder totals;
    while (st.executeStep()) {
        totals.add(day_of(st.getColumn(0).getText()),
                   from_key(all_resolution_types(), st.getColumn(1).getText()),
                   Money{st.getColumn(3).getInt64()}, std::size_t(st.getColumn(2).getInt64()));
    }
    return totals.build();
}

AccountantExportResult export_accountant(Database& db, Date from, Date to, AccountantFormat format,
                                         const std::filesystem::path& out,
                                         std::optional<CsvDialect> dialect) {
    check_export_range(from, to);
    store::require_owner(db, tr("export for the accountant"));
    AccountantExportResult result;
    const Settings settings = SettingsStore(db).load();
    result.currency = settings.currency;
    result.dialect = dialect ? *dialect : effective_csv_dialect(settings);
    if (format == AccountantFormat::xlsx) {
        write_file_atomically_via_path(out, [&](const std::filesystem::path& temp) {
            result.totals = write_accountant_xlsx(db, from, to, result.currency, temp);
        });
        return result;
    }
    write_file_atomically(out, [&](std::ostream& os) {
        CsvWriterOptions options;
        options.dialect = result.dialect;
        CsvWriter csv(os, options);
        const auto& c = accountant_columns();
        csv.header({c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
        const std::string_view currency = result.currency;
        result.totals = for_each_accountant_row(db, from, to, [&](const AccountantRow& r) {
            csv.date(r.date)
                .text(r.customer)
                .number(r.customer_id)
                .number(r.interaction_id)
                .text(to_label(r.category))
                .text(to_label(r.type))
                .amount(r.amount)
                .text(currency)
                .text(r.summary);
            csv.end_row();
        });
        csv.finish();
    });
    return result;
}

} // namespace rapport::exchange
