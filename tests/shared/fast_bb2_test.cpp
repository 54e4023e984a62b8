// SPDX-License-Identifier: GPL-2.0-or-later
// FastBB2 against Xapian's own BB2Weight, on Reuters articles: the same
// hits in the same order with the same weights, for words from the most
// common to the rarest, to the bit.
#include <catch2/catch.hpp>

#include "scripts/measure/corpus_files.hpp"
#include "shared/fast_bb2.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("FastBB2 ranks and weighs as Xapian's BB2", "[analysis][reuters]") {
    if (test::skip_without_team_kit()) return;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    test::for_each_corpus_record(test::team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz",
                                 [&](const nlohmann::json& record) {
                                     Xapian::Document document;
                                     generator.set_document(document);
                                     generator.index_text(test::string_field(record, "text"));
                                     db.add_document(document);
                                     return db.get_doccount() < 8000;
                                 });
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (double c : {1.0, 1.5, 7.0})
        for (const char* text : {"the", "said", "could OR not", "oil prices", "pct OR economic", "cocoa",
                                 "the OR zinc", "shareholders approved the merger"}) {
            INFO("c = " << c << ": " << text);
            Xapian::Query query = parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT, "");
            Xapian::Enquire xapian(db), fast(db);
            xapian.set_query(query);
            fast.set_query(query);
            xapian.set_weighting_scheme(Xapian::BB2Weight(c));
            fast.set_weighting_scheme(analysis::FastBB2(c));
            Xapian::MSet expected = xapian.get_mset(0, 50), got = fast.get_mset(0, 50);
            REQUIRE(expected.size() > 0);
            REQUIRE(got.size() == expected.size());
            CHECK(got.get_matches_estimated() == expected.get_matches_estimated());
            for (Xapian::doccount i = 0; i < got.size(); ++i) {
                INFO("rank " << i + 1);
                CHECK(*got[i] == *expected[i]);
                CHECK(got[i].get_weight() == expected[i].get_weight());
            }
        }
}
