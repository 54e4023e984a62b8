// SPDX-License-Identifier: GPL-2.0-or-later
// --facets estimate: a sample of the archive counted and scaled up, said to
// be an estimate, and close to the exact counts.
#include <catch2/catch.hpp>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("estimated facets come from a sample, say so, and stay near the exact counts", "[facets][reuters]") {
    if (test::skip_without_team_kit()) return;
    searcher::Searcher searcher({test::shared_reuters_database()});
    searcher.set_estimate_sample(4000);  // about one document in five
    for (const char* query : {"oil", "said", "bank OR rate"}) {
        INFO(query);
        searcher::SearchRequest request;
        request.query = query;
        request.snippet_length = 0;
        searcher::SearchResult exact = searcher.search(request);
        request.estimate_facets = true;
        searcher::SearchResult estimate = searcher.search(request);
        CHECK(exact.counts_exact);
        CHECK_FALSE(estimate.counts_exact);
        CHECK(estimate.total == Approx(exact.total).epsilon(0.15));
        CHECK(estimate.hits.size() == exact.hits.size());  // ranking is not sampled
        CHECK(estimate.hits.front().id == exact.hits.front().id);
        for (std::size_t f = 0; f < exact.facets.size(); ++f) {
            INFO(exact.facets[f].name);
            REQUIRE_FALSE(estimate.facets[f].values.empty());
            // A sample of one in five says little of entries of a few dozen articles.
            if (exact.facets[f].name == "date" || exact.facets[f].values.front().count < 300) continue;
            CHECK(estimate.facets[f].values.front().count == Approx(exact.facets[f].values.front().count).epsilon(0.3));
        }
    }
}
