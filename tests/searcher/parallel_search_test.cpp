// SPDX-License-Identifier: GPL-2.0-or-later
// A search matched in parts side by side (one database split by document
// ids, or several databases one a thread) answers exactly as one match of
// everything: the same total, the same weights, every facet count the same.
#include <catch2/catch.hpp>

#include <fstream>

#include "indexer/commands/update.hpp"
#include "scripts/measure/bench/query_set.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

const std::filesystem::path reuters = "corpora/reuters21578/reuters21578.jsonl.gz";

searcher::SearchRequest request_for(const std::string& query, searcher::SortOrder sort = searcher::SortOrder::relevance) {
    searcher::SearchRequest request;
    request.query = query;
    request.limit = 20;
    request.snippet_length = 0;
    request.sort = sort;
    for (const char* name : {"outlet", "byline", "person", "org", "place"}) request.facet_sizes[name] = 0;  // every entry
    return request;
}

std::vector<double> scores(const searcher::SearchResult& result) {
    std::vector<double> out;
    for (const searcher::Hit& hit : result.hits) out.push_back(hit.score);
    return out;
}

std::vector<std::string> snippets(const searcher::SearchResult& result) {
    std::vector<std::string> out;
    for (const searcher::Hit& hit : result.hits) out.push_back(hit.snippet.text);
    return out;
}

std::vector<std::string> ids(const searcher::SearchResult& result) {
    std::vector<std::string> out;
    for (const searcher::Hit& hit : result.hits) out.push_back(hit.id);
    return out;
}

// Every facet as "name value=count ...", in the facet's order.
// Each facet of result as one line, but the one named skip.
std::vector<std::string> facets(const searcher::SearchResult& result, const std::string& skip = "") {
    std::vector<std::string> out;
    for (const searcher::Facet& facet : result.facets) {
        if (facet.name == skip) continue;
        std::string line = facet.name;
        for (const searcher::FacetValue& value : facet.values) line += " " + value.value + "=" + std::to_string(value.count);
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> bench_queries() {
    std::vector<std::string> queries;
    for (const auto& q : bench::read_query_set(test::team_kit_dir() / "bench/queries.tsv")) queries.push_back(q.text);
    return queries;
}

}  // namespace

TEST_CASE("parallel: one database matched in ranges of documents answers as one match", "[parallel][reuters]") {
    if (test::skip_without_team_kit()) return;
    const std::string& db = test::shared_reuters_database();
    searcher::Searcher whole({db}), parts({db});
    whole.set_split(Xapian::doccount(-1), 1);
    parts.set_split(1, 3);  // three ranges, whatever the machine
    for (const std::string& query : bench_queries()) {
        for (auto sort : {searcher::SortOrder::relevance, searcher::SortOrder::newest_first}) {
            INFO(query << (sort == searcher::SortOrder::relevance ? "" : " (newest first)"));
            auto one = whole.search(request_for(query, sort));
            auto split = parts.search(request_for(query, sort));
            CHECK(split.total == one.total);
            CHECK(split.counts_exact == one.counts_exact);
            CHECK(ids(split) == ids(one));
            CHECK(scores(split) == scores(one));
            CHECK(facets(split) == facets(one));
        }
        // The snippets too: each made from statistics of its own, whatever
        // hits were read before it and on whichever thread.
        auto with_snippets = request_for(query);
        with_snippets.snippet_length = 200;
        with_snippets.facets = false;
        CHECK(snippets(parts.search(with_snippets)) == snippets(whole.search(with_snippets)));
    }
    // A hit's snippet does not depend on the page it is shown on.
    auto page_of_ten = request_for("oil");
    page_of_ten.snippet_length = 200;
    auto alone = page_of_ten;
    alone.offset = 6;
    alone.limit = 1;
    auto ten = snippets(whole.search(page_of_ten));
    REQUIRE(ten.size() == 20);
    CHECK(snippets(whole.search(alone)) == std::vector<std::string>{ten[6]});
    // A page further on, and --recent, whose pool the parts share.
    auto page = request_for("oil");
    page.offset = 35;
    CHECK(ids(parts.search(page)) == ids(whole.search(page)));
    auto recent = request_for("wheat");
    recent.recent = true;
    CHECK(ids(parts.search(recent)) == ids(whole.search(recent)));
}

TEST_CASE("parallel: two shards searched side by side count every facet as one database of the same articles",
          "[parallel][reuters][facets]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    // The same records: all in one database (the corpus indexed as it is),
    // and the first and second half in a shard each.
    std::vector<std::string> lines;
    test::for_each_corpus_record(test::team_kit_dir() / reuters, [&](const nlohmann::json& record) {
        lines.push_back(record.dump());
        return true;
    });
    std::ofstream a(dir / "a.jsonl"), b(dir / "b.jsonl");
    for (std::size_t i = 0; i < lines.size(); ++i) (i < lines.size() / 2 ? a : b) << lines[i] << '\n';
    a.close(), b.close();
    indexer::update_database({.database = dir / "shard-a", .paths = {dir / "a.jsonl"}});
    indexer::update_database({.database = dir / "shard-b", .paths = {dir / "b.jsonl"}});
    searcher::Searcher one({test::shared_reuters_database()}), shards({dir / "shard-a", dir / "shard-b"});
    shards.set_split(1, 2);
    for (const std::string& query : bench_queries()) {
        INFO(query);
        auto single = one.search(request_for(query));
        auto sharded = shards.search(request_for(query));
        CHECK(sharded.total == single.total);
        // The same articles weigh the same: the shards are matched with the statistics of both.
        CHECK(scores(sharded) == scores(single));
        // Copies are grouped within each database: a story run in both
        // halves is a group in one database, and alone in each shard.
        CHECK(facets(sharded, "cluster") == facets(single, "cluster"));
    }
}
