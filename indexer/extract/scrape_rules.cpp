// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/scrape_rules.hpp"

#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include "shared/data_lines.hpp"
#include "shared/error.hpp"

namespace dateline::indexer {
namespace {

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::istringstream in(line);
    for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
    return parts;
}

WordSet word_set(std::string_view text) {
    WordSet words;
    for_each_data_line(text, [&](std::string_view line, std::size_t) {
        std::istringstream line_in{std::string(line)};
        for (std::string word; line_in >> word;) words.insert(word);
    });
    return words;
}

bool is_edge_punctuation(unsigned char c) { return c < 0x80 && !std::isalnum(c); }

}  // namespace

std::string furniture_key(std::string_view line) {
    std::string key;
    furniture_key(line, key);
    return key;
}

void furniture_key(std::string_view line, std::string& key) {
    // Written through a pointer into room made first: a key is built for
    // most lines of every text.
    key.resize(line.size());
    char* out = key.data();
    for (unsigned char c : line) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (out != key.data() && out[-1] != ' ') *out++ = ' ';
        } else {
            *out++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }
    key.resize(static_cast<std::size_t>(out - key.data()));
    std::size_t first = 0, last = key.size();
    while (first < last && is_edge_punctuation(key[first])) ++first;
    while (last > first && is_edge_punctuation(key[last - 1])) --last;
    key.erase(last);
    key.erase(0, first);
}

ScrapeRules ScrapeRules::parse(std::string_view furniture_tsv, std::string_view stopwords, std::string_view bio_words,
                               OutletNames outlets) {
    ScrapeRules rules;
    for_each_data_line(furniture_tsv, [&](std::string_view line, std::size_t number) {
        std::vector<std::string> fields = split(std::string(line), '\t');
        static const std::unordered_map<std::string, FurnitureRule::Match> matches = {
            {"line", FurnitureRule::Match::line},
            {"prefix", FurnitureRule::Match::prefix},
            {"suffix", FurnitureRule::Match::suffix},
            {"contains", FurnitureRule::Match::contains}};
        auto match = fields.size() >= 2 ? matches.find(fields[0]) : matches.end();
        if (match == matches.end())
            throw Error(ErrorKind::input, fmt::format("furniture table, line {}: want line|prefix|suffix|contains, a tab and a phrase", number));
        // Prefixes and suffixes keep their edge punctuation ("read more:", "©").
        std::string phrase = fields[1];
        for (char& c : phrase) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        FurnitureRule rule{match->second, match->second == FurnitureRule::Match::line ? furniture_key(phrase) : phrase,
                           fields.size() > 2 ? fields[2] : ""};
        if (rule.match == FurnitureRule::Match::line)
            rules.whole_lines_.emplace(rule.phrase, rule);
        else if (rule.match == FurnitureRule::Match::prefix && !rule.phrase.empty())
            rules.prefixes_[static_cast<unsigned char>(rule.phrase[0])].push_back(rule);
        else
            rules.partial_.push_back(rule);
    });
    rules.stopwords_ = word_set(stopwords);
    for (const std::string& word : rules.stopwords_)
        if (word.size() <= longest_stopword) rules.stopword_lengths_[static_cast<unsigned char>(word[0])] |= static_cast<std::uint16_t>(1u << word.size());
    rules.bio_words_ = word_set(bio_words);
    rules.outlets_ = std::move(outlets);
    return rules;
}

ScrapeRules ScrapeRules::load(const std::filesystem::path& data_dir) {
    return parse(read_data_file(data_dir / "scrape" / "furniture.tsv", "the furniture table"),
                 read_data_file(data_dir / "scrape" / "stopwords.txt", "the stopword list"),
                 read_data_file(data_dir / "scrape" / "bio_roles.txt", "the bio word list"),
                 OutletNames::load(data_dir / "outlets.tsv"));
}

const FurnitureRule* ScrapeRules::furniture(std::string_view key) const {
    if (auto whole = whole_lines_.find(key); whole != whole_lines_.end()) return &whole->second;
    if (!key.empty())
        for (const FurnitureRule& rule : prefixes_[static_cast<unsigned char>(key[0])])
            if (key.starts_with(rule.phrase)) return &rule;
    for (const FurnitureRule& rule : partial_) {
        bool hit = rule.match == FurnitureRule::Match::prefix   ? key.starts_with(rule.phrase)
                   : rule.match == FurnitureRule::Match::suffix ? key.ends_with(rule.phrase)
                                                                : key.find(rule.phrase) != std::string_view::npos;
        if (hit) return &rule;
    }
    return nullptr;
}

}  // namespace dateline::indexer
