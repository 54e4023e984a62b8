// SPDX-License-Identifier: GPL-2.0-or-later
// The measuring kit's own arithmetic: percentiles, the query set's parsing and
// date filters, and the extraction benchmark's shingle F1.
#include <catch2/catch.hpp>

#include <set>

#include "scripts/measure/bench/latency.hpp"
#include "scripts/measure/bench/query_set.hpp"
#include "tests/support.hpp"
#include "scripts/measure/eval/shingle_f1.hpp"

using namespace dateline;

TEST_CASE("percentiles are nearest-rank over the samples", "[bench]") {
    std::vector<double> samples;
    for (int i = 100; i >= 1; --i) samples.push_back(i);  // unsorted on purpose
    CHECK(bench::percentile(samples, 50) == 50);
    CHECK(bench::percentile(samples, 99) == 99);
    CHECK(bench::percentile(samples, 100) == 100);
    CHECK(bench::percentile({7.5}, 99) == 7.5);
    CHECK(bench::percentile({}, 50) == 0);
}

TEST_CASE("a date filter splits off for the floors, the words stay", "[bench]") {
    auto split = bench::split_date_filter("officials AND added date:1987-03-01..1987-03-31");
    CHECK(split.words == "officials AND added");
    REQUIRE(split.dates);
    CHECK(split.dates->first == "1987-03-01");
    CHECK(split.dates->second == "1987-03-31");
    CHECK_FALSE(bench::split_date_filter("\"the key\"").dates);
    CHECK(bench::split_date_filter("\"the key\"").words == "\"the key\"");
}

TEST_CASE("the team kit's query set reads as 86 queries in 8 classes", "[bench]") {
    if (test::skip_without_team_kit()) return;
    auto queries = bench::read_query_set(test::team_kit_dir() / "bench" / "queries.tsv");
    std::set<std::string> classes;
    for (const auto& query : queries) {
        classes.insert(query.query_class);
        CHECK(query.k == 10);
        CHECK_FALSE(query.text.empty());
    }
    CHECK(queries.size() == 86);
    CHECK(classes == std::set<std::string>{"and2", "date", "facets", "or2", "phrase", "snippets", "term", "term_top"});
}

TEST_CASE("shingle F1 is 1 for the article itself and falls with furniture", "[bench]") {
    const std::string article =
        "The harbour authority said on Monday that night shifts would resume. Dockers voted to accept the offer.";
    const std::string furniture = "Home News Sport Weather Subscribe now Share this article on Twitter Facebook";
    using test::match_shingles, test::shingle_f1;
    CHECK(shingle_f1({match_shingles(article, article)}) == Approx(1.0));
    CHECK(shingle_f1({match_shingles(article, furniture)}) == Approx(0.0));
    double with_furniture = shingle_f1({match_shingles(article, furniture + "\n" + article)});
    CHECK(with_furniture < 1.0);
    CHECK(with_furniture > 0.5);
    // Word order matters (shingles), case does (as in the benchmark).
    CHECK(shingle_f1({match_shingles("a b c d e", "e d c b a")}) == Approx(0.0));
    CHECK(shingle_f1({match_shingles("One two three four", "one two three four")}) == Approx(0.0));
    // Pages weigh the same whatever their length: a perfect long page and a
    // missed short one average to one half in recall.
    auto perfect = match_shingles(article + " " + article, article + " " + article);
    auto missed = match_shingles("short true text here", "");
    CHECK(shingle_f1({perfect, missed}) == Approx(2 * 1.0 * 0.5 / 1.5));
}
