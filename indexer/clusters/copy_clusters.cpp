// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/clusters/copy_clusters.hpp"

#include <algorithm>
#include <stdexcept>

namespace dateline::indexer {

CopyClusters::CopyClusters(double threshold, int window_days, std::uint32_t min_shingles)
    : threshold_(threshold), window_days_(window_days), min_shingles_(std::max<std::uint32_t>(min_shingles, 1)) {}

std::size_t CopyClusters::add(int day, const TextSketch& sketch) {
    if (!recent_.empty() && day < recent_.back().day)
        throw std::logic_error("CopyClusters::add: articles must come in order of date");
    const std::size_t number = parent_.size();
    parent_.push_back(number);
    forget_before(day - window_days_);
    // Every article of the window is in recent_, so a number's place there
    // is its distance from the first.
    recent_.push_back({number, day, sketch});
    if (sketch.shingles < min_shingles_) return number;
    const std::size_t first = recent_.front().number;
    auto keys = band_keys(sketch);
    std::vector<std::size_t> compared;
    for (std::uint64_t key : keys) {
        auto found = bands_.find(key);
        if (found == bands_.end()) continue;
        for (std::size_t other : found->second) {
            if (std::find(compared.begin(), compared.end(), other) != compared.end()) continue;
            compared.push_back(other);
            if (estimated_containment(sketch, recent_[other - first].sketch) >= threshold_) join(other, number);
        }
    }
    for (std::uint64_t key : keys) bands_[key].push_back(number);
    return number;
}

void CopyClusters::forget_before(int day) {
    while (!recent_.empty() && recent_.front().day < day) {
        const Recent& old = recent_.front();
        if (old.sketch.shingles >= min_shingles_)
            for (std::uint64_t key : band_keys(old.sketch)) {
                auto found = bands_.find(key);
                if (found == bands_.end()) continue;
                std::vector<std::size_t>& numbers = found->second;  // the oldest first: it is this one
                numbers.erase(std::remove(numbers.begin(), numbers.end(), old.number), numbers.end());
                if (numbers.empty()) bands_.erase(found);
            }
        recent_.pop_front();
    }
}

std::size_t CopyClusters::root(std::size_t n) {
    while (parent_[n] != n) {
        parent_[n] = parent_[parent_[n]];
        n = parent_[n];
    }
    return n;
}

void CopyClusters::join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;  // the earlier article names the group
}

std::size_t CopyClusters::earliest(std::size_t n) { return root(n); }

}  // namespace dateline::indexer
