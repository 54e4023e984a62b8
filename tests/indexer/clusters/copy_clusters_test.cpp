// SPDX-License-Identifier: GPL-2.0-or-later
// Groups of syndicated copies, on real text: the sample's articles with
// copies made as syndication makes them, the kit's five seed articles (one
// event told by five outlets: not copies), and Reuters' own repeated story.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "indexer/clusters/copy_clusters.hpp"
#include "indexer/extract/scraped_text.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "tests/support.hpp"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

std::string body_of(const fs::path& file) {
    return indexer::clean_scraped_text(test::read_file(file), test::scrape_rules()).article.body;
}

// What another site runs: its furniture around the story, a word changed,
// and (unless the story is one of the sample's short ones, where the last
// paragraph is a third of it) the last paragraph cut.
std::string syndicated(const std::string& body, bool cut = true) {
    std::string copy = cut ? body.substr(0, body.rfind("\n\n")) : body;
    if (std::size_t at = copy.find(" the "); at != std::string::npos) copy.replace(at, 5, " this ");
    return "By Staff Reporter | The Valley Ledger | 3 min read\n\n" + copy +
           "\n\nShare this article: Facebook Twitter Email\nCopyright The Valley Ledger. All rights reserved.\n";
}

}  // namespace

TEST_CASE("copies of the sample's articles join their originals and are named by them while the articles stay apart",
          "[clusters]") {
    // The sample's articles in order of date (their names start with it).
    std::vector<std::pair<std::string, fs::path>> dated;
    for (const auto& entry : fs::recursive_directory_iterator(test::sample_dir() / "articles"))
        if (entry.path().extension() == ".txt") dated.emplace_back(entry.path().filename().string(), entry.path());
    std::sort(dated.begin(), dated.end());
    REQUIRE(dated.size() >= 40);
    auto day_of = [](const std::string& name) {  // days since an arbitrary start: only the order and gaps matter
        int y = std::stoi(name.substr(0, 4)), m = std::stoi(name.substr(5, 2)), d = std::stoi(name.substr(8, 2));
        return (y - 2024) * 372 + m * 31 + d;
    };
    // The sample's stories are short (28 to 104 words): grouped here as
    // texts of any length would be.
    indexer::CopyClusters clusters(indexer::CopyClusters::default_threshold, indexer::CopyClusters::default_window_days, 1);
    std::vector<std::size_t> originals;
    std::map<std::size_t, std::size_t> copy_of;  // copy's number -> original's
    for (std::size_t i = 0; i < dated.size(); ++i) {
        const std::string body = body_of(dated[i].second);
        std::size_t original = clusters.add(day_of(dated[i].first), indexer::sketch_text(body));
        originals.push_back(original);
        if (i % 3 == 0) {  // a copy the same day: later articles of that day come between
            std::size_t copy = clusters.add(day_of(dated[i].first), indexer::sketch_text(syndicated(body, false)));
            copy_of[copy] = original;
        }
    }
    for (const auto& [copy, original] : copy_of) {
        INFO(dated[std::find(originals.begin(), originals.end(), original) - originals.begin()].first);
        CHECK(clusters.earliest(copy) == original);
        CHECK(clusters.earliest(original) == original);
    }
    for (std::size_t original : originals) {
        INFO(dated[std::find(originals.begin(), originals.end(), original) - originals.begin()].first);
        CHECK(clusters.earliest(original) == original);  // no two of the sample's own stories joined
    }
}

TEST_CASE("a copy of a copy joins the first and a copy outside the window or of no words joins nothing", "[clusters]") {
    const std::string body = body_of(test::sample_dir() / "articles/meridian-wire/2024-01-05-harbourton-port-strike-vote.txt");
    REQUIRE(body.size() > 300);
    indexer::CopyClusters clusters(indexer::CopyClusters::default_threshold, 7, 1);
    std::size_t first = clusters.add(100, indexer::sketch_text(body));
    std::size_t empty = clusters.add(100, indexer::sketch_text(" -- "));
    std::size_t copy = clusters.add(101, indexer::sketch_text(syndicated(body)));
    std::size_t copy_of_copy = clusters.add(104, indexer::sketch_text(syndicated(syndicated(body))));
    std::size_t late = clusters.add(115, indexer::sketch_text(body));  // a week after the last one
    std::size_t empty_too = clusters.add(115, indexer::sketch_text(""));
    CHECK(clusters.earliest(copy) == first);
    CHECK(clusters.earliest(copy_of_copy) == first);
    CHECK(clusters.earliest(late) == late);
    CHECK(clusters.earliest(empty) == empty);
    CHECK(clusters.earliest(empty_too) == empty_too);
    CHECK_THROWS(clusters.add(114, indexer::sketch_text(body)));  // out of order
}

TEST_CASE("the five seed articles, one event told by five outlets, are not copies of each other", "[clusters]") {
    if (test::skip_without_team_kit()) return;
    std::vector<fs::path> seeds;
    for (const auto& entry : fs::directory_iterator(test::team_kit_dir() / "seeds"))
        if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
    std::sort(seeds.begin(), seeds.end());
    REQUIRE(seeds.size() == 5);
    indexer::CopyClusters clusters;
    for (const fs::path& seed : seeds) {
        std::size_t n = clusters.add(0, indexer::sketch_text(body_of(seed)));
        INFO(seed.filename().string());
        CHECK(clusters.earliest(n) == n);
    }
    // The same bodies again, as another site would run them, do join.
    for (std::size_t i = 0; i < seeds.size(); ++i) CHECK(clusters.earliest(clusters.add(1, indexer::sketch_text(syndicated(body_of(seeds[i]))))) == i);
}

TEST_CASE("Reuters' story sent twice under two slugs is one group", "[clusters]") {
    if (test::skip_without_team_kit()) return;
    // TALKING POINT/BANKAMERICA and ECONOMIC SPOTLIGHT - BANKAMERICA: the
    // same text (syndication-eval lists the corpus's repeats).
    std::vector<std::pair<std::string, std::string>> articles;  // date, title; text below
    std::vector<std::string> texts;
    test::for_each_corpus_record(test::team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz",
                                 [&](const nlohmann::json& record) {
                                     std::string title = test::string_field(record, "title");
                                     if (title.find("BANKAMERICA") == std::string::npos) return true;
                                     articles.emplace_back(test::string_field(record, "date").substr(0, 10), title);
                                     texts.push_back(test::string_field(record, "text"));
                                     return true;
                                 });
    std::vector<std::size_t> order(articles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return articles[a].first < articles[b].first; });
    indexer::CopyClusters clusters;
    std::map<std::string, std::size_t> number;  // by title
    for (std::size_t i : order) {
        const std::string& date = articles[i].first;  // 1987-MM-DD: months of 31 days keep the order and the week
        int day = std::stoi(date.substr(5, 2)) * 31 + std::stoi(date.substr(8, 2));
        number[articles[i].second] = clusters.add(day, indexer::sketch_text(texts[i]));
    }
    REQUIRE(number.count("TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER") == 1);
    REQUIRE(number.count("ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>") == 1);
    CHECK(clusters.earliest(number["TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER"]) ==
          clusters.earliest(number["ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>"]));
    // BankAmerica's other stories, the same bank's news on other days, stay
    // apart (the corrected story sent twice aside).
    std::size_t groups = 0;
    for (std::size_t n = 0; n < clusters.size(); ++n) groups += clusters.earliest(n) == n;
    CHECK(groups >= clusters.size() - 3);
}

TEST_CASE("texts under 80 words are not joined: a wire's templated notices are not copies", "[clusters]") {
    // Two of Reuters' dividend notices, as short as they come: most of
    // their shingles are the template's.
    const std::string a = "Qtly div 10 cts vs 10 cts prior. Pay April 15. Record March 31. The company said the dividend is "
                          "its regular quarterly payout.";
    const std::string b = "Qtly div 12 cts vs 12 cts prior. Pay April 15. Record March 31. The company said the dividend is "
                          "its regular quarterly payout.";
    indexer::CopyClusters by_default, any_length(indexer::CopyClusters::default_threshold, 7, 1);
    std::size_t first = by_default.add(0, indexer::sketch_text(a));
    CHECK(by_default.earliest(by_default.add(0, indexer::sketch_text(b))) != first);
    std::size_t first_any = any_length.add(0, indexer::sketch_text(a));
    CHECK(any_length.earliest(any_length.add(0, indexer::sketch_text(b))) == first_any);  // what the limit prevents
}
