// SPDX-License-Identifier: GPL-2.0-or-later
// Word clusters: words that occur in the same contexts in unlabelled news
// text share a cluster, named by a path of bits from the root of a binary
// tree ("0110..."), so that a prefix of the path is a coarser cluster (as
// Brown clusters are used). data/ner/clusters.tsv, "word<TAB>path" per line,
// words in the tagger's lower case; written by scripts/ner-clusters.sh.
// The recogniser uses a word's path prefixes as features: a name it never
// saw in training still looks like the names it did.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::indexer {

class WordClusters {
public:
    // Throws Error (input) when the file cannot be read or a line is not
    // "word<TAB>path of 0s and 1s".
    static WordClusters load(const std::filesystem::path& file);

    // The word's path, or "" when the word is not in any cluster.
    std::string_view path_of(std::string_view lower_word) const;

    std::size_t size() const { return words_.size(); }

private:
    void index();

    std::vector<std::string> words_, paths_;
    // Open addressing over the words' hashes (the tagger looks up every
    // word): a slot holds a word's hash and 1 + its index (0: empty), so
    // that most lookups never touch a word's text.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;
    std::size_t mask_ = 0;
};

}  // namespace dateline::indexer
