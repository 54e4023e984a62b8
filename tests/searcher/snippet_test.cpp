// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/write/document_builder.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/snippet.hpp"
#include "shared/analysis.hpp"

using namespace dateline;

namespace {

searcher::Snippet snippet_for(const std::string& body, const std::string& query, unsigned length = 200) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    analysis::configure(generator);
    Article article;
    article.title = "T";
    article.body = body;
    db.add_document(indexer::build_document(article, generator));
    Xapian::Enquire enquire(db);
    enquire.set_query(searcher::parse_query(query, db));
    Xapian::MSet stats = enquire.get_mset(0, 1);
    searcher::WordRarity rarity;
    const Xapian::Query parsed = enquire.get_query();
    return searcher::SnippetScorer(parsed, stats, db, rarity).make(body, length);
}

std::vector<std::string> highlighted(const searcher::Snippet& snippet) {
    std::vector<std::string> words;
    for (auto [start, end] : snippet.highlights) words.push_back(snippet.text.substr(start, end - start));
    return words;
}

}  // namespace

TEST_CASE("snippets mark matched words, stems included, by byte range", "[snippet]") {
    auto snippet = snippet_for("The port strike began. Dockers were striking for pay.", "strike");
    CHECK(snippet.text == "The port strike began. Dockers were striking for pay.");
    CHECK(highlighted(snippet) == std::vector<std::string>{"strike", "striking"});
}

TEST_CASE("snippets are plain text: no HTML escapes and one line", "[snippet]") {
    auto snippet = snippet_for("Tom & Jerry <said> \"hi\".\n\nSecond paragraph on tram plans.", "tram");
    CHECK(snippet.text == "Tom & Jerry <said> \"hi\". Second paragraph on tram plans.");
    CHECK(highlighted(snippet) == std::vector<std::string>{"tram"});
}

TEST_CASE("a long body is cut near the match and the cut is marked", "[snippet]") {
    std::string body;
    for (int i = 0; i < 60; ++i) body += "Filler sentence number " + std::to_string(i) + " says nothing. ";
    body += "The arbiter ruled on Tuesday. ";
    for (int i = 0; i < 60; ++i) body += "More filler " + std::to_string(i) + ". ";
    auto snippet = snippet_for(body, "arbiter", 120);
    CHECK(snippet.text.size() < 200);
    CHECK(highlighted(snippet) == std::vector<std::string>{"arbiter"});
    CHECK_THAT(snippet.text, Catch::Contains("…"));
}

TEST_CASE("matching ignores case and accents; the snippet shows the body as written", "[snippet]") {
    auto snippet = snippet_for("PRÉSIDENT Sánchez met the U.S. envoy in Bogotá.\n\nThe talks in BOGOTA went well.",
                               "sanchez bogota U.S.");
    CHECK(snippet.text == "PRÉSIDENT Sánchez met the U.S. envoy in Bogotá. The talks in BOGOTA went well.");
    CHECK(highlighted(snippet) == std::vector<std::string>{"Sánchez", "U.S", "Bogotá", "BOGOTA"});
    // And the other way round: an accented query finds the plain spelling.
    CHECK(highlighted(snippet_for("Talks in Bogota.", "Bogotá")) == std::vector<std::string>{"Bogota"});
}

TEST_CASE("a snippet does not depend on the snippets made before it", "[snippet]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    analysis::configure(generator);
    std::vector<std::string> bodies;
    for (int i = 0; i < 3; ++i) {
        std::string body;
        for (int k = 0; k < 8; ++k)
            body += "The harbour pilots met on day " + std::to_string(i * 10 + k) + " and the tram board said the pilots " +
                    (k % 3 == i ? "voted for the strike. " : "waited. ");
        Article article;
        article.title = "T";
        article.body = body;
        db.add_document(indexer::build_document(article, generator));
        bodies.push_back(body);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(searcher::parse_query("pilots strike", db));
    Xapian::MSet stats = enquire.get_mset(0, 3);
    const Xapian::Query parsed = enquire.get_query();
    searcher::WordRarity shared;
    const searcher::SnippetScorer scorer(parsed, stats, db, shared);
    std::vector<std::string> in_order;
    for (const std::string& body : bodies) in_order.push_back(scorer.make(body, 80).text);
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        searcher::WordRarity fresh;
        CHECK(searcher::SnippetScorer(parsed, stats, db, fresh).make(bodies[i], 80).text == in_order[i]);
    }
    // And backwards, with the counts the first pass left.
    for (std::size_t i = bodies.size(); i-- > 0;) CHECK(scorer.make(bodies[i], 80).text == in_order[i]);
}
