// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "searcher/common_words.hpp"
#include "searcher/query_parser.hpp"
#include "shared/analysis.hpp"
#include "shared/error.hpp"

using namespace dateline;

namespace {

std::string parsed(const std::string& text) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    return searcher::parse_query(text, db).get_description();
}

}  // namespace

TEST_CASE("field names from the schema become the schema's terms", "[query]") {
    // Each row: what a user types -> a term the query must contain.
    CHECK_THAT(parsed("outlet:\"The HARBOUR Courier\""), Catch::Contains("XOUTthe harbour courier"));
    CHECK_THAT(parsed("byline:\"Mara Quint\""), Catch::Contains("Amara quint"));
    CHECK_THAT(parsed("author:\"Mara Quint\""), Catch::Contains("Amara quint"));  // alias
    CHECK_THAT(parsed("title:strike"), Catch::Contains("ZSstrike"));               // stemmed title term
    CHECK_THAT(parsed("date:2024-02"), Catch::Contains("M202402"));
    CHECK_THAT(parsed("date:2024-02-03"), Catch::Contains("D20240203"));
    CHECK_THAT(parsed("person:Oduya"), Catch::Contains("XPERudu"));  // entity keys: shared/entity_key.hpp
    CHECK_THAT(parsed("person:\"Grace Oduya\""), Catch::Contains("XPERgraci udu") && Catch::Contains("XPONEudu"));
    CHECK_THAT(parsed("org:\"Harbour Authorities\""), Catch::Contains("XORGharbur athuriti"));
    CHECK_THAT(parsed("place:Teheran"), Catch::Contains("XPLACEtihran"));
    CHECK_THAT(parsed("entity:Tehran"), Catch::Contains("XPERtihran") && Catch::Contains("XPLACEtihran"));
    CHECK_THAT(parsed("id:4F1E9D4FBB1C9B4F"), Catch::Contains("Q4f1e9d4fbb1c9b4f"));
}

TEST_CASE("a filter on its own restricts without needing a word", "[query]") {
    CHECK_THAT(parsed("outlet:\"Meridian Wire\""), Catch::Contains("XOUTmeridian wire"));
    CHECK_THAT(parsed("strike date:2024"), Catch::Contains("FILTER") && Catch::Contains("Y2024"));
}

TEST_CASE("an impossible date in a query is a usage error that shows the format", "[query]") {
    for (auto [query, message] : {std::pair{"date:2024-13", "invalid date in query: date:2024-13 at character 1"},
                                  {"strike date:2024-02-30", "invalid date in query: date:2024-02-30 at character 8"},
                                  {"date:soon", "invalid date in query: date:soon at character 1"},
                                  {"harbour date:..", "invalid date in query: date:.. at character 9"}}) {
        INFO(query);
        try {
            parsed(query);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(std::string(e.what()) == message);
            CHECK_THAT(e.hint(), Catch::Contains("YYYY-MM-DD"));
        }
    }
}

TEST_CASE("a date range is the fewest year, month and day terms, ORed", "[query]") {
    std::string described = parsed("date:2023-12-31..2024-02");
    CHECK_THAT(described, Catch::Contains("D20231231") && Catch::Contains("M202401") &&
                              Catch::Contains("M202402"));
    CHECK_THAT(described, !Catch::Contains("D202401"));
    // An open end on an empty database matches nothing rather than failing.
    CHECK(parsed("date:2020..") == "Query()");
}

TEST_CASE("--since and --until filter like a date range and reject what is not a date", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    searcher::QueryOptions options;
    options.since = "2024-01-15";
    options.until = "2024-02";
    std::string described = searcher::parse_query("strike", db, options).get_description();
    CHECK_THAT(described, Catch::Contains("FILTER") && Catch::Contains("D20240115") &&
                              Catch::Contains("M202402"));
    options.until = "february";
    CHECK_THROWS_AS(searcher::parse_query("strike", db, options), Error);
}

TEST_CASE("words in over a quarter of the articles match but weigh nothing while a rarer word is there", "[query]") {
    // "port" in all four articles, "strike" in one.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* text : {"port strike", "port news", "port tram", "port flood"}) {
        Xapian::Document document;
        Xapian::TermGenerator generator;
        analysis::configure(generator);
        generator.set_document(document);
        generator.index_text(text);
        db.add_document(document);
    }
    auto rewritten = [&](const std::string& text) {
        return searcher::weigh_common_words_zero(searcher::parse_query(text, db), db).get_description();
    };
    CHECK_THAT(rewritten("port strike"), Catch::Contains("0 * Zport") && !Catch::Contains("0 * Zstrike"));
    CHECK_THAT(rewritten("port"), !Catch::Contains("0 *"));  // nothing rarer: unchanged
    // The share is a parameter (--common-share): at 1 no word is common; at
    // 0.2, "strike" (in a quarter of the articles) is common too, so nothing is rarer.
    CHECK_THAT(searcher::weigh_common_words_zero(searcher::parse_query("port strike", db), db, 1.0).get_description(),
               !Catch::Contains("0 *"));
    CHECK_THAT(searcher::weigh_common_words_zero(searcher::parse_query("port strike", db), db, 0.2).get_description(),
               !Catch::Contains("0 *"));
    // Matching is unchanged: every "port" article still matches an OR query, the rare word first.
    Xapian::Enquire enquire(db);
    analysis::configure(enquire);
    searcher::QueryOptions any;
    any.match_any = true;
    enquire.set_query(searcher::weigh_common_words_zero(searcher::parse_query("port strike", db, any), db));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    CHECK(mset.size() == 4);
    CHECK(*mset.begin() == 1);
}
