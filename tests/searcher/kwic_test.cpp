// SPDX-License-Identifier: GPL-2.0-or-later
// KWIC concordances list every occurrence: checked against the index's own
// positions (the indexer's tokeniser, not the concordance's), on the sample
// and on Reuters-21578, with memory that does not grow with the count.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "indexer/commands/update.hpp"
#include "searcher/kwic.hpp"
#include "searcher/search.hpp"
#include "shared/analysis.hpp"
#include "shared/text.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

// What the index holds for the words of stem (each form of it as indexed,
// unstemmed, which is what carries positions): the articles holding one,
// and the sum of their positions (each occurrence in the title and the
// text once).
std::pair<unsigned, std::uint64_t> positions_of(const std::string& db_path, const std::string& stem) {
    Xapian::Database db(db_path);
    Xapian::Stem stemmer = analysis::make_stemmer();
    std::set<Xapian::docid> articles;
    std::uint64_t positions = 0;
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
        const std::string& word = *term;
        if (word.empty() || !std::islower(static_cast<unsigned char>(word[0])) || stemmer(word) != stem) continue;
        for (auto it = db.postlist_begin(word); it != db.postlist_end(word); ++it) {
            articles.insert(*it);
            positions += static_cast<std::uint64_t>(
                std::distance(db.positionlist_begin(*it, word), db.positionlist_end(*it, word)));
        }
    }
    return {static_cast<unsigned>(articles.size()), positions};
}

searcher::Concordance concordance(const std::string& db, const std::string& query, unsigned context,
                                  std::vector<searcher::Occurrence>* kept = nullptr) {
    searcher::SearchRequest request;
    request.databases = {db};
    request.query = query;
    return searcher::make_concordance(request, context, [&](const searcher::Occurrence& occurrence) {
        if (kept) {
            kept->push_back(occurrence);
            kept->back().article = nullptr;  // valid only during the call
        }
    });
}

std::size_t characters(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

}  // namespace

TEST_CASE("kwic: every occurrence of a word, as the index counts them, with its context", "[kwic]") {
    const std::string& db = test::shared_sample_database();
    std::vector<searcher::Occurrence> found;
    auto result = concordance(db, "tram", 20, &found);
    auto [articles, positions] = positions_of(db, "tram");
    CHECK(result.articles == articles);
    CHECK(result.occurrences == positions);
    REQUIRE(found.size() == positions);
    for (const auto& occurrence : found) {
        CHECK(fold_for_search(occurrence.match).starts_with("tram"));
        CHECK(characters(occurrence.left) <= 20);
        CHECK(characters(occurrence.right) <= 20);
        CHECK(occurrence.left.find('\n') == std::string::npos);
        CHECK((occurrence.field == "title" || occurrence.field == "text"));
    }
    CHECK(result.manifest.counts_exact);
    REQUIRE(result.manifest.databases.size() == 1);
    CHECK(result.manifest.databases[0].documents == Xapian::Database(db).get_doccount());
    CHECK(concordance(db, "zeppelinxyz", 20).articles == 0);
}

TEST_CASE("kwic on Reuters-21578: a word's occurrences are the index's positions; phrases as phrases; memory flat",
          "[kwic][reuters]") {
    if (test::skip_without_team_kit()) return;
    const std::string& db = test::shared_reuters_database();
    auto [articles, positions] = positions_of(db, "oil");
    auto oil = concordance(db, "oil", 60);
    CHECK(oil.articles == articles);
    CHECK(oil.occurrences == positions);
    CHECK(positions > 4000);

    std::vector<searcher::Occurrence> found;
    auto phrase = concordance(db, "\"crude oil prices\"", 30, &found);
    searcher::SearchRequest search;
    search.databases = {db};
    search.query = "\"crude oil prices\"";
    CHECK(phrase.articles == searcher::search(search).total);
    REQUIRE_FALSE(found.empty());
    for (const auto& occurrence : found) {
        CHECK(fold_for_search(occurrence.match).starts_with("crude oil price"));
        CHECK(occurrence.match.find('\n') == std::string::npos);
    }

    // Every occurrence of "the" (over 100,000) streamed out: the process
    // grows no more than for a rare word (holding them would take tens of MB).
    auto run = [&](const std::string& word) {
        return test::run_command(test::search_binary() + " --db " + test::shell_quote(db) + " --kwic --jsonl " +
                                 word + " | tail -n 1");
    };
    auto many = run("the");
    auto few = run("zinc");
    REQUIRE(many.status == 0);
    auto summary = nlohmann::json::parse(many.out);
    CHECK(summary["occurrences"].get<std::uint64_t>() > 100000);
    CHECK(summary["occurrences"].get<std::uint64_t>() == positions_of(db, "the").second);
    CHECK(summary["manifest"]["databases"].size() == 1);
    CHECK(many.peak_rss_kb < few.peak_rss_kb + 20 * 1024);
}
