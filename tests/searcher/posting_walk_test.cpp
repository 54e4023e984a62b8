// SPDX-License-Identifier: GPL-2.0-or-later
// Walking the posting lists finds exactly the documents Xapian's matcher
// finds, for every query shape it walks, over all documents and over ranges.
#include <catch2/catch.hpp>

#include "searcher/posting_walk.hpp"
#include "searcher/query_parser.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

std::vector<Xapian::docid> matched(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                                   Xapian::docid last) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_query(query);
    std::vector<Xapian::docid> ids;
    for (Xapian::docid id : enquire.get_mset(0, db.get_doccount()))
        if (id >= first && id <= last) ids.push_back(id);
    return ids;
}

}  // namespace

TEST_CASE("posting walk: the same documents as Xapian's matcher, or none when it cannot walk", "[search][walk]") {
    Xapian::Database db = store::open_for_search({test::shared_sample_database()});
    const Xapian::docid last = db.get_lastdocid();
    unsigned walked = 0;
    for (const char* text : {"strike", "harbour strike", "harbour OR tram", "strike NOT harbour", "strike -tram",
                             "outlet:\"Meridian Wire\"", "person:haddad", "person:haddad OR org:\"harbour authority\"",
                             "strike date:2024-01", "date:2024-01..2024-02", "(flood OR storm) AND NOT coast",
                             "the", "zeppelin", "\"night-shift pay\"", "strike NEAR/3 pay", "harb*"}) {
        INFO(text);
        Xapian::Query query = searcher::parse_query(text, db);
        for (auto [first, to] : {std::pair<Xapian::docid, Xapian::docid>{1, Xapian::docid(-1)}, {1, last / 2},
                                 {last / 2 + 1, last}, {5, 9}}) {
            auto walk = searcher::walk_matches(db, query, first, to);
            if (!walk) continue;
            ++walked;
            CHECK(*walk == matched(db, query, first, to));
        }
    }
    CHECK(walked >= 13 * 4);  // all but the phrase, NEAR and the wildcard
    // What it does not walk, it says so.
    CHECK_FALSE(searcher::walk_matches(db, searcher::parse_query("\"night-shift pay\"", db), 1, last));
}
