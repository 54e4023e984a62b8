// SPDX-License-Identifier: GPL-2.0-or-later
// Searches over the bundled sample archive, against counts worked out from the
// articles and the manifest by hand (grep and a look at manifest.jsonl), not
// from Dateline's own output.
#include <algorithm>

#include <catch2/catch.hpp>

#include "indexer/commands/update.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/search.hpp"
#include "searcher/suggest.hpp"
#include "shared/dates.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
using searcher::FacetValue;

namespace {

searcher::SearchResult run(const std::string& query, unsigned limit = 10, unsigned offset = 0) {
    searcher::SearchRequest request;
    request.databases = {test::shared_sample_database()};
    request.query = query;
    request.limit = limit;
    request.offset = offset;
    return searcher::search(request);
}

std::vector<std::pair<std::string, unsigned>> counts(const searcher::SearchResult& result,
                                                     const std::string& facet_name) {
    for (const searcher::Facet& facet : result.facets) {
        if (facet.name != facet_name) continue;
        std::vector<std::pair<std::string, unsigned>> values;
        for (const FacetValue& value : facet.values) values.emplace_back(value.value, value.count);
        return values;
    }
    FAIL("no facet " << facet_name);
    return {};
}

using Counts = std::vector<std::pair<std::string, unsigned>>;

}  // namespace

TEST_CASE("a name finds every article that mentions it, with exact facet counts", "[sample]") {
    // grep -l Haddad: 10 files, all in the manifest.
    auto result = run("Haddad", 20);
    CHECK(result.total == 10);
    CHECK(result.counts_exact);
    CHECK(result.hits.size() == 10);
    CHECK(counts(result, "outlet") ==
          Counts{{"The Harbour Courier", 5}, {"Meridian Wire", 3}, {"The Coastline Gazette", 2}});
    CHECK(counts(result, "date") == Counts{{"2024-01", 3}, {"2024-02", 4}, {"2024-03", 2}, {"2024-04", 1}});
    // The manifest's bylines of those 10 files.
    CHECK(counts(result, "byline") == Counts{{"Mara Quint", 5}, {"Noor Aziz", 3}, {"Elin Marsh", 2}});
}

TEST_CASE("the date facet counts by day when the matches span two months or less", "[sample]") {
    auto result = run("Haddad date:2024-02");
    auto date = std::find_if(result.facets.begin(), result.facets.end(),
                             [](const searcher::Facet& f) { return f.name == "date"; });
    REQUIRE(date != result.facets.end());
    CHECK(date->granularity == "day");
    CHECK(counts(result, "date") == Counts{{"2024-02-06", 1}, {"2024-02-12", 1}, {"2024-02-13", 1}, {"2024-02-21", 1}});
    CHECK(run("Haddad").facets.at(2).granularity == "month");  // 2024-01-05 .. 2024-04-22
}

TEST_CASE("every hit's snippet highlights the word searched for", "[sample]") {
    for (const char* word : {"Haddad", "flood", "tram"}) {
        INFO(word);
        auto result = run(word, 50);
        REQUIRE_FALSE(result.hits.empty());
        for (const searcher::Hit& hit : result.hits) {
            INFO(hit.article.source);
            REQUIRE_FALSE(hit.snippet.highlights.empty());
            auto [start, end] = hit.snippet.highlights.front();
            std::string marked = hit.snippet.text.substr(start, end - start);
            CHECK(Catch::toLower(marked).rfind(Catch::toLower(word), 0) == 0);  // flood: flood, floods, flooded
        }
    }
}

TEST_CASE("articles the manifest does not cover are dated from their text, and have no outlet", "[sample]") {
    // 5 files mention "tram"; two Courier ones are not in the manifest: their
    // "Published 30 January 2024" and "... 16 April 2024" lines date them,
    // but nothing in their text names the outlet.
    auto result = run("tram");
    CHECK(result.total == 5);
    CHECK(counts(result, "outlet") == Counts{{"The Harbour Courier", 2}, {"Meridian Wire", 1}});
    CHECK(counts(result, "date") == Counts{{"2024-01", 2}, {"2024-03", 1}, {"2024-04", 2}});
}

TEST_CASE("filters on outlet, date and author match the manifest and the articles' own lines", "[sample]") {
    CHECK(run("outlet:\"Meridian Wire\"").total == 8);
    CHECK(run("outlet:\"meridian  WIRE\" date:2024-01").total == 2);
    CHECK(run("date:2024-02").total == 13);  // 11 from the manifest, 2 from "Published" lines
    CHECK(run("date:2024").total == 44);  // every article is dated
    CHECK(run("author:\"Mara Quint\"").total == 7);  // 6 from the manifest, 1 "By Mara Quint"
    CHECK(run("Haddad outlet:\"The Coastline Gazette\"").total == 2);
}

TEST_CASE("a headline match ranks above passing mentions in the body", "[sample]") {
    // Two articles have "arbiter" in the headline, two only in the body.
    auto result = run("arbiter");
    REQUIRE(result.total == 4);
    CHECK_THAT(Catch::toLower(result.hits[0].article.title), Catch::Contains("arbiter"));
    CHECK_THAT(Catch::toLower(result.hits[1].article.title), Catch::Contains("arbiter"));
    CHECK_THAT(Catch::toLower(result.hits[2].article.title), !Catch::Contains("arbiter"));
}

TEST_CASE("paging continues the ranking and the total stays the same", "[sample]") {
    auto all = run("Haddad", 10);
    auto page = run("Haddad", 5, 8);
    CHECK(page.total == 10);
    REQUIRE(page.hits.size() == 2);
    CHECK(page.hits[0].rank == 9);
    CHECK(page.hits[0].id == all.hits[8].id);
    CHECK(page.hits[1].id == all.hits[9].id);
}

TEST_CASE("the two spellings of a name each find their own articles", "[sample]") {
    // Until entities fold variants, Youssef (Courier) and Yusuf (Wire,
    // Gazette) are different words: 5 files each.
    CHECK(run("Youssef").total == 5);
    CHECK(run("Yusuf").total == 5);
    CHECK(run("Youssef OR Yusuf").total == 10);
}

TEST_CASE("an empty query is a usage error", "[sample]") {
    CHECK_THROWS_MATCHES(run("   "), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::usage; }));
}

TEST_CASE("several databases are searched as one, facets summed across them", "[sample]") {
    test::TempDir dir;
    const std::filesystem::path articles = test::sample_dir() / "articles";
    const std::string manifest = (test::sample_dir() / "manifest.jsonl").string();
    indexer::update_database(
        {.database = dir / "courier", .paths = {(articles / "harbour-courier").string()}, .manifests = {manifest}});
    indexer::update_database({.database = dir / "rest",
                              .paths = {(articles / "meridian-wire").string(), (articles / "coastline-gazette").string(),
                                        (articles / "northgate-post").string(), (articles / "valley-ledger").string()},
                              .manifests = {manifest}});
    searcher::SearchRequest request;
    request.databases = {dir / "courier", dir / "rest"};
    request.query = "Haddad";
    auto result = searcher::search(request);
    CHECK(result.total == 10);
    CHECK(counts(result, "outlet") ==
          Counts{{"The Harbour Courier", 5}, {"Meridian Wire", 3}, {"The Coastline Gazette", 2}});
    CHECK(counts(result, "date") == Counts{{"2024-01", 3}, {"2024-02", 4}, {"2024-03", 2}, {"2024-04", 1}});
}

TEST_CASE("date ranges count what a scan of every article's date counts", "[sample][dates]") {
    // Brute force: read each stored article's date and test it against the range.
    Xapian::Database db = store::open_for_search({test::shared_sample_database()});
    auto scanned = [&](const std::string& first, const std::string& last) {
        unsigned n = 0;
        for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
            std::string value;
            try {
                value = db.get_document(id).get_value(schema::date.slot);
            } catch (const Xapian::DocNotFoundError&) {
                continue;
            }
            if (!value.empty() && value >= first && value <= last) ++n;
        }
        return n;
    };
    struct Row { const char* query; const char* first; const char* last; };
    const Row rows[] = {
        {"date:2024-01-15..2024-02-10", "20240115", "20240210"},
        {"date:2024-02..2024-03", "20240201", "20240331"},
        {"date:2024-03-20..", "20240320", "99991231"},
        {"date:..2024-01-31", "00000101", "20240131"},
        {"date:2024", "20240101", "20241231"},
    };
    for (const Row& row : rows) {
        INFO(row.query);
        unsigned expected = scanned(row.first, row.last);
        CHECK(expected > 0);
        CHECK(run(row.query, 0).total == expected);
    }
    CHECK(run("date:2024-02", 0).total == 13);  // counted by hand from the articles

    // A range wider than the archive costs terms only for the years it holds
    // (the sample is all 2024), not one per year typed.
    CHECK(run("date:1900..2100", 0).total == scanned("00000101", "99991231"));
    std::string wide = searcher::parse_query("date:1900..2100", db).get_description();
    CHECK_THAT(wide, Catch::Contains("Y2024"));
    CHECK_THAT(wide, !Catch::Contains("Y1900") && !Catch::Contains("Y2023") && !Catch::Contains("Y2100"));
}

TEST_CASE("--sort orders by date either way with undated articles last; --recent lifts recent matches", "[sample]") {
    searcher::SearchRequest request;
    request.databases = {test::shared_sample_database()};
    request.query = "strike";
    request.limit = 50;
    auto dates = [&] {
        std::vector<std::string> seen;
        for (const searcher::Hit& hit : searcher::search(request).hits)
            seen.push_back(hit.article.date ? format_iso_date(*hit.article.date) : "");
        return seen;
    };
    auto relevance = dates();
    request.sort = searcher::SortOrder::oldest_first;
    auto oldest = dates();
    request.sort = searcher::SortOrder::newest_first;
    auto newest = dates();
    REQUIRE(oldest.size() == relevance.size());
    CHECK(std::is_sorted(oldest.begin(), oldest.end()));
    CHECK(std::is_sorted(newest.begin(), newest.end(), std::greater<>()));
    CHECK(newest.front() == "2024-04-22");  // the newest article that mentions a strike
    request.sort = searcher::SortOrder::relevance;
    request.recent = true;
    auto recent = dates();
    CHECK(relevance.front() != "2024-04-22");
    CHECK(recent.front() == "2024-04-22");
    CHECK(std::is_permutation(recent.begin(), recent.end(), relevance.begin()));
    request.sort = searcher::SortOrder::newest_first;
    CHECK_THROWS_AS(searcher::search(request), Error);
}

TEST_CASE("--sort puts articles without a date last, oldest or newest first", "[sample]") {
    test::TempDir dir;
    const std::string story = "\n\nThe dockers' strike at the port entered its second week, and the union said that "
                              "it would not return to talks until the harbour authority made a new offer.\n";
    test::write_file(dir.path() / "in/a.txt", "Strike enters second week\n\nPublished 3 January 2024" + story);
    test::write_file(dir.path() / "in/b.txt", "Strike goes on without talks" + story);
    test::write_file(dir.path() / "in/c.txt", "Strike talks stall\n\nPublished 9 February 2024" + story);
    indexer::UpdateRequest update{.database = dir / "db", .paths = {dir / "in"}};
    update.entities = false;
    indexer::update_database(update);
    searcher::SearchRequest request;
    request.databases = {dir / "db"};
    request.query = "strike";
    auto dates = [&](searcher::SortOrder order) {
        request.sort = order;
        std::vector<std::string> seen;
        for (const searcher::Hit& hit : searcher::search(request).hits)
            seen.push_back(hit.article.date ? format_iso_date(*hit.article.date) : "");
        return seen;
    };
    CHECK(dates(searcher::SortOrder::oldest_first) == std::vector<std::string>{"2024-01-03", "2024-02-09", ""});
    CHECK(dates(searcher::SortOrder::newest_first) == std::vector<std::string>{"2024-02-09", "2024-01-03", ""});
}

TEST_CASE("a query that finds little suggests respellings from the index's own words", "[sample]") {
    CHECK(run("harbourtn").did_you_mean == "harbourton");
    CHECK(run("stirke").did_you_mean == "strike");  // two letters swapped: one edit
    // Field values and operators are kept as typed; only the unknown word changes.
    auto result = run("outlet:\"Meridian Wire\" AND dokers");
    CHECK(result.total == 0);
    CHECK(result.did_you_mean == "outlet:\"Meridian Wire\" AND dockers");
    CHECK_FALSE(run("harbourton").did_you_mean);  // plenty found
    CHECK_FALSE(run("zzyzx").did_you_mean);       // nothing close
    CHECK(searcher::edit_distance("strike", "stirke", 2) == 1);
    CHECK(searcher::edit_distance("kitten", "sitting", 2) == 3);  // over the limit: limit + 1
    CHECK(searcher::edit_distance("flood", "floods", 2) == 1);
}
