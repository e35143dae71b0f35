// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL schema on a throwaway server: the same CHECK rules and cascades as the file's,
// names ordered as SQLite's NOCASE orders them, and a search that finds what FTS5 finds.
#include "../support/pg_server.h"
#include "../support/temp_dir.h"
#include "store/customer_figures.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/followups.h"
#include "store/interactions.h"
#include "store/move_in.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/schema_postgres.h"
#include "store/sqlite/connection.h"
#include "store/worth_months.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace rapport;
using store::sql::Error;
using store::sql::Failure;
using store::sql::Session;
using store::sql::Statement;
using test::TempDir;

namespace {

// A fresh database with the schema, or null (skipped, with the reason) without PostgreSQL.
std::unique_ptr<store::PgSession> schema_session() {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return nullptr;
    }
    auto s = store::connect_postgres(server->create_database());
    s->exec(store::kPostgresSchemaSql); // one implicit transaction: all of it or nothing
    return s;
}

Failure failure_of(Session& s, const std::string& sql) {
    try {
        s.exec(sql);
    } catch (const Error& e) {
        UNSCOPED_INFO(sql << ": " << e.what());
        return e.failure();
    }
    UNSCOPED_INFO(sql);
    FAIL("accepted");
    return Failure::other;
}

std::int64_t count(Session& s, const std::string& sql) {
    return store::sql::scalar(s, sql).getInt64();
}

std::vector<std::string> column(Session& s, const std::string& sql) {
    Statement st(s, sql);
    std::vector<std::string> out;
    while (st.executeStep())
        out.push_back(st.getColumn(0).getString());
    return out;
}

} // namespace

TEST_CASE("PostgreSQL schema: the CHECK rules of the file refuse the same rows", "[pg]") {
    auto s = schema_session();
    if (!s)
        return;
    CHECK(store::sql::scalar(*s, "SELECT value FROM rapport_meta WHERE key = 'schema_version'")
              .getString() == "1");
    s->exec("INSERT INTO customer (id, name) VALUES (1, 'Anna')");
    s->exec("INSERT INTO interaction (id, customer_id, occurred_at, channel, category, summary) "
            "VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late')");
    const auto refused = [&](const std::string& sql) { return failure_of(*s, sql); };
    CHECK(refused("INSERT INTO customer (name) VALUES ('  ')") == Failure::constraint);
    CHECK(refused("INSERT INTO customer (name, archived) VALUES ('B', 2)") == Failure::constraint);
    CHECK(refused("INSERT INTO customer (name, referral_reward) VALUES ('B', -1)") ==
          Failure::constraint);
    CHECK(refused("UPDATE customer SET referred_by = id") == Failure::constraint);
    CHECK(refused("INSERT INTO interaction (customer_id, occurred_at, channel, category, summary) "
                  "VALUES (1, '2026-03-02 10:00', 'phone', 'delay', 'x')") == Failure::constraint);
    CHECK(refused("INSERT INTO interaction (customer_id, occurred_at, channel, category, summary) "
                  "VALUES (1, '2026-03-02T10:00', 'fax', 'delay', 'x')") == Failure::constraint);
    CHECK(refused("INSERT INTO interaction (customer_id, occurred_at, channel, category, summary) "
                  "VALUES (2, '2026-03-02T10:00', 'phone', 'delay', 'x')") ==
          Failure::constraint); // no customer 2
    CHECK(refused("INSERT INTO follow_up (interaction_id, due_on, outcome) "
                  "VALUES (1, '2026-03-09', 'satisfied')") == Failure::constraint); // not done
    CHECK(refused("INSERT INTO resolution (interaction_id, type, cost) VALUES (1, 'refund', -5)") ==
          Failure::constraint);
    CHECK(refused("INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp) "
                  "VALUES (1, '2026-03-02', 100, 10001)") == Failure::constraint);
    s->exec("INSERT INTO tag (name) VALUES ('VIP')");
    CHECK(refused("INSERT INTO tag (name) VALUES ('vip')") == Failure::constraint); // NOCASE

    // dates read back as the file holds them, moments as written
    s->exec("INSERT INTO follow_up (interaction_id, due_on) VALUES (1, '2026-03-09')");
    CHECK(column(*s, "SELECT due_on FROM follow_up") == std::vector<std::string>{"2026-03-09"});
    CHECK(count(*s, "SELECT count(*) FROM customer WHERE created_at ~ "
                    "'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$'") == 1);
}

TEST_CASE("PostgreSQL schema: deleting a customer takes everything of theirs with it", "[pg]") {
    auto s = schema_session();
    if (!s)
        return;
    s->exec(R"(
        INSERT INTO customer (id, name) VALUES (1, 'Anna'), (2, 'Ben');
        UPDATE customer SET referred_by = 1 WHERE id = 2;
        INSERT INTO tag (id, name) VALUES (1, 'vip');
        INSERT INTO customer_tag VALUES (1, 1), (2, 1);
        INSERT INTO interaction (id, customer_id, occurred_at, channel, category, summary)
            VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late'),
                   (2, 2, '2026-03-03T10:00', 'email', 'billing', 'Twice charged');
        INSERT INTO resolution (interaction_id, type, cost) VALUES (1, 'refund', 500);
        INSERT INTO follow_up (interaction_id, due_on) VALUES (1, '2026-03-09');
        INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp)
            VALUES (1, '2026-01-05', 12000, 2500);
        -- the ids given above: a move from a file keeps its ids, then moves the sequences on
        SELECT setval(pg_get_serial_sequence('customer', 'id'), 2);
    )");
    s->exec("DELETE FROM customer WHERE id = 1");
    CHECK(count(*s, "SELECT count(*) FROM interaction") == 1);
    CHECK(count(*s, "SELECT count(*) FROM resolution") == 0);
    CHECK(count(*s, "SELECT count(*) FROM follow_up") == 0);
    CHECK(count(*s, "SELECT count(*) FROM purchase") == 0);
    CHECK(count(*s, "SELECT count(*) FROM customer_tag") == 1);
    CHECK(count(*s, "SELECT count(*) FROM customer WHERE id = 2 AND referred_by IS NULL") == 1);
    CHECK(count(*s, "SELECT count(*) FROM tag") == 1); // tags stay
    s->exec("INSERT INTO customer (name) VALUES ('Cleo')");
    CHECK(count(*s, "SELECT max(id) FROM customer") == 3);
}

TEST_CASE("PostgreSQL schema: names are ordered as SQLite's NOCASE orders them", "[pg]") {
    auto s = schema_session();
    if (!s)
        return;
    s->exec("INSERT INTO customer (id, name) VALUES (1, 'bob'), (2, 'Émile'), (3, 'Anna'), "
            "(4, 'anna'), (5, 'Zoë'), (6, 'zack')");
    // ASCII letters fold, the rest compares byte by byte: 'É' (0xC3 0x89) after every ASCII
    CHECK(column(*s, "SELECT name FROM customer ORDER BY lower(name), id") ==
          std::vector<std::string>{"Anna", "anna", "bob", "zack", "Zoë", "Émile"});
    s->exec("SET enable_seqscan = off");
    const auto plan = column(*s, "EXPLAIN SELECT id FROM customer ORDER BY lower(name)");
    CHECK(plan.front().find("customer_by_name") != std::string::npos);
}

TEST_CASE("PostgreSQL schema: the search finds what the file's full-text search finds", "[pg]") {
    auto s = schema_session();
    if (!s)
        return;
    s->exec(R"(
        INSERT INTO customer (id, name, note) VALUES
            (1, 'Zoë Dupont', 'allergic to nuts'),
            (2, 'Anna Smith', 'call back on 06-12-34, anna@example.com'),
            (3, 'ÉMILE Zola', ''),
            (4, 'Jean-Luc O''Brien', 'prefers e-mail');
        INSERT INTO interaction (customer_id, occurred_at, channel, category, summary, lesson)
            VALUES (2, '2026-03-02T10:00', 'phone', 'product-fault', 'Broken kettle',
                    'Test before handing over');
    )");
    const auto customers = [&](const std::string& typed, const std::string& weights = "") {
        Statement st(*s, "SELECT id FROM customer WHERE rapport_customer_search(name, note) @@ "
                         "rapport_search_query(?, ?) ORDER BY id");
        st.bind(1, typed);
        st.bind(2, weights);
        std::vector<std::int64_t> ids;
        while (st.executeStep())
            ids.push_back(st.getColumn(0).getInt64());
        return ids;
    };
    using Ids = std::vector<std::int64_t>;
    CHECK(customers("zoe") == Ids{1});      // accents folded in the record
    CHECK(customers("ZOË") == Ids{1});      // and in what is typed
    CHECK(customers("émile") == Ids{3});    // capital accented letters too
    CHECK(customers("smi") == Ids{2});      // a word's start, not only its first word
    CHECK(customers("zoe nuts") == Ids{1}); // every word, across name and note
    CHECK(customers("anna nuts").empty());
    CHECK(customers("12") == Ids{2});      // 06-12-34: punctuation separates, as in unicode61
    CHECK(customers("example") == Ids{2}); // an e-mail address is words, not one token
    CHECK(customers("luc brien") == Ids{4});
    CHECK(customers("mail") == Ids{4});
    CHECK(customers("nuts", "A").empty()); // the name only, like FTS5's "name : (...)"
    CHECK(customers("smi", "A") == Ids{2});
    CHECK(customers(" -- ").empty()); // no word at all finds nothing
    CHECK(count(*s, "SELECT count(*) FROM interaction WHERE rapport_interaction_search("
                    "summary, asked_for, lesson) @@ rapport_search_query('kett hand', '')") == 1);

    // the queries the repositories write use the GIN indexes
    s->exec("SET enable_seqscan = off");
    const auto plan = column(*s, "EXPLAIN SELECT id FROM customer WHERE "
                                 "rapport_customer_search(name, note) @@ "
                                 "rapport_search_query('zoe', '')");
    bool indexed = false;
    for (const auto& line : plan)
        indexed = indexed || line.find("customer_search") != std::string::npos;
    CHECK(indexed);
}

TEST_CASE("PostgreSQL: a version 1 shop database is brought to the newest and keeps its follow-ups",
          "[pg]") {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return;
    }
    const std::string uri = server->create_database();
    {
        // A version 1 server: the schema file, before the steps that came after it.
        auto s = store::connect_postgres(uri);
        s->exec(store::kPostgresSchemaSql);
        s->exec(R"(
            INSERT INTO customer (id, name) VALUES (1, 'Anna');
            INSERT INTO interaction (id, customer_id, occurred_at, channel, category, summary)
                VALUES (1, 1, '2026-03-02T10:00', 'phone', 'delay', 'Late');
            INSERT INTO follow_up (interaction_id, due_on, done_on, outcome, outcome_note)
                VALUES (1, '2026-03-05', '2026-03-05', 'satisfied', 'fine');)");
    }
    auto db = store::Database::open(uri);
    CHECK(db.schema_version() == store::kSchemaVersion);
    store::FollowUpRepo repo(db);
    const FollowUp kept = repo.get(1).follow_up;
    CHECK(kept.outcome_note == "fine");
    CHECK_FALSE(kept.satisfaction.has_value());
    const Id open = repo.schedule(1, date::year{2026} / 4 / 1, "");
    repo.mark_done(open, Outcome::satisfied, "", 0, date::year{2026} / 4 / 2,
                   CustomerAnswer{5, "Danke"});
    CHECK(repo.get(open).follow_up.satisfaction == 5);
    CHECK(repo.get(open).follow_up.customer_said == "Danke");
    // A second open finds it up to date.
    CHECK(store::Database::open(uri).schema_version() == store::kSchemaVersion);
}

TEST_CASE("PostgreSQL: a version 5 shop database gets the profile and a file moved in keeps it",
          "[pg][profile]") {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return;
    }
    const ContactProfile kPhoneMornings{PreferredChannel::phone, "mornings",
                                        WantsWhenWrong::reassurance};
    const std::string uri = server->create_database();
    {
        auto db = store::Database::open(uri);
        // Back to version 5: no profile, and every follow-up belongs to an incident.
        store::session(db).exec(R"(
            ALTER TABLE customer DROP COLUMN preferred_channel, DROP COLUMN preferred_time,
                DROP COLUMN wants_when_wrong;
            DROP TRIGGER customer_worth_follow_up ON follow_up;
            ALTER TABLE follow_up DROP COLUMN customer_id,
                ALTER COLUMN interaction_id SET NOT NULL;
            CREATE OR REPLACE FUNCTION rapport_worth_follow_up() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD.done_on IS NOT NULL THEN
                    PERFORM public.rapport_worth_take(i.customer_id,
                                to_char(OLD.done_on, 'YYYY-MM'), 0, 0, OLD.minutes, 0, 0,
                                false, 0)
                       FROM public.interaction i WHERE i.id = OLD.interaction_id;
                END IF;
                IF TG_OP <> 'DELETE' AND NEW.done_on IS NOT NULL THEN
                    PERFORM public.rapport_worth_add(i.customer_id,
                                to_char(NEW.done_on, 'YYYY-MM'), NULL, 0, 0, NEW.minutes, 0, 0)
                       FROM public.interaction i WHERE i.id = NEW.interaction_id;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER customer_worth_follow_up
                AFTER INSERT OR DELETE OR UPDATE OF interaction_id, done_on, minutes
                ON follow_up FOR EACH ROW EXECUTE FUNCTION rapport_worth_follow_up();
            UPDATE rapport_meta SET value = '5' WHERE key = 'schema_version';)");
    }
    auto server_db = store::Database::open(uri);
    CHECK(server_db.schema_version() == store::kSchemaVersion);
    CHECK(
        store::sql::scalar(store::session(server_db), "SELECT count(*) FROM customer").getInt64() ==
        0);

    TempDir dir;
    auto file = store::Database::open(dir / "shop.db");
    {
        Customer c;
        c.name = "Zoë Martin";
        c.profile = kPhoneMornings;
        Interaction i;
        i.customer_id = store::CustomerRepo(file).add(c);
        i.at = LocalDateTime{date::year{2026} / 11 / 2, 10 * 60};
        i.summary = "Kettle stopped working";
        store::FollowUpRepo(file).schedule(store::InteractionRepo(file).add(i),
                                           date::year{2026} / 11 / 9, "");
        // and a call that belongs to a customer with no incident, done
        Customer quiet;
        quiet.name = "Quentin Still";
        const Id call = store::FollowUpRepo(file).schedule_for_customer(
            store::CustomerRepo(file).add(quiet), date::year{2026} / 11 / 3, "How are you?");
        store::FollowUpRepo(file).mark_done(call, Outcome::satisfied, "", 9,
                                            date::year{2026} / 11 / 3);
    }
    store::move_in(file, server_db);
    CHECK(store::CustomerRepo(server_db).get(1).profile == kPhoneMornings);
    const auto agenda =
        store::FollowUpRepo(server_db).agenda(date::year{2026} / 11 / 10, std::nullopt);
    REQUIRE(agenda.overdue.size() == 1);
    CHECK(agenda.overdue[0].customer_prefers == kPhoneMornings);
    const auto call = store::FollowUpRepo(server_db).get(2);
    CHECK(call.interaction_id == 0);
    CHECK(call.customer_name == "Quentin Still");
    CHECK(store::check_worth_months(server_db).empty());
    CHECK(store::check_customer_figures(server_db).empty());
    // The server's own trigger finds the customer of a call with no incident.
    store::FollowUpRepo(server_db).restore(call.follow_up); // done as it was: no change
    const Id more = store::FollowUpRepo(server_db).schedule_for_customer(
        call.customer_id, date::year{2026} / 11 / 20, "");
    store::FollowUpRepo(server_db).mark_done(more, Outcome::satisfied, "", 11,
                                             date::year{2026} / 11 / 20);
    CHECK(store::check_worth_months(server_db).empty());
    store::CustomerRepo(server_db).remove(call.customer_id);
    CHECK(store::sql::scalar(store::session(server_db), "SELECT count(*) FROM follow_up")
              .getInt64() == 1);
    CHECK(store::check_worth_months(server_db).empty());
}

TEST_CASE("PostgreSQL: a version 7 shop database gets each customer's to-date worth row",
          "[pg][worth-months]") {
    std::string why;
    test::PgServer* server = test::shared_pg_server(why);
    if (!server) {
        WARN("SKIPPED: " << why);
        return;
    }
    const std::string uri = server->create_database();
    const std::string to_date_rows = fmt::format(
        "SELECT count(*) FROM customer_worth_month WHERE month = '{}'", store::kToDateMonth);
    {
        auto db = store::Database::open(uri);
        Customer c;
        c.name = "Jürgen";
        const Id id = store::CustomerRepo(db).add(c);
        for (int day = 1; day <= 20; ++day) {
            Interaction i;
            i.customer_id = id;
            i.at = LocalDateTime{date::year{2026} / (day % 12 + 1) / day, 9 * 60};
            i.summary = "Kettle stopped working";
            i.minutes = day;
            store::FollowUpRepo(db).schedule(store::InteractionRepo(db).add(i),
                                             date::year{2026} / 12 / day, "");
        }
        // Back to version 7: add and take keep months only, and no to-date rows.
        store::write(db, Text("test"), [&] {
            store::session(db).exec(std::string(store::version_7_worth_functions_server_sql()) +
                                    fmt::format("DELETE FROM customer_worth_month "
                                                "WHERE month = '{}';"
                                                "UPDATE rapport_meta SET value = '7' "
                                                "WHERE key = 'schema_version';",
                                                store::kToDateMonth));
        });
        CHECK(store::sql::scalar(store::session(db), to_date_rows).getInt64() == 0);
    }
    auto db = store::Database::open(uri);
    CHECK(db.schema_version() == store::kSchemaVersion);
    CHECK(store::sql::scalar(store::session(db), to_date_rows).getInt64() == 1);
    CHECK(store::check_worth_months(db).empty());
    // The replaced functions keep the row from here on, first day included.
    Interaction earlier;
    earlier.customer_id = 1;
    earlier.at = LocalDateTime{date::year{2025} / 12 / 30, 9 * 60};
    earlier.summary = "Lid broke";
    earlier.minutes = 7;
    const Id added = store::InteractionRepo(db).add(earlier);
    CHECK(store::check_worth_months(db).empty());
    store::InteractionRepo(db).remove(added);
    CHECK(store::check_worth_months(db).empty());
}
