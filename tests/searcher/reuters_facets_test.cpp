// SPDX-License-Identifier: GPL-2.0-or-later
// Facet counts are exact: on the Reuters-21578 corpus (../shared), every
// facet value of several queries equals a brute-force count that visits every
// document, decides the match from the document's own term list and counts
// from the stored article (outlet, byline, date) or the entity slot.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>

#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "searcher/entity_facets.hpp"
#include "searcher/search.hpp"
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

}  // namespace

TEST_CASE("facet counts over all matches equal a brute-force count on Reuters", "[reuters][facets]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    indexer::UpdateRequest update{.database = dir / "db",
                                  .paths = {(test::team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz").string()}};
    indexer::update_database(update);
    Xapian::Database db = store::open_for_search({dir / "db"});  // registers its dictionary for decode_article
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
        request.databases = {dir / "db"};
        request.query = c.query;
        request.limit = 1;
        request.snippet_length = 0;
        for (const char* name : {"outlet", "byline", "person", "org", "place"}) request.facet_sizes[name] = 0;
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
