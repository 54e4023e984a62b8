// SPDX-License-Identifier: GPL-2.0-or-later
// The article extraction benchmark's main-text metric: \w+ tokens, 4-token
// shingles counted as multisets, each page's matched/extra/missing counts
// normalised to sum to 1, precision and recall averaged over pages, F1 of the
// two averages (as its evaluate.py; pages with nothing predicted or nothing
// true leave precision or recall out of the average).
#pragma once

#include <string>
#include <vector>

namespace dateline::test {

struct ShingleMatch {
    double tp = 0, fp = 0, fn = 0;  // normalised: they sum to 1 (or are all 0)
};

ShingleMatch match_shingles(const std::string& truth, const std::string& predicted);

struct ShingleScores {
    double precision = 0, recall = 0, f1 = 0;
};

ShingleScores shingle_scores(const std::vector<ShingleMatch>& pages);
double shingle_f1(const std::vector<ShingleMatch>& pages);

}  // namespace dateline::test
