// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/gazetteer.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    if (error || files.empty())
        throw Error(ErrorKind::input, fmt::format("cannot read gazetteers in {}", dir.string()),
                    "set DATELINE_DATA_DIR to the folder holding Dateline's data/");
    std::sort(files.begin(), files.end());
    if (files.size() > 16) throw Error(ErrorKind::input, fmt::format("more than 16 gazetteers in {}", dir.string()));

    Gazetteer gazetteer;
    for (const auto& path : files) {
        std::ifstream in(path);
        std::unordered_set<std::string> entries;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::string folded = fold_for_matching(line);
            if (folded.empty()) continue;
            gazetteer.longest_ = std::max<std::size_t>(
                gazetteer.longest_, 1 + std::count(folded.begin(), folded.end(), ' '));
            entries.insert(std::move(folded));
        }
        gazetteer.names_.push_back(path.stem().string());
        gazetteer.entries_.push_back(std::move(entries));
    }
    return gazetteer;
}

std::vector<std::uint32_t> Gazetteer::mark(const std::vector<std::string>& lower_words) const {
    std::vector<std::uint32_t> marks(lower_words.size(), 0);
    for (std::size_t list = 0; list < entries_.size(); ++list) {
        const auto& entries = entries_[list];
        for (std::size_t i = 0; i < lower_words.size();) {
            std::size_t matched = 0;
            std::string candidate;
            for (std::size_t n = 1; n <= longest_ && i + n <= lower_words.size(); ++n) {
                if (n > 1) candidate += ' ';
                candidate += lower_words[i + n - 1];
                if (entries.count(candidate)) matched = n;
            }
            if (matched == 0) { ++i; continue; }
            marks[i] |= 1u << (2 * list);
            for (std::size_t k = 1; k < matched; ++k) marks[i + k] |= 1u << (2 * list + 1);
            i += matched;
        }
    }
    return marks;
}

bool Gazetteer::contains(std::string_view list, std::string_view lower_text) const {
    for (std::size_t k = 0; k < names_.size(); ++k)
        if (names_[k] == list) return entries_[k].count(std::string(lower_text)) > 0;
    return false;
}

}  // namespace dateline::indexer
