// SPDX-License-Identifier: GPL-2.0-or-later
// A MinHash sketch of an article's body, for finding syndicated copies: the
// same wire story under another headline, cut short, with an editor's note
// or other site furniture, a few words changed. The body's words (folded
// for search, punctuation dropped) are taken five at a time (shingles), and
// the sketch keeps, under each of 128 hash functions, the smallest hash of
// any shingle. Two sketches agree in about the share of the two bodies'
// shingles that both have (their Jaccard similarity), with a standard error
// of at most 0.045, whatever the texts' lengths.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace dateline::indexer {

struct TextSketch {
    static constexpr std::size_t size = 128;
    static constexpr std::size_t bands = 42;  // for finding candidates: 42 bands of 3 hashes (126 of the 128)
    std::array<std::uint32_t, size> minimum;  // all 0xffffffff for a text of no shingle
    std::uint32_t shingles = 0;               // how many shingles the text has (repeats counted)
};

// The sketch of body. Words are five to a shingle; a text of fewer than five
// words is one shingle of all of them.
TextSketch sketch_text(std::string_view body);

// The share of the sketch's hashes both agree on: about the Jaccard
// similarity of the two texts' shingle sets. 0 if either has no shingle.
double estimated_jaccard(const TextSketch& a, const TextSketch& b);

// About the share of the shorter text's shingles that the longer one also
// has (1 for a copy cut short), from the Jaccard estimate and both sizes.
double estimated_containment(const TextSketch& a, const TextSketch& b);

// One key a band: two texts that share any key are candidates to compare
// (texts of Jaccard 0.5 share one with probability 0.996, of 0.4 with 0.94,
// of 0.2 with 0.29). Texts without shingles all share every key: leave them out.
std::array<std::uint64_t, TextSketch::bands> band_keys(const TextSketch& sketch);

}  // namespace dateline::indexer
