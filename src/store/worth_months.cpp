// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/worth_months.h"

#include "core/errors.h"
#include "store/sqlite/connection.h"

#include <fmt/format.h>

#include <algorithm>

namespace rapport::store {
namespace {

constexpr const char* kColumns = kWorthMonthColumns;

// What one record adds to or takes from a month: SQL expressions, over new.* or old.*.
struct Part {
    std::string customer;
    std::string month;
    std::string day = "NULL"; // a purchase's or incident's day; NULL for the others
    std::string purchases = "0";
    std::string margin = "0";
    std::string minutes = "0";
    std::string accepted = "0";
    std::string offered = "0";
    // The customer as an expression that stands on its own in a trigger (`customer` may name a
    // column of the FROM that add_on_file is given): the to-date row's update finds it by this.
    std::string owner = customer;
};

// Adds a part to its month, making the month's row if it has none (a trigger's INSERT takes no
// alias: the bare names in DO UPDATE are the row already there). `from` names where
// customer and month come from (a follow-up's incident); without it the row is a constant.
std::string add_to_row(const Part& p, const std::string& from) {
    return fmt::format(R"(
    INSERT INTO customer_worth_month ({})
    SELECT {}, {}, {}, {}, {}, {}, {}, {} {}
    ON CONFLICT (customer_id, month) DO UPDATE SET
        first_day = CASE WHEN excluded.first_day IS NULL THEN first_day
                         WHEN first_day IS NULL OR excluded.first_day < first_day
                         THEN excluded.first_day ELSE first_day END,
        purchases = purchases + excluded.purchases,
        margin_cent_bp = margin_cent_bp + excluded.margin_cent_bp,
        minutes = minutes + excluded.minutes,
        accepted = accepted + excluded.accepted,
        offered = offered + excluded.offered;)",
                       kColumns, p.customer, p.month, p.day, p.purchases, p.margin, p.minutes,
                       p.accepted, p.offered, from);
}

// The part added to its month and, from version 8 (`to_date`), to the customer's to-date row.
std::string add_on_file(const Part& p, const std::string& from, bool to_date) {
    if (!to_date)
        return add_to_row(p, from);
    Part all = p;
    all.month = fmt::format("'{}'", kToDateMonth);
    return add_to_row(p, from) + add_to_row(all, from);
}

// The earliest purchase or incident day left in a customer's month, read again after a record
// left it (one short range on each by-customer index). `except` is an incident still there
// because its trigger runs before the delete.
std::string first_day_on_file(const std::string& customer, const std::string& month,
                              const std::string& except = "0") {
    return fmt::format(R"((SELECT min(d) FROM (
            SELECT min(purchased_on) AS d FROM purchase WHERE customer_id = {0}
               AND purchased_on >= {1} || '-01' AND purchased_on < {1} || '-32'
            UNION ALL
            SELECT substr(min(occurred_at), 1, 10) FROM interaction WHERE customer_id = {0}
               AND occurred_at >= {1} || '-01' AND occurred_at < {1} || '-32' AND id <> {2})))",
                       customer, month, except);
}

// Takes a part off its month. Rows are only ever made by an add, so the row is there; when the
// customer is being deleted it may be gone already, and then nothing is left to take from.
// From version 8 (`to_date`) the part comes off the customer's to-date row too, after its
// month, so that the row's first day, when recounted, is the earliest of the months as they are.
std::string take_on_file(const Part& p, const std::string& where, bool recount_first_day,
                         bool to_date, const std::string& except = "0") {
    const auto take = [&p](const std::string& first_day, const std::string& which) {
        return fmt::format(R"(
    UPDATE customer_worth_month
       SET purchases = purchases - {}, margin_cent_bp = margin_cent_bp - {},
           minutes = minutes - {}, accepted = accepted - {}, offered = offered - {}{}
     WHERE {};)",
                           p.purchases, p.margin, p.minutes, p.accepted, p.offered,
                           first_day.empty() ? first_day : ",\n           first_day = " + first_day,
                           which);
    };
    std::string out =
        take(recount_first_day ? first_day_on_file(p.customer, p.month, except) : "", where);
    if (to_date)
        out += take(recount_first_day
                        ? fmt::format("(SELECT min(first_day) FROM customer_worth_month AS k "
                                      "WHERE k.customer_id = {} AND k.month < '{}')",
                                      p.owner, kToDateMonth)
                        : "",
                    fmt::format("customer_id = {} AND month = '{}'", p.owner, kToDateMonth));
    return out;
}

std::string same_month(const Part& p) {
    return fmt::format("customer_id = {} AND month = {}", p.customer, p.month);
}

// The resolution sums of incident `id`, as they stand.
std::string resolutions_of(const std::string& id, const char* status) {
    return fmt::format("(SELECT coalesce(sum(cost), 0) FROM resolution "
                       "WHERE interaction_id = {} AND status = '{}')",
                       id, status);
}

std::string build_file_sql(bool v6, bool to_date) {
    const auto add = [to_date](const Part& p, const std::string& from = "WHERE true") {
        return add_on_file(p, from, to_date);
    };
    const auto take = [to_date](const Part& p, const std::string& where, bool recount_first_day,
                                const std::string& except = "0") {
        return take_on_file(p, where, recount_first_day, to_date, except);
    };
    const Part old_purchase{"old.customer_id", "substr(old.purchased_on, 1, 7)", "NULL", "1",
                            "old.amount * old.margin_bp"};
    const Part new_purchase{"new.customer_id", "substr(new.purchased_on, 1, 7)", "new.purchased_on",
                            "1", "new.amount * new.margin_bp"};
    const Part old_incident{"old.customer_id",
                            "substr(old.occurred_at, 1, 7)",
                            "NULL",
                            "0",
                            "0",
                            "old.minutes",
                            resolutions_of("old.id", "accepted"),
                            resolutions_of("old.id", "offered")};
    const Part new_incident{"new.customer_id",
                            "substr(new.occurred_at, 1, 7)",
                            "substr(new.occurred_at, 1, 10)",
                            "0",
                            "0",
                            "new.minutes",
                            resolutions_of("new.id", "accepted"),
                            resolutions_of("new.id", "offered")};
    // A resolution counts in its incident's month, found through the incident.
    const auto resolution = [](const char* row) {
        Part p;
        p.customer = "customer_id";
        p.owner =
            fmt::format("(SELECT customer_id FROM interaction WHERE id = {}.interaction_id)", row);
        p.month = "substr(occurred_at, 1, 7)";
        p.accepted = fmt::format("CASE WHEN {0}.status = 'accepted' THEN {0}.cost ELSE 0 END", row);
        p.offered = fmt::format("CASE WHEN {0}.status = 'offered' THEN {0}.cost ELSE 0 END", row);
        return p;
    };
    const auto of_incident = [](const char* row) {
        return fmt::format(
            "(customer_id, month) = (SELECT customer_id, substr(occurred_at, 1, 7) FROM "
            "interaction WHERE id = {}.interaction_id)",
            row);
    };
    const auto from_incident = [](const char* row) {
        return fmt::format("FROM interaction WHERE id = {}.interaction_id", row);
    };
    // A follow-up's minutes count in the month it was done in, for its incident's customer or,
    // from version 6, for the customer it belongs to without an incident (customer_id).
    const auto follow_up_customer = [v6](const char* row) {
        const std::string of_incident =
            fmt::format("(SELECT customer_id FROM interaction WHERE id = {}.interaction_id)", row);
        return v6 ? fmt::format("coalesce({}.customer_id, {})", row, of_incident) : of_incident;
    };
    const auto follow_up = [v6, &follow_up_customer](const char* row) {
        Part p;
        p.customer = v6 ? follow_up_customer(row) : std::string("customer_id");
        p.owner = follow_up_customer(row);
        p.month = fmt::format("substr({}.done_on, 1, 7)", row);
        p.minutes = fmt::format("{}.minutes", row);
        return p;
    };
    const std::string follow_up_from =
        v6 ? fmt::format("WHERE {} IS NOT NULL", follow_up_customer("new")) : from_incident("new");
    const auto follow_up_where = [&follow_up_customer](const char* row) {
        return fmt::format("customer_id = {} AND month = substr({}.done_on, 1, 7)",
                           follow_up_customer(row), row);
    };
    const char* const follow_up_columns =
        v6 ? "interaction_id, customer_id, done_on, minutes" : "interaction_id, done_on, minutes";
    // The done follow-ups of an incident that changes customer go with it, month by month.
    Part moved_follow_ups;
    moved_follow_ups.customer = "new.customer_id";
    moved_follow_ups.owner = "new.customer_id";
    moved_follow_ups.month = "substr(done_on, 1, 7)";
    moved_follow_ups.minutes = "sum(minutes)";
    std::string take_moved = R"(
    UPDATE customer_worth_month
       SET minutes = minutes - (SELECT coalesce(sum(minutes), 0) FROM follow_up
                                 WHERE interaction_id = old.id AND done_on IS NOT NULL
                                   AND substr(done_on, 1, 7) = customer_worth_month.month)
     WHERE customer_id = old.customer_id
       AND month IN (SELECT substr(done_on, 1, 7) FROM follow_up
                      WHERE interaction_id = old.id AND done_on IS NOT NULL);)";
    if (to_date)
        take_moved += fmt::format(R"(
    UPDATE customer_worth_month
       SET minutes = minutes - (SELECT coalesce(sum(minutes), 0) FROM follow_up
                                 WHERE interaction_id = old.id AND done_on IS NOT NULL)
     WHERE customer_id = old.customer_id AND month = '{}';)",
                                  kToDateMonth);

    std::string out = R"(
CREATE TABLE customer_worth_month (
    customer_id     INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    month           TEXT NOT NULL,
    first_day       TEXT,
    purchases       INTEGER NOT NULL DEFAULT 0,
    margin_cent_bp  INTEGER NOT NULL DEFAULT 0,
    minutes         INTEGER NOT NULL DEFAULT 0,
    accepted        INTEGER NOT NULL DEFAULT 0,
    offered         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX purchase_by_day ON purchase (purchased_on);
)";
    out += "CREATE TRIGGER customer_worth_purchase_insert AFTER INSERT ON purchase BEGIN" +
           add(new_purchase) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_purchase_delete AFTER DELETE ON purchase BEGIN" +
           take(old_purchase, same_month(old_purchase), true) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_purchase_update AFTER UPDATE OF customer_id, "
           "purchased_on, amount, margin_bp ON purchase BEGIN" +
           take(old_purchase, same_month(old_purchase), true) + add(new_purchase) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_interaction_insert AFTER INSERT ON interaction BEGIN" +
           add(new_incident) + "\nEND;\n";
    // Before the delete, as for customer_figures: the resolutions and follow-ups go by cascade
    // after it, when their own triggers can no longer find the incident (and change nothing).
    out += "CREATE TRIGGER customer_worth_interaction_delete BEFORE DELETE ON interaction BEGIN" +
           take(old_incident, same_month(old_incident), true, "old.id") + take_moved + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_interaction_update AFTER UPDATE OF customer_id, "
           "occurred_at, minutes ON interaction BEGIN" +
           take(old_incident, same_month(old_incident), true) + add(new_incident) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_interaction_moves AFTER UPDATE OF customer_id ON "
           "interaction WHEN old.customer_id <> new.customer_id BEGIN" +
           take_moved +
           add(moved_follow_ups, "FROM follow_up WHERE interaction_id = new.id AND "
                                 "done_on IS NOT NULL GROUP BY 2") +
           "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_resolution_insert AFTER INSERT ON resolution BEGIN" +
           add(resolution("new"), from_incident("new")) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_resolution_delete AFTER DELETE ON resolution BEGIN" +
           take(resolution("old"), of_incident("old"), false) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_resolution_update AFTER UPDATE OF interaction_id, "
           "cost, status ON resolution BEGIN" +
           take(resolution("old"), of_incident("old"), false) +
           add(resolution("new"), from_incident("new")) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_follow_up_insert AFTER INSERT ON follow_up "
           "WHEN new.done_on IS NOT NULL BEGIN" +
           add(follow_up("new"), follow_up_from) + "\nEND;\n";
    out += "CREATE TRIGGER customer_worth_follow_up_delete AFTER DELETE ON follow_up "
           "WHEN old.done_on IS NOT NULL BEGIN" +
           take(follow_up("old"), follow_up_where("old"), false) + "\nEND;\n";
    out += fmt::format("CREATE TRIGGER customer_worth_follow_up_undone AFTER UPDATE OF {} ON "
                       "follow_up WHEN old.done_on IS NOT NULL BEGIN",
                       follow_up_columns) +
           take(follow_up("old"), follow_up_where("old"), false) + "\nEND;\n";
    out += fmt::format("CREATE TRIGGER customer_worth_follow_up_done AFTER UPDATE OF {} ON "
                       "follow_up WHEN new.done_on IS NOT NULL BEGIN",
                       follow_up_columns) +
           add(follow_up("new"), follow_up_from) + "\nEND;\n";
    return out;
}

// The statements of `sql` that create the triggers named, in the order `sql` has them.
std::string triggers_named(const std::string& sql, const std::vector<std::string_view>& names) {
    constexpr std::string_view kCreate = "CREATE TRIGGER ";
    constexpr std::string_view kEnd = "\nEND;\n";
    std::string out;
    for (std::size_t at = sql.find(kCreate); at != std::string::npos;) {
        const std::size_t end = sql.find(kEnd, at) + kEnd.size();
        const std::size_t name_at = at + kCreate.size();
        const std::string_view name(sql.data() + name_at, sql.find(' ', name_at) - name_at);
        if (std::find(names.begin(), names.end(), name) != names.end())
            out += sql.substr(at, end - at);
        at = sql.find(kCreate, end);
    }
    return out;
}

// Version 5 to 6 on a file: follow_up rebuilt (SQLite's twelve steps for a change ALTER TABLE
// cannot make) so that interaction_id may be NULL and customer_id names the customer of a
// follow-up that belongs to no incident; exactly one of the two is set. Runs inside the
// migration's transaction with the foreign keys on, which is safe here: no table refers to
// follow_up, and every row keeps its id. The triggers on interaction that read follow_up must
// go while it is renamed (SQLite checks them then) and come back unchanged; the follow-up
// triggers are dropped with the old table and come back reading customer_id too.
std::string build_follow_up_owner_file_sql() {
    const std::string v6 = build_file_sql(true, false);
    return R"(
DROP TRIGGER customer_worth_interaction_delete;
DROP TRIGGER customer_worth_interaction_moves;
CREATE TABLE follow_up_v6 (
    id              INTEGER PRIMARY KEY,
    interaction_id  INTEGER REFERENCES interaction (id) ON DELETE CASCADE,
    due_on          TEXT NOT NULL CHECK (due_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note            TEXT NOT NULL DEFAULT '',
    done_on         TEXT CHECK (done_on IS NULL OR done_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outcome         TEXT CHECK (outcome IS NULL OR outcome IN
                        ('satisfied', 'still-unhappy', 'no-answer', 'other')),
    outcome_note    TEXT NOT NULL DEFAULT '',
    minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 100000),
    satisfaction    INTEGER CHECK (satisfaction IS NULL OR
                        (satisfaction BETWEEN 1 AND 5 AND done_on IS NOT NULL)),
    customer_said   TEXT NOT NULL DEFAULT '',
    done_by         TEXT NOT NULL DEFAULT '',
    done_at         TEXT NOT NULL DEFAULT '',
    customer_id     INTEGER REFERENCES customer (id) ON DELETE CASCADE,
    CHECK (done_on IS NOT NULL OR outcome IS NULL),
    CHECK ((interaction_id IS NULL) <> (customer_id IS NULL))
);
INSERT INTO follow_up_v6 (id, interaction_id, due_on, note, done_on, outcome, outcome_note,
                          minutes, satisfaction, customer_said, done_by, done_at)
    SELECT id, interaction_id, due_on, note, done_on, outcome, outcome_note, minutes,
           satisfaction, customer_said, done_by, done_at
      FROM follow_up;
DROP TABLE follow_up;
ALTER TABLE follow_up_v6 RENAME TO follow_up;
CREATE INDEX follow_up_open_by_due ON follow_up (due_on) WHERE done_on IS NULL;
CREATE INDEX follow_up_by_interaction ON follow_up (interaction_id);
CREATE INDEX follow_up_done_by_day ON follow_up (done_on) WHERE done_on IS NOT NULL;
CREATE INDEX follow_up_by_customer ON follow_up (customer_id) WHERE customer_id IS NOT NULL;
)" + triggers_named(v6, {"customer_worth_interaction_delete", "customer_worth_interaction_moves",
                         "customer_worth_follow_up_insert", "customer_worth_follow_up_delete",
                         "customer_worth_follow_up_undone", "customer_worth_follow_up_done"});
}

// The server's adding and taking, which every worth trigger function calls; from version 8
// (`to_date`) each also keeps the customer's to-date row, as a file's triggers do. CREATE OR
// REPLACE: version 4 makes them, version 8 replaces them. In a function of several statements
// each sees what the one before it changed, so the to-date row's first day is recounted from
// the months as they are.
std::string server_add_and_take_sql(bool to_date) {
    const std::string keys = to_date ? fmt::format("(m), ('{}')", kToDateMonth) : "(m)";
    std::string out = fmt::format(R"(
CREATE OR REPLACE FUNCTION rapport_worth_add(c bigint, m text, d text, p bigint, mg bigint,
                                             mi bigint, a bigint, o bigint)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO public.customer_worth_month AS w
           (customer_id, month, first_day, purchases, margin_cent_bp, minutes, accepted, offered)
    SELECT c, k, d, p, mg, mi, a, o FROM (VALUES {}) AS keys (k) WHERE c IS NOT NULL
    ON CONFLICT (customer_id, month) DO UPDATE SET
        first_day = CASE WHEN excluded.first_day IS NULL THEN w.first_day
                         WHEN w.first_day IS NULL OR excluded.first_day < w.first_day
                         THEN excluded.first_day ELSE w.first_day END,
        purchases = w.purchases + excluded.purchases,
        margin_cent_bp = w.margin_cent_bp + excluded.margin_cent_bp,
        minutes = w.minutes + excluded.minutes,
        accepted = w.accepted + excluded.accepted,
        offered = w.offered + excluded.offered
$$;
CREATE OR REPLACE FUNCTION rapport_worth_first_day(c bigint, m text, except_id bigint)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT min(d) FROM (
        SELECT to_char(min(purchased_on), 'YYYY-MM-DD') AS d FROM public.purchase
         WHERE customer_id = c AND purchased_on >= to_date(m || '-01', 'YYYY-MM-DD')
           AND purchased_on < to_date(m || '-01', 'YYYY-MM-DD') + interval '1 month'
        UNION ALL
        SELECT substr(min(occurred_at), 1, 10) FROM public.interaction
         WHERE customer_id = c AND occurred_at >= m || '-01' AND occurred_at < m || '-32'
           AND id <> except_id) AS days
$$;
CREATE OR REPLACE FUNCTION rapport_worth_take(c bigint, m text, p bigint, mg bigint, mi bigint,
                                              a bigint, o bigint, recount_first_day boolean,
                                              except_id bigint)
RETURNS void LANGUAGE sql AS $$
    UPDATE public.customer_worth_month AS w
       SET purchases = w.purchases - p, margin_cent_bp = w.margin_cent_bp - mg,
           minutes = w.minutes - mi, accepted = w.accepted - a, offered = w.offered - o,
           first_day = CASE WHEN recount_first_day
                            THEN public.rapport_worth_first_day(c, m, except_id)
                            ELSE w.first_day END
     WHERE w.customer_id = c AND w.month = m;)",
                                  keys);
    if (to_date)
        out += fmt::format(R"(
    UPDATE public.customer_worth_month AS w
       SET purchases = w.purchases - p, margin_cent_bp = w.margin_cent_bp - mg,
           minutes = w.minutes - mi, accepted = w.accepted - a, offered = w.offered - o,
           first_day = CASE WHEN recount_first_day
                            THEN (SELECT min(k.first_day) FROM public.customer_worth_month AS k
                                   WHERE k.customer_id = c AND k.month < '{0}')
                            ELSE w.first_day END
     WHERE w.customer_id = c AND w.month = '{0}';)",
                           kToDateMonth);
    return out + "\n$$;\n";
}

// Every customer's to-date row, summed from the months (the step to version 8; an older file's
// months are counted from the records after the steps, to-date rows included).
std::string to_date_rows_fill_sql() {
    return fmt::format(R"(
INSERT INTO customer_worth_month ({0})
SELECT customer_id, '{1}', min(first_day), sum(purchases), sum(margin_cent_bp), sum(minutes),
       sum(accepted), sum(offered)
  FROM customer_worth_month GROUP BY customer_id;
)",
                       kColumns, kToDateMonth);
}

// Every worth trigger of a file. A function, not a global: the tests' old-schema texts are built
// while the program starts, maybe before this file's globals are.
const std::vector<std::string_view>& file_triggers() {
    static const std::vector<std::string_view> names = {
        "customer_worth_purchase_insert",    "customer_worth_purchase_delete",
        "customer_worth_purchase_update",    "customer_worth_interaction_insert",
        "customer_worth_interaction_delete", "customer_worth_interaction_update",
        "customer_worth_interaction_moves",  "customer_worth_resolution_insert",
        "customer_worth_resolution_delete",  "customer_worth_resolution_update",
        "customer_worth_follow_up_insert",   "customer_worth_follow_up_delete",
        "customer_worth_follow_up_undone",   "customer_worth_follow_up_done"};
    return names;
}

// Every worth trigger of a file dropped and made again as `version` 7 or 8 has them.
std::string worth_triggers_as_of(int version) {
    std::string out;
    for (const std::string_view name : file_triggers())
        out += fmt::format("DROP TRIGGER {};\n", name);
    return out + triggers_named(build_file_sql(true, version >= 8), file_triggers());
}

// Version 7 to 8 on a file: every worth trigger again, keeping the to-date rows as well.
std::string build_to_date_rows_file_sql() {
    return worth_triggers_as_of(8) + to_date_rows_fill_sql();
}

// On a server: the same, with the adding and taking written once as SQL functions the trigger
// functions call. Months and days from dates by to_char, so a session with another DateStyle
// keeps the same keys. The trigger functions are SECURITY DEFINER (as roles.cpp makes the
// figures' ones): staff may not read the margins in this table, but their saves must keep it.
std::string build_server_sql() {
    return std::string(R"(
CREATE TABLE customer_worth_month (
    customer_id     bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    month           text COLLATE "C" NOT NULL,
    first_day       text COLLATE "C",
    purchases       bigint NOT NULL DEFAULT 0,
    margin_cent_bp  bigint NOT NULL DEFAULT 0,
    minutes         bigint NOT NULL DEFAULT 0,
    accepted        bigint NOT NULL DEFAULT 0,
    offered         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, month)
);
CREATE INDEX purchase_by_day ON purchase (purchased_on);
)") + R"(
)" + server_add_and_take_sql(false) +
           R"(
CREATE FUNCTION rapport_worth_purchase() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM public.rapport_worth_take(OLD.customer_id, to_char(OLD.purchased_on, 'YYYY-MM'),
                                          1, OLD.amount * OLD.margin_bp, 0, 0, 0, true, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM public.rapport_worth_add(NEW.customer_id, to_char(NEW.purchased_on, 'YYYY-MM'),
                                         to_char(NEW.purchased_on, 'YYYY-MM-DD'), 1,
                                         NEW.amount * NEW.margin_bp, 0, 0, 0);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER customer_worth_purchase
    AFTER INSERT OR DELETE OR UPDATE OF customer_id, purchased_on, amount, margin_bp ON purchase
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_purchase();

CREATE FUNCTION rapport_worth_interaction() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    acc bigint := 0;
    off bigint := 0;
    moved boolean := TG_OP = 'DELETE';
BEGIN
    IF TG_OP = 'UPDATE' THEN
        moved := OLD.customer_id <> NEW.customer_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT coalesce(sum(cost) FILTER (WHERE status = 'accepted'), 0),
               coalesce(sum(cost) FILTER (WHERE status = 'offered'), 0)
          INTO acc, off FROM public.resolution WHERE interaction_id = OLD.id;
        PERFORM public.rapport_worth_take(OLD.customer_id, substr(OLD.occurred_at, 1, 7), 0, 0,
                                          OLD.minutes, acc, off, true,
                                          CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE 0 END);
        IF moved THEN
            PERFORM public.rapport_worth_take(OLD.customer_id, f.m, 0, 0, f.mi, 0, 0, false, 0)
               FROM (SELECT to_char(done_on, 'YYYY-MM') AS m, sum(minutes) AS mi
                       FROM public.follow_up WHERE interaction_id = OLD.id
                        AND done_on IS NOT NULL GROUP BY 1) AS f;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM public.rapport_worth_add(NEW.customer_id, substr(NEW.occurred_at, 1, 7),
                                     substr(NEW.occurred_at, 1, 10), 0, 0, NEW.minutes, acc, off);
    IF TG_OP = 'UPDATE' AND moved THEN
        PERFORM public.rapport_worth_add(NEW.customer_id, f.m, NULL, 0, 0, f.mi, 0, 0)
           FROM (SELECT to_char(done_on, 'YYYY-MM') AS m, sum(minutes) AS mi
                   FROM public.follow_up WHERE interaction_id = NEW.id
                    AND done_on IS NOT NULL GROUP BY 1) AS f;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER customer_worth_interaction_delete BEFORE DELETE ON interaction
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_interaction();
CREATE TRIGGER customer_worth_interaction_change
    AFTER INSERT OR UPDATE OF customer_id, occurred_at, minutes ON interaction
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_interaction();

CREATE FUNCTION rapport_worth_resolution() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM public.rapport_worth_take(i.customer_id, substr(i.occurred_at, 1, 7), 0, 0, 0,
                    CASE WHEN OLD.status = 'accepted' THEN OLD.cost ELSE 0 END,
                    CASE WHEN OLD.status = 'offered' THEN OLD.cost ELSE 0 END, false, 0)
           FROM public.interaction i WHERE i.id = OLD.interaction_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM public.rapport_worth_add(i.customer_id, substr(i.occurred_at, 1, 7), NULL, 0, 0, 0,
                    CASE WHEN NEW.status = 'accepted' THEN NEW.cost ELSE 0 END,
                    CASE WHEN NEW.status = 'offered' THEN NEW.cost ELSE 0 END)
           FROM public.interaction i WHERE i.id = NEW.interaction_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER customer_worth_resolution
    AFTER INSERT OR DELETE OR UPDATE OF interaction_id, cost, status ON resolution
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_resolution();

CREATE FUNCTION rapport_worth_follow_up() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.done_on IS NOT NULL THEN
        PERFORM public.rapport_worth_take(i.customer_id, to_char(OLD.done_on, 'YYYY-MM'), 0, 0,
                                          OLD.minutes, 0, 0, false, 0)
           FROM public.interaction i WHERE i.id = OLD.interaction_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.done_on IS NOT NULL THEN
        PERFORM public.rapport_worth_add(i.customer_id, to_char(NEW.done_on, 'YYYY-MM'), NULL, 0,
                                         0, NEW.minutes, 0, 0)
           FROM public.interaction i WHERE i.id = NEW.interaction_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER customer_worth_follow_up
    AFTER INSERT OR DELETE OR UPDATE OF interaction_id, done_on, minutes ON follow_up
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_follow_up();
)";
}

// Version 5 to 6 on a server: the same follow_up as on a file (interaction_id or customer_id,
// exactly one), and its worth trigger finding the customer either way.
constexpr const char* kFollowUpOwnerServerSql = R"(
ALTER TABLE follow_up
    ADD COLUMN customer_id bigint REFERENCES customer (id) ON DELETE CASCADE,
    ALTER COLUMN interaction_id DROP NOT NULL,
    ADD CONSTRAINT follow_up_one_owner CHECK ((interaction_id IS NULL) <> (customer_id IS NULL));
CREATE INDEX follow_up_by_customer ON follow_up (customer_id) WHERE customer_id IS NOT NULL;
CREATE OR REPLACE FUNCTION rapport_worth_follow_up() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.done_on IS NOT NULL THEN
        PERFORM public.rapport_worth_take(
            coalesce(OLD.customer_id, (SELECT i.customer_id FROM public.interaction i
                                        WHERE i.id = OLD.interaction_id)),
            to_char(OLD.done_on, 'YYYY-MM'), 0, 0, OLD.minutes, 0, 0, false, 0);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.done_on IS NOT NULL THEN
        PERFORM public.rapport_worth_add(
            coalesce(NEW.customer_id, (SELECT i.customer_id FROM public.interaction i
                                        WHERE i.id = NEW.interaction_id)),
            to_char(NEW.done_on, 'YYYY-MM'), NULL, 0, 0, NEW.minutes, 0, 0);
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER customer_worth_follow_up ON follow_up;
CREATE TRIGGER customer_worth_follow_up
    AFTER INSERT OR DELETE OR UPDATE OF interaction_id, customer_id, done_on, minutes ON follow_up
    FOR EACH ROW EXECUTE FUNCTION rapport_worth_follow_up();
)";

} // namespace

const char* worth_months_file_sql() {
    static const std::string sql = build_file_sql(false, false);
    return sql.c_str();
}

const char* follow_up_owner_file_sql() {
    static const std::string sql = build_follow_up_owner_file_sql();
    return sql.c_str();
}

const char* follow_up_owner_server_sql() {
    return kFollowUpOwnerServerSql;
}

const char* version_5_follow_up_triggers_file_sql() {
    static const std::string sql =
        triggers_named(build_file_sql(false, false),
                       {"customer_worth_interaction_delete", "customer_worth_interaction_moves",
                        "customer_worth_follow_up_insert", "customer_worth_follow_up_delete",
                        "customer_worth_follow_up_undone", "customer_worth_follow_up_done"});
    return sql.c_str();
}

const char* to_date_rows_file_sql() {
    static const std::string sql = build_to_date_rows_file_sql();
    return sql.c_str();
}

const char* to_date_rows_server_sql() {
    static const std::string sql = server_add_and_take_sql(true) + to_date_rows_fill_sql();
    return sql.c_str();
}

const char* version_7_worth_triggers_file_sql() {
    static const std::string sql = worth_triggers_as_of(7);
    return sql.c_str();
}

const char* version_7_worth_functions_server_sql() {
    static const std::string sql = server_add_and_take_sql(false);
    return sql.c_str();
}

const char* worth_months_server_sql() {
    static const std::string sql = build_server_sql();
    return sql.c_str();
}

const char* const kWorthMonthsTriggersOff =
    "ALTER TABLE purchase DISABLE TRIGGER customer_worth_purchase;"
    "ALTER TABLE interaction DISABLE TRIGGER customer_worth_interaction_delete,"
    " DISABLE TRIGGER customer_worth_interaction_change;"
    "ALTER TABLE resolution DISABLE TRIGGER customer_worth_resolution;"
    "ALTER TABLE follow_up DISABLE TRIGGER customer_worth_follow_up;";
const char* const kWorthMonthsTriggersOn =
    "ALTER TABLE purchase ENABLE TRIGGER customer_worth_purchase;"
    "ALTER TABLE interaction ENABLE TRIGGER customer_worth_interaction_delete,"
    " ENABLE TRIGGER customer_worth_interaction_change;"
    "ALTER TABLE resolution ENABLE TRIGGER customer_worth_resolution;"
    "ALTER TABLE follow_up ENABLE TRIGGER customer_worth_follow_up;";

} // namespace rapport::store
