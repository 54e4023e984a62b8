// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/ingest/archive_walk.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("directories are walked recursively in sorted order for article files", "[walk]") {
    test::TempDir dir;
    for (const char* name : {"b/2.txt", "a/z/1.TXT", "a/3.txt.gz", "c.jsonl", "d.ndjson.gz", "notes.md", "data.csv",
                             "e.json", "f.gz"})
        test::write_file(dir.path() / name, "x");
    indexer::ArchiveFiles found = indexer::find_article_files({dir.path().string()});
    CHECK(found.problems.empty());
    CHECK(found.files == std::vector<std::string>{dir / "a/3.txt.gz", dir / "a/z/1.TXT", dir / "b/2.txt",
                                                  dir / "c.jsonl", dir / "d.ndjson.gz"});
}

TEST_CASE("a file named on the command line is indexed whatever its extension", "[walk]") {
    test::TempDir dir;
    test::write_file(dir.path() / "story.text", "x");
    CHECK(indexer::find_article_files({dir / "story.text"}).files == std::vector<std::string>{dir / "story.text"});
}

TEST_CASE("a path that does not exist is an input error before anything is indexed", "[walk]") {
    test::TempDir dir;
    try {
        indexer::find_article_files({dir.path().string(), dir / "typo"});
        FAIL("a missing path was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK_THAT(e.what(), Catch::Contains("typo"));
    }
}
