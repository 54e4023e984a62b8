// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <xapian.h>

#include "indexer/update.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

indexer::IndexingReport index(const std::string& db, const std::vector<std::string>& paths,
                              const std::vector<std::string>& manifests = {}) {
    return indexer::update_database({.database = db, .paths = paths, .manifests = manifests});
}

unsigned count_matches(const std::string& db, const std::string& query) {
    searcher::SearchRequest request;
    request.databases = {db};
    request.query = query;
    return searcher::search(request).total;
}

}  // namespace

TEST_CASE("indexing the sample twice writes nothing the second time", "[update]") {
    test::TempDir dir;
    std::string articles = (test::sample_dir() / "articles").string();
    std::string manifest = (test::sample_dir() / "manifest.jsonl").string();
    indexer::IndexingReport first = index(dir / "db", {articles}, {manifest});
    CHECK(first.added == 44);
    CHECK(first.replaced == 0);
    CHECK(first.problems.empty());
    CHECK(first.documents_in_database == 44);

    Xapian::rev revision = Xapian::Database(dir / "db").get_revision();
    indexer::IndexingReport second = index(dir / "db", {articles}, {manifest});
    CHECK(second.added == 0);
    CHECK(second.replaced == 0);
    CHECK(second.unchanged == 44);
    CHECK(second.documents_in_database == 44);
    CHECK(Xapian::Database(dir / "db").get_revision() == revision);  // no commit at all
}

TEST_CASE("an edited article replaces its old text in the index", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable changes\n\nThe ferry leaves at nine.\n");
    index(dir / "db", {dir / "in"});
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable changes\n\nThe ferry now leaves at ten.\n");
    indexer::IndexingReport report = index(dir / "db", {dir / "in"});
    CHECK(report.replaced == 1);
    CHECK(report.documents_in_database == 1);
    CHECK(count_matches(dir / "db", "ten") == 1);
    CHECK(count_matches(dir / "db", "nine") == 0);
}

TEST_CASE("an empty file is skipped and reported, and the others are indexed", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Title A\n\nBody A.\n");
    test::write_file(dir.path() / "in/b.txt", " \n\n");
    test::write_file(dir.path() / "in/c.txt", "Title C\n\nBody C.\n");
    indexer::IndexingReport report = index(dir / "db", {dir / "in"});
    CHECK(report.added == 2);
    CHECK(report.skipped == 1);
    CHECK(report.is_partial());
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].location == dir / "in/b.txt");
    CHECK_THAT(report.problems[0].reason, Catch::Contains("no text"));
}

TEST_CASE("a manifest row for a file that does not exist is a warning naming the row", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Title A\n\nBody A.\n");
    test::write_file(dir.path() / "in/m.jsonl",
                     "{\"path\": \"a.txt\", \"outlet\": \"Meridian Wire\"}\n{\"path\": \"gone.txt\"}\n");
    indexer::IndexingReport report = index(dir / "db", {dir / "in"}, {dir / "in/m.jsonl"});
    CHECK(report.added == 1);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].location == dir / "in/m.jsonl:2");
    CHECK(report.is_partial());
    CHECK(count_matches(dir / "db", "outlet:\"Meridian Wire\"") == 1);
}
