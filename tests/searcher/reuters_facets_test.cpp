// SPDX-License-Identifier: GPL-2.0-or-later
// Facet counts are exact: on the Reuters-21578 corpus (../shared), every
// facet value of several queries equals a brute-force count that visits every
// document, decides the match from the document's own term list and counts
// from the stored article (outlet, byline, date) or the entity and cluster
// slots. And on its real repeated stories, --collapse shows each group once,
// matched in one piece or in parts, and says where the copies ran.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>

#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "searcher/entity_facets.hpp"
#include "searcher/search.hpp"
#include "searcher/search_request.hpp"
#include "shared/analysis.hpp"
#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

using Counts = std::map<std::string, unsigned>;

Counts as_counts(const std::vector<searcher::FacetValue>& values) {
    Counts counts;
    for (const auto& value : values) counts[value.value] = value.count;
    return counts;
}

struct BruteForce {
    unsigned total = 0;
    std::map<std::string, Counts> facets;
};

using Match = std::function<bool(const std::set<std::string>&, const Xapian::Document&)>;

// Every document of db, matched by matches(terms of the document, the document).
BruteForce brute_force(const Xapian::Database& db, const Match& matches) {
    BruteForce counted;
    std::map<EntityType, searcher::ValueCounts> entities;
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        Xapian::Document document = db.get_document(*id);
        std::set<std::string> terms(document.termlist_begin(), document.termlist_end());
        if (!matches(terms, document)) continue;
        ++counted.total;
        Article article = decode_article(document.get_data());
        if (!article.outlet.empty()) ++counted.facets["outlet"][article.outlet];
        for (const std::string& name : article.byline) ++counted.facets["byline"][name];
        if (article.date) ++counted.facets["date"][format_iso_date(*article.date)];  // by day
        if (std::string group = document.get_value(schema::cluster.slot); !group.empty()) ++counted.facets["cluster"][group];
        for (EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
            std::string all = document.get_value(schema::entity_field(type).slot);
            for (std::size_t start = 0; start < all.size();) {
                std::size_t end = std::min(all.find(schema::values_separator, start), all.size());
                ++entities[type][all.substr(start, end - start)];
                start = end + 1;
            }
        }
    }
    for (auto& [type, counts] : entities)
        counted.facets[std::string(schema::entity_field(type).name)] = as_counts(searcher::fold_entity_facet(counts, type));
    return counted;
}

std::string stem(const std::string& word) { return "Z" + analysis::make_stemmer()(word); }

// Whether the document has first immediately followed by second.
bool adjacent(const Xapian::Document& document, const std::string& first, const std::string& second) {
    auto positions = [&](const std::string& term) {
        std::set<Xapian::termpos> found;
        Xapian::TermIterator t = document.termlist_begin();
        t.skip_to(term);
        if (t != document.termlist_end() && *t == term) found.insert(t.positionlist_begin(), t.positionlist_end());
        return found;
    };
    std::set<Xapian::termpos> of_first = positions(first);
    for (Xapian::termpos p : positions(second))
        if (p > 0 && of_first.contains(p - 1)) return true;
    return false;
}

// How many articles of db are in group.
unsigned group_size(const Xapian::Database& db, const std::string& group) {
    unsigned size = 0;
    for (auto it = db.valuestream_begin(schema::cluster.slot); it != db.valuestream_end(schema::cluster.slot); ++it)
        size += *it == group;
    return size;
}

}  // namespace

TEST_CASE("facet counts over all matches equal a brute-force count on Reuters", "[reuters][facets]") {
    if (test::skip_without_team_kit()) return;
    const std::string& path = test::shared_reuters_database();
    Xapian::Database db = store::open_for_search({path});  // registers its dictionary for decode_article
    REQUIRE(db.get_doccount() > 20'000);

    struct Case {
        std::string query;
        Match matches;
    };
    std::vector<Case> cases{
        {"oil", [](const auto& t, const auto&) { return t.contains(stem("oil")); }},
        {"coffee export", [](const auto& t, const auto&) { return t.contains(stem("coffee")) && t.contains(stem("export")); }},
        {"grain OR wheat", [](const auto& t, const auto&) { return t.contains(stem("grain")) || t.contains(stem("wheat")); }},
        {"gold date:1987-03", [](const auto& t, const auto&) { return t.contains(stem("gold")) && t.contains("M198703"); }},
        {"bank NOT interest", [](const auto& t, const auto&) { return t.contains(stem("bank")) && !t.contains(stem("interest")); }},
        // A phrase: counted in the ranked match itself (part_match.hpp).
        {"\"oil prices\"", [](const auto&, const auto& d) { return adjacent(d, "oil", "prices"); }},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        searcher::SearchRequest request;
        request.databases = {path};
        request.query = c.query;
        request.limit = 1;
        request.snippet_length = 0;
        for (const char* name : {"outlet", "byline", "person", "org", "place", "cluster"}) request.facet_sizes[name] = 0;
        searcher::SearchResult result = searcher::search(request);
        BruteForce expected = brute_force(db, c.matches);
        CHECK(result.counts_exact);
        CHECK(result.total == expected.total);
        CHECK(result.total > 10);
        for (const searcher::Facet& facet : result.facets) {
            INFO(facet.name);
            Counts wanted = expected.facets[facet.name];
            if (facet.name == "date") {
                // Reuters runs from February to October 1987: by month, or by
                // day within March.
                CHECK(facet.granularity == (c.query.find("date:") == std::string::npos ? "month" : "day"));
                Counts by_unit;
                for (const auto& [day, count] : wanted) by_unit[day.substr(0, facet.granularity == "day" ? 10 : 7)] += count;
                wanted = by_unit;
            }
            CHECK(as_counts(facet.values) == wanted);
        }
    }
}

TEST_CASE("--collapse shows each group of Reuters' repeated stories once, matched whole or in parts", "[reuters][clusters]") {
    if (test::skip_without_team_kit()) return;
    const std::string& path = test::shared_reuters_database();
    Xapian::Database db = store::open_for_search({path});
    searcher::Searcher whole({path}), parts({path});
    whole.set_split(Xapian::doccount(-1), 1);
    constexpr unsigned part_count = 16;
    parts.set_split(1, part_count);
    const Xapian::docid step = db.get_lastdocid() / part_count + 1;  // as the search plans its parts
    auto ids = [](const searcher::SearchResult& result) {
        std::vector<std::string> found;
        for (const searcher::Hit& hit : result.hits) found.push_back(hit.id);
        return found;
    };
    bool group_across_parts = false;
    for (const char* query : {"bank", "oil", "trade deficit", "\"prime rate\""}) {
        INFO(query);
        searcher::SearchRequest request;
        request.databases = {path};
        request.query = query;
        request.limit = searcher::max_limit;
        request.snippet_length = 0;
        searcher::SearchResult every = whole.search(request);
        REQUIRE(every.hits.size() == every.total);
        // Collapsed: the same ranking with each group's later copies left out.
        std::vector<std::string> expected;
        std::set<std::string> seen;
        std::map<std::string, std::set<Xapian::docid>> parts_of_group;
        for (const searcher::Hit& hit : every.hits)
            if (hit.cluster.empty() || seen.insert(hit.cluster).second) expected.push_back(hit.id);
        for (auto it = db.valuestream_begin(schema::cluster.slot); it != db.valuestream_end(schema::cluster.slot); ++it)
            if (seen.contains(*it)) parts_of_group[*it].insert((it.get_docid() - 1) / step);
        for (const auto& [group, in_parts] : parts_of_group) group_across_parts |= in_parts.size() > 1;
        CHECK(seen.size() > 2);

        request.collapse = true;
        searcher::SearchResult collapsed = whole.search(request), in_parts = parts.search(request);
        CHECK(ids(collapsed) == expected);
        CHECK(ids(in_parts) == expected);
        CHECK(collapsed.total == every.total);
        REQUIRE(collapsed.stories);
        CHECK(*collapsed.stories == expected.size());
        CHECK(in_parts.stories == collapsed.stories);
        request.limit = 10;
        CHECK(ids(parts.search(request)) == std::vector<std::string>(expected.begin(), expected.begin() + 10));

        // Each hit of a group says how many copies, where, and which came first.
        for (const searcher::Hit& hit : collapsed.hits) {
            if (hit.cluster.empty()) {
                CHECK(!hit.copies);
                continue;
            }
            REQUIRE(hit.copies);
            CHECK(hit.copies->others + 1 == group_size(db, hit.cluster));
            CHECK(hit.copies->outlets == std::vector<std::string>{"Reuters"});
            CHECK(!hit.copies->earliest.date.empty());
            CHECK(hit.copies->earliest.date <= format_iso_date(*hit.article.date));
        }
    }
    CHECK(group_across_parts);  // so the parts' merge had groups to collapse
}
