// SPDX-License-Identifier: GPL-2.0-or-later
// An averaged perceptron over hashed features: one weight per (feature, tag).
// Training keeps the running sums that averaging needs; a loaded model holds
// only the averaged weights. The file format is gzip-compressed:
// "dateline-perceptron 1", the tag names, then each feature's hash and its
// weights, quantised to 16 bits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace dateline::indexer {

using FeatureHash = std::uint64_t;

class Perceptron {
public:
    Perceptron() = default;
    explicit Perceptron(std::vector<std::string> tags);

    const std::vector<std::string>& tags() const { return tags_; }
    std::size_t feature_count() const { return index_.size(); }

    // scores[t] = sum of the weights of features for tag t (scores.size() == tags).
    void score(const std::vector<FeatureHash>& features, std::vector<float>& scores) const;

    // Training: one step towards gold and away from guess, at time step now.
    void update(const std::vector<FeatureHash>& features, int gold, int guess, std::uint64_t now);
    // Replaces each weight by its average over the steps (call once, at the end).
    void average(std::uint64_t now);
    // Drops features whose weights are all below threshold in magnitude.
    void prune(float threshold);

    void save(const std::filesystem::path& path) const;
    // Throws Error (input) naming the file when it is missing or not a model.
    static Perceptron load(const std::filesystem::path& path);

private:
    float* row(FeatureHash feature);
    // Builds the open-addressing table score() reads (a loaded or finished
    // model; a model in training is read through index_).
    void freeze();
    // The row of feature, or -1.
    std::int64_t find(FeatureHash feature) const;

    std::vector<std::string> tags_;
    std::unordered_map<FeatureHash, std::uint32_t> index_;
    std::vector<float> weights_;
    // Training only: sum of each weight over time, and when it last changed.
    std::vector<double> totals_;
    std::vector<std::uint64_t> stamps_;
    // Frozen lookup: keys_[i] == 0 is empty; linear probing.
    std::vector<FeatureHash> keys_;
    std::vector<std::uint32_t> rows_;
    std::size_t mask_ = 0;
};

}  // namespace dateline::indexer
