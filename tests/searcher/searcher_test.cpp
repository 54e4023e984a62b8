// SPDX-License-Identifier: GPL-2.0-or-later
// A Searcher held open across queries, as batch mode and the shell hold it,
// while dateline-index changes the database underneath.
#include <catch2/catch.hpp>

#include "indexer/update.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

class Silent : public indexer::RunObserver {};

indexer::UpdateRequest sample_request(const std::string& db, const std::string& subfolder, std::size_t batch = 1000) {
    return {.database = db,
            .paths = {(test::sample_dir() / "articles" / subfolder).string()},
            .manifests = {(test::sample_dir() / "manifest.jsonl").string()},
            .batch_size = batch};
}

unsigned haddad(searcher::Searcher& searcher) {
    searcher::SearchRequest request;
    request.query = "Haddad";
    return searcher.search(request).total;
}

}  // namespace

TEST_CASE("a searcher held open follows a rebuild to the new generation on its next query", "[searcher]") {
    test::TempDir dir;
    Silent silent;
    indexer::update_database(sample_request(dir / "db", ""));
    searcher::Searcher searcher({dir / "db"});
    CHECK(haddad(searcher) == 10);
    // The old generation is deleted by the rebuild; the open searcher's files
    // would still answer with the old articles if it did not follow the stub.
    indexer::rebuild_database(sample_request(dir / "db", "meridian-wire"), silent);
    CHECK(haddad(searcher) == 3);
    indexer::rebuild_database(sample_request(dir / "db", "coastline-gazette"), silent);
    CHECK(haddad(searcher) == 2);
}

TEST_CASE("a searcher held open sees commits made in place on its next query", "[searcher]") {
    test::TempDir dir;
    indexer::update_database(sample_request(dir / "db", "meridian-wire"));
    searcher::Searcher searcher({dir / "db"});
    CHECK(haddad(searcher) == 3);
    // Many small commits: the revision the searcher opened is long gone.
    indexer::update_database(sample_request(dir / "db", "harbour-courier", 1));
    CHECK(haddad(searcher) == 8);
}
