// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/mentions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "indexer/entities/tokens.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

constexpr std::array<std::string_view, 35> calendar_words{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.",
    "nov.", "dec.", "today", "yesterday", "tomorrow", "update", "advertisement", "jan", "feb", "sept",
    "photo"};

bool is_calendar_word(std::string_view lower) {
    for (std::string_view word : calendar_words)
        if (word == lower) return true;
    return false;
}

std::optional<EntityType> type_of(std::string_view tag_type) {
    if (tag_type == "PER") return EntityType::person;
    if (tag_type == "ORG") return EntityType::org;
    if (tag_type == "LOC") return EntityType::place;
    return std::nullopt;  // MISC: nationalities, events, works
}

std::string lower(std::string_view text) { return fold_for_matching(text); }

bool has_capital_or_digit(std::string_view text) {
    for (unsigned char c : text)
        if (std::isupper(c) || std::isdigit(c) || c >= 0x80) return true;
    return false;
}

bool is_possessive(std::string_view word) { return word == "'s" || word == "\u2019s" || word == "'" || word == "\u2019"; }

// Words [begin, end) of a span after titles in front and a possessive behind.
void trim_span(const Gazetteer& gazetteer, const Sentence& words, EntityType type, std::size_t& begin,
               std::size_t& end) {
    auto is_trimmed = [](std::string_view word) {
        return is_possessive(word) || word == "," || word == ";" || word == ":" ||
               is_calendar_word(fold_for_matching(word));
    };
    while (end > begin && is_trimmed(words[end - 1].text)) --end;
    while (end > begin && is_trimmed(words[begin].text)) ++begin;
    if (type != EntityType::person) return;
    for (bool cut = true; cut && begin < end;) {
        cut = false;
        for (std::size_t n = std::min<std::size_t>(3, end - begin); n >= 1 && !cut; --n) {
            std::string title;
            for (std::size_t i = begin; i < begin + n; ++i) title += (i > begin ? " " : "") + std::string(words[i].text);
            if (gazetteer.contains("honorifics", lower(title)) && begin + n < end) {
                begin += n;
                cut = true;
            }
        }
    }
}

// Words that make a "person" a place or an organisation ("Camp Taji",
// "Getty Images"): the recogniser's commonest confusions in news furniture.
std::optional<EntityType> retyped_person(std::string_view folded) {
    static const std::vector<std::string_view> place_words_list{
        "base", "zone", "camp", "airport", "street", "square", "province", "city",
        "river", "island", "valley", "district", "county", "strait", "quay", "bridge",
        "road", "harbour", "bay", "coast", "park"};
    static const std::vector<std::string_view> org_words_list{
        "images", "news", "press", "agency", "ministry", "university", "council",
        "party", "army", "forces", "times", "post", "group", "company", "harakat", "kataib", "asaib",
        "authority", "union", "committee", "commission", "board", "department", "bank", "club",
        "association", "court", "institute", "foundation", "corporation", "league", "museum"};
    // An organisation word wins over a place word: "Harbour Authority".
    for (const auto* words : {&org_words_list, &place_words_list}) {
        for (std::size_t start = 0; start < folded.size();) {
            std::size_t end = std::min(folded.find(' ', start), folded.size());
            std::string_view word = folded.substr(start, end - start);
            start = end + 1;
            for (std::string_view w : *words)
                if (w == word) return words == &org_words_list ? EntityType::org : EntityType::place;
        }
    }
    return std::nullopt;
}

// "al-Assad", "el-Sisi": a name after an Arabic article.
bool is_article_name(std::string_view word) {
    if (word.size() < 5 || word[2] != '-') return false;
    std::string head = lower(word.substr(0, 2));
    return (head == "al" || head == "el") && std::isupper(static_cast<unsigned char>(word[3]));
}

bool is_capitals(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

bool is_dash(std::string_view word) { return word == "\u2014" || word == "\u2013" || word == "-" || word == "--"; }

bool is_capitalised(const Token& token) { return std::isupper(static_cast<unsigned char>(token.text[0])) != 0; }

// Where an organisation span runs into a person ("Quds Force Qassem
// Suleimani", "Armed Forces Mohammad Bagheri"): the given name that starts
// the person, or end when there is none. The person may go on past the span
// over capitalised words; person_end says where it stops.
std::size_t person_inside(const Gazetteer& gazetteer, const Sentence& words, std::size_t begin, std::size_t end,
                          std::size_t& person_end) {
    person_end = end;
    if (end - begin < 2) return end;
    for (std::size_t j = begin + 1; j < end; ++j) {
        if (!gazetteer.contains("given_names", lower(words[j].text))) continue;
        bool capitalised = true;
        for (std::size_t k = j; k < end; ++k) capitalised = capitalised && is_capitalised(words[k]);
        while (person_end < words.size() && is_capitalised(words[person_end]) && person_end - j < 4) ++person_end;
        if (capitalised && person_end - j >= 2) return j;
        person_end = end;
    }
    return end;
}

bool gazetteer_says_org(const Gazetteer& gazetteer, std::string_view folded) {
    return gazetteer.contains("organisations", folded) || gazetteer.contains("outlets", folded);
}

// text and its folded form.
bool can_be_name(const Gazetteer& gazetteer, EntityType type, std::string_view text, std::string_view folded,
                 std::size_t words) {
    if (!has_capital_or_digit(text) || text.size() < 2 || text.size() > 80) return false;
    if (text.find('/') != std::string_view::npos) return false;  // photo credits: "EPA/ALI ABBAS"
    if (words == 1 && is_calendar_word(folded)) return false;
    if (type == EntityType::person)
        for (const char* list : {"outlets", "nationalities", "honorifics"})
            if (gazetteer.contains(list, folded)) return false;
    return true;
}

// A "person" or "organisation" that is a country, city, state or region by
// name ("TEHRAN —" in a dateline) is that place.
bool is_known_place(const Gazetteer& gazetteer, std::string_view folded) {
    for (const char* list : {"countries", "cities", "us_states", "regions"})
        if (gazetteer.contains(list, folded)) return true;
    return false;
}

}  // namespace

std::vector<Mention> find_mentions(const Recogniser& recogniser, std::string_view text, std::size_t title_bytes) {
    std::vector<Sentence> sentences = tokenise(text);
    TaggerDocument document;
    std::unordered_set<std::string> lower_words;  // written in lower case somewhere
    for (const Sentence& sentence : sentences) {
        document.emplace_back();
        for (const Token& token : sentence) {
            document.back().emplace_back(token.text);
            if (!has_capital_or_digit(token.text)) lower_words.insert(std::string(token.text));
        }
    }
    DocumentTags tags = recogniser.tag(document);

    std::vector<Mention> mentions;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& words = sentences[s];
        auto add_mention = [&](EntityType type, std::size_t begin, std::size_t end) {
            trim_span(recogniser.gazetteer(), words, type, begin, end);
            if (begin >= end) return;
            std::string name(text.substr(words[begin].begin, words[end - 1].end - words[begin].begin));
            const std::string folded = lower(name);
            if (!can_be_name(recogniser.gazetteer(), type, name, folded, end - begin)) return;
            // One capitalised word the text also writes in lower case is a
            // sentence opener or furniture ("Photo", "Backing"), not a name.
            if (end - begin == 1 && lower_words.count(folded)) return;
            if (type == EntityType::person)
                if (auto other = retyped_person(folded)) type = *other;
            // A dateline: "ALDERMERE —" opening a line names a place.
            if (begin == 0 && end == 1 && end < words.size() && is_capitals(name) && is_dash(words[1].text))
                type = EntityType::place;
            if (type != EntityType::place && !gazetteer_says_org(recogniser.gazetteer(), folded) &&
                is_known_place(recogniser.gazetteer(), folded))
                type = EntityType::place;
            mentions.push_back({type, std::move(name), end - begin, mentions.size(), words[begin].begin < title_bytes});
        };
        for (std::size_t i = 0; i < words.size();) {
            const std::string& tag = tags[s][i];
            if (!tag.starts_with("B-")) { ++i; continue; }
            std::size_t end = i + 1;
            const std::string inside = "I-" + tag.substr(2);
            while (end < words.size() && tags[s][end] == inside) ++end;
            // An Arabic article the recogniser left out: "Ain" + "al-Assad".
            while (end < words.size() && !tags[s][end].starts_with("I-") && is_article_name(words[end].text)) ++end;
            std::size_t begin = i;
            i = end;
            auto type = type_of(std::string_view(tag).substr(2));
            if (!type) continue;
            std::size_t person_end = end;
            std::size_t person =
                *type == EntityType::org ? person_inside(recogniser.gazetteer(), words, begin, end, person_end) : end;
            add_mention(*type, begin, person);
            if (person < end) add_mention(EntityType::person, person, person_end);
            i = std::max(i, person_end);
        }
    }
    return mentions;
}

}  // namespace dateline::indexer
