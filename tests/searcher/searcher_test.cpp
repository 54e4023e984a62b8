// SPDX-License-Identifier: GPL-2.0-or-later
// A Searcher held open across queries, as batch mode and the shell hold it,
// while dateline-index changes the database underneath.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "shared/error.hpp"
#include "shared/generations.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

unsigned haddad(searcher::Searcher& searcher) {
    searcher::SearchRequest request;
    request.query = "Haddad";
    return searcher.search(request).total;
}

}  // namespace

TEST_CASE("a searcher held open follows a rebuild to the new generation on its next query", "[searcher]") {
    test::TempDir dir;
    indexer::SilentObserver silent;
    indexer::update_database(test::sample_request(dir / "db", ""));
    searcher::Searcher searcher({dir / "db"});
    CHECK(haddad(searcher) == 10);
    // The old generation is deleted by the rebuild; the open searcher's files
    // would still answer with the old articles if it did not follow the stub.
    indexer::rebuild_database(test::sample_request(dir / "db", "meridian-wire"), silent);
    CHECK(haddad(searcher) == 3);
    indexer::rebuild_database(test::sample_request(dir / "db", "coastline-gazette"), silent);
    CHECK(haddad(searcher) == 2);
}

TEST_CASE("a searcher held open sees commits made in place on its next query", "[searcher]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db", "meridian-wire"));
    searcher::Searcher searcher({dir / "db"});
    CHECK(haddad(searcher) == 3);
    // Many small commits: the revision the searcher opened is long gone.
    indexer::update_database(test::sample_request(dir / "db", "harbour-courier", 1));
    CHECK(haddad(searcher) == 8);
}

TEST_CASE("a searcher held open weighs snippet words by the counts of the database as it is now", "[searcher]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db", ""));
    searcher::Searcher held({dir / "db"});
    searcher::SearchRequest request;
    request.query = "strike OR dispute";
    request.limit = 20;
    request.facets = false;
    auto snippets = [&](searcher::Searcher& searcher) {
        std::vector<std::string> texts;
        for (const searcher::Hit& hit : searcher.search(request).hits) texts.push_back(hit.snippet.text);
        return texts;
    };
    auto before = snippets(held);  // the counts of the words met are now kept
    // Words of the sample's strike stories made common, and others rare.
    for (int i = 0; i < 300; ++i)
        test::write_file(dir.path() / "more" / ("note-" + std::to_string(i) + ".txt"),
                         "Harbour note " + std::to_string(i) +
                             "\n\nThe union said the authority and the dockworkers talked about night-shift pay, "
                             "ballots, ships, the port and the terminal on Friday.\n");
    indexer::update_database({.database = dir / "db", .paths = {(dir.path() / "more").string()}});
    searcher::Searcher fresh({dir / "db"});
    auto after = snippets(fresh);
    CHECK(after != before);  // the new counts move some windows
    CHECK(snippets(held) == after);
}

TEST_CASE("a searcher opened while a rebuild switches generation answers and follows the next switch", "[searcher]") {
    // What a one-shot dateline-search does in a cron loop: open, search. The
    // switch may fall between reading the stub and opening the generation,
    // or between the open and the search, and the old generation is then
    // deleted under it.
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db", ""));
    const std::filesystem::path db = dir.path() / "db";
    std::atomic<bool> done{false};
    std::atomic<unsigned> searches{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> searchers;
    for (int s = 0; s < 6; ++s)  // more than the cores, so that some are preempted mid-open
        searchers.emplace_back([&] {
            while (!done) {
                try {
                    searcher::Searcher searcher({db.string()});
                    if (haddad(searcher) == 10 && haddad(searcher) == 10) ++searches;
                } catch (const Error& error) {
                    std::lock_guard lock(failures_mutex);
                    failures.push_back(error.what());
                }
            }
        });
    test::switch_generations(db, 200);
    done = true;
    for (std::thread& searcher : searchers) searcher.join();
    failures.resize(std::min<std::size_t>(failures.size(), 3));
    INFO(searches << " searches; first failures: " << fmt::format("{}", fmt::join(failures, " | ")));
    CHECK(searches > 0);
    CHECK(failures.empty());
}
