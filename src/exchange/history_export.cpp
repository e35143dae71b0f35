// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/history_export.h"
#include "store/sqlite/connection.h"

#include "core/atomic_file.h"
#include "core/csv_writer.h"
#include "core/errors.h"
#include "core/settings.h"
#include "exchange/json_money.h"
#include "exchange/json_writer.h"
#include "store/roles.h"
#include "store/settings_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <span>
#include <vector>

namespace rapport::exchange {
using namespace rapport::store;
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// How a column is written. Money and margins are integers in the database (cents, basis
// points); both come out as numbers with two decimals: 12.50 (money), 37.50 (percent).
enum class Kind { integer, money, percent, text, flag };

struct Column {
    const char* name;
    Kind kind;
};

struct Table {
    const char* file;
    const char* sql; // selects the columns in order, ordered so children follow their parent
    std::vector<Column> columns;
};

const Table kCustomers{
    "customers.csv",
    "SELECT id, name, phone, email, note, referred_by, came_anyway, referral_reward, archived, "
    "created_at, preferred_channel, preferred_time, wants_when_wrong FROM customer ORDER BY id",
    {{"id", Kind::integer},
     {"name", Kind::text},
     {"phone", Kind::text},
     {"email", Kind::text},
     {"note", Kind::text},
     {"referred_by", Kind::integer},
     {"came_anyway", Kind::flag},
     {"referral_reward", Kind::money},
     {"archived", Kind::flag},
     {"created_at", Kind::text},
     {"preferred_channel", Kind::text}, // '' when not known (core/contact_profile.h)
     {"preferred_time", Kind::text},
     {"wants_when_wrong", Kind::text}}};

const Table kTags{"tags.csv",
                  "SELECT id, name FROM tag ORDER BY id",
                  {{"id", Kind::integer}, {"name", Kind::text}}};

const Table kCustomerTags{
    "customer_tags.csv",
    "SELECT customer_id, tag_id FROM customer_tag ORDER BY customer_id, tag_id",
    {{"customer_id", Kind::integer}, {"tag_id", Kind::integer}}};

const Table kInteractions{
    "interactions.csv",
    "SELECT id, customer_id, occurred_at, channel, category, severity, summary, asked_for, "
    "minutes, escalated_to, lesson, listened, empathised, apologised, offered_solutions, "
    "agreed_follow_up FROM interaction ORDER BY id",
    {{"id", Kind::integer},
     {"customer_id", Kind::integer},
     {"occurred_at", Kind::text},
     {"channel", Kind::text},
     {"category", Kind::text},
     {"severity", Kind::integer},
     {"summary", Kind::text},
     {"asked_for", Kind::text},
     {"minutes", Kind::integer},
     {"escalated_to", Kind::text},
     {"lesson", Kind::text},
     {"listened", Kind::flag},
     {"empathised", Kind::flag},
     {"apologised", Kind::flag},
     {"offered_solutions", Kind::flag},
     {"agreed_follow_up", Kind::flag}}};

const Table kResolutions{
    "resolutions.csv",
    "SELECT id, interaction_id, type, cost, status FROM resolution ORDER BY interaction_id, id",
    {{"id", Kind::integer},
     {"interaction_id", Kind::integer},
     {"type", Kind::text},
     {"cost", Kind::money},
     {"status", Kind::text}}};

// A follow-up belongs to an incident (interaction_id) or, with none, to a customer alone
// (customer_id, schema version 6): exactly one of the two is filled in. The CSV file has them
// all, those of no incident first; the JSON document nests each under its incident or its
// customer.
#define RAPPORT_FOLLOW_UP_COLUMNS                                                                  \
    "SELECT id, interaction_id, due_on, note, done_on, outcome, outcome_note, minutes, "           \
    "satisfaction, customer_said, customer_id FROM follow_up "
const std::vector<Column> kFollowUpColumns{
    {"id", Kind::integer},           {"interaction_id", Kind::integer},
    {"due_on", Kind::text},          {"note", Kind::text},
    {"done_on", Kind::text},         {"outcome", Kind::text},
    {"outcome_note", Kind::text},    {"minutes", Kind::integer},
    {"satisfaction", Kind::integer}, {"customer_said", Kind::text},
    {"customer_id", Kind::integer}};
const Table kFollowUps{"follow_ups.csv",
                       RAPPORT_FOLLOW_UP_COLUMNS "ORDER BY coalesce(interaction_id, 0), id",
                       kFollowUpColumns};
const Table kIncidentFollowUps{
    "", RAPPORT_FOLLOW_UP_COLUMNS "WHERE interaction_id IS NOT NULL ORDER BY interaction_id, id",
    kFollowUpColumns};
const Table kCustomerFollowUps{
    "", RAPPORT_FOLLOW_UP_COLUMNS "WHERE customer_id IS NOT NULL ORDER BY customer_id, id",
    kFollowUpColumns};
constexpr int kFollowUpCustomerColumn = 10;

const Table kPurchases{
    "purchases.csv",
    "SELECT id, customer_id, purchased_on, amount, margin_bp FROM purchase ORDER BY id",
    {{"id", Kind::integer},
     {"customer_id", Kind::integer},
     {"purchased_on", Kind::text},
     {"amount", Kind::money},
     {"margin_percent", Kind::percent}}};

const Table kCategoryDefaults{
    "category_defaults.csv",
    "SELECT category, resolution_type, cost FROM category_default ORDER BY category",
    {{"category", Kind::text}, {"resolution_type", Kind::text}, {"cost", Kind::money}}};

void write_csv_cell(CsvWriter& csv, const sql::Column& c, Kind kind) {
    if (c.isNull()) {
        csv.text(""); // an empty cell: no referrer, not done yet, no outcome
        return;
    }
    switch (kind) {
    case Kind::integer:
    case Kind::flag:
        csv.number(c.getInt64());
        return;
    case Kind::money:
    case Kind::percent: // basis points are hundredths of a percent: the same two decimals
        csv.amount(Money{c.getInt64()});
        return;
    case Kind::text:
        csv.text(c.getText());
        return;
    }
}

void write_json_cell(JsonWriter& w, const sql::Column& c, Kind kind) {
    if (c.isNull()) {
        w.null();
        return;
    }
    switch (kind) {
    case Kind::integer:
        w.value(c.getInt64());
        return;
    case Kind::flag:
        w.value(c.getInt64() != 0);
        return;
    case Kind::money:
    case Kind::percent:
        w.value(Money{c.getInt64()});
        return;
    case Kind::text:
        w.value(c.getText());
        return;
    }
}

// A record's keys in the order nlohmann writes them (sorted), its columns and the arrays of
// its children (a customer's tags, an incident's resolutions and follow-ups) among them: the
// order is worked out once per table, not per row.
class RowLayout {
public:
    RowLayout(const Table& t, std::vector<const char*> children) : m_table(t) {
        for (std::size_t k = 0; k < t.columns.size(); ++k)
            m_keys.push_back({t.columns[k].name, int(k)});
        for (std::size_t k = 0; k < children.size(); ++k)
            m_keys.push_back({children[k], -1 - int(k)});
        std::sort(m_keys.begin(), m_keys.end(), [](const Key& a, const Key& b) {
            return std::string_view(a.name) < std::string_view(b.name);
        });
    }
    // Writes the current row of `st` as one object; `child(k, w)` writes child array k.
    template <typename Child>
    void write(JsonWriter& w, const sql::Statement& st, Child&& child) const {
        w.begin_object();
        for (const Key& k : m_keys) {
            w.key(k.name);
            if (k.column >= 0)
                write_json_cell(w, st.getColumn(k.column),
                                m_table.columns[std::size_t(k.column)].kind);
            else
                child(std::size_t(-1 - k.column), w);
        }
        w.end_object();
    }
    void write(JsonWriter& w, const sql::Statement& st) const {
        write(w, st, [](std::size_t, JsonWriter&) {});
    }

private:
    struct Key {
        const char* name;
        int column; // or -1 - the child's index
    };
    const Table& m_table;
    std::vector<Key> m_keys;
};

std::int64_t write_table_csv(Database& db, const Table& t, const fs::path& dir,
                             const CsvWriterOptions& options) {
    std::int64_t rows = 0;
    write_file_atomically(dir / t.file, [&](std::ostream& os) {
        CsvWriter csv(os, options);
        for (const auto& c : t.columns)
            csv.text(c.name);
        csv.end_row();
        sql::Statement st(session(db), t.sql, sql::Rows::many);
        while (st.executeStep()) {
            for (std::size_t k = 0; k < t.columns.size(); ++k)
                write_csv_cell(csv, st.getColumn(int(k)), t.columns[k].kind);
            csv.end_row();
            ++rows;
        }
        csv.finish();
    });
    return rows;
}

// Every setting with its effective value (defaults included), so the export is complete.
std::vector<std::pair<std::string, std::string>> settings_rows(Database& db) {
    const Settings s = SettingsStore(db).load();
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& k : setting_keys())
        out.emplace_back(std::string(k.key), setting_value(s, k.key));
    return out;
}

// The rows of a child table that belong to the parent being written: the parent and child
// statements are both ordered by the parent's id, so one pass over each does the join.
class Children {
public:
    Children(Database& db, const Table& t, int parent_column)
        : m_layout(t, {}), m_st(session(db), t.sql, sql::Rows::many),
          m_parent_column(parent_column) {
        m_has = m_st.executeStep();
    }
    // Writes the parent's children as an array; `row` writes one of them (by default the
    // whole row as an object).
    template <typename Row>
    void write(JsonWriter& w, std::int64_t parent, std::int64_t& count, Row&& row) {
        w.begin_array();
        while (m_has && m_st.getColumn(m_parent_column).getInt64() <= parent) {
            if (m_st.getColumn(m_parent_column).getInt64() == parent) {
                row(w, m_st);
                ++count;
            }
            m_has = m_st.executeStep();
        }
        w.end_array();
    }
    void write(JsonWriter& w, std::int64_t parent, std::int64_t& count) {
        write(w, parent, count,
              [this](JsonWriter& out, const sql::Statement& st) { m_layout.write(out, st); });
    }

private:
    RowLayout m_layout;
    sql::Statement m_st;
    int m_parent_column;
    bool m_has = false;
};

// Streams one JSON array of records: "name": [\n{...},\n{...}\n], each record on a line of
// its own; `child(k, id, w)` writes the record's child array k (`id`: the first column).
template <typename Child>
std::int64_t write_json_array(JsonWriter& w, Database& db, const char* name, const Table& t,
                              std::vector<const char*> children, Child&& child) {
    w.raw(",\n").value(name).raw(": [");
    const RowLayout layout(t, std::move(children));
    sql::Statement st(session(db), t.sql, sql::Rows::many);
    std::int64_t rows = 0;
    while (st.executeStep()) {
        w.raw(rows++ == 0 ? "\n" : ",\n");
        layout.write(w, st, [&](std::size_t k, JsonWriter& out) {
            child(k, st.getColumn(0).getInt64(), out);
        });
    }
    w.raw(rows == 0 ? "]" : "\n]");
    return rows;
}

std::int64_t write_json_array(JsonWriter& w, Database& db, const char* name, const Table& t) {
    return write_json_array(w, db, name, t, {}, [](std::size_t, std::int64_t, JsonWriter&) {});
}

} // namespace

HistoryCounts export_history_csv(Database& db, const fs::path& dir,
                                 std::optional<CsvDialect> dialect) {
    store::require_owner(db, tr("export all data")); // it holds the purchases' margins
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        throw DataError(tr("{} is a file; choose a folder for the history files."), dir.string());
    }
    ensure_private_directory(dir);
    // One read transaction: every file shows the same moment, even if the window saves
    // something meanwhile.
    sql::ReadSnapshot snapshot(session(db));
    CsvWriterOptions options;
    options.dialect = dialect ? *dialect : effective_csv_dialect(SettingsStore(db).load());
    HistoryCounts n;
    n.customers = write_table_csv(db, kCustomers, dir, options);
    n.tags = write_table_csv(db, kTags, dir, options);
    n.customer_tags = write_table_csv(db, kCustomerTags, dir, options);
    n.interactions = write_table_csv(db, kInteractions, dir, options);
    n.resolutions = write_table_csv(db, kResolutions, dir, options);
    n.follow_ups = write_table_csv(db, kFollowUps, dir, options);
    n.purchases = write_table_csv(db, kPurchases, dir, options);
    n.category_defaults = write_table_csv(db, kCategoryDefaults, dir, options);
    const auto settings = settings_rows(db);
    write_file_atomically(dir / "settings.csv", [&](std::ostream& os) {
        CsvWriter csv(os, options);
        csv.header({"key", "value"});
        for (const auto& [key, value] : settings)
            csv.row({key, value});
        csv.finish();
    });
    n.settings = std::int64_t(settings.size());
    return n; // the snapshot only read: its rollback changes nothing
}

HistoryCounts export_history_json(Database& db, const fs::path& file,
                                  const std::string& exported_at) {
    store::require_owner(db, tr("export all data")); // it holds the purchases' margins
    sql::ReadSnapshot snapshot(session(db));
    HistoryCounts n;
    write_file_atomically(file, [&](std::ostream& os) {
        json settings = json::object();
        for (const auto& [key, value] : settings_rows(db))
            settings[key] = value;
        n.settings = std::int64_t(settings.size());
        JsonWriter w(os);
        w.raw("{\"format_version\": ")
            .value(std::int64_t(kHistoryFormatVersion))
            .raw(",\n\"application\": ")
            .value(std::string("Rapport ") + RAPPORT_VERSION)
            .raw(",\n\"exported_at\": ")
            .value(exported_at)
            .raw(",\n\"settings\": ")
            .piece(settings);
        n.category_defaults = write_json_array(w, db, "category_defaults", kCategoryDefaults);

        // Tags travel with their customer, by name, as the window shows them.
        const Table tag_names{"",
                              "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON "
                              "t.id = ct.tag_id ORDER BY ct.customer_id, t.name COLLATE NOCASE",
                              {{"customer_id", Kind::integer}, {"name", Kind::text}}};
        Children tags(db, tag_names, 0);
        Children calls(db, kCustomerFollowUps, kFollowUpCustomerColumn);
        n.customers = write_json_array(
            w, db, "customers", kCustomers, {"tags", "follow_ups"},
            [&](std::size_t k, std::int64_t id, JsonWriter& out) {
                if (k == 1) {
                    calls.write(out, id, n.follow_ups);
                    return;
                }
                tags.write(out, id, n.customer_tags, [](JsonWriter& o, const sql::Statement& st) {
                    write_json_cell(o, st.getColumn(1), Kind::text);
                });
            });
        n.tags = sql::scalar(session(db), "SELECT count(*) FROM tag").getInt64();

        Children resolutions(db, kResolutions, 1);
        Children follow_ups(db, kIncidentFollowUps, 1);
        n.interactions =
            write_json_array(w, db, "interactions", kInteractions, {"resolutions", "follow_ups"},
                             [&](std::size_t k, std::int64_t id, JsonWriter& out) {
                                 if (k == 0)
                                     resolutions.write(out, id, n.resolutions);
                                 else
                                     follow_ups.write(out, id, n.follow_ups);
                             });
        n.purchases = write_json_array(w, db, "purchases", kPurchases);
        w.raw("\n}\n");
        w.finish();
    });
    return n;
}

} // namespace rapport::exchange
