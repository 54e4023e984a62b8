// SPDX-License-Identifier: GPL-2.0-or-later
// The named-entity recogniser: a greedy left-to-right tagger (IOB2 tags over
// PER, ORG, LOC and MISC) scored by an averaged perceptron over word, shape,
// affix, context, gazetteer and document features. The same decoding serves
// tagging and training, so the features seen in training are the ones seen
// at run time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/perceptron.hpp"

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
};

class Recogniser {
public:
    Recogniser(Perceptron model, Gazetteer gazetteer);

    // model.gz and gazetteers/ under data_dir. Throws Error (input).
    static Recogniser load(const std::filesystem::path& data_dir);

    // Learns from documents with gold tags (IOB2). progress, when set, is
    // called after each epoch with its number and training accuracy.
    static Recogniser train(const std::vector<TaggerDocument>& documents,
                            const std::vector<DocumentTags>& gold, Gazetteer gazetteer,
                            const TrainingOptions& options,
                            void (*progress)(int epoch, double accuracy) = nullptr);

    DocumentTags tag(const TaggerDocument& document) const;

    const Perceptron& model() const { return model_; }
    const Gazetteer& gazetteer() const { return gazetteer_; }

private:
    Perceptron model_;
    Gazetteer gazetteer_;
};

}  // namespace dateline::indexer
