// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/gazetteer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "shared/data_lines.hpp"
#include "shared/entity_key.hpp"
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
    for (std::size_t list = 0; list < files.size(); ++list) {
        for_each_data_line(read_data_file(files[list], "the gazetteer"), [&](std::string_view line, std::size_t) {
            std::string folded = fold_for_matching(line);
            if (folded.empty()) return;
            gazetteer.entries_[folded].lists |= 1u << list;
            for (std::size_t space = folded.find(' '); space != std::string::npos; space = folded.find(' ', space + 1))
                gazetteer.entries_[folded.substr(0, space)].continues = true;
            if (folded.find(' ') == std::string::npos)
                if (std::string key = variant_key(folded, EntityType::place); !key.empty())
                    gazetteer.variants_[key] |= 1u << list;
        });
        gazetteer.names_.push_back(files[list].stem().string());
    }
    return gazetteer;
}

std::vector<std::uint32_t> Gazetteer::mark(const std::vector<std::string>& lower_words,
                                           const std::vector<bool>& capitalised) const {
    std::vector<std::uint32_t> marks(lower_words.size(), 0);
    std::vector<std::size_t> resume(names_.size(), 0);  // per list: the first word not inside a match
    std::string candidate;
    std::vector<std::size_t> longest(names_.size());
    for (std::size_t i = 0; i < lower_words.size(); ++i) {
        // The longest name of each list starting at word i.
        std::fill(longest.begin(), longest.end(), 0);
        candidate.clear();
        for (std::size_t n = 1; i + n <= lower_words.size(); ++n) {
            if (n > 1) candidate += ' ';
            candidate += lower_words[i + n - 1];
            auto found = entries_.find(candidate);
            if (found == entries_.end()) break;
            for (std::size_t list = 0; list < names_.size(); ++list)
                if (found->second.lists & (1u << list)) longest[list] = n;
            if (!found->second.continues) break;
        }
        for (std::size_t list = 0; list < names_.size(); ++list) {
            if (longest[list] == 0 || i < resume[list]) continue;
            marks[i] |= 1u << (2 * list);
            for (std::size_t k = 1; k < longest[list]; ++k) marks[i + k] |= 1u << (2 * list + 1);
            resume[list] = i + longest[list];
        }
    }
    for (std::size_t i = 0; i < lower_words.size(); ++i) {
        if (marks[i] != 0 || !capitalised[i]) continue;
        auto found = variants_.find(variant_key(lower_words[i], EntityType::place));
        if (found == variants_.end()) continue;
        for (std::uint32_t lists = found->second, list = 0; lists != 0; ++list, lists >>= 1)
            if (lists & 1u) marks[i] |= 1u << (2 * list);
    }
    return marks;
}

bool Gazetteer::contains(std::string_view list, std::string_view lower_text) const {
    for (std::size_t k = 0; k < names_.size(); ++k) {
        if (names_[k] != list) continue;
        auto found = entries_.find(std::string(lower_text));
        return found != entries_.end() && (found->second.lists & (1u << k));
    }
    return false;
}

}  // namespace dateline::indexer
