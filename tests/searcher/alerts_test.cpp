// SPDX-License-Identifier: GPL-2.0-or-later
// An alert's new articles come in pages from one revision of the database:
// a write between two pages (here an update that prunes articles already
// reported) shifts nothing, so no article is skipped or given twice.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "indexer/commands/update.hpp"
#include "searcher/alerts.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("alert pages come from one revision: a prune between pages shifts nothing", "[alert]") {
    test::TempDir dir;
    test::write_file(dir.path() / "old/first.txt", "First ferry\n\nThe first ferry of the year.\n");
    indexer::update_database({.database = dir / "db", .paths = {dir / "old"}, .entities = false});
    searcher::Alert alert{.name = "ferries", .query = "ferry", .database = dir / "db",
                          .seen = searcher::alert_starting_point(dir / "db", "ferry"), .created = "", .last_run = ""};
    constexpr int count = 2 * searcher::alert_page_size + 200;
    for (int i = 0; i < count; ++i)
        test::write_file(dir.path() / fmt::format("new/ferry-{:04}.txt", i),
                         fmt::format("Ferry notice {}\n\nThe harbour ferry number {} sails at dawn.\n", i, i));
    indexer::update_database({.database = dir / "db", .paths = {dir / "new"}, .entities = false});

    std::set<std::string> reported;
    std::size_t pages = 0, hits = 0;
    auto run = searcher::find_new_articles(alert, 0, [&](const searcher::SearchResult& page) {
        if (pages++ == 0) {
            // Between the first page and the next: a tenth of the new
            // articles' files go, and an update prunes them.
            for (int i = 0; i < count / 10; ++i) std::filesystem::remove(dir.path() / fmt::format("new/ferry-{:04}.txt", i));
            auto pruned = indexer::update_database({.database = dir / "db", .paths = {dir / "new"}, .prune = true, .entities = false});
            REQUIRE(pruned.pruned == count / 10);
        }
        for (const auto& hit : page.hits) reported.insert(hit.id);
        hits += page.hits.size();
    });
    CHECK(pages == 3);
    CHECK(run.found == count);
    CHECK(hits == count);            // none twice
    CHECK(reported.size() == count);  // none skipped
}
