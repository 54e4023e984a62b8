// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/eval/shingle_f1.hpp"

#include <algorithm>
#include <map>

#include <xapian.h>

namespace dateline::test {
namespace {

std::vector<std::string> tokens(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(current, *it);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

// Fewer than four tokens make one short shingle, as in evaluate.py.
std::map<std::string, int> shingles(const std::string& text) {
    constexpr std::size_t n = 4;
    std::vector<std::string> t = tokens(text);
    std::map<std::string, int> counts;
    if (t.empty()) return counts;
    std::size_t windows = t.size() >= n ? t.size() - n + 1 : 1;
    for (std::size_t i = 0; i < windows; ++i) {
        std::string key;
        for (std::size_t j = i; j < std::min(i + n, t.size()); ++j) key += t[j] + '\x1f';
        ++counts[key];
    }
    return counts;
}

}  // namespace

ShingleMatch match_shingles(const std::string& truth, const std::string& predicted) {
    auto t = shingles(truth), p = shingles(predicted);
    ShingleMatch m;
    for (const auto& [key, count] : t) {
        auto found = p.find(key);
        int in_p = found == p.end() ? 0 : found->second;
        m.tp += std::min(count, in_p);
        m.fn += std::max(0, count - in_p);
    }
    for (const auto& [key, count] : p) {
        auto found = t.find(key);
        m.fp += std::max(0, count - (found == t.end() ? 0 : found->second));
    }
    double sum = m.tp + m.fp + m.fn;
    if (sum > 0) m = {m.tp / sum, m.fp / sum, m.fn / sum};
    return m;
}

ShingleScores shingle_scores(const std::vector<ShingleMatch>& pages) {
    double precision = 0, recall = 0;
    int predicted = 0, true_pages = 0;
    for (const ShingleMatch& m : pages) {
        bool exact = m.fp == 0 && m.fn == 0;
        if (m.tp + m.fp > 0) {
            precision += exact ? 1.0 : m.tp / (m.tp + m.fp);
            ++predicted;
        }
        if (m.tp + m.fn > 0) {
            recall += exact ? 1.0 : m.tp / (m.tp + m.fn);
            ++true_pages;
        }
    }
    precision = predicted ? precision / predicted : 0;
    recall = true_pages ? recall / true_pages : 0;
    return {precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0};
}

double shingle_f1(const std::vector<ShingleMatch>& pages) { return shingle_scores(pages).f1; }

}  // namespace dateline::test
