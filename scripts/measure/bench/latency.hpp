// SPDX-License-Identifier: GPL-2.0-or-later
// Query latencies by class, and the percentiles the benchmark reports.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace dateline::bench {

class LatencyTable {
public:
    void add(const std::string& query_class, double milliseconds);
    // Adds other's samples to these.
    void merge(const LatencyTable& other);

    // One TSV row per class and one for "all": ENGINE MODE CLASS N P50 P95 P99 QPS
    // (milliseconds; QPS = queries answered per second of query time).
    void print(std::ostream& out, const std::string& engine, const std::string& mode) const;

private:
    std::map<std::string, std::vector<double>> by_class_;
};

// The p-th percentile (0..100) by the nearest-rank method; 0 for no samples.
double percentile(std::vector<double> samples, double p);

}  // namespace dateline::bench
