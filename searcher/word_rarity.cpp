// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/word_rarity.hpp"

namespace dateline::searcher {

Xapian::doccount WordRarity::term_frequency(const Xapian::Database& db, const std::string& term) {
    {
        std::lock_guard lock(mutex_);
        auto found = counts_.find(term);
        if (found != counts_.end()) return found->second;
    }
    Xapian::doccount count = db.get_termfreq(term);  // outside the lock: the slow part
    std::lock_guard lock(mutex_);
    if (counts_.size() >= max_words) counts_.clear();
    counts_.emplace(term, count);
    return count;
}

void WordRarity::forget() {
    std::lock_guard lock(mutex_);
    counts_.clear();
}

}  // namespace dateline::searcher
