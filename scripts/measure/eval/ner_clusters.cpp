// SPDX-License-Identifier: GPL-2.0-or-later
// ner-clusters OUT FILE...: word clusters for the entity recogniser from
// unlabelled news text, written as "word<TAB>path" lines
// (indexer/entities/word_clusters.hpp). A FILE named *.jsonl or *.jsonl.gz is
// a corpus (title and text of each record, tokenised as the tagger does);
// any other is read in the CoNLL format, its words only (tags unused).
//
// Each word seen at least min_count times is described by the words around
// it: for each of the positions -2, -1, +1 and +2, which of the most common
// words stands there, weighted by positive pointwise mutual information
// (context counts smoothed by the power 0.75, as word2vec and GloVe do), the
// vector scaled to length 1. The words are then split in two by spherical
// 2-means, each half again, to a depth of `depth` or until a half is too
// small: a word's path is its left/right turns, so a prefix of it is a
// coarser cluster, as with Brown clusters. Deterministic: same text, same file.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "indexer/entities/features.hpp"
#include "indexer/entities/tokens.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/eval/conll.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline;

namespace {

constexpr std::size_t min_count = 5;     // rarer words get no cluster
constexpr std::size_t context_words = 1000;
constexpr int offsets[] = {-2, -1, 1, 2};
constexpr int depth = 16;                // at most 65,536 clusters
constexpr std::size_t min_leaf = 4;      // a half smaller than this is not split
constexpr int iterations = 12;

struct Corpus {
    std::unordered_map<std::string, int> ids;
    std::vector<std::string> words;
    std::vector<std::size_t> counts;
    std::vector<int> text;  // word ids, -1 between sentences

    int id_of(const std::string& word) {
        auto [it, added] = ids.emplace(word, static_cast<int>(words.size()));
        if (added) {
            words.push_back(word);
            counts.push_back(0);
        }
        ++counts[static_cast<std::size_t>(it->second)];
        return it->second;
    }
};

using SparseVector = std::vector<std::pair<int, float>>;  // dimension, value; sorted

float dot(const SparseVector& v, const std::vector<float>& dense) {
    float sum = 0;
    for (auto [d, x] : v) sum += x * dense[static_cast<std::size_t>(d)];
    return sum;
}

void normalise(std::vector<float>& v) {
    double norm = 0;
    for (float x : v) norm += double(x) * x;
    if (norm > 0)
        for (float& x : v) x = static_cast<float>(x / std::sqrt(norm));
}

class Splitter {
public:
    Splitter(const std::vector<SparseVector>& vectors, std::size_t dimensions, std::vector<std::string>& paths)
        : vectors_(vectors), dimensions_(dimensions), paths_(paths) {}

    // members sorted by falling frequency.
    void split(const std::vector<int>& members, const std::string& path) {
        if (static_cast<int>(path.size()) == depth || members.size() < 2 * min_leaf) return assign(members, path);
        std::vector<float> a = dense(vectors_[static_cast<std::size_t>(members.front())]);
        // The second seed: the member least like the most frequent one.
        int far = members.front();
        float lowest = 2;
        for (int m : members)
            if (float s = dot(vectors_[static_cast<std::size_t>(m)], a); s < lowest) lowest = s, far = m;
        std::vector<float> b = dense(vectors_[static_cast<std::size_t>(far)]);
        std::vector<int> left, right;
        for (int round = 0; round < iterations; ++round) {
            left.clear();
            right.clear();
            for (int m : members)
                (dot(vectors_[static_cast<std::size_t>(m)], a) >= dot(vectors_[static_cast<std::size_t>(m)], b) ? left : right)
                    .push_back(m);
            if (left.empty() || right.empty()) break;
            a = centroid(left);
            b = centroid(right);
        }
        if (left.size() < min_leaf || right.size() < min_leaf) return assign(members, path);
        split(left, path + '0');
        split(right, path + '1');
    }

private:
    void assign(const std::vector<int>& members, const std::string& path) {
        for (int m : members) paths_[static_cast<std::size_t>(m)] = path.empty() ? "0" : path;
    }
    std::vector<float> dense(const SparseVector& v) const {
        std::vector<float> out(dimensions_, 0.0f);
        for (auto [d, x] : v) out[static_cast<std::size_t>(d)] = x;
        return out;
    }
    std::vector<float> centroid(const std::vector<int>& members) const {
        std::vector<float> sum(dimensions_, 0.0f);
        for (int m : members)
            for (auto [d, x] : vectors_[static_cast<std::size_t>(m)]) sum[static_cast<std::size_t>(d)] += x;
        normalise(sum);
        return sum;
    }

    const std::vector<SparseVector>& vectors_;
    std::size_t dimensions_;
    std::vector<std::string>& paths_;
};

int run(const std::string& out, const std::vector<std::string>& corpora) {
    Corpus corpus;
    for (const std::string& file : corpora) {
        if (!file.ends_with(".jsonl") && !file.ends_with(".jsonl.gz")) {
            for (const auto& document : tools::read_conll(file))
                for (const auto& sentence : document.words) {
                    for (const auto& word : sentence) corpus.text.push_back(corpus.id_of(indexer::tagger_lower(word)));
                    corpus.text.push_back(-1);
                }
            continue;
        }
        test::for_each_corpus_record(file, [&](const nlohmann::json& record) {
            std::string text = test::string_field(record, "title") + "\n" + test::string_field(record, "text");
            for (const auto& sentence : indexer::tokenise(text)) {
                for (const auto& token : sentence) corpus.text.push_back(corpus.id_of(indexer::tagger_lower(token.text)));
                corpus.text.push_back(-1);
            }
            return true;
        });
    }
    // The context words: the most common, ties by spelling; slot n is the
    // sentence boundary.
    std::vector<int> by_count(corpus.words.size());
    std::iota(by_count.begin(), by_count.end(), 0);
    std::sort(by_count.begin(), by_count.end(), [&](int a, int b) {
        auto ca = corpus.counts[static_cast<std::size_t>(a)], cb = corpus.counts[static_cast<std::size_t>(b)];
        return ca != cb ? ca > cb : corpus.words[static_cast<std::size_t>(a)] < corpus.words[static_cast<std::size_t>(b)];
    });
    std::size_t n_context = std::min(context_words, by_count.size());
    std::vector<int> context_slot(corpus.words.size(), -1);
    for (std::size_t i = 0; i < n_context; ++i) context_slot[static_cast<std::size_t>(by_count[i])] = static_cast<int>(i);
    const std::size_t per_offset = n_context + 1;
    const std::size_t dimensions = per_offset * std::size(offsets);

    std::vector<int> vocabulary;  // by falling frequency
    for (int w : by_count)
        if (corpus.counts[static_cast<std::size_t>(w)] >= min_count && corpus.words[static_cast<std::size_t>(w)].front() != '#')
            vocabulary.push_back(w);
    std::vector<int> row(corpus.words.size(), -1);
    for (std::size_t i = 0; i < vocabulary.size(); ++i) row[static_cast<std::size_t>(vocabulary[i])] = static_cast<int>(i);

    std::vector<std::unordered_map<int, float>> pairs(vocabulary.size());
    std::vector<double> context_total(dimensions, 0.0);
    const auto length = static_cast<std::ptrdiff_t>(corpus.text.size());
    for (std::ptrdiff_t i = 0; i < length; ++i) {
        int w = corpus.text[static_cast<std::size_t>(i)];
        if (w < 0 || row[static_cast<std::size_t>(w)] < 0) continue;
        for (std::size_t k = 0; k < std::size(offsets); ++k) {
            int step = offsets[k] < 0 ? -1 : 1;
            std::ptrdiff_t j = i;
            int slot = -1;
            for (int moved = 0; moved != offsets[k]; moved += step) {  // stop at the sentence's edge
                j += step;
                if (j < 0 || j >= length || corpus.text[static_cast<std::size_t>(j)] < 0) {
                    slot = static_cast<int>(n_context);
                    break;
                }
            }
            if (slot < 0) slot = context_slot[static_cast<std::size_t>(corpus.text[static_cast<std::size_t>(j)])];
            if (slot < 0) continue;
            int d = static_cast<int>(k * per_offset) + slot;
            pairs[static_cast<std::size_t>(row[static_cast<std::size_t>(w)])][d] += 1;
            context_total[static_cast<std::size_t>(d)] += 1;
        }
    }
    double smoothed_total = 0;
    for (double& c : context_total) smoothed_total += (c = std::pow(c, 0.75));
    std::vector<SparseVector> vectors(vocabulary.size());
    for (std::size_t r = 0; r < vocabulary.size(); ++r) {
        double word_total = 0;
        for (auto [d, n] : pairs[r]) word_total += n;
        SparseVector& v = vectors[r];
        for (auto [d, n] : pairs[r]) {
            double pmi = std::log(n / word_total * smoothed_total / context_total[static_cast<std::size_t>(d)]);
            if (pmi > 0) v.emplace_back(d, static_cast<float>(pmi));
        }
        std::sort(v.begin(), v.end());
        double norm = 0;
        for (auto [d, x] : v) norm += double(x) * x;
        for (auto& [d, x] : v) x = static_cast<float>(x / std::sqrt(norm));
        pairs[r].clear();
    }

    std::vector<std::string> paths(vocabulary.size());
    std::vector<int> all;  // words with some telling context
    for (std::size_t r = 0; r < vocabulary.size(); ++r)
        if (!vectors[r].empty()) all.push_back(static_cast<int>(r));
    Splitter(vectors, dimensions, paths).split(all, "");

    std::vector<std::pair<std::string, std::string>> lines;
    for (std::size_t r = 0; r < vocabulary.size(); ++r)
        if (!vectors[r].empty()) lines.emplace_back(corpus.words[static_cast<std::size_t>(vocabulary[r])], paths[r]);
    std::sort(lines.begin(), lines.end());
    std::ofstream file(out);
    file << fmt::format("# word clusters for the entity recogniser: {} words of {} tokens; scripts/ner-clusters.sh\n",
                        lines.size(), corpus.text.size());
    for (const auto& [word, path] : lines) file << word << '\t' << path << '\n';
    if (!file.flush()) throw std::runtime_error("cannot write " + out);
    std::set<std::string> distinct;
    for (const auto& line : lines) distinct.insert(line.second);
    std::cout << fmt::format("{} words in {} clusters\n", lines.size(), distinct.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return measure::run_tool(argc, 2, 100, "ner-clusters OUT FILE...", [&] {
        return run(argv[1], std::vector<std::string>(argv + 2, argv + argc));
    });
}
