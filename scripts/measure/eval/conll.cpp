// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/eval/conll.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <zlib.h>

namespace dateline::tools {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");  // reads plain files as they are
    if (!file) throw std::runtime_error(fmt::format("cannot open {}", path));
    std::vector<std::string> lines;
    std::string current;
    char buffer[1 << 16];
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) {
        for (int i = 0; i < n; ++i) {
            if (buffer[i] == '\n') {
                lines.push_back(std::move(current));
                current.clear();
            } else if (buffer[i] != '\r') {
                current += buffer[i];
            }
        }
    }
    bool failed = n < 0;
    gzclose(file);
    if (failed) throw std::runtime_error(fmt::format("{}: cannot be read (damaged gzip?)", path));
    if (!current.empty()) lines.push_back(std::move(current));
    return lines;
}

// IOB1 -> IOB2: I-X that opens a span becomes B-X.
void to_iob2(std::vector<std::string>& tags) {
    std::string previous = "O";
    for (std::string& tag : tags) {
        if (tag.starts_with("I-") && (previous == "O" || previous.substr(2) != tag.substr(2))) tag[0] = 'B';
        previous = tag;
    }
}

}  // namespace

std::vector<ConllDocument> read_conll(const std::string& path) {
    std::vector<ConllDocument> documents(1);
    std::vector<std::string> words, tags;
    auto end_sentence = [&] {
        if (words.empty()) return;
        to_iob2(tags);
        documents.back().words.push_back(std::move(words));
        documents.back().tags.push_back(std::move(tags));
        words.clear();
        tags.clear();
    };
    std::size_t number = 0;
    for (const std::string& line : read_lines(path)) {
        ++number;
        if (line.find_first_not_of(" \t") == std::string::npos) { end_sentence(); continue; }
        std::size_t first_end = line.find_first_of(" \t");
        std::size_t last_start = line.find_last_of(" \t");
        if (first_end == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: expected \"word ... TAG\"", path, number));
        std::string word = line.substr(0, first_end), tag = line.substr(last_start + 1);
        if (word == "-DOCSTART-") {
            end_sentence();
            if (!documents.back().words.empty()) documents.emplace_back();
            continue;
        }
        if (tag != "O" && !(tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-'))
            throw std::runtime_error(fmt::format("{}:{}: \"{}\" is not an IOB tag", path, number, tag));
        words.push_back(std::move(word));
        tags.push_back(std::move(tag));
    }
    end_sentence();
    if (documents.back().words.empty()) documents.pop_back();
    return documents;
}

std::vector<Span> spans_of(const std::vector<std::vector<std::string>>& tags) {
    std::vector<Span> spans;
    for (std::size_t s = 0; s < tags.size(); ++s) {
        std::string open;
        for (std::size_t i = 0; i <= tags[s].size(); ++i) {
            std::string tag = i < tags[s].size() ? tags[s][i] : "O";
            std::string type = tag == "O" ? "" : tag.substr(2);
            bool continues = !open.empty() && tag[0] == 'I' && type == open;
            if (continues) continue;
            if (!open.empty()) spans.back().end = i;
            open = type;
            if (!type.empty()) spans.push_back({s, i, i, type});
        }
    }
    return spans;
}

std::map<std::string, TypeScore> score_spans(const std::vector<Span>& gold, const std::vector<Span>& predicted,
                                             const std::vector<std::string>& types) {
    std::map<std::string, TypeScore> scores;
    auto wanted = [&](const Span& span) { return std::find(types.begin(), types.end(), span.type) != types.end(); };
    std::set<Span> gold_set;
    for (const Span& span : gold)
        if (wanted(span)) { gold_set.insert(span); ++scores[span.type].gold; ++scores["all"].gold; }
    for (const Span& span : predicted) {
        if (!wanted(span)) continue;
        ++scores[span.type].predicted;
        ++scores["all"].predicted;
        if (gold_set.count(span)) { ++scores[span.type].correct; ++scores["all"].correct; }
    }
    for (const std::string& type : types) scores[type];
    return scores;
}

}  // namespace dateline::tools
