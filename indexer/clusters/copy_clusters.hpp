// SPDX-License-Identifier: GPL-2.0-or-later
// Groups syndicated copies: articles, taken in order of date, whose sketches
// share a band and whose estimated containment reaches the threshold are
// joined, and so are the copies of their copies; each group is named by its
// earliest article. Copies run within days of each other, so an article is
// compared only with those of the window before it (7 days by default):
// memory holds the window's sketches, whatever the archive's size. A text
// of fewer than 80 words is never joined: the threshold was chosen and
// measured on longer ones, and below that a wire's templated notices ("X
// Corp sets quarterly dividend", the prime rate raised by bank after bank)
// share most of their few shingles without being copies.
#pragma once

#include <cstddef>
#include <deque>
#include <unordered_map>
#include <vector>

#include "indexer/clusters/text_sketch.hpp"

namespace dateline::indexer {

class CopyClusters {
public:
    // The threshold chosen by scripts/measure/eval/syndication_eval.cpp:
    // precision first (docs/benchmarks.md, "Syndicated copies").
    static constexpr double default_threshold = 0.5;
    static constexpr int default_window_days = 7;
    static constexpr std::uint32_t default_min_shingles = 76;  // 80 words, five to a shingle

    explicit CopyClusters(double threshold = default_threshold, int window_days = default_window_days,
                          std::uint32_t min_shingles = default_min_shingles);

    // The next article, its day (days since 1970-01-01) no earlier than the
    // last one's; returns its number, counted from 0. A sketch of fewer
    // than min_shingles shingles is never joined.
    std::size_t add(int day, const TextSketch& sketch);

    // The number of the earliest article of n's group (n itself if alone).
    std::size_t earliest(std::size_t n);

    std::size_t size() const { return parent_.size(); }

private:
    struct Recent {
        std::size_t number;
        int day;
        TextSketch sketch;
    };
    std::size_t root(std::size_t n);
    void join(std::size_t a, std::size_t b);
    void forget_before(int day);

    double threshold_;
    int window_days_;
    std::uint32_t min_shingles_;
    std::vector<std::size_t> parent_;  // union-find; a root is its group's earliest article
    std::deque<Recent> recent_;        // the window, oldest first
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> bands_;  // band key -> numbers in the window
};

}  // namespace dateline::indexer
