// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "indexer/ingest/article_extraction.hpp"
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
    CHECK(indexer::detect_format("crawl.warc.gz", "x", InputFormat::automatic) == InputFormat::warc);
    CHECK(indexer::detect_format("crawl.bin", "WARC/1.0\r\nWARC-Type: warcinfo", InputFormat::automatic) == InputFormat::warc);
    CHECK(indexer::parse_input_format("warc") == InputFormat::warc);
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

TEST_CASE("a fault one record brings out skips that record; a problem for the whole run stops it", "[records]") {
    auto fault = indexer::read_guarded([]() -> indexer::ExtractedRecord { throw std::out_of_range("vector::_M_range_check"); });
    CHECK_FALSE(fault.article);
    CHECK(fault.problem == "Dateline failed reading this record (vector::_M_range_check); please report it with the record");
    CHECK_THROWS_AS(indexer::read_guarded([]() -> indexer::ExtractedRecord { throw Error(ErrorKind::input, "no data"); }),
                    Error);
    CHECK_THROWS_AS(indexer::read_guarded([]() -> indexer::ExtractedRecord { throw std::bad_alloc(); }), std::bad_alloc);
    auto fine = indexer::read_guarded([] {
        indexer::ExtractedRecord read;
        read.problem = "no text in file";
        return read;
    });
    CHECK(fine.problem == "no text in file");
}
