// SPDX-License-Identifier: GPL-2.0-or-later
// The named-entity recogniser: a greedy left-to-right tagger (IOB2 tags over
// PER, ORG, LOC and MISC) scored by an averaged perceptron over word, shape,
// affix, cluster, context, gazetteer and document features, in two passes:
// the second sees what the first decided everywhere in the document (a name
// the first pass took for a person in one sentence is likely one in the
// others). The same decoding serves tagging and training, so the features
// seen in training are the ones seen at run time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/perceptron.hpp"
#include "indexer/entities/word_clusters.hpp"

namespace dateline::indexer {

// A document as the tagger sees it: sentences of words. Document features
// (how a word is written elsewhere in the same document) make the document,
// not the sentence, the unit of tagging.
using TaggerDocument = std::vector<std::vector<std::string>>;
using DocumentTags = std::vector<std::vector<std::string>>;  // "O", "B-PER", "I-PER", ...

struct TrainingOptions {
    int epochs = 12;
    unsigned seed = 1;
    float prune_below = 0.0f;
    int folds = 5;  // the second pass learns from first passes over held-out folds; 0: one pass
};

class Recogniser {
public:
    // second may be empty (no features): then one pass.
    Recogniser(Perceptron first, Perceptron second, Gazetteer gazetteer, WordClusters clusters);

    // ner/model.bin.gz (the first pass), ner/model-second.bin.gz,
    // ner/clusters.tsv and gazetteers/ under data_dir. Throws Error (input).
    static Recogniser load(const std::filesystem::path& data_dir);

    // Learns from documents with gold tags (IOB2). progress, when set, is
    // called after each epoch with its number and training accuracy.
    static Recogniser train(const std::vector<TaggerDocument>& documents,
                            const std::vector<DocumentTags>& gold, Gazetteer gazetteer, WordClusters clusters,
                            const TrainingOptions& options,
                            void (*progress)(int epoch, double accuracy) = nullptr);

    DocumentTags tag(const TaggerDocument& document) const;

    const Perceptron& model() const { return first_; }
    const Perceptron& second_model() const { return second_; }
    // Writes the first pass's model to path and the second's beside it
    // (second_path).
    void save(const std::filesystem::path& path) const;
    static std::filesystem::path second_path(const std::filesystem::path& first);
    const Gazetteer& gazetteer() const { return gazetteer_; }

private:
    Perceptron first_, second_;
    Gazetteer gazetteer_;
    WordClusters clusters_;
};

}  // namespace dateline::indexer
