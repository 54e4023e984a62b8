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
#include <unordered_map>
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
    // matching is on lower case. A capitalised word (capitalised[i]) that no
    // name touches but that is a spelling variant of a one-word name (the
    // same variant_key: "Teheran" for Tehran) is marked as that name.
    std::vector<std::uint32_t> mark(const std::vector<std::string>& lower_words,
                                    const std::vector<bool>& capitalised) const;

    // Whether lower-cased text is a name of the list called list.
    bool contains(std::string_view list, std::string_view lower_text) const;

private:
    struct Entry {
        std::uint32_t lists = 0;   // bit k: a name of list k
        bool continues = false;    // the start of a longer name of some list
    };
    std::vector<std::string> names_;
    // Every name, and every word-prefix of a name, once for all lists: one
    // lookup per word while a prefix can still grow into a name.
    std::unordered_map<std::string, Entry> entries_;
    std::unordered_map<std::string, std::uint32_t> variants_;  // one-word names' variant keys -> lists
};

}  // namespace dateline::indexer
