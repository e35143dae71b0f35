// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/demo.h"
#include "core/staff.h"
#include "store/customer_figures.h"
#include "store/sqlite/connection.h"

#include "core/enums.h"
#include "core/errors.h"
#include "core/money.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

namespace rapport::exchange {
using namespace rapport::store;
namespace {

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Anna",  "Ben",   "Clara",  "David", "Emma",  "Felix", "Greta",   "Hannah", "Ivan",   "Julia",
    "Karim", "Lena",  "Marco",  "Nina",  "Oscar", "Paula", "Quentin", "Rosa",   "Samir",  "Tina",
    "Ugo",   "Vera",  "Walter", "Xenia", "Yusuf", "Zoe",   "Amelie",  "Bruno",  "Chiara", "Dmitri",
    "Elif",  "Frank", "Gisela", "Hugo",  "Ines",  "Jonas", "Katja",   "Luis",   "Maja",   "Noah"};
constexpr std::array<std::string_view, 40> kLastNames = {
    "Schmidt",  "Müller",  "Rossi",  "García",  "Novak",   "Dubois",      "Jansen",   "Kowalski",
    "Silva",    "Yılmaz",  "Weber",  "Fischer", "Bianchi", "López",       "Horvat",   "Martin",
    "de Vries", "Nowak",   "Costa",  "Demir",   "Becker",  "Wagner",      "Ricci",    "Moreno",
    "Kovač",    "Bernard", "Bakker", "Wójcik",  "Pereira", "Kaya",        "Hoffmann", "Koch",
    "Romano",   "Navarro", "Marić",  "Petit",   "Visser",  "Lewandowski", "Santos",   "Aydın"};

struct CategoryScript {
    std::string_view category;
    std::array<std::string_view, 4> summaries;
    std::array<std::string_view, 3> asked;
    std::array<std::string_view, 3> resolutions; // most likely first
    std::array<std::string_view, 3> lessons;
};

constexpr std::array<CategoryScript, 7> kScripts = {{
    {"product-fault",
     {"Kettle stopped heating after a week", "Screen cracked on delivery",
      "Zip broke the second time it was worn", "Coffee machine leaks from the base"},
     {"A replacement", "Money back", "A technician to look at it"},
     {"replacement", "refund", "repair-visit"},
     {"Check stock from the new supplier", "Test units before handing them over",
      "Ask the supplier about this batch"}},
    {"service-error",
     {"Wrong colour applied at the appointment", "Order sent to the old address",
      "Booked on the wrong day", "Charged for a service not done"},
     {"Redo it for free", "A discount", "An apology from the manager"},
     {"discount", "free-upgrade", "refund"},
     {"Read the order back to the customer", "Double-check addresses on repeat orders",
      "Confirm bookings by text"}},
    {"delay",
     {"Delivery two weeks late", "Repair took longer than promised",
      "Waited 40 minutes in the shop", "Part still on back-order"},
     {"A firm date", "Compensation for the wait", "Free delivery next time"},
     {"store-credit", "discount", "apology-only"},
     {"Give realistic dates, not hopeful ones", "Call ahead when a part is late",
      "Add a second person on Saturdays"}},
    {"billing",
     {"Charged twice for one order", "Invoice shows the wrong VAT", "Discount code not applied",
      "Card charged before delivery"},
     {"The double charge back", "A corrected invoice", "The promised discount"},
     {"refund", "store-credit", "other"},
     {"Check the card terminal log daily", "Review invoice template with accountant",
      "Test discount codes before a campaign"}},
    {"misunderstanding",
     {"Expected installation to be included", "Thought the price was per pair",
      "Believed the warranty covered accidental damage", "Misread the opening hours"},
     {"Installation for free", "The lower price", "A free repair"},
     {"apology-only", "discount", "free-upgrade"},
     {"Put what is included on the receipt", "Show prices per unit on labels",
      "Explain warranty terms at the till"}},
    {"behaviour",
     {"Raised voice at staff over a return", "Threatened a bad review unless refunded",
      "Rude to the apprentice on the phone", "Demanded to speak to the owner immediately"},
     {"Full refund without the receipt", "An apology from staff", "Free product"},
     {"apology-only", "store-credit", "refund"},
     {"Agree limits for returns without receipt", "Owner takes escalated calls",
      "Write down what was promised"}},
    {"other",
     {"Parking dispute in front of the shop", "Lost loyalty card points",
      "Complained about music volume", "Wanted a product we do not sell"},
     {"The points restored", "A gesture of goodwill", "To order it specially"},
     {"store-credit", "apology-only", "other"},
     {"Note special requests in the order book", "Keep loyalty records on paper too",
      "Share feedback in the team meeting"}},
}};

constexpr std::array<int, 7> kCategoryWeights = {26, 18, 20, 12, 12, 6, 6};
constexpr std::array<std::string_view, 5> kChannels = {"phone", "email", "in-person", "online",
                                                       "other"};
constexpr std::array<int, 5> kChannelWeights = {40, 20, 28, 10, 2};
constexpr std::array<std::string_view, 4> kOutcomes = {"satisfied", "still-unhappy", "no-answer",
                                                       "other"};
constexpr std::array<int, 4> kOutcomeWeights = {62, 14, 18, 6};

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <std::size_t N> std::size_t weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights)
            total += w;
        int pick = between(0, total - 1);
        for (std::size_t i = 0; i < N; ++i) {
            if (pick < weights[i])
                return i;
            pick -= weights[i];
        }
        return N - 1;
    }
    template <typename T, std::size_t N> const T& pick(const std::array<T, N>& a) {
        return a[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

// The customer's answer to a follow-up done with kOutcomes[outcome] (satisfaction, what they
// said; parameters 8 and 9): the satisfied mostly say 4 or 5, the still unhappy 1 to 3, no
// answer gives none, and not everyone is asked.
void bind_answer(sql::Statement& st, std::size_t outcome, Random& rnd) {
    static constexpr std::array<std::string_view, 4> kHappy = {
        "All good now, thank you", "Very kind of you to call", "Works perfectly",
        "Thanks for sorting it out"};
    static constexpr std::array<std::string_view, 4> kUnhappy = {
        "Still not working", "Took far too long", "Expected a full refund",
        "Not what I was promised"};
    std::optional<int> satisfaction;
    std::string_view said;
    if (outcome == 0 && rnd.chance(0.8)) {
        satisfaction = rnd.chance(0.6) ? 5 : 4;
        said = rnd.chance(0.5) ? rnd.pick(kHappy) : std::string_view();
    } else if (outcome == 1 && rnd.chance(0.85)) {
        satisfaction = rnd.between(1, 3);
        said = rnd.pick(kUnhappy);
    } else if (outcome == 3 && rnd.chance(0.5)) {
        satisfaction = 3;
    }
    if (satisfaction)
        st.bind(8, *satisfaction);
    else
        st.bind(8);
    st.bind(9, std::string(said));
}

} // namespace

DemoCounts generate_demo(Database& db, const DemoOptions& o) {
    if (o.customers < 1 || o.interactions < 0)
        throw InputError("Demo data needs at least one customer and zero or more interactions.");
    if (sql::scalar(session(db), "SELECT count(*) FROM customer").getInt64() > 0) {
        throw DataError(
            tr("Demo data goes only into an empty database, so it never mixes with real "
               "records; use --db with a new file."));
    }
    Random rnd(o.seed);
    // The customers' answers draw from their own sequence, so the rest of the data stays what
    // the same seed gave before answers were made.
    Random answers(o.seed ^ 0x5a7157a5ULL);
    DemoCounts counts;
    const std::int64_t purchases =
        o.purchases >= 0 ? o.purchases
                         : std::max<std::int64_t>(o.interactions / 5, 2LL * o.customers);
    constexpr int kHistoryDays = 3 * 365; // three years of history

    // On a SQLite file: random customer ids scatter index inserts over the whole file; a big
    // page cache for the load keeps them in memory (restored afterwards).
    const bool sqlite_file = session(db).dialect() == sql::Dialect::sqlite;
    const int old_cache = sqlite_file ? sql::scalar(session(db), "PRAGMA cache_size").getInt() : 0;
    if (sqlite_file)
        session(db).exec("PRAGMA cache_size = -262144");
    WriteTransaction tx(db);
    // Bulk load: the full-text index and the customers' kept figures are built once at the end
    // instead of row by row, which halves the time for a million rows. The insert triggers are put
    // back unchanged before the commit, so the schema the user sees never lacks them.
    std::vector<std::pair<std::string, std::string>> fts_triggers;
    if (sqlite_file) {
        sql::Statement st(session(db),
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                          "AND (name IN ('customer_fts_insert', 'interaction_fts_insert') "
                          "OR name LIKE 'customer\\_figures\\_%' ESCAPE '\\' "
                          "OR name LIKE 'customer\\_worth\\_%' ESCAPE '\\')");
        while (st.executeStep())
            fts_triggers.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    }
    for (const auto& [name, definition] : fts_triggers)
        session(db).exec("DROP TRIGGER " + name);
    // The indexes of the tables filled a million rows at a time are made again after the load:
    // rows arrive in random customer and date order, and inserting each into those b-trees
    // touched pages all over a file bigger than the load's cache, while CREATE INDEX sorts once.
    std::vector<std::string> bulk_indexes;
    if (sqlite_file) {
        sql::Statement st(session(db),
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                          "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' "
                          "AND tbl_name IN ('interaction', 'resolution', 'follow_up', 'purchase')");
        std::vector<std::string> names;
        while (st.executeStep()) {
            names.push_back(st.getColumn(0).getString());
            bulk_indexes.push_back(st.getColumn(1).getString());
        }
        for (const auto& name : names)
            session(db).exec("DROP INDEX " + name);
    }

    sql::Statement add_customer(session(db), R"(
        INSERT INTO customer (name, phone, email, note, referred_by, came_anyway, referral_reward)
        VALUES (?, ?, ?, ?, ?, ?, ?))");
    sql::Statement add_interaction(session(db), R"(
        INSERT INTO interaction (customer_id, occurred_at, channel, category, severity, summary,
                                 asked_for, minutes, escalated_to, lesson, listened, empathised,
                                 apologised, offered_solutions, agreed_follow_up)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)");
    sql::Statement add_resolution(session(db), R"(
        INSERT INTO resolution (interaction_id, type, cost, status) VALUES (?, ?, ?, ?))");
    sql::Statement add_follow_up(session(db), R"(
        INSERT INTO follow_up (interaction_id, due_on, note, done_on, outcome, outcome_note,
                               minutes, satisfaction, customer_said, done_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
    sql::Statement add_purchase(session(db), R"(
        INSERT INTO purchase (customer_id, purchased_on, amount, margin_bp) VALUES (?, ?, ?, ?))");

    // A few customers cause most of the trouble, as in any shop: weight them.
    std::vector<std::int64_t> trouble_weight(static_cast<std::size_t>(o.customers));
    // Names are drawn without repeats; past the 1,600 combinations a number keeps them unique.
    std::vector<int> name_order(kFirstNames.size() * kLastNames.size());
    for (std::size_t k = 0; k < name_order.size(); ++k)
        name_order[k] = static_cast<int>(k);
    std::shuffle(name_order.begin(), name_order.end(), std::mt19937_64(o.seed));
    for (int c = 0; c < o.customers; ++c) {
        const auto combo = static_cast<std::size_t>(name_order[c % name_order.size()]);
        const std::string name = fmt::format("{} {}", kFirstNames[combo % kFirstNames.size()],
                                             kLastNames[combo / kFirstNames.size()]);
        const auto round = static_cast<std::size_t>(c) / name_order.size();
        add_customer.bind(1, round == 0 ? name : fmt::format("{} {}", name, round + 1));
        add_customer.bind(
            2, fmt::format("+49 30 {:04} {:04}", rnd.between(1000, 9999), rnd.between(0, 9999)));
        add_customer.bind(3, fmt::format("customer{}@example.org", c + 1));
        add_customer.bind(4, rnd.chance(0.1) ? "Prefers to be called after 5 pm" : "");
        const bool referred = c > 5 && rnd.chance(0.18);
        if (referred)
            add_customer.bind(5, static_cast<std::int64_t>(rnd.between(1, c)));
        else
            add_customer.bind(5);
        add_customer.bind(6, referred && rnd.chance(0.3) ? 1 : 0);
        add_customer.bind(7, static_cast<std::int64_t>(referred && rnd.chance(0.4) ? 1000 : 0));
        add_customer.exec();
        add_customer.reset();
        trouble_weight[static_cast<std::size_t>(c)] =
            rnd.chance(0.1) ? 12 : (rnd.chance(0.3) ? 3 : 1);
    }
    counts.customers = o.customers;
    std::discrete_distribution<int> troublemaker(trouble_weight.begin(), trouble_weight.end());
    std::mt19937_64 pick_engine(o.seed ^ 0x9e3779b97f4a7c15ULL);

    for (std::int64_t n = 0; n < o.interactions; ++n) {
        const std::int64_t customer_id = troublemaker(pick_engine) + 1;
        const auto& script = kScripts[rnd.weighted(kCategoryWeights)];
        const int age_days = rnd.between(0, kHistoryDays);
        const Date day = add_days(o.today, -age_days);
        const int minutes = rnd.between(5, 25) + (rnd.chance(0.2) ? rnd.between(10, 60) : 0);
        const int severity =
            1 + static_cast<int>(rnd.between(0, 99) / 25) + (rnd.chance(0.1) ? 1 : 0);
        add_interaction.bind(1, customer_id);
        add_interaction.bind(2, fmt::format("{}T{:02}:{:02}", format_date(day), rnd.between(8, 18),
                                            rnd.between(0, 59)));
        add_interaction.bind(3, std::string(kChannels[rnd.weighted(kChannelWeights)]));
        add_interaction.bind(4, std::string(script.category));
        add_interaction.bind(5, std::min(severity, 5));
        // Owners often note the order number, which makes a rare word to search for.
        std::string summary(rnd.pick(script.summaries));
        if (rnd.chance(0.3))
            summary += fmt::format(" (order {})", rnd.between(100000, 999999));
        add_interaction.bind(6, summary);
        add_interaction.bind(7, std::string(rnd.pick(script.asked)));
        add_interaction.bind(8, minutes);
        add_interaction.bind(9, severity >= 4 && rnd.chance(0.5) ? "Owner" : "");
        add_interaction.bind(10, rnd.chance(0.4) ? std::string(rnd.pick(script.lessons)) : "");
        add_interaction.bind(11, rnd.chance(0.9) ? 1 : 0);
        add_interaction.bind(12, rnd.chance(0.8) ? 1 : 0);
        add_interaction.bind(13, rnd.chance(0.7) ? 1 : 0);
        add_interaction.bind(14, 1);
        const bool follow = rnd.chance(0.45);
        add_interaction.bind(15, follow ? 1 : 0);
        const std::int64_t interaction_id = add_interaction.execReturningId();
        add_interaction.reset();
        ++counts.interactions;

        const std::string_view type =
            script.resolutions[rnd.chance(0.6) ? 0 : static_cast<std::size_t>(rnd.between(1, 2))];
        const bool free = type == "apology-only";
        add_resolution.bind(1, interaction_id);
        add_resolution.bind(2, std::string(type));
        add_resolution.bind(3,
                            static_cast<std::int64_t>(
                                free ? 0 : rnd.between(5, 120) * 100 + (rnd.chance(0.5) ? 50 : 0)));
        const int status_roll = rnd.between(0, 99);
        add_resolution.bind(4, age_days < 7 && status_roll < 40 ? "offered"
                               : status_roll < 88               ? "accepted"
                                                                : "declined");
        add_resolution.exec();
        add_resolution.reset();
        ++counts.resolutions;

        if (follow) {
            const int after = rnd.between(2, 10);
            const Date due = add_days(day, after);
            add_follow_up.bind(1, interaction_id);
            add_follow_up.bind(2, format_date(due));
            add_follow_up.bind(3, rnd.chance(0.5) ? "Call to check they are happy now"
                                                  : "Confirm the replacement arrived");
            // Follow-ups from before the last three weeks were all done; a few recent ones
            // slipped and are overdue, as in a shop that does its weekly review.
            if (due < o.today && (days_between(due, o.today) > 21 || rnd.chance(0.8))) {
                add_follow_up.bind(4, format_date(add_days(due, rnd.between(0, 2))));
                const std::size_t outcome = rnd.weighted(kOutcomeWeights);
                add_follow_up.bind(5, std::string(kOutcomes[outcome]));
                add_follow_up.bind(6, "");
                add_follow_up.bind(7, rnd.between(3, 15));
                bind_answer(add_follow_up, outcome, answers);
                add_follow_up.bind(10, std::string(kDefaultStaffName)); // the demo shop's owner
            } else {
                add_follow_up.bind(4);
                add_follow_up.bind(5);
                add_follow_up.bind(6, "");
                add_follow_up.bind(7, 0);
                add_follow_up.bind(8);
                add_follow_up.bind(9, "");
                add_follow_up.bind(10, ""); // not done: nobody yet
            }
            add_follow_up.exec();
            add_follow_up.reset();
            ++counts.follow_ups;
        }
    }

    for (std::int64_t n = 0; n < purchases; ++n) {
        // Every customer buys at least twice; the rest spread at random.
        const std::int64_t customer_id =
            n < 2LL * o.customers ? n % o.customers + 1 : rnd.between(1, o.customers);
        add_purchase.bind(1, customer_id);
        add_purchase.bind(2, format_date(add_days(o.today, -rnd.between(0, kHistoryDays))));
        add_purchase.bind(
            3, static_cast<std::int64_t>(rnd.between(15, 600) * 100 + rnd.between(0, 99)));
        add_purchase.bind(4, rnd.between(25, 55) * 100);
        add_purchase.exec();
        add_purchase.reset();
        ++counts.purchases;
    }
    if (sqlite_file) {
        for (const auto& definition : bulk_indexes)
            session(db).exec(definition);
        session(db).exec("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')");
        session(db).exec("INSERT INTO interaction_fts (interaction_fts) VALUES ('rebuild')");
        store::rebuild_customer_figures(db); // the kept figures, counted once too
        for (const auto& [name, definition] : fts_triggers)
            session(db).exec(definition);
    }
    tx.commit();
    if (sqlite_file)
        session(db).exec(fmt::format("PRAGMA cache_size = {}", old_cache));
    return counts;
}

} // namespace rapport::exchange
