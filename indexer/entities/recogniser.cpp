// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/recogniser.hpp"

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

#include "indexer/entities/features.hpp"
#include "shared/error.hpp"

namespace dateline::indexer {
namespace {

const std::vector<std::string> tag_names{"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                         "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

std::string_view type_of(std::string_view tag) { return tag.size() > 2 ? tag.substr(2) : tag; }

// IOB2: a tag I-X may only follow B-X or I-X.
bool may_follow(std::string_view tag, std::string_view previous) {
    if (!tag.starts_with("I-")) return true;
    return previous.size() > 2 && type_of(previous) == type_of(tag);
}

struct Decoder {
    const std::vector<std::string>& tags;
    std::vector<FeatureHash> features;
    std::vector<float> scores;

    // Tags one document. With a model to train, each word is also a
    // training step towards its gold tag; returns the words tagged right.
    std::size_t run(const Perceptron& model, Perceptron* training, const DocumentFeatures& document,
                    const DocumentTags* gold, std::uint64_t* now, DocumentTags& out) {
        std::size_t correct = 0;
        std::unordered_map<std::string_view, std::string_view> last_type;  // views into document and tags
        out.assign(document.sentence_count(), {});
        for (std::size_t s = 0; s < document.sentence_count(); ++s) {
            std::string_view tag1, tag2;
            for (std::size_t i = 0; i < document.length(s); ++i) {
                const WordInfo& word = document.word(s, i);
                auto seen = last_type.find(word.word);
                document.collect(s, i, tag1, tag2, seen == last_type.end() ? "" : seen->second, features);
                model.score(features, scores);
                int guess = best_allowed(tag1);
                if (training) {
                    int truth = index_of((*gold)[s][i]);
                    training->update(features, truth, guess, ++*now);
                    correct += truth == guess;
                }
                const std::string& tag = tags[static_cast<std::size_t>(guess)];
                out[s].push_back(tag);
                last_type[word.word] = type_of(tag);
                tag2 = tag1;
                tag1 = tag;
            }
        }
        return correct;
    }

    int best_allowed(std::string_view previous) const {
        int best = 0;
        for (std::size_t t = 1; t < tags.size(); ++t)
            if (scores[t] > scores[static_cast<std::size_t>(best)] && may_follow(tags[t], previous))
                best = static_cast<int>(t);
        return best;
    }

    int index_of(const std::string& tag) const {
        auto found = std::find(tags.begin(), tags.end(), tag);
        if (found == tags.end()) throw Error(ErrorKind::input, fmt::format("unknown tag {}", tag));
        return static_cast<int>(found - tags.begin());
    }
};

}  // namespace

Recogniser::Recogniser(Perceptron model, Gazetteer gazetteer)
    : model_(std::move(model)), gazetteer_(std::move(gazetteer)) {}

Recogniser Recogniser::load(const std::filesystem::path& data_dir) {
    return Recogniser(Perceptron::load(data_dir / "ner" / "model.bin.gz"),
                      Gazetteer::load(data_dir / "gazetteers"));
}

Recogniser Recogniser::train(const std::vector<TaggerDocument>& documents, const std::vector<DocumentTags>& gold,
                             Gazetteer gazetteer, const TrainingOptions& options,
                             void (*progress)(int epoch, double accuracy)) {
    std::vector<DocumentFeatures> prepared;
    std::size_t words = 0;
    for (const auto& document : documents) {
        prepared.emplace_back(document, gazetteer);
        for (const auto& sentence : document) words += sentence.size();
    }
    Perceptron model(tag_names);
    Decoder decoder{model.tags(), {}, {}};
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(options.seed);
    std::uint64_t now = 0;
    DocumentTags scratch;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), random);
        std::size_t correct = 0;
        for (std::size_t d : order) correct += decoder.run(model, &model, prepared[d], &gold[d], &now, scratch);
        if (progress) progress(epoch, words ? double(correct) / double(words) : 0.0);
    }
    model.average(now);
    if (options.prune_below > 0) model.prune(options.prune_below);
    return Recogniser(std::move(model), std::move(gazetteer));
}

DocumentTags Recogniser::tag(const TaggerDocument& document) const {
    DocumentFeatures prepared(document, gazetteer_);
    Decoder decoder{model_.tags(), {}, {}};
    DocumentTags out;
    decoder.run(model_, nullptr, prepared, nullptr, nullptr, out);
    return out;
}

}  // namespace dateline::indexer
