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
    // Tagging's first pass: a plain word after an "O" is an "O" without
    // being scored (WordInfo::plain). Training scores every word: a model
    // trained with the shortcut was better on CoNLL testa (0.9206 against
    // 0.9185) but worse on GMB (0.6704 against 0.6789), so it was not kept.
    bool skip_plain = false;

    // Tags one document. With a model to train, each word is also a
    // training step towards its gold tag; returns the words tagged right.
    std::size_t run(const Perceptron& model, Perceptron* training, const DocumentFeatures& document,
                    const DocumentTags* gold, std::uint64_t* now, DocumentTags& out) {
        std::size_t correct = 0;
        // By word id: the type the word was last given in the document ("" if none).
        std::vector<std::string_view> last_type(document.distinct_words());
        out.assign(document.sentence_count(), {});
        for (std::size_t s = 0; s < document.sentence_count(); ++s) {
            std::string_view tag1, tag2;
            for (std::size_t i = 0; i < document.length(s); ++i) {
                const WordInfo& word = document.word(s, i);
                const bool skipped = skip_plain && word.plain && (tag1.empty() || tag1 == tags[0]);
                if (word.settled || skipped) {
                    if (training) correct += (*gold)[s][i] == tags[0];
                    if (skipped) last_type[word.id] = type_of(tags[0]);
                    out[s].push_back(tags[0]);
                    tag2 = tag1;
                    tag1 = tags[0];
                    continue;
                }
                document.collect(s, i, tag1, tag2, last_type[word.id], features);
                model.score(features, scores);
                int guess = best_allowed(tag1);
                if (training) {
                    int truth = index_of((*gold)[s][i]);
                    training->update(features, truth, guess, ++*now);
                    correct += truth == guess;
                }
                const std::string& tag = tags[static_cast<std::size_t>(guess)];
                out[s].push_back(tag);
                last_type[word.id] = type_of(tag);
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

Recogniser::Recogniser(Perceptron first, Perceptron second, Gazetteer gazetteer, WordClusters clusters)
    : first_(std::move(first)), second_(std::move(second)), gazetteer_(std::move(gazetteer)),
      clusters_(std::move(clusters)) {}

std::filesystem::path Recogniser::second_path(const std::filesystem::path& first) {
    std::string name = first.filename().string();
    std::string stem = name.ends_with(".bin.gz") ? name.substr(0, name.size() - 7) : name;
    return first.parent_path() / (stem + "-second.bin.gz");
}

Recogniser Recogniser::load(const std::filesystem::path& data_dir) {
    std::filesystem::path first = data_dir / "ner" / "model.bin.gz";
    return Recogniser(Perceptron::load(first), Perceptron::load(second_path(first)),
                      Gazetteer::load(data_dir / "gazetteers"), WordClusters::load(data_dir / "ner" / "clusters.tsv"));
}

void Recogniser::save(const std::filesystem::path& path) const {
    first_.save(path);
    if (second_.feature_count() > 0) second_.save(second_path(path));
}

namespace {

// One pass's model, learnt from prepared documents (their first pass set for
// a second pass).
Perceptron learn(const std::vector<DocumentFeatures>& prepared, const std::vector<DocumentTags>& gold,
                 const std::vector<std::size_t>& documents, const TrainingOptions& options,
                 void (*progress)(int epoch, double accuracy)) {
    std::size_t words = 0;
    for (std::size_t d : documents)
        for (std::size_t s = 0; s < prepared[d].sentence_count(); ++s) words += prepared[d].length(s);
    Perceptron model(tag_names);
    Decoder decoder{model.tags(), {}, {}};
    std::vector<std::size_t> order = documents;
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
    return model;
}

}  // namespace

Recogniser Recogniser::train(const std::vector<TaggerDocument>& documents, const std::vector<DocumentTags>& gold,
                             Gazetteer gazetteer, WordClusters clusters, const TrainingOptions& options,
                             void (*progress)(int epoch, double accuracy)) {
    std::vector<DocumentFeatures> prepared;
    for (const auto& document : documents) prepared.emplace_back(document, gazetteer, clusters);

    std::vector<std::size_t> all(documents.size());
    std::iota(all.begin(), all.end(), 0);
    Perceptron first = learn(prepared, gold, all, options, progress);
    if (options.folds < 2) return Recogniser(std::move(first), Perceptron(), std::move(gazetteer), std::move(clusters));
    // The second pass must learn from first passes as good as the ones it
    // will see: each document's is made by a model that did not learn from it.
    std::vector<DocumentTags> first_tags(documents.size());
    for (int fold = 0; fold < options.folds; ++fold) {
        std::vector<std::size_t> rest, held;
        for (std::size_t d : all) (static_cast<int>(d % static_cast<std::size_t>(options.folds)) == fold ? held : rest).push_back(d);
        Perceptron model = learn(prepared, gold, rest, options, nullptr);
        Decoder decoder{model.tags(), {}, {}};
        for (std::size_t d : held) decoder.run(model, nullptr, prepared[d], nullptr, nullptr, first_tags[d]);
    }
    for (std::size_t d : all) prepared[d].set_first_pass(first_tags[d]);
    Perceptron second = learn(prepared, gold, all, options, progress);
    return Recogniser(std::move(first), std::move(second), std::move(gazetteer), std::move(clusters));
}

DocumentTags Recogniser::tag(const TaggerDocument& document) const {
    DocumentFeatures prepared(document, gazetteer_, clusters_);
    Decoder decoder{first_.tags(), {}, {}, true};
    DocumentTags out;
    decoder.run(first_, nullptr, prepared, nullptr, nullptr, out);
    if (second_.feature_count() == 0) return out;
    prepared.set_first_pass(out);
    decoder.skip_plain = false;
    decoder.run(second_, nullptr, prepared, nullptr, nullptr, out);
    return out;
}

}  // namespace dateline::indexer
