// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/document_codec.hpp"
#include "shared/entity_key.hpp"
#include "shared/error.hpp"

using namespace dateline;
using namespace std::chrono;

TEST_CASE("an article survives encoding and decoding unchanged", "[codec]") {
    Article article;
    article.title = "Cranes fall silent as \"Harbourton\" port strike begins";
    article.outlet = "The Harbour Courier";
    article.date = Date{year{2024}, January, day{15}};
    article.byline = {"Mara Quint", "Tomasz Bell"};
    article.dateline = "Harbourton";
    article.url = "https://harbourcourier.example/2024/01/15/strike-day-one";
    article.record_id = "export.jsonl:4711";
    article.source = "/archive/strike.txt";
    article.body = "First paragraph.\n\nSecond — with “quotes” & ünïcödé.";
    article.entities = {{EntityType::person, "Grace Oduya", "graci uduya", 3, {"Grace Oduya", "Oduya"}},
                        {EntityType::org, "Harbour Authority", "harbur authurity", 1, {"Harbour Authority"}},
                        {EntityType::place, "Harbourton", "harburtun", 2, {"Harbourton"}}};
    CHECK(decode_article(encode_article(article)) == article);
}

TEST_CASE("an article that says nothing decodes to empty values, not garbage", "[codec]") {
    Article empty;
    Article decoded = decode_article(encode_article(empty));
    CHECK(decoded == empty);
    CHECK_FALSE(decoded.date.has_value());
}

TEST_CASE("invalid UTF-8 is stored as U+FFFD so it can always be printed", "[codec]") {
    Article article;
    article.body = "bad \xFF byte";
    CHECK(decode_article(encode_article(article)).body == "bad \uFFFD byte");
}

TEST_CASE("data the codec did not write is a database error with a hint", "[codec]") {
    for (const char* data : {"", "not json", "{\"title\": 3}", "[]"}) {
        INFO(data);
        try {
            decode_article(data);
            FAIL("decoding should have thrown");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::database);
            CHECK_FALSE(e.hint().empty());
        }
    }
}

TEST_CASE("stored data leaves out what the reader derives, and keeps what it cannot", "[codec]") {
    Article article;
    article.title = "Port strike ends";
    Entity derived{EntityType::person, "Grace Oduya", variant_key("Grace Oduya", EntityType::person), 1, {"Grace Oduya"}};
    // A key that is not the name's own (an alias's, from data/entities/aliases.tsv) is kept.
    Entity aliased{EntityType::place, "US", "unitid statis", 2, {"US", "U.S."}};
    article.entities = {derived, aliased};
    std::string stored = encode_article(article);
    CHECK(stored.find("\"dateline\"") == std::string::npos);
    CHECK(stored.find("\"url\"") == std::string::npos);
    CHECK(stored.find("\"record_id\"") == std::string::npos);
    CHECK(stored.find("\"key\":\"" + derived.key + "\"") == std::string::npos);
    CHECK(stored.find("\"key\":\"unitid statis\"") != std::string::npos);
    CHECK(stored.find("[\"Grace Oduya\"]") == std::string::npos);
    CHECK(stored.find("\"mentions\":2") != std::string::npos);
    CHECK(decode_article(stored) == article);
}

TEST_CASE("data stored with every field written out still decodes", "[codec]") {
    // As the codec stored articles until December 2026.
    Article article = decode_article(
        R"({"title":"T","outlet":"","date":"","byline":[],"dateline":"","url":"","record_id":"","source":"s.txt",)"
        R"("text":"Body.","entities":[{"name":"Oduya","type":"person","mentions":1,"forms":["Oduya"],"key":"udya"}]})");
    REQUIRE(article.entities.size() == 1);
    CHECK(article.entities[0].key == "udya");
    CHECK(article.entities[0].forms == std::vector<std::string>{"Oduya"});
    CHECK(article.body == "Body.");
    CHECK(article.source == "s.txt");
}
