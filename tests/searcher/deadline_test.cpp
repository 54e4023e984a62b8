// SPDX-License-Identifier: GPL-2.0-or-later
// A counting match with a deadline stops once it is past (part_match.cpp
// puts the spy on it), and counts every match while it is not.
#include <catch2/catch.hpp>

#include "searcher/part_match.hpp"
#include "shared/error.hpp"

using namespace dateline;

TEST_CASE("a counting match stops at its deadline and counts all before it", "[search][deadline]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 10'000; ++i) {
        Xapian::Document document;
        document.add_term("harbour");
        db.add_document(document);
    }
    Xapian::Query query("harbour");
    searcher::MatchSettings settings;
    settings.facets = true;

    searcher::PartMatch counted;
    searcher::count_part(counted, db, query, nullptr, settings, nullptr);
    CHECK(counted.counted == 10'000u);

    settings.deadline = searcher::Deadline::after(3600);
    searcher::PartMatch in_time;
    searcher::count_part(in_time, db, query, nullptr, settings, nullptr);
    CHECK(in_time.counted == 10'000u);

    settings.deadline = searcher::Deadline::after(0);
    searcher::PartMatch late;
    CHECK_THROWS_AS(searcher::count_part(late, db, query, nullptr, settings, nullptr), Error);
    searcher::PartMatch late_ranked;
    CHECK_THROWS_AS(searcher::rank_and_count_part(late_ranked, db, query, settings, nullptr), Error);

    settings.remote = true;  // a remote database cannot run the spy: counted in full
    searcher::PartMatch remote;
    searcher::count_part(remote, db, query, nullptr, settings, nullptr);
    CHECK(remote.counted == 10'000u);
}
