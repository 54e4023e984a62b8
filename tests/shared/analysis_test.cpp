// SPDX-License-Identifier: GPL-2.0-or-later
// The analysis settings, observed through what they do to real searches on an
// in-memory database built with the indexer's own document builder.
#include <catch2/catch.hpp>

#include "indexer/write/document_builder.hpp"
#include "searcher/query_parser.hpp"
#include "shared/analysis.hpp"
#include "shared/document_codec.hpp"
#include "shared/error.hpp"

using namespace dateline;

namespace {

struct Corpus {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void add(const std::string& title, const std::string& body) {
        Xapian::TermGenerator generator;
        analysis::configure(generator);
        Article article;
        article.title = title;
        article.body = body;
        article.source = title;
        db.add_document(indexer::build_document(article, generator));
    }

    // Titles of the matches, best first.
    std::vector<std::string> titles(const std::string& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(searcher::parse_query(query, db));
        std::vector<std::string> found;
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            found.push_back(decode_article(it.get_document().get_data()).title);
        return found;
    }
};

}  // namespace

TEST_CASE("queries are stemmed like the index: missile finds missiles, striking finds strikes", "[analysis]") {
    Corpus corpus;
    corpus.add("A", "Twelve missiles and two air strikes hit the base.");
    corpus.add("B", "No weapons were fired.");
    CHECK(corpus.titles("missile") == std::vector<std::string>{"A"});
    CHECK(corpus.titles("striking") == std::vector<std::string>{"A"});
}

TEST_CASE("every word must match by default, OR widens", "[analysis]") {
    Corpus corpus;
    corpus.add("A", "The port strike continues.");
    corpus.add("B", "The tram line was approved.");
    corpus.add("C", "A strike halted the tram line.");
    CHECK(corpus.titles("strike tram") == std::vector<std::string>{"C"});
    CHECK(corpus.titles("strike OR tram").size() == 3);
    CHECK(corpus.titles("strike NOT tram") == std::vector<std::string>{"A"});
}

TEST_CASE("a word in the headline outranks the same word in the body", "[analysis]") {
    Corpus corpus;
    corpus.add("B", "The ferry was late again and the harbour was busy with ferry traffic.");
    corpus.add("A ferry timetable", "Changes come into force in May.");
    corpus.add("C", "Nothing about boats here.");
    auto found = corpus.titles("ferry");
    REQUIRE(found.size() == 2);
    CHECK(found.front() == "A ferry timetable");
}

TEST_CASE("a phrase never matches across the end of the title and the start of the body", "[analysis]") {
    Corpus corpus;
    corpus.add("Harbour news", "Tram works begin.");
    corpus.add("X", "Harbour news tram services");
    CHECK(corpus.titles("\"news tram\"") == std::vector<std::string>{"X"});
    CHECK(corpus.titles("title:harbour") == std::vector<std::string>{"Harbour news"});
}

TEST_CASE("the settings description is what databases record", "[analysis]") {
    CHECK(analysis::describe() == "english/some/folded");
}

TEST_CASE("weighting schemes are named as --weighting takes them, and a bad one is refused with the reason", "[analysis]") {
    CHECK(analysis::make_weighting(analysis::default_weighting)->name() == "Xapian::BB2Weight");
    CHECK(analysis::make_weighting("bm25:1.2,0.75")->name() == "Xapian::BM25Weight");
    CHECK(analysis::make_weighting("bm25")->name() == "Xapian::BM25Weight");
    CHECK(analysis::make_weighting("dlh")->name() == "Xapian::DLHWeight");
    CHECK(analysis::make_weighting("pl2:2")->name() == "Xapian::PL2Weight");
    // The parameters reach Xapian: BM25 with b = 0 ignores the length of a
    // document, with b = 1 normalises by it fully.
    CHECK(analysis::make_weighting("bm25:1.2,0")->serialise() != analysis::make_weighting("bm25:1.2,1")->serialise());
    for (const char* bad : {"", "bogus", "bb2:0", "bb2:", "bb2:1,2", "bm25:1,2", "pl2:x", "dlh:1", "bm25:-1"}) {
        INFO(bad);
        try {
            analysis::make_weighting(bad);
            FAIL("accepted");
        } catch (const Error& error) {
            CHECK(error.kind() == ErrorKind::usage);
            CHECK(std::string(error.what()).find(std::string("\"") + bad + "\"") != std::string::npos);
        }
    }
}
