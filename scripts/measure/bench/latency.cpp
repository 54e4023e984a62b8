// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/bench/latency.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace dateline::bench {

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

void LatencyTable::add(const std::string& query_class, double milliseconds) {
    by_class_[query_class].push_back(milliseconds);
    by_class_["all"].push_back(milliseconds);
}

void LatencyTable::merge(const LatencyTable& other) {
    for (const auto& [name, samples] : other.by_class_) {
        auto& mine = by_class_[name];
        mine.insert(mine.end(), samples.begin(), samples.end());
    }
}

void LatencyTable::print(std::ostream& out, const std::string& engine, const std::string& mode) const {
    for (const auto& [name, samples] : by_class_) {
        double total = std::accumulate(samples.begin(), samples.end(), 0.0);
        out << fmt::format("{}\t{}\t{}\t{}\t{:.3f}\t{:.3f}\t{:.3f}\t{:.0f}\n", engine, mode, name, samples.size(),
                           percentile(samples, 50), percentile(samples, 95), percentile(samples, 99),
                           total > 0 ? 1000.0 * static_cast<double>(samples.size()) / total : 0.0);
    }
}

}  // namespace dateline::bench
