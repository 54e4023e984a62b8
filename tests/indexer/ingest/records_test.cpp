// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/ingest/records.hpp"
#include "shared/error.hpp"

using namespace dateline;
using indexer::InputFormat;

TEST_CASE("the format comes from the file name, then the content, unless forced", "[records]") {
    CHECK(indexer::detect_format("a.jsonl", "x", InputFormat::automatic) == InputFormat::jsonl);
    CHECK(indexer::detect_format("a.ndjson.gz", "x", InputFormat::automatic) == InputFormat::jsonl);
    CHECK(indexer::detect_format("a.txt", "{\"text\": \"t\"}\n{}", InputFormat::automatic) == InputFormat::jsonl);
    CHECK(indexer::detect_format("a.txt", "{Not JSON} a headline\nbody", InputFormat::automatic) == InputFormat::text);
    CHECK(indexer::detect_format("a.txt", "Headline\nbody", InputFormat::automatic) == InputFormat::text);
    CHECK(indexer::detect_format("a.jsonl", "x", InputFormat::text) == InputFormat::text);
    CHECK_THROWS_AS(indexer::parse_input_format("xml"), Error);
}

TEST_CASE("a broken line is a problem of its own; ids are qualified by the file name", "[records]") {
    indexer::ReadingRules fields;
    auto broken = indexer::extract_record({"/a/x.jsonl#2", "{\"text\": \"cut off", 2}, InputFormat::jsonl, fields);
    CHECK_FALSE(broken.article);
    CHECK_THAT(broken.problem, Catch::Contains("not valid JSON"));
    CHECK_THAT(indexer::extract_record({"/a/x.jsonl#3", "[1]", 3}, InputFormat::jsonl, fields).problem,
               Catch::Contains("not a JSON object"));
    auto good = indexer::extract_record({"/a/x.jsonl#4", "{\"id\": 9, \"text\": \"t\"}", 4}, InputFormat::jsonl, fields);
    REQUIRE(good.article);
    CHECK(good.article->record_id == "x.jsonl:9");
    CHECK(good.article->source == "/a/x.jsonl#4");
}

TEST_CASE("a record key leads back to its file", "[records]") {
    CHECK(indexer::file_of_key("/a/x.jsonl#12") == "/a/x.jsonl");
    CHECK(indexer::file_of_key("/a/x.txt") == "/a/x.txt");
    CHECK(indexer::file_of_key("/a/#notes.txt") == "/a/#notes.txt");
}
