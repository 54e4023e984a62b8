// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

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

TEST_CASE("links to folders, loops, dangling links and FIFOs are each named once; the walk goes on", "[walk]") {
    test::TempDir dir;

    test::write_file(dir.path() / "a/story.txt", "x");
    test::write_file(dir.path() / "elsewhere/other.txt", "x");
    std::filesystem::create_directory_symlink("..", dir.path() / "a/up");                // a loop
    std::filesystem::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "a/linked");
    std::filesystem::create_symlink(dir.path() / "gone.txt", dir.path() / "a/dangling.txt");
    std::filesystem::create_symlink(dir.path() / "elsewhere/other.txt", dir.path() / "a/alias.txt");
    std::filesystem::create_symlink(dir.path() / "a/story.txt", dir.path() / "a/z-again.txt");  // read once
    REQUIRE(::mkfifo((dir.path() / "a/pipe.txt").c_str(), 0600) == 0);
    indexer::ArchiveFiles found = indexer::find_article_files({(dir.path() / "a").string()});
    // The link to a file is read (once: the file itself lies outside the walk).
    CHECK(found.files == std::vector<std::string>{dir / "a/alias.txt", dir / "a/story.txt"});
    std::vector<std::string> said;
    for (const auto& problem : found.problems) said.push_back(problem.location + ": " + problem.reason);
    std::sort(said.begin(), said.end());
    CHECK(said == std::vector<std::string>{
                      dir / "a/dangling.txt" + ": a symbolic link to nothing (its target does not exist); skipped",
                      dir / "a/linked" + ": a symbolic link to a folder; not followed (give the folder itself to index it)",
                      dir / "a/pipe.txt" + ": not a regular file (a FIFO, socket or device); skipped",
                      dir / "a/up" + ": a symbolic link to a folder that holds it (a loop); not followed",
                      dir / "a/z-again.txt" + ": the same file as " + (dir / "a/story.txt") + " (a link); read once"});
    // Named on the command line, a FIFO is not opened (that would block).
    indexer::ArchiveFiles named = indexer::find_article_files({dir / "a/pipe.txt"});
    CHECK(named.files.empty());
    CHECK(named.problems.size() == 1);
}
