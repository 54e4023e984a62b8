// SPDX-License-Identifier: GPL-2.0-or-later
// ner-train --out MODEL [--epochs N] [--clusters FILE|none] [--dev FILE]
// TRAIN_FILE...: trains the recogniser on CoNLL-format files with the
// gazetteers and word clusters of Dateline's data folder (or the clusters
// given), writes the model, and scores it on --dev when given
// (scripts/ner-train.sh).
#include <cstring>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "indexer/entities/recogniser.hpp"
#include "shared/data_dir.hpp"
#include "shared/error.hpp"
#include "scripts/measure/eval/conll.hpp"
#include "scripts/measure/eval/ner_scoring.hpp"

using namespace dateline;

int main(int argc, char** argv) {
    std::string out, dev, clusters;
    indexer::TrainingOptions options;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--out" && i + 1 < argc) out = argv[++i];
        else if (arg == "--dev" && i + 1 < argc) dev = argv[++i];
        else if (arg == "--clusters" && i + 1 < argc) clusters = argv[++i];
        else if (arg == "--folds" && i + 1 < argc) options.folds = std::stoi(argv[++i]);
        else if (arg == "--epochs" && i + 1 < argc) options.epochs = std::stoi(argv[++i]);
        else if (arg == "--prune" && i + 1 < argc) options.prune_below = std::stof(argv[++i]);
        else if (arg == "--seed" && i + 1 < argc) options.seed = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (!arg.starts_with("--")) inputs.push_back(arg);
        else {
            std::cerr << "usage: ner-train --out MODEL [--epochs N] [--prune W] [--seed S] [--folds K] [--clusters FILE|none] [--dev FILE] TRAIN_FILE...\n";
            return 2;
        }
    }
    if (out.empty() || inputs.empty()) {
        std::cerr << "usage: ner-train --out MODEL [--epochs N] [--prune W] [--seed S] [--folds K] [--clusters FILE|none] [--dev FILE] TRAIN_FILE...\n";
        return 2;
    }
    try {
        std::vector<indexer::TaggerDocument> documents;
        std::vector<indexer::DocumentTags> gold;
        for (const std::string& input : inputs)
            for (auto& document : tools::read_conll(input)) {
                documents.push_back(std::move(document.words));
                gold.push_back(std::move(document.tags));
            }
        auto gazetteer = indexer::Gazetteer::load(data_dir() / "gazetteers");
        auto words = clusters == "none" ? indexer::WordClusters()
                     : indexer::WordClusters::load(clusters.empty() ? data_dir() / "ner" / "clusters.tsv" : std::filesystem::path(clusters));
        auto recogniser = indexer::Recogniser::train(documents, gold, std::move(gazetteer), std::move(words), options,
                                                     [](int epoch, double accuracy) {
                                                         std::cerr << fmt::format("epoch {}: {:.4f}\n", epoch, accuracy);
                                                     });
        recogniser.save(out);
        std::cout << fmt::format("features {}\n", recogniser.model().feature_count());
        if (!dev.empty()) tools::print_ner_scores(recogniser, tools::read_conll(dev), std::cout);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "ner-train: " << error.what() << '\n';
        return 1;
    }
}
