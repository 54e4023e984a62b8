// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/main_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace dateline::indexer {
namespace {

// Thresholds in characters and in the share of words that are function
// words; tuned on the article extraction benchmark's scrapes.
constexpr std::size_t short_below = 70;
constexpr std::size_t long_from = 200;
constexpr double prose_density = 0.30;
constexpr double near_density = 0.20;
constexpr double max_link_density = 0.25;
constexpr std::size_t few_blocks = 12;
constexpr double foreign_below = 0.08;
constexpr std::size_t run_blocks = 3;   // short prose paragraphs in a row ...
constexpr std::size_t run_chars = 300;  // ... holding this much text between them

struct WordCounts {
    std::size_t words = 0, stopwords = 0;
};

// Words are runs of letters (any byte above ASCII counts as one) and
// apostrophes, compared in ASCII lower case. Stopwords are short: a longer
// word is counted without being looked up.
WordCounts count_words(std::string_view text, const ScrapeRules& rules) {
    static const std::array<bool, 256> word_byte = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 256; ++c) table[c] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80 || c == '\'';
        return table;
    }();
    auto in_word = [](unsigned char c) { return word_byte[c]; };
    WordCounts counts;
    char lower[ScrapeRules::longest_stopword];
    for (std::size_t i = 0; i < text.size();) {
        if (!in_word(text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && in_word(text[i])) ++i;
        ++counts.words;
        if (i - start > sizeof lower) continue;
        for (std::size_t k = start; k < i; ++k) {
            char c = text[k];
            lower[k - start] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
        }
        counts.stopwords += rules.is_stopword(std::string_view(lower, i - start));
    }
    return counts;
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// The nearest block before (step -1) or after (+1) i that is neither short
// nor (when skip_near) near-good, as finally judged so far; edges are bad.
BlockClass neighbour(const std::vector<BlockClass>& classes, std::size_t i, int step, bool skip_near) {
    for (std::size_t k = i + step; k < classes.size(); k += step) {
        BlockClass c = classes[k];
        if (c == BlockClass::short_text || (skip_near && c == BlockClass::near_good)) continue;
        return c == BlockClass::near_good ? BlockClass::good : c;
    }
    return BlockClass::bad;
}

// The first and last blocks that are neither short nor known furniture
// (size() for both when there is none).
std::pair<std::size_t, std::size_t> substantial_bounds(const std::vector<TextBlock>& blocks,
                                                       const std::vector<BlockClass>& classes) {
    std::size_t first = classes.size(), last = classes.size();
    for (std::size_t k = 0; k < classes.size(); ++k)
        if (classes[k] != BlockClass::short_text && !blocks[k].furniture) {
            if (first == classes.size()) first = k;
            last = k;
        }
    return {first, last};
}

BlockClass classify_counted(const TextBlock& block, const WordCounts& counts, bool foreign) {
    if (block.furniture || block.link_density > max_link_density) return BlockClass::bad;
    std::size_t length = code_points(block.text);
    if (length < short_below) return BlockClass::short_text;
    // Without English function words to go by, length alone decides.
    if (foreign) return length >= long_from ? BlockClass::good : BlockClass::near_good;
    double density = counts.words ? static_cast<double>(counts.stopwords) / counts.words : 0;
    if (density >= prose_density) return length >= long_from ? BlockClass::good : BlockClass::near_good;
    if (density >= near_density) return BlockClass::near_good;
    return BlockClass::bad;
}

}  // namespace

bool is_sentence(std::string_view text) {
    std::size_t words = 1;
    for (char c : text) words += c == ' ';
    if (words < 4) return false;
    for (std::string_view end : {".", "!", "?", ".\"", ".”", "?”", "!”", ".’"})
        if (text.ends_with(end)) return true;
    return false;
}

BlockClass classify_block(const TextBlock& block, const ScrapeRules& rules, bool foreign) {
    return classify_counted(block, count_words(block.text, rules), foreign);
}

namespace {

// Each block's class judged alone, with its word counts; foreign: the page
// has (almost) no English function words, and length decides instead.
std::vector<BlockClass> classify_alone(const std::vector<TextBlock>& blocks, const ScrapeRules& rules,
                                       std::vector<WordCounts>& counts, bool& foreign) {
    WordCounts page;
    counts.reserve(blocks.size());
    for (const TextBlock& block : blocks) {
        counts.push_back(count_words(block.text, rules));
        page.words += counts.back().words;
        page.stopwords += counts.back().stopwords;
    }
    foreign = page.words > 0 && static_cast<double>(page.stopwords) / page.words < foreign_below;
    std::vector<BlockClass> alone;
    alone.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) alone.push_back(classify_counted(blocks[i], counts[i], foreign));
    // No prose at all by English function words: a language whose short
    // words happen to be English ones ("i", "to", "on"); length decides.
    if (!foreign && std::none_of(alone.begin(), alone.end(),
                                 [](BlockClass c) { return c == BlockClass::good || c == BlockClass::near_good; })) {
        foreign = true;
        for (std::size_t i = 0; i < blocks.size(); ++i) alone[i] = classify_counted(blocks[i], counts[i], foreign);
    }
    return alone;
}

// Papers that write in short paragraphs: a run of prose-like paragraphs,
// each too short to be sure of alone, is as good as one long paragraph.
// Returns whether any block is good now.
bool promote_prose_runs(const std::vector<TextBlock>& blocks, const std::vector<WordCounts>& counts, bool foreign,
                        std::vector<BlockClass>& classes) {
    bool any_good = std::find(classes.begin(), classes.end(), BlockClass::good) != classes.end();
    for (std::size_t start = 0; start < blocks.size();) {
        std::size_t end = start, prose_chars = 0, prose_blocks = 0;
        for (; end < blocks.size() && (classes[end] == BlockClass::short_text || classes[end] == BlockClass::near_good); ++end)
            if (classes[end] == BlockClass::near_good && !foreign &&
                counts[end].stopwords >= prose_density * counts[end].words) {
                prose_chars += code_points(blocks[end].text);
                ++prose_blocks;
            }
        if (prose_blocks >= run_blocks && prose_chars >= run_chars)
            for (std::size_t k = start; k < end; ++k)
                if (classes[k] == BlockClass::near_good) classes[k] = BlockClass::good, any_good = true;
        start = end == start ? end + 1 : end;
    }
    return any_good;
}

// A short article may have no long paragraph at all: then its prose-like
// paragraphs are the best there is, and with none of those, a text of a few
// lines keeps every line that is not known furniture.
void promote_best_short(std::size_t block_count, std::vector<BlockClass>& classes) {
    bool any_near = std::find(classes.begin(), classes.end(), BlockClass::near_good) != classes.end();
    bool few_lines = block_count <= few_blocks;
    for (BlockClass& c : classes)
        if (c == BlockClass::near_good || (!any_near && few_lines && c == BlockClass::short_text)) c = BlockClass::good;
}

// Short blocks take their side from their neighbours: kept between kept
// text, dropped between furniture.
std::vector<BlockClass> settle_short_blocks(const std::vector<TextBlock>& blocks, const std::vector<BlockClass>& classes) {
    std::vector<BlockClass> settled = classes;
    auto [first_substantial, last_substantial] = substantial_bounds(blocks, classes);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i] != BlockClass::short_text || blocks[i].furniture) continue;
        BlockClass before = neighbour(classes, i, -1, true), after = neighbour(classes, i, +1, true);
        if (before == BlockClass::good && after == BlockClass::good)
            settled[i] = BlockClass::good;
        else if (before == BlockClass::bad && after == BlockClass::bad)
            settled[i] = BlockClass::bad;
        else if (is_sentence(blocks[i].text) && (i < first_substantial || i > last_substantial))
            settled[i] = BlockClass::good;  // a one-line paragraph with only short lines and furniture beyond it
        else {
            before = neighbour(classes, i, -1, false);
            after = neighbour(classes, i, +1, false);
            settled[i] = before == BlockClass::bad || after == BlockClass::bad ? BlockClass::bad : BlockClass::good;
        }
    }
    return settled;
}

// Borderline blocks stay unless furniture lies on both sides.
void settle_borderline(const std::vector<BlockClass>& classes, std::vector<BlockClass>& settled) {
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i] != BlockClass::near_good) continue;
        BlockClass before = neighbour(settled, i, -1, true), after = neighbour(settled, i, +1, true);
        settled[i] = before == BlockClass::bad && after == BlockClass::bad ? BlockClass::bad : BlockClass::good;
    }
}

}  // namespace

MainText select_main_text(const std::vector<TextBlock>& blocks, const ScrapeRules& rules) {
    MainText result;
    std::vector<WordCounts> counts;
    bool foreign = false;
    result.alone = classify_alone(blocks, rules, counts, foreign);
    std::vector<BlockClass> classes = result.alone;
    bool any_good = promote_prose_runs(blocks, counts, foreign, classes);
    if (!any_good) promote_best_short(blocks.size(), classes);
    std::vector<BlockClass> settled = settle_short_blocks(blocks, classes);
    settle_borderline(classes, settled);
    result.keep.reserve(blocks.size());
    for (BlockClass c : settled) result.keep.push_back(c == BlockClass::good);
    return result;
}

}  // namespace dateline::indexer
