// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Is this customer worth it?" through the real rapport-cli: product.md's worked examples G1,
// G2, G3 and G5 to the cent on databases the tests build with the CLI itself, the edge cases
// of the model, and the usage rules of `worth`.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

using namespace rapport::test;
using nlohmann::json;

namespace {

constexpr const char* kToday = "2026-11-25";

// A shop database made through the CLI, every command run with the same --today.
class Shop {
public:
    CliResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--today", kToday});
        return run_cli(db, std::move(args));
    }
    std::string ok(std::vector<std::string> args) {
        const CliResult r = run(args);
        INFO("rapport-cli " << join(args) << "\n" << r.err);
        REQUIRE(r.exit_code == 0);
        return trimmed(r.out);
    }
    void customer(const std::string& name, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"customer", "add", name};
        args.insert(args.end(), extra.begin(), extra.end());
        ok(args);
    }
    void buy(const std::string& who, const std::string& amount, const std::string& margin,
             const std::string& date = "2026-10-01") {
        ok({"purchase", "add", who, "--amount", amount, "--margin", margin, "--date", date});
    }
    // An incident with its minutes and, optionally, one resolution with its status.
    void handle(const std::string& who, const std::string& minutes, const std::string& cost = "",
                const std::string& status = "accepted",
                const std::string& at = "2026-10-02T10:00") {
        std::vector<std::string> args{"log",       who,     "--summary", "Complained",
                                      "--minutes", minutes, "--at",      at};
        if (!cost.empty())
            args.insert(args.end(), {"--resolution", "refund", "--cost", cost, "--status", status});
        ok(args);
    }
    void set(const std::string& key, const std::string& value) {
        ok({"settings", "set", key, value});
    }
    json worth(const std::string& who) {
        const std::string out = ok({"worth", who, "--json"});
        last_text = out;
        return json::parse(out);
    }
    json all() {
        last_text = ok({"worth", "--all", "--json"});
        return json::parse(last_text);
    }

    TempDir dir;
    std::filesystem::path db = dir / "shop.db";
    std::string last_text;

private:
    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& a : v)
            s += a + " ";
        return s;
    }
};

const json& by_name(const json& all, const std::string& name) {
    for (const auto& r : all)
        if (r["name"] == name)
            return r;
    FAIL("no row for " << name);
    return all;
}

// A money number in cents, for rows read back from a JSON array.
long long cents(const json& v) {
    return std::llround(v.get<double>() * 100.0);
}

// Money is printed as exact two-decimal numbers: the text, not only the parsed value.
bool prints(const std::string& text, const std::string& key, const std::string& number) {
    return text.find("\"" + key + "\": " + number + ",") != std::string::npos ||
           text.find("\"" + key + "\": " + number + "\n") != std::string::npos;
}

std::vector<std::string> split(const std::string& text, const std::string& sep) {
    std::vector<std::string> parts;
    std::size_t start = 0, pos = 0;
    while ((pos = text.find(sep, start)) != std::string::npos) {
        parts.push_back(text.substr(start, pos - start));
        start = pos + sep.size();
    }
    parts.push_back(text.substr(start));
    return parts;
}

} // namespace

TEST_CASE("G1: own margin 155.00 against handling 80.00 (51.6 %) is one to watch", "[cli][worth]") {
    Shop shop;
    shop.set("hourly_rate", "30");
    shop.customer("Greta");
    shop.buy("Greta", "200", "40");
    shop.buy("Greta", "150", "40");
    shop.buy("Greta", "50", "30");
    shop.handle("Greta", "60", "25");
    shop.handle("Greta", "30", "10");

    const json g = shop.worth("Greta");
    const std::string& text = shop.last_text;
    CHECK(prints(text, "own_margin", "155.00"));
    CHECK(prints(text, "time_cost", "45.00"));
    CHECK(prints(text, "money_given_back", "35.00"));
    CHECK(prints(text, "handling_cost", "80.00"));
    CHECK(prints(text, "net_own_value", "75.00"));
    CHECK(prints(text, "referral_value", "0.00"));
    CHECK(prints(text, "total_to_date", "75.00"));
    CHECK(prints(text, "pending", "0.00"));
    CHECK(g["verdict"] == "watch");
    CHECK(g["id"] == 1);
    CHECK(g["name"] == "Greta");
    CHECK_THAT(g["reason"].get<std::string>(), Catch::Contains("51.6 %"));
    CHECK(g["next_steps"].size() >= 3);
    for (const char* key : {"projected", "projected_low", "projected_high", "quadrant"})
        CHECK(g.contains(key));

    const std::string block = shop.ok({"worth", "Greta"});
    CHECK_THAT(block, Catch::Contains("Mixed: watch") && Catch::Contains("51.6 %") &&
                          Catch::Contains("155.00") && Catch::Contains("90 minutes at 30.00") &&
                          Catch::Contains("Steps to try first") &&
                          Catch::Contains("not a promise") && Catch::Contains("retention"));
}

TEST_CASE("G2: B's referrals are worth 135.00, so a negative own value of -90.00 still totals "
          "45.00 (watch)",
          "[cli][worth]") {
    Shop shop;
    shop.set("hourly_rate", "30");
    shop.set("acquisition_cost", "15");
    shop.customer("B");
    shop.buy("B", "120", "35");
    shop.buy("B", "80", "35");
    shop.handle("B", "100", "30");
    shop.handle("B", "80", "40");
    shop.customer("C", {"--referred-by", "B", "--reward", "10"});
    shop.buy("C", "300", "40");
    shop.handle("C", "10");
    shop.customer("D", {"--referred-by", "B", "--came-anyway"});

    const json b = shop.worth("B");
    const std::string& text = shop.last_text;
    CHECK(prints(text, "own_margin", "70.00"));
    CHECK(prints(text, "time_cost", "90.00"));
    CHECK(prints(text, "money_given_back", "70.00"));
    CHECK(prints(text, "handling_cost", "160.00"));
    CHECK(prints(text, "net_own_value", "-90.00"));
    CHECK(prints(text, "referral_value", "135.00"));
    CHECK(prints(text, "total_to_date", "45.00"));
    CHECK(b["verdict"] == "watch");

    const json c = shop.worth("C");
    CHECK(prints(shop.last_text, "net_own_value", "115.00"));
    CHECK(c["referral_value"] == 0);
}

TEST_CASE("G3: a last-year margin of 180 over 3 years projects to 180.95, band 116.08 to "
          "263.46",
          "[cli][worth]") {
    Shop shop;
    shop.set("hourly_rate", "30");
    shop.set("retention", "0.6");
    shop.set("discount_rate", "0.10");
    shop.set("horizon_years", "3");
    shop.customer("Gina");
    // Older than the last 365 days (2025-11-26 .. 2026-11-25): not part of m.
    shop.buy("Gina", "1000", "40", "2024-09-01");
    shop.handle("Gina", "300", "50", "accepted", "2024-10-01T09:00");
    shop.buy("Gina", "300", "40", "2025-11-25"); // one day too old
    // Within it: own margin 120 + 120 = 240; handling 30 (60 minutes) + 30 = 60; m = 180.
    shop.buy("Gina", "300", "40", "2025-11-26");
    shop.buy("Gina", "300", "40", "2026-11-25");
    shop.handle("Gina", "60", "30", "accepted", "2026-06-01T14:00");
    shop.handle("Gina", "0", "99", "offered", "2026-06-02T14:00"); // pending: not in m

    const json g = shop.worth("Gina");
    const std::string& text = shop.last_text;
    CHECK(prints(text, "projected", "180.95"));
    CHECK(prints(text, "projected_low", "116.08"));
    CHECK(prints(text, "projected_high", "263.46"));
    CHECK(prints(text, "pending", "99.00"));
    CHECK(g["verdict"] == "worth-it");

    const std::string block = shop.ok({"worth", "Gina"});
    CHECK_THAT(block, Catch::Contains("next 3 years") && Catch::Contains("180.95") &&
                          Catch::Contains("between 116.08 and 263.46") &&
                          Catch::Contains("60 % chance") && Catch::Contains("45 % to 75 %") &&
                          Catch::Contains("10 % yearly discount rate"));
}

TEST_CASE("G5: A is an Affluent, B an Advocate, C and E Champions, D and F Misers",
          "[cli][worth]") {
    Shop shop;
    // Referral values come from referred customers with no record of their own (they have no
    // quadrant and stay out of the medians): each brings the acquisition cost minus its reward.
    shop.set("acquisition_cost", "300");
    const std::vector<std::pair<std::string, std::string>> six{
        {"A", "1000"}, {"B", "125"}, {"C", "1500"}, {"D", "75"}, {"E", "550"}, {"F", "225"}};
    for (const auto& [name, amount] : six) {
        shop.customer(name);
        shop.buy(name, amount, "40"); // NV 400, 50, 600, 30, 220, 90
    }
    shop.customer("brought by B", {"--referred-by", "B"});                    // 300
    shop.customer("brought by C", {"--referred-by", "C", "--reward", "50"});  // 250
    shop.customer("brought by E", {"--referred-by", "E", "--reward", "260"}); // 40

    const json all = shop.all();
    REQUIRE(all.size() == 9);
    const std::map<std::string, std::pair<std::string, std::string>> expected{
        {"A", {"400.00", "affluent"}}, {"B", {"50.00", "advocate"}},  {"C", {"600.00", "champion"}},
        {"D", {"30.00", "miser"}},     {"E", {"220.00", "champion"}}, {"F", {"90.00", "miser"}}};
    for (const auto& [name, want] : expected) {
        INFO(name);
        const json& row = by_name(all, name);
        CHECK(row["quadrant"] == want.second);
        CHECK(cents(row["net_own_value"]) == std::llround(std::stod(want.first) * 100));
        CHECK(prints(shop.last_text, "net_own_value", want.first));
    }
    CHECK(cents(by_name(all, "B")["referral_value"]) == 30000);
    CHECK(cents(by_name(all, "C")["referral_value"]) == 25000);
    CHECK(cents(by_name(all, "E")["referral_value"]) == 4000);
    for (const char* crv : {"300.00", "250.00", "40.00"})
        CHECK(prints(shop.last_text, "referral_value", crv));
    CHECK(by_name(all, "brought by B")["quadrant"].is_null());

    // One customer's quadrant is the one it has in the whole portfolio.
    CHECK(shop.worth("E")["quadrant"] == "champion");
    CHECK(shop.worth("B")["quadrant"] == "advocate");
    CHECK_THAT(shop.ok({"worth", "A"}), Catch::Contains("Portfolio: Affluents"));
}

TEST_CASE("a customer with no purchases but refunds is costing you, with steps before letting "
          "go",
          "[cli][worth]") {
    Shop shop;
    shop.customer("Nora");
    shop.handle("Nora", "60", "20");
    const json n = shop.worth("Nora");
    CHECK(prints(shop.last_text, "own_margin", "0.00"));
    CHECK(prints(shop.last_text, "net_own_value", "-50.00"));
    CHECK(n["verdict"] == "costing");
    CHECK(n["projected"].get<double>() < 0);
    REQUIRE(n["next_steps"].size() >= 4);
    CHECK_THAT(n["next_steps"][0].get<std::string>(), Catch::Contains("limits"));
    CHECK_THAT(n["next_steps"].back().get<std::string>(), Catch::Contains("Only if"));

    shop.customer("Quiet");
    const json q = shop.worth("Quiet");
    CHECK(q["verdict"] == "too-little-data");
    CHECK(q["quadrant"].is_null());
    CHECK(prints(shop.last_text, "total_to_date", "0.00"));
    CHECK_THAT(shop.ok({"worth", "Quiet"}), Catch::Contains("Too little data"));
}

TEST_CASE("in a referral chain A to B to C only direct referrals count", "[cli][worth]") {
    Shop shop;
    shop.customer("A");
    shop.buy("A", "100", "50"); // 50
    shop.customer("B", {"--referred-by", "A"});
    shop.buy("B", "200", "50"); // 100
    shop.customer("C", {"--referred-by", "B"});
    shop.buy("C", "1000", "50"); // 500
    const json all = shop.all();
    CHECK(cents(by_name(all, "A")["referral_value"]) == 10000);
    CHECK(cents(by_name(all, "A")["total_to_date"]) == 15000);
    CHECK(cents(by_name(all, "B")["referral_value"]) == 50000);
    CHECK(cents(by_name(all, "C")["referral_value"]) == 0);
}

TEST_CASE("a referred customer who loses money lowers the referrer's value", "[cli][worth]") {
    Shop shop;
    shop.set("acquisition_cost", "15");
    shop.customer("Ref");
    shop.buy("Ref", "500", "40"); // 200
    shop.customer("Costly", {"--referred-by", "Ref", "--reward", "5"});
    shop.handle("Costly", "60", "20"); // NV -50
    const json r = shop.worth("Ref");
    CHECK(prints(shop.last_text, "referral_value", "-40.00")); // -50 + 15 - 5
    CHECK(prints(shop.last_text, "total_to_date", "160.00"));
    CHECK(cents(r["net_own_value"]) == 20000);
}

TEST_CASE("when every customer sits at the median nobody is high: all are Misers", "[cli][worth]") {
    Shop shop;
    for (const char* name : {"One", "Two", "Three", "Four"}) {
        shop.customer(name);
        shop.buy(name, "100", "40");
    }
    const json all = shop.all();
    REQUIRE(all.size() == 4);
    for (const auto& row : all)
        CHECK(row["quadrant"] == "miser");
}

TEST_CASE("worth --all lists everyone by total to date, as a table and as RFC 4180 CSV",
          "[cli][worth]") {
    Shop shop;
    shop.customer("Low");
    shop.buy("Low", "10", "40");
    shop.customer("=HYPERLINK(\"x\"), with comma");
    shop.buy("=HYPERLINK(\"x\"), with comma", "1000", "40");
    shop.customer("Middle");
    shop.buy("Middle", "100", "40");

    const std::string table = shop.ok({"worth", "--all"});
    const auto high = table.find("with comma");
    const auto middle = table.find("Middle");
    const auto low = table.find("Low");
    CHECK(high < middle);
    CHECK(middle < low);
    CHECK_THAT(table, Catch::Contains("3 customers") && Catch::Contains("total") &&
                          Catch::Contains("verdict"));

    const CliResult r = shop.run({"worth", "--all", "--csv"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("id,name,own_margin,", 0) == 0); // header first, no byte order mark
    CHECK(r.out.size() >= 2);
    CHECK(r.out.substr(r.out.size() - 2) == "\r\n");
    auto lines = split(r.out, "\r\n");
    lines.pop_back(); // after the last CRLF
    REQUIRE(lines.size() == 4);
    CHECK(lines[1].rfind("2,\"'=HYPERLINK(\"\"x\"\"), with comma\",400.00,", 0) == 0);
    CHECK(lines[2].rfind("3,Middle,40.00,", 0) == 0);
    CHECK(lines[3].rfind("1,Low,4.00,", 0) == 0);
    CHECK(r.out.find('\n') == r.out.find("\r\n") + 1); // no bare LF line ends

    const json all = shop.all();
    REQUIRE(all.size() == 3);
    CHECK(all[0]["id"] == 2);
    CHECK(all[2]["id"] == 1);
}

TEST_CASE("worth refuses a customer with --all, neither, or --csv for one customer (exit 2) "
          "and names an unknown customer (exit 1)",
          "[cli][worth]") {
    Shop shop;
    // A usage error is found before the database is even opened.
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"worth", "--all", "Anna"},
                                               {"worth"},
                                               {"worth", "Anna", "--csv"},
                                               {"worth", "--all", "--csv", "--json"}}) {
        const CliResult r = shop.run(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_FALSE(r.err.empty());
    }
    CHECK_FALSE(std::filesystem::exists(shop.db));

    shop.customer("Anna");
    const CliResult unknown = shop.run({"worth", "Nobody"});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Catch::Contains("Nobody"));
    CHECK(shop.run({"worth", "1"}).exit_code == 0);
    CHECK(shop.run({"worth", "anna", "--json"}).exit_code == 0);
}
