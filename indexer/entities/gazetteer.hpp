// SPDX-License-Identifier: GPL-2.0-or-later
// Gazetteers: lists of names built from facts (countries, capitals and large
// cities, US states, regions, nationalities, international organisations,
// news outlets, given names, honorifics), one name per line in
// data/gazetteers/NAME.txt. The recogniser uses membership as a feature; it
// never decides a mention by itself.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dateline::indexer {

class Gazetteer {
public:
    // Reads every *.txt in dir, sorted by name (a list's bit is its position).
    // Throws Error (input) when dir cannot be read.
    static Gazetteer load(const std::filesystem::path& dir);

    const std::vector<std::string>& lists() const { return names_; }

    // For each word, a bit mask: bit 2k set when a name of list k starts at
    // the word, bit 2k+1 when the word continues one. Longest match wins;
    // matching is on lower case.
    std::vector<std::uint32_t> mark(const std::vector<std::string>& lower_words) const;

    // Whether lower-cased text is a name of the list called list.
    bool contains(std::string_view list, std::string_view lower_text) const;

private:
    std::vector<std::string> names_;
    std::vector<std::unordered_set<std::string>> entries_;
    std::size_t longest_ = 1;  // in words
};

}  // namespace dateline::indexer
