// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/word_clusters.hpp"

#include <fmt/format.h>

#include "shared/data_lines.hpp"
#include "shared/error.hpp"

namespace dateline::indexer {

WordClusters WordClusters::load(const std::filesystem::path& file) {
    WordClusters clusters;
    for_each_data_line(read_data_file(file, "the word clusters"), [&](std::string_view line, std::size_t number) {
        std::size_t tab = line.find('\t');
        std::string_view path = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
        if (tab == 0 || path.empty() || path.find_first_not_of("01") != std::string_view::npos)
            throw Error(ErrorKind::input, fmt::format("{}:{}: not \"word<TAB>path of 0s and 1s\"", file.string(), number));
        clusters.words_.emplace_back(line.substr(0, tab));
        clusters.paths_.emplace_back(path);
    });
    clusters.index();
    return clusters;
}

void WordClusters::index() {
    std::size_t capacity = 16;
    while (capacity < 2 * words_.size()) capacity *= 2;
    slots_.assign(capacity, {0, 0});
    mask_ = capacity - 1;
    for (std::size_t w = 0; w < words_.size(); ++w) {
        std::uint64_t hash = std::hash<std::string_view>()(words_[w]);
        std::size_t at = hash & mask_;
        while (slots_[at].second != 0 && words_[slots_[at].second - 1] != words_[w]) at = (at + 1) & mask_;
        slots_[at] = {hash, static_cast<std::uint32_t>(w + 1)};  // a repeated word: the last line wins
    }
}

std::string_view WordClusters::path_of(std::string_view lower_word) const {
    if (slots_.empty()) return {};
    std::uint64_t hash = std::hash<std::string_view>()(lower_word);
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
        auto [slot_hash, slot] = slots_[at];
        if (slot == 0) return {};
        if (slot_hash == hash && words_[slot - 1] == lower_word) return paths_[slot - 1];
    }
}

}  // namespace dateline::indexer
