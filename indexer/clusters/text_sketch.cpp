// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/clusters/text_sketch.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "shared/stable_hash.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

constexpr std::size_t shingle_words = 5;
constexpr std::size_t rows = TextSketch::size / TextSketch::bands;

// splitmix64's finaliser: a good 64-bit mix, so that one hash of a shingle
// gives the 128 of the sketch as mix(hash + i * golden).
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

std::vector<std::string_view> words_of(std::string_view folded) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && !word_byte(static_cast<unsigned char>(folded[i]))) ++i;
        std::size_t start = i;
        while (i < folded.size() && word_byte(static_cast<unsigned char>(folded[i]))) ++i;
        if (i > start) words.push_back(folded.substr(start, i - start));
    }
    return words;
}

}  // namespace

TextSketch sketch_text(std::string_view body) {
    TextSketch sketch;
    sketch.minimum.fill(0xffffffffu);
    const std::string folded = fold_for_search(body);
    const std::vector<std::string_view> words = words_of(folded);
    if (words.empty()) return sketch;
    const std::size_t windows = words.size() >= shingle_words ? words.size() - shingle_words + 1 : 1;
    for (std::size_t start = 0; start < windows; ++start) {
        StableHash hash;
        for (std::size_t w = start; w < std::min(start + shingle_words, words.size()); ++w) hash.add(words[w]).add(" ");
        const std::uint64_t shingle = hash.value();
        for (std::size_t i = 0; i < TextSketch::size; ++i) {
            auto value = static_cast<std::uint32_t>(mix(shingle + (i + 1) * 0x9e3779b97f4a7c15ull) >> 32);
            sketch.minimum[i] = std::min(sketch.minimum[i], value);
        }
    }
    sketch.shingles = static_cast<std::uint32_t>(windows);
    return sketch;
}

double estimated_jaccard(const TextSketch& a, const TextSketch& b) {
    if (a.shingles == 0 || b.shingles == 0) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < TextSketch::size; ++i) same += a.minimum[i] == b.minimum[i];
    return static_cast<double>(same) / TextSketch::size;
}

double estimated_containment(const TextSketch& a, const TextSketch& b) {
    double jaccard = estimated_jaccard(a, b);
    if (jaccard == 0) return 0;
    // |A ∩ B| = J (|A| + |B|) / (1 + J), over the smaller of |A| and |B|.
    double shared = jaccard * (double(a.shingles) + double(b.shingles)) / (1 + jaccard);
    return std::min(1.0, shared / std::min(a.shingles, b.shingles));
}

std::array<std::uint64_t, TextSketch::bands> band_keys(const TextSketch& sketch) {
    std::array<std::uint64_t, TextSketch::bands> keys{};
    for (std::size_t band = 0; band < TextSketch::bands; ++band) {
        std::uint64_t key = mix(band + 1);
        for (std::size_t r = 0; r < rows; ++r) key = mix(key ^ sketch.minimum[band * rows + r]);
        keys[band] = key;
    }
    return keys;
}

}  // namespace dateline::indexer
