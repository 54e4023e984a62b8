// SPDX-License-Identifier: GPL-2.0-or-later
// The scraped-text cleaner on the seed articles (../shared/seeds) and on the
// sample archive's furniture.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "indexer/extract/scraped_text.hpp"
#include "tests/support.hpp"

using namespace dateline;
using json = nlohmann::json;

namespace {

const indexer::ScrapeRules& rules() { return test::scrape_rules(); }

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Lines as the cleaner gives them: non-breaking spaces as spaces.
std::string plain_spaces(std::string text) {
    for (std::size_t at; (at = text.find("\xC2\xA0")) != std::string::npos;) text.replace(at, 2, " ");
    return text;
}

json nullable(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

}  // namespace

TEST_CASE("every seed article's title, outlet, date, byline and dateline are read as labelled", "[extract][kit]") {
    if (test::skip_without_team_kit()) return;
    std::filesystem::path seeds = test::team_kit_dir() / "seeds";
    json expected = json::parse(read(seeds / "expected.json"));
    REQUIRE(expected["articles"].size() == 5);
    for (const json& label : expected["articles"]) {
        std::string file = label["file"];
        INFO(file);
        indexer::CleanedArticle cleaned = indexer::clean_scraped_text(read(seeds / file), rules());
        const Article& a = cleaned.article;
        CHECK(nullable(a.title) == label["title"]);
        CHECK(nullable(a.outlet) == label["outlet"]);
        CHECK((a.date ? json(format_iso_date(*a.date)) : json(nullptr)) == label["date"]);
        CHECK(json(a.byline) == label["byline"]);
        CHECK(nullable(a.dateline) == label["dateline"]);
        if (label.contains("credits")) CHECK(json(cleaned.credits) == label["credits"]);
        for (const json& label_line : label["boilerplate"]) {
            std::string line = plain_spaces(label_line);
            CHECK(a.body.find(line) == std::string::npos);
            CHECK(std::find(cleaned.removed.begin(), cleaned.removed.end(), line) != cleaned.removed.end());
        }
        for (const json& sentence : label["body_keeps"]) CHECK(a.body.find(plain_spaces(sentence)) != std::string::npos);
    }
}

TEST_CASE("a sample article loses its menu, advertisement and bio, and keeps every paragraph", "[extract]") {
    indexer::CleanedArticle cleaned = indexer::clean_scraped_text(
        read(test::sample_dir() / "articles/harbour-courier/2024-01-04-dockers-vote-to-strike.txt"), rules());
    CHECK(cleaned.article.title == "Dock workers vote to strike over night-shift pay at Harbourton port");
    CHECK(cleaned.article.byline == std::vector<std::string>{"Mara Quint"});
    CHECK(cleaned.article.body.starts_with("Dock workers at Harbourton port voted on Wednesday"));
    CHECK(cleaned.article.body.ends_with("planned for January 15."));
    CHECK(cleaned.removed == std::vector<std::string>{"Menu", "Sign in", "Advertisement",
                                                      "Mara Quint covers the port and shipping for the Courier. "
                                                      "Email: mara.quint@harbourcourier.example"});
}

TEST_CASE("no date is guessed from a weekday alone, or from a date deep in the story", "[extract]") {
    std::string story =
        "Talks resume\n\nNegotiators met again on Wednesday (Jan 8) to resume the talks that had broken down over "
        "the winter, and both sides said that they were hopeful of a settlement before the spring.\n\n"
        "The first round of talks was held on 20 July 2015 in the same building, and it also ended without any "
        "agreement being reached by either of the two sides that were present.\n";
    // Jan 8 2015 was a Thursday: the weekday does not confirm the year, so no date.
    CHECK_FALSE(indexer::clean_scraped_text(story, rules()).article.date);
}

TEST_CASE("CRLF, a byte-order mark and non-breaking spaces are normalised; blank text is empty", "[extract]") {
    indexer::CleanedArticle cleaned = indexer::clean_scraped_text(
        "\xEF\xBB\xBFHarbour strike ends\r\n\r\nThe strike at the port of Harbourton\xC2\xA0" "ended on Friday after the "
        "union and the harbour authority agreed on the night-shift pay that had divided them for weeks.\r\n",
        rules());
    CHECK(cleaned.article.title == "Harbour strike ends");
    CHECK(cleaned.article.body.find("Harbourton ended on Friday") != std::string::npos);
    CHECK(cleaned.article.body.find('\r') == std::string::npos);
    for (const char* blank : {"", "\n\n", " \t \r\n", "\xEF\xBB\xBF"}) {
        indexer::CleanedArticle nothing = indexer::clean_scraped_text(blank, rules());
        CHECK(nothing.article.title.empty());
        CHECK(nothing.article.body.empty());
    }
}

TEST_CASE("a short line printed again and again is furniture, rules of punctuation alone included", "[extract]") {
    // Wire stories print "___" between sections: its key (punctuation
    // trimmed) is empty, and repeated it is furniture all the same.
    std::string story =
        "Harbour strike ends\n\nThe strike at the port of Harbourton ended on Friday after the union and the harbour "
        "authority agreed on the night-shift pay that had divided them for weeks.\n\n___\n\n"
        "Union leaders said the agreement gave their members most of what they had asked for, although weekend "
        "rates would be settled by an arbiter before the end of the year.\n\n___\n\n"
        "The first ships are expected to dock on Monday, and the port said it would work through the weekend to clear "
        "the containers that had piled up on the quays.\n";
    indexer::CleanedArticle cleaned = indexer::clean_scraped_text(story, rules());
    CHECK(cleaned.article.body.find("___") == std::string::npos);
    CHECK(cleaned.article.body.find("The first ships are expected") != std::string::npos);
}

TEST_CASE("hard-wrapped wire copy gets its paragraphs back; a table of figures keeps its rows", "[extract]") {
    // Cut at about 64 columns, paragraphs after the first indented, as old wire archives are.
    std::string wired =
        "HARBOURTON DOCKERS ACCEPT NEW PAY OFFER\n"
        "\n"
        "Dock workers at the port of Harbourton voted\n"
        "on Friday to accept the harbour authority's new offer on night\n"
        "shift pay, ending a dispute that had kept ships waiting in the\n"
        "bay for more than a week, union officials said.\n"
        "    The agreement raises night rates by eight pct from\n"
        "January and leaves weekend rates to an arbiter.\n"
        "    Ships will be unloaded over the weekend.\n"
        " Reuter\n";
    indexer::CleanedArticle cleaned = indexer::clean_scraped_text(wired, rules());
    CHECK(cleaned.article.title == "HARBOURTON DOCKERS ACCEPT NEW PAY OFFER");
    CHECK(cleaned.article.body ==
          "Dock workers at the port of Harbourton voted on Friday to accept the harbour authority's new offer on night "
          "shift pay, ending a dispute that had kept ships waiting in the bay for more than a week, union officials said."
          "\n\nThe agreement raises night rates by eight pct from January and leaves weekend rates to an arbiter."
          "\n\nShips will be unloaded over the weekend.");

    // No prose at all: the rows are the text, under the first line as headline.
    std::string table =
        "HARBOURTON PORT TONNAGE BY BERTH\n"
        "\n"
        "Tonnes handled in the week to January 5 -\n"
        "    Berth      Week     Prev\n"
        "    North     1,250    1,190\n"
        "    South       980    1,020\n";
    cleaned = indexer::clean_scraped_text(table, rules());
    CHECK(cleaned.article.title == "HARBOURTON PORT TONNAGE BY BERTH");
    CHECK(cleaned.article.body.find("North     1,250    1,190") != std::string::npos);
    CHECK(cleaned.article.body.find("South") != std::string::npos);

    // Longer than a few lines, a table is still not furniture: every row is kept.
    std::string long_table = "HARBOURTON PORT TONNAGE BY BERTH, 1987\n\n";
    for (int week = 1; week <= 14; ++week)
        long_table += "    Week " + std::to_string(week) + "    North " + std::to_string(1000 + 10 * week) + "    South " +
                      std::to_string(900 + 7 * week) + "\n";
    cleaned = indexer::clean_scraped_text(long_table, rules());
    CHECK(cleaned.article.title == "HARBOURTON PORT TONNAGE BY BERTH, 1987");
    CHECK(cleaned.article.body.starts_with("Week 1    North 1010    South 907"));
    CHECK(cleaned.article.body.ends_with("Week 14    North 1140    South 998"));
    CHECK(cleaned.removed.empty());

    // One paragraph a line, as scrapes come: a short line in lower case
    // after a menu entry is not a wrapped line, and nothing is joined.
    std::string scrape =
        "Harbour strike ends\n"
        "Home\n"
        "news and sport from the harbour\n"
        "The strike at the port of Harbourton ended on Friday after the union and the harbour authority agreed.\n"
        "Both sides said the agreement would hold through the winter, when the port is at its busiest.\n";
    cleaned = indexer::clean_scraped_text(scrape, rules());
    CHECK(cleaned.article.body.find("agreed.\n\nBoth sides") != std::string::npos);
}
