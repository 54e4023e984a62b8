// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/entities/perceptron.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using indexer::FeatureHash;
using indexer::Perceptron;

namespace {

// Two tags told apart by feature 1 (tag 0) and feature 2 (tag 1); feature 3
// is on every example and says nothing.
Perceptron trained() {
    Perceptron model({"A", "B"});
    std::uint64_t now = 0;
    std::vector<float> scores(2);
    for (int epoch = 0; epoch < 5; ++epoch)
        for (auto [feature, gold] : {std::pair<FeatureHash, int>{1, 0}, {2, 1}}) {
            std::vector<FeatureHash> features{feature, 3};
            model.score(features, scores);
            int guess = scores[1] > scores[0] ? 1 : 0;
            model.update(features, gold, guess, ++now);
        }
    model.average(now);
    return model;
}

std::vector<float> scores_of(const Perceptron& model, std::vector<FeatureHash> features) {
    std::vector<float> scores(model.tags().size());
    model.score(features, scores);
    return scores;
}

}  // namespace

TEST_CASE("the perceptron learns which features mark which tag", "[entities][unit]") {
    Perceptron model = trained();
    CHECK(model.tags() == std::vector<std::string>{"A", "B"});
    auto a = scores_of(model, {1, 3});
    auto b = scores_of(model, {2, 3});
    CHECK(a[0] > a[1]);
    CHECK(b[1] > b[0]);
    auto unknown = scores_of(model, {99});
    CHECK(unknown == std::vector<float>{0, 0});  // an unseen feature weighs nothing
}

TEST_CASE("a saved model loads with the same tags and scores (weights quantised)", "[entities][unit]") {
    test::TempDir dir;
    Perceptron model = trained();
    model.save(dir / "model.bin.gz");
    Perceptron loaded = Perceptron::load(dir / "model.bin.gz");
    CHECK(loaded.tags() == model.tags());
    for (FeatureHash feature : {1, 2, 3}) {
        auto before = scores_of(model, {feature}), after = scores_of(loaded, {feature});
        for (std::size_t t = 0; t < 2; ++t) CHECK(after[t] == Approx(before[t]).margin(1e-3));
    }
}

TEST_CASE("pruning drops features whose weights are all small", "[entities][unit]") {
    Perceptron model = trained();
    std::size_t before = model.feature_count();
    model.prune(1e9f);
    CHECK(model.feature_count() < before);
    CHECK(scores_of(model, {1}) == std::vector<float>{0, 0});
}

TEST_CASE("a file that is not a model is an input error naming it", "[entities][unit]") {
    test::TempDir dir;
    test::write_file(dir / "junk.gz", "not a model");
    try {
        Perceptron::load(dir / "junk.gz");
        FAIL("loaded a file that is not a model");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK_THAT(error.what(), Catch::Contains("junk.gz"));
    }
}
