// SPDX-License-Identifier: GPL-2.0-or-later
// What the scraped-text cleaner knows about news pages, kept as data in
// data/scrape/ and data/outlets.tsv: furniture phrases (some of which name
// their outlet), English function words, the words of author bios, and the
// outlet table.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "indexer/extract/outlet_names.hpp"

namespace dateline::indexer {

struct FurnitureRule {
    enum class Match { line, prefix, suffix, contains };
    Match match = Match::line;
    std::string phrase;  // as furniture_key writes it
    std::string outlet;  // the outlet this furniture is printed by, or ""
};

// Furniture is short: a longer line is never compared with the phrases.
constexpr std::size_t longest_furniture = 1000;

// How a line is compared with furniture phrases: ASCII lower case, white
// space runs as one space, punctuation and symbols trimmed from both ends.
std::string furniture_key(std::string_view line);
void furniture_key(std::string_view line, std::string& key);  // into key, reusing its memory

// Looked up by string_view, without a copy: once per word of every text.
struct WordHash {
    using is_transparent = void;
    // FNV-1a: the keys are words and short lines, where it beats the
    // library's hash, which is built for long strings.
    std::size_t operator()(std::string_view s) const {
        std::size_t h = 14695981039346656037ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return h;
    }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

class ScrapeRules {
public:
    ScrapeRules() = default;
    // The three tables as text (the files' formats), for tests.
    static ScrapeRules parse(std::string_view furniture_tsv, std::string_view stopwords, std::string_view bio_words,
                             OutletNames outlets);
    // From data_dir: scrape/furniture.tsv, scrape/stopwords.txt,
    // scrape/bio_roles.txt and outlets.tsv. Throws Error (input).
    static ScrapeRules load(const std::filesystem::path& data_dir);

    // The rule a line (given as its furniture_key) matches, or nullptr.
    const FurnitureRule* furniture(std::string_view key) const;
    // The rule a line as written matches: nullptr for lines longer than
    // longest_furniture, without building their key.
    const FurnitureRule* furniture_line(std::string_view line) const {
        if (line.size() > longest_furniture) return nullptr;
        thread_local std::string key;  // reused: one key a line of every article
        furniture_key(line, key);
        return furniture(key);
    }
    // Asked of every word of every text: most words are ruled out by their
    // first letter and length before the set is looked at.
    static constexpr std::size_t longest_stopword = 15;  // bytes; longer words in the list are ignored
    bool is_stopword(std::string_view lower_word) const {
        if (lower_word.empty() || lower_word.size() > longest_stopword ||
            !(stopword_lengths_[static_cast<unsigned char>(lower_word[0])] & (1u << lower_word.size())))
            return false;
        return stopwords_.contains(lower_word);
    }
    bool is_bio_word(std::string_view lower_word) const { return bio_words_.contains(lower_word); }
    const OutletNames& outlets() const { return outlets_; }

private:
    std::unordered_map<std::string, FurnitureRule, WordHash, std::equal_to<>> whole_lines_;
    // Prefix rules by their first byte: every line is compared with them.
    std::array<std::vector<FurnitureRule>, 256> prefixes_;
    std::vector<FurnitureRule> partial_;  // suffix and contains rules
    WordSet stopwords_;
    std::array<std::uint16_t, 256> stopword_lengths_{};  // by first byte: bit n set if a stopword has n bytes
    WordSet bio_words_;
    OutletNames outlets_;
};

}  // namespace dateline::indexer
