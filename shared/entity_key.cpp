// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/entity_key.hpp"

#include <cctype>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "shared/data_lines.hpp"
#include "shared/error.hpp"
#include "shared/text.hpp"

namespace dateline {
namespace {

// Lower case, accents to base letters; every other character but a letter
// or digit becomes a word break, except apostrophes, which vanish
// ("Shi'ite" -> "shiite", "O'Brien" -> "obrien").
std::vector<std::string> plain_words(std::string_view name) {
    std::string folded = fold_for_matching(name);
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < folded.size();) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        if (std::isalnum(c)) { words.back() += static_cast<char>(c); ++i; continue; }
        if (c == '\'') { ++i; continue; }
        std::string_view rest = std::string_view(folded).substr(i);
        if (rest.starts_with("\u2019") || rest.starts_with("\u02bc") || rest.starts_with("\u2018")) { i += 3; continue; }
        Xapian::Utf8Iterator it(rest.data(), rest.size());
        if (char base = base_letter(*it)) {
            words.back() += base;
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
        Xapian::Utf8Iterator next = it;
        ++next;
        i += static_cast<std::size_t>(next.raw() - rest.data());
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// e, i, y -> i and o, u -> u: the vowels transliterations trade.
char vowel_class(char c) {
    switch (c) {
        case 'e': case 'i': case 'y': return 'i';
        case 'o': case 'u': return 'u';
        default: return c;
    }
}

std::string word_key(std::string word) {
    // Digraphs written two ways: "ou" -> "u", "ph" -> "f", "ck" -> "k".
    std::string plain;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word.compare(i, 2, "ou") == 0) { plain += 'u'; ++i; }
        else if (word.compare(i, 2, "ph") == 0) { plain += 'f'; ++i; }
        else if (word.compare(i, 2, "ck") == 0) { plain += 'k'; ++i; }
        else plain += word[i];
    }
    std::string key;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        char c = is_vowel(plain[i]) ? vowel_class(plain[i]) : plain[i];
        if (!key.empty() && key.back() == c) continue;              // doubled letters, vowel runs of one class
        if (is_vowel(c) && !key.empty() && is_vowel(key.back())) continue;  // "ei" -> "i": first vowel wins
        // A vowel echoed after h ("Teheran" -> "Tehran"): vowel, h, vowel.
        if (is_vowel(c) && key.size() >= 2 && key.back() == 'h' && is_vowel(key[key.size() - 2]) &&
            i + 1 < plain.size() && !is_vowel(plain[i + 1]))
            continue;
        key += c;
    }
    return key;
}

bool is_article(const std::string& word) { return word == "al" || word == "el" || word == "ul"; }

}  // namespace

std::string_view entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::person: return "person";
        case EntityType::org: return "org";
        case EntityType::place: return "place";
    }
    return "";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
    for (EntityType type : {EntityType::person, EntityType::org, EntityType::place})
        if (entity_type_name(type) == name) return type;
    return std::nullopt;
}

std::string variant_key(std::string_view name, EntityType type) {
    std::vector<std::string> words = plain_words(name);
    std::string key;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = std::move(words[i]);
        if (is_article(word) && i + 1 < words.size()) continue;  // "al-Asad", "Al Asad" -> "asad"
        if (i == 0 && word == "the" && words.size() > 1) continue;  // "The Washington Post"
        if (type == EntityType::org && word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's')
            word.pop_back();
        if (!key.empty()) key += ' ';
        key += word_key(std::move(word));
    }
    return key;
}

std::string_view last_word(std::string_view key) {
    std::size_t space = key.rfind(' ');
    return space == std::string_view::npos ? key : key.substr(space + 1);
}

EntityAliases EntityAliases::load(const std::filesystem::path& path) {
    return parse(read_data_file(path, "the entity alias table"), path.string());
}

EntityAliases EntityAliases::parse(std::string_view text, const std::string& origin) {
    EntityAliases table;
    table.text_ = text;
    for_each_data_line(table.text_, [&](std::string_view line, std::size_t number) {
        std::vector<std::string> cells;
        for (std::size_t start = 0;;) {
            std::size_t tab = line.find('\t', start);
            cells.emplace_back(line.substr(start, tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        auto parsed = parse_entity_type(cells[0]);
        if (!parsed) throw Error(ErrorKind::input, fmt::format("{}:{}: type must be person, org or place", origin, number));
        EntityType type = *parsed;
        if (cells.size() < 3)
            throw Error(ErrorKind::input, fmt::format("{}:{}: expected TYPE, NAME and at least one alias", origin, number));
        Canonical canonical{variant_key(cells[1], type), cells[1]};
        for (std::size_t i = 1; i < cells.size(); ++i)
            table.aliases_[std::string(entity_type_name(type)) + ':' + variant_key(cells[i], type)] = canonical;
    });
    return table;
}

std::string EntityAliases::key(std::string_view name, EntityType type) const {
    std::string key = variant_key(name, type);
    auto found = aliases_.find(std::string(entity_type_name(type)) + ':' + key);
    return found == aliases_.end() ? key : found->second.key;
}

std::pair<EntityType, std::string> EntityAliases::resolve(std::string_view name, EntityType type) const {
    for (EntityType candidate : {type, EntityType::person, EntityType::org, EntityType::place}) {
        std::string key = variant_key(name, candidate);
        auto found = aliases_.find(std::string(entity_type_name(candidate)) + ':' + key);
        if (found != aliases_.end()) return {candidate, found->second.key};
    }
    return {type, variant_key(name, type)};
}

void EntityAliases::set_titles(std::string_view text) {
    titles_text_ = text;
    titles_.clear();
    for_each_data_line(titles_text_, [&](std::string_view line, std::size_t) { titles_.insert(fold_for_matching(line)); });
}

std::string EntityAliases::strip_titles(std::string_view name) const {
    std::vector<std::string> words;
    std::istringstream in{std::string(name)};
    for (std::string word; in >> word;) words.push_back(word);
    std::size_t begin = 0;
    for (bool cut = true; cut;) {
        cut = false;
        for (std::size_t n = std::min<std::size_t>(3, words.size() - begin); n >= 1 && !cut; --n) {
            if (begin + n >= words.size()) continue;
            std::string title;
            for (std::size_t i = begin; i < begin + n; ++i) title += (i > begin ? " " : "") + words[i];
            if (titles_.count(fold_for_matching(title))) {
                begin += n;
                cut = true;
            }
        }
    }
    std::string out;
    for (std::size_t i = begin; i < words.size(); ++i) out += (i > begin ? " " : "") + words[i];
    return out;
}

std::string EntityAliases::canonical_name(std::string_view key, EntityType type) const {
    auto found = aliases_.find(std::string(entity_type_name(type)) + ':' + std::string(key));
    return found == aliases_.end() ? "" : found->second.name;
}

}  // namespace dateline
