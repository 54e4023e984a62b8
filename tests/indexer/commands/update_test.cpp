// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "shared/schema.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

indexer::IndexingReport index(const std::string& db, const std::vector<std::string>& paths,
                              const std::vector<std::string>& manifests = {}) {
    return indexer::update_database({.database = db, .paths = paths, .manifests = manifests});
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
    CHECK(test::count_matches(dir / "db", "ten") == 1);
    CHECK(test::count_matches(dir / "db", "nine") == 0);
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
    CHECK(test::count_matches(dir / "db", "outlet:\"Meridian Wire\"") == 1);
}

TEST_CASE("a changed file is rewritten, and a vanished one is pruned only with --prune", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    test::write_file(dir.path() / "in/b.txt", "Tram works\n\nThe tram works begin in May.\n");
    test::write_file(dir.path() / "other/c.txt", "Museum\n\nThe museum reopens.\n");
    index(dir / "db", {dir / "in", dir / "other"});

    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at ten.\n");
    std::filesystem::remove(dir.path() / "in/b.txt");
    std::filesystem::remove(dir.path() / "other/c.txt");
    auto without_prune = index(dir / "db", {dir / "in"});
    CHECK(without_prune.replaced == 1);
    CHECK(without_prune.pruned == 0);
    CHECK(without_prune.documents_in_database == 3);

    // Only articles below the paths of this run are pruned: other/c.txt is
    // gone too, but this run did not look at other/.
    auto pruned = indexer::update_database({.database = dir / "db", .paths = {dir / "in"}, .prune = true});
    CHECK(pruned.unchanged == 1);
    CHECK(pruned.pruned == 1);
    CHECK(pruned.documents_in_database == 2);
    CHECK(test::count_matches(dir / "db", "tram") == 0);
    CHECK(test::count_matches(dir / "db", "museum") == 1);
}

TEST_CASE("editing an article's manifest entry rewrites the article", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    test::write_file(dir.path() / "m.jsonl", "{\"path\": \"in/a.txt\", \"outlet\": \"Meridian Wire\"}\n");
    index(dir / "db", {dir / "in"}, {dir / "m.jsonl"});
    test::write_file(dir.path() / "m.jsonl", "{\"path\": \"in/a.txt\", \"outlet\": \"The Harbour Courier\"}\n");
    auto report = index(dir / "db", {dir / "in"}, {dir / "m.jsonl"});
    CHECK(report.replaced == 1);
    CHECK(test::count_matches(dir / "db", "outlet:\"The Harbour Courier\"") == 1);
    CHECK(test::count_matches(dir / "db", "outlet:\"Meridian Wire\"") == 0);
}

TEST_CASE("when a file's article gets a URL, its old copy does not linger", "[update]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    index(dir / "db", {dir / "in"});
    test::write_file(dir.path() / "m.jsonl", "{\"path\": \"in/a.txt\", \"url\": \"https://x.example/ferry\"}\n");
    auto report = index(dir / "db", {dir / "in"}, {dir / "m.jsonl"});
    CHECK(report.added == 1);  // a new identity...
    CHECK(report.documents_in_database == 1);  // ...and the old document is gone
    CHECK(test::count_matches(dir / "db", "url:https://x.example/ferry") == 1);
}

TEST_CASE("two different articles with the same text stay two articles", "[update]") {
    test::TempDir dir;
    for (const char* name : {"in/a.txt", "in/b.txt"}) test::write_file(dir.path() / name, "Notice\n\nNo ferries today.\n");
    CHECK(index(dir / "db", {dir / "in"}).documents_in_database == 2);
    CHECK(index(dir / "db", {dir / "in"}).unchanged == 2);
}

TEST_CASE("each commit numbers the articles it adds; indexed again or rebuilt, an article keeps its number", "[update][alert]") {
    test::TempDir dir;
    auto added_of = [&](const std::string& word) {
        Xapian::Database db(dir / "db");
        auto found = db.postlist_begin(word);
        REQUIRE(found != db.postlist_end(word));
        return schema::added_of(db.get_document(*found));
    };
    auto count = [&] { return schema::commit_sequence(Xapian::Database(dir / "db")); };
    test::write_file(dir.path() / "in/a.txt", "Alpha\n\nThe alpha story.\n");
    test::write_file(dir.path() / "in/b.txt", "Bravo\n\nThe bravo story.\n");
    index(dir / "db", {dir / "in"});
    CHECK(count() == 1);
    CHECK(added_of("alpha") == 1);
    CHECK(added_of("bravo") == 1);

    // Two batches: two commits, numbered in turn.
    test::write_file(dir.path() / "in/a.txt", "Alpha\n\nThe alpha story, corrected.\n");
    test::write_file(dir.path() / "in/c.txt", "Charlie\n\nThe charlie story.\n");
    test::write_file(dir.path() / "in/d.txt", "Delta\n\nThe delta story.\n");
    indexer::update_database({.database = dir / "db", .paths = {dir / "in"}, .batch_size = 2});
    CHECK(count() == 3);
    CHECK(added_of("corrected") == 1);  // a's new text, under a's first number
    CHECK(added_of("charlie") == 2);    // a.txt and c.txt in the first batch
    CHECK(added_of("delta") == 3);

    indexer::SilentObserver silent;
    test::write_file(dir.path() / "in/e.txt", "Echo\n\nThe echo story.\n");
    indexer::rebuild_database({.database = dir / "db", .paths = {dir / "in"}}, silent);
    CHECK(count() == 4);
    CHECK(added_of("corrected") == 1);
    CHECK(added_of("bravo") == 1);
    CHECK(added_of("delta") == 3);
    CHECK(added_of("echo") == 4);
}

TEST_CASE("an article two files give (one URL) is written once, and the next updates find both unchanged", "[update]") {
    // The same story in two crawls: each update used to write it from one
    // file, then from the other, for ever.
    test::TempDir dir;
    auto record = [](const char* body) {
        return fmt::format("{{\"url\": \"https://x.example/ferry\", \"title\": \"Ferry timetable\", \"text\": \"{}\"}}\n", body);
    };
    test::write_file(dir.path() / "in/crawl-1.jsonl", record("The ferry leaves at nine."));
    test::write_file(dir.path() / "in/crawl-2.jsonl", record("The ferry leaves at nine sharp."));
    for (bool rebuild : {false, true}) {
        INFO((rebuild ? "rebuilt" : "updated") << " first");
        test::TempDir db;
        indexer::SilentObserver silent;
        indexer::UpdateRequest request{.database = db / "db", .paths = {dir / "in"}, .prune = true};
        auto first = rebuild ? indexer::rebuild_database(request, silent) : indexer::update_database(request);
        CHECK(first.documents_in_database == 1);
        CHECK(test::count_matches(db / "db", "sharp") == 1);  // the later record's text
        for (int run = 0; run < 3; ++run) {
            auto again = indexer::update_database(request);
            CHECK(again.unchanged == 2);
            CHECK(again.replaced == 0);
            CHECK(again.added == 0);
        }
    }

    test::TempDir db;
    indexer::UpdateRequest request{.database = db / "db", .paths = {dir / "in"}, .prune = true};
    indexer::update_database(request);
    // The record the text came from changes: written again, the other still unchanged.
    test::write_file(dir.path() / "in/crawl-2.jsonl", record("The ferry leaves at half past nine."));
    auto edited = indexer::update_database(request);
    CHECK(edited.replaced == 1);
    CHECK(edited.unchanged == 1);
    CHECK(test::count_matches(db / "db", "half") == 1);
    // Its file goes: the article stays (the other crawl still gives it), and
    // the next update writes it from that crawl.
    std::filesystem::remove(dir.path() / "in/crawl-2.jsonl");
    auto pruned = indexer::update_database(request);
    CHECK(pruned.pruned == 0);
    CHECK(pruned.documents_in_database == 1);
    auto rewritten = indexer::update_database(request);
    CHECK(rewritten.replaced == 1);
    CHECK(test::count_matches(db / "db", "half") == 0);
    CHECK(test::count_matches(db / "db", "ferry") == 1);
    CHECK(indexer::update_database(request).unchanged == 1);
    // And when no file gives it any more, it goes.
    std::filesystem::remove(dir.path() / "in/crawl-1.jsonl");
    auto gone = indexer::update_database(request);
    CHECK(gone.pruned == 1);
    CHECK(gone.documents_in_database == 0);
}

TEST_CASE("a rebuild that meets one article in two of its runs remembers both records", "[update]") {
    test::TempDir dir;
    auto record = [](const std::string& url, const std::string& body) {
        return fmt::format("{{\"url\": \"{}\", \"title\": \"Notice\", \"text\": \"{}\"}}\n", url, body);
    };
    test::write_file(dir.path() / "in/a.jsonl", record("https://x.example/ferry", "The ferry leaves at nine."));
    std::string filler;  // more records than a rebuild's first run takes
    for (int i = 0; i < 700; ++i) filler += record(fmt::format("https://x.example/{}", i), fmt::format("Notice number {}.", i));
    test::write_file(dir.path() / "in/b.jsonl", filler);
    test::write_file(dir.path() / "in/c.jsonl", record("https://x.example/ferry", "The ferry leaves at nine sharp."));
    indexer::SilentObserver silent;
    indexer::UpdateRequest request{.database = dir / "db", .paths = {dir / "in"}};
    CHECK(indexer::rebuild_database(request, silent).documents_in_database == 701);
    CHECK(test::count_matches(dir / "db", "sharp") == 1);
    auto again = indexer::update_database(request);
    CHECK(again.unchanged == 702);
    CHECK(again.replaced == 0);
}
