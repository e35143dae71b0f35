// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/customer_figures.h"

#include "store/sqlite/connection.h"
#include "store/worth_months.h"

#include <fmt/format.h>

#include <functional>
#include <optional>

namespace rapport::store {

// Every customer's figures counted from the records, in id order: one grouped pass over the
// interactions and one over the accepted resolutions (about 0.5 s for 1M incidents), the same
// text on both backends. The migration keeps it, check compares with it, rebuild replaces.
#define RAPPORT_FIGURES_RECOUNT                                                                    \
    "SELECT c.id, coalesce(i.n, 0), i.last, coalesce(g.s, 0) FROM customer c\n"                    \
    "  LEFT JOIN (SELECT customer_id, count(*) AS n, max(occurred_at) AS last\n"                   \
    "               FROM interaction GROUP BY customer_id) i ON i.customer_id = c.id\n"            \
    "  LEFT JOIN (SELECT i.customer_id, CAST(sum(r.cost) AS bigint) AS s\n"                        \
    "               FROM resolution r JOIN interaction i ON i.id = r.interaction_id\n"             \
    "              WHERE r.status = 'accepted' GROUP BY i.customer_id) g\n"                        \
    "         ON g.customer_id = c.id\n"
#define RAPPORT_FIGURES_FILL                                                                       \
    "INSERT INTO customer_figures (customer_id, complaints, last_contact, "                        \
    "given_back)\n" RAPPORT_FIGURES_RECOUNT ";\n"

// The triggers, on a file. An interaction's accepted resolutions are taken off its customer
// BEFORE it is deleted: its resolutions go by cascade after it, when their own trigger can no
// longer find whose they were (and so changes nothing). last_contact after a delete or a move
// is the newest other interaction, one step down the interaction_by_customer index.
const char* const kCustomerFiguresFileSql = R"(
CREATE TABLE customer_figures (
    customer_id     INTEGER PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    complaints      INTEGER NOT NULL DEFAULT 0,
    last_contact    TEXT,
    given_back      INTEGER NOT NULL DEFAULT 0
);
)" RAPPORT_FIGURES_FILL R"(
CREATE TRIGGER customer_figures_customer AFTER INSERT ON customer BEGIN
    INSERT INTO customer_figures (customer_id) VALUES (new.id);
END;
CREATE TRIGGER customer_figures_interaction_insert AFTER INSERT ON interaction BEGIN
    UPDATE customer_figures
       SET complaints = complaints + 1,
           last_contact = CASE WHEN last_contact IS NULL OR new.occurred_at > last_contact
                               THEN new.occurred_at ELSE last_contact END
     WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER customer_figures_interaction_delete BEFORE DELETE ON interaction BEGIN
    UPDATE customer_figures
       SET complaints = complaints - 1,
           given_back = given_back - (SELECT coalesce(sum(cost), 0) FROM resolution
                                       WHERE interaction_id = old.id AND status = 'accepted'),
           last_contact = (SELECT max(occurred_at) FROM interaction
                            WHERE customer_id = old.customer_id AND id <> old.id)
     WHERE customer_id = old.customer_id;
END;
CREATE TRIGGER customer_figures_interaction_update
AFTER UPDATE OF customer_id, occurred_at ON interaction BEGIN
    UPDATE customer_figures
       SET complaints = complaints - 1,
           given_back = given_back - (SELECT coalesce(sum(cost), 0) FROM resolution
                                       WHERE interaction_id = old.id AND status = 'accepted'),
           last_contact = (SELECT max(occurred_at) FROM interaction
                            WHERE customer_id = old.customer_id AND id <> old.id)
     WHERE customer_id = old.customer_id;
    UPDATE customer_figures
       SET complaints = complaints + 1,
           given_back = given_back + (SELECT coalesce(sum(cost), 0) FROM resolution
                                       WHERE interaction_id = new.id AND status = 'accepted'),
           last_contact = CASE WHEN last_contact IS NULL OR new.occurred_at > last_contact
                               THEN new.occurred_at ELSE last_contact END
     WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER customer_figures_resolution_insert AFTER INSERT ON resolution
WHEN new.status = 'accepted' BEGIN
    UPDATE customer_figures SET given_back = given_back + new.cost
     WHERE customer_id = (SELECT customer_id FROM interaction WHERE id = new.interaction_id);
END;
CREATE TRIGGER customer_figures_resolution_delete AFTER DELETE ON resolution
WHEN old.status = 'accepted' BEGIN
    UPDATE customer_figures SET given_back = given_back - old.cost
     WHERE customer_id = (SELECT customer_id FROM interaction WHERE id = old.interaction_id);
END;
CREATE TRIGGER customer_figures_resolution_update
AFTER UPDATE OF interaction_id, cost, status ON resolution BEGIN
    UPDATE customer_figures
       SET given_back = given_back - CASE WHEN old.status = 'accepted' THEN old.cost ELSE 0 END
     WHERE customer_id = (SELECT customer_id FROM interaction WHERE id = old.interaction_id);
    UPDATE customer_figures
       SET given_back = given_back + CASE WHEN new.status = 'accepted' THEN new.cost ELSE 0 END
     WHERE customer_id = (SELECT customer_id FROM interaction WHERE id = new.interaction_id);
END;
)";

// The same on a server, as PL/pgSQL trigger functions. A BEFORE DELETE trigger must return
// OLD, or the row is not deleted.
const char* const kCustomerFiguresServerSql = R"(
CREATE TABLE customer_figures (
    customer_id     bigint PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    complaints      bigint NOT NULL DEFAULT 0,
    last_contact    text COLLATE "C",
    given_back      bigint NOT NULL DEFAULT 0
);
)" RAPPORT_FIGURES_FILL R"(
CREATE FUNCTION rapport_figures_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.customer_figures (customer_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER customer_figures_customer AFTER INSERT ON customer
    FOR EACH ROW EXECUTE FUNCTION rapport_figures_customer();

CREATE FUNCTION rapport_figures_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    accepted bigint := 0;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT coalesce(sum(cost), 0) INTO accepted FROM public.resolution
         WHERE interaction_id = OLD.id AND status = 'accepted';
        UPDATE public.customer_figures
           SET complaints = complaints - 1, given_back = given_back - accepted,
               last_contact = (SELECT max(occurred_at) FROM public.interaction
                                WHERE customer_id = OLD.customer_id AND id <> OLD.id)
         WHERE customer_id = OLD.customer_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE public.customer_figures
           SET complaints = complaints + 1, given_back = given_back + accepted,
               last_contact = CASE WHEN last_contact IS NULL OR NEW.occurred_at > last_contact
                                   THEN NEW.occurred_at ELSE last_contact END
         WHERE customer_id = NEW.customer_id;
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER customer_figures_interaction_delete BEFORE DELETE ON interaction
    FOR EACH ROW EXECUTE FUNCTION rapport_figures_interaction();
CREATE TRIGGER customer_figures_interaction_change
    AFTER INSERT OR UPDATE OF customer_id, occurred_at ON interaction
    FOR EACH ROW EXECUTE FUNCTION rapport_figures_interaction();

CREATE FUNCTION rapport_figures_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status = 'accepted' THEN
            UPDATE public.customer_figures SET given_back = given_back - OLD.cost
             WHERE customer_id = (SELECT customer_id FROM public.interaction
                                   WHERE id = OLD.interaction_id);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status = 'accepted' THEN
            UPDATE public.customer_figures SET given_back = given_back + NEW.cost
             WHERE customer_id = (SELECT customer_id FROM public.interaction
                                   WHERE id = NEW.interaction_id);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER customer_figures_resolution
    AFTER INSERT OR DELETE OR UPDATE OF interaction_id, cost, status ON resolution
    FOR EACH ROW EXECUTE FUNCTION rapport_figures_resolution();
)";

namespace {

struct Figures {
    std::int64_t complaints = 0;
    std::optional<std::string> last_contact;
    std::int64_t given_back = 0;
};

std::string shown(const std::optional<std::string>& text) {
    return text ? *text : "none";
}

} // namespace

std::vector<std::string> check_customer_figures(Database& db, std::size_t limit) {
    std::vector<std::string> problems = read(db, [&]() -> std::vector<std::string> {
        sql::Session& s = session(db);
        sql::ReadSnapshot snapshot(s);
        // Both sides in id order, compared in one merge pass: no join the planners might take
        // differently, and a kept row without a customer is seen too.
        sql::Statement counted(s, RAPPORT_FIGURES_RECOUNT " ORDER BY c.id");
        sql::Statement kept(s, "SELECT customer_id, complaints, last_contact, given_back "
                               "FROM customer_figures ORDER BY customer_id");
        const auto read_row = [](sql::Statement& st) {
            Figures f;
            f.complaints = st.getColumn(1).getInt64();
            if (!st.getColumn(2).isNull())
                f.last_contact = st.getColumn(2).getString();
            f.given_back = st.getColumn(3).getInt64();
            return f;
        };
        std::vector<std::string> out;
        const auto note = [&](std::string line) {
            if (out.size() < limit)
                out.push_back(std::move(line));
        };
        bool has_counted = counted.executeStep();
        bool has_kept = kept.executeStep();
        while (has_counted || has_kept) {
            const std::int64_t c_id = has_counted ? counted.getColumn(0).getInt64() : INT64_MAX;
            const std::int64_t k_id = has_kept ? kept.getColumn(0).getInt64() : INT64_MAX;
            if (c_id < k_id) {
                note(fmt::format("customer {}: no kept figures", c_id));
                has_counted = counted.executeStep();
                continue;
            }
            if (k_id < c_id) {
                note(fmt::format("kept figures for customer {}, who does not exist", k_id));
                has_kept = kept.executeStep();
                continue;
            }
            const Figures c = read_row(counted), k = read_row(kept);
            if (k.complaints != c.complaints)
                note(fmt::format("customer {}: complaints kept {}, counted {}", c_id, k.complaints,
                                 c.complaints));
            if (k.last_contact != c.last_contact)
                note(fmt::format("customer {}: last contact kept {}, counted {}", c_id,
                                 shown(k.last_contact), shown(c.last_contact)));
            if (k.given_back != c.given_back)
                note(fmt::format("customer {}: money given back kept {}, counted {}", c_id,
                                 format_amount(Money{k.given_back}),
                                 format_amount(Money{c.given_back})));
            has_counted = counted.executeStep();
            has_kept = kept.executeStep();
        }
        return out;
    });
    if (problems.size() < limit) // and the worth sums kept by month
        for (std::string& line : check_worth_months(db, limit - problems.size()))
            problems.push_back(std::move(line));
    return problems;
}

void rebuild_customer_figures(Database& db) {
    write(db, tr("count the customers' figures again"), [&] {
        session(db).exec("DELETE FROM customer_figures;\n" RAPPORT_FIGURES_FILL);
        recount_worth_months(db);
    });
}

void load_then_count_figures(Database& db, const std::function<void()>& load) {
    if (!db.is_server()) {
        load(); // SQLite's triggers cost little beside the insert itself
        return;
    }
    // On the server each trigger is a PL/pgSQL UPDATE of the customer's row: a million of them
    // in one transaction left ever longer chains of row versions to walk (a 1M-incident move
    // was still inserting resolutions after 18 minutes, against 487 s before the triggers).
    // DISABLE TRIGGER is part of the transaction: other connections never see them off.
    constexpr const char* kOff =
        "ALTER TABLE customer DISABLE TRIGGER customer_figures_customer;"
        "ALTER TABLE interaction DISABLE TRIGGER customer_figures_interaction_delete,"
        " DISABLE TRIGGER customer_figures_interaction_change;"
        "ALTER TABLE resolution DISABLE TRIGGER customer_figures_resolution;";
    constexpr const char* kOn =
        "ALTER TABLE customer ENABLE TRIGGER customer_figures_customer;"
        "ALTER TABLE interaction ENABLE TRIGGER customer_figures_interaction_delete,"
        " ENABLE TRIGGER customer_figures_interaction_change;"
        "ALTER TABLE resolution ENABLE TRIGGER customer_figures_resolution;";
    write(db, tr("count the customers' figures again"), [&] {
        sql::Session& s = session(db);
        s.exec(kOff);
        s.exec(kWorthMonthsTriggersOff);
        load();
        s.exec(kOn);
        s.exec(kWorthMonthsTriggersOn);
        s.exec("DELETE FROM customer_figures;\n" RAPPORT_FIGURES_FILL);
        recount_worth_months(db);
    });
}

} // namespace rapport::store
