// SPDX-License-Identifier: GPL-2.0-or-later
// How many articles hold each word, remembered across hits and queries:
// a snippet weighs every word of a hit's text by its rarity, and on a large
// archive looking each one up in the index is most of what a snippet costs
// (a B-tree seek a word). The counts are those of one revision of the
// databases: the searcher forgets them whenever it opens a new one.
// Safe to use from several threads.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace dateline::searcher {

class WordRarity {
public:
    // The number of articles of db indexed under term (db must be of the
    // revision the counts are for).
    Xapian::doccount term_frequency(const Xapian::Database& db, const std::string& term);
    void forget();

private:
    // Bounds the memory: about 80 bytes a word.
    static constexpr std::size_t max_words = 500'000;
    std::mutex mutex_;
    std::unordered_map<std::string, Xapian::doccount> counts_;
};

}  // namespace dateline::searcher
