// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/entities/recogniser.hpp"
#include "indexer/entities/word_clusters.hpp"
#include "shared/data_dir.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using indexer::Recogniser;
using indexer::WordClusters;

TEST_CASE("word clusters are read as word and bit path, and a bad line is named", "[entities][unit]") {
    test::TempDir dir;
    test::write_file(dir / "clusters.tsv", "# comment\nlondon\t0110\nparis\t0111\n");
    WordClusters clusters = WordClusters::load(dir / "clusters.tsv");
    CHECK(clusters.size() == 2);
    CHECK(clusters.path_of("paris") == "0111");
    CHECK(clusters.path_of("rome").empty());
    test::write_file(dir / "bad.tsv", "london\t0110\nparis 0111\n");
    CHECK_THROWS_WITH(WordClusters::load(dir / "bad.tsv"), Catch::Contains("bad.tsv:2"));
    test::write_file(dir / "bad2.tsv", "london\t01x0\n");
    CHECK_THROWS_AS(WordClusters::load(dir / "bad2.tsv"), Error);
}

TEST_CASE("a capitalised spelling variant of a gazetteer name is marked as that name", "[entities][unit]") {
    auto gazetteer = indexer::Gazetteer::load(data_dir() / "gazetteers");
    auto marks = gazetteer.mark({"teheran", "tehran", "teheran", "teapot"}, {true, true, false, true});
    auto tehran = gazetteer.mark({"tehran"}, {false});
    REQUIRE(tehran[0] != 0);           // Tehran is a city
    CHECK(marks[0] == tehran[0]);      // "Teheran", capitalised: as Tehran
    CHECK(marks[1] == tehran[0]);      // the name itself
    CHECK(marks[2] == 0);              // not capitalised: no variant match
    CHECK(marks[3] == 0);
}

TEST_CASE("the shipped recogniser reads a transliterated capital as a place", "[entities][unit]") {
    Recogniser recogniser = Recogniser::load(data_dir());
    // Our sentences. Where the context reads like a person's, the gazetteer's
    // "Tehran", matched by variant key, is what says place (without it: PER).
    auto tags = recogniser.tag({{"Teheran", "said", "the", "strike", "was", "a", "response", "."},
                                {"Teheran", "'s", "response", "came", "hours", "later", "."}});
    REQUIRE(tags.size() == 2);
    CHECK(tags[0][0] == "B-LOC");
    CHECK(tags[1][0] == "B-LOC");
}

TEST_CASE("training makes a second pass that learns from held-out first passes", "[entities][unit]") {
    // Tiny documents: a capitalised word after "met" is a person, after "in" a place.
    std::vector<indexer::TaggerDocument> documents;
    std::vector<indexer::DocumentTags> gold;
    const char* people[] = {"Ana", "Bert", "Cleo", "Dov", "Eli", "Fay"};
    const char* places[] = {"Oslo", "Lima", "Kyiv", "Doha", "Baku", "Riga"};
    for (int d = 0; d < 6; ++d) {
        documents.push_back({{"We", "met", people[d], "in", places[d], "."}, {people[d], "left", "."}});
        gold.push_back({{"O", "O", "B-PER", "O", "B-LOC", "O"}, {"B-PER", "O", "O"}});
    }
    indexer::TrainingOptions options;
    options.epochs = 5;
    options.folds = 3;
    Recogniser recogniser = Recogniser::train(documents, gold, indexer::Gazetteer::load(data_dir() / "gazetteers"),
                                              WordClusters(), options);
    CHECK(recogniser.model().feature_count() > 0);
    CHECK(recogniser.second_model().feature_count() > 0);
    auto tags = recogniser.tag({{"We", "met", "Gus", "in", "Bonn", "."}});
    CHECK(tags == indexer::DocumentTags{{"O", "O", "B-PER", "O", "B-LOC", "O"}});

    test::TempDir dir;
    recogniser.save(dir / "m.bin.gz");
    CHECK(std::filesystem::exists(dir / "m-second.bin.gz"));
    CHECK(Recogniser::second_path(dir / "model.bin.gz") == dir / "model-second.bin.gz");
}
