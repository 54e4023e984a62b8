// SPDX-License-Identifier: GPL-2.0-or-later
// Which blocks of a page (lines of a scrape, paragraphs of HTML) are the
// article's running text. Each block is first judged alone, by length and
// by how dense it is in function words (prose is, menus and link lists are
// not); short and borderline blocks are then judged by their neighbours, so
// a subheading between paragraphs stays and a menu item between menus goes.
// The idea is jusText's (Pomikálek, 2011). Pure.
#pragma once

#include <string_view>
#include <vector>

#include "indexer/extract/scrape_rules.hpp"

namespace dateline::indexer {

struct TextBlock {
    std::string_view text;
    bool furniture = false;      // known furniture: never kept
    double link_density = 0;     // share of the text inside links (HTML)
    bool heading = false;        // a heading element (HTML)
};

enum class BlockClass { bad, short_text, near_good, good };

struct MainText {
    std::vector<bool> keep;          // one per block
    std::vector<BlockClass> alone;   // how each block was judged alone
};

MainText select_main_text(const std::vector<TextBlock>& blocks, const ScrapeRules& rules);

// Judged alone (exposed for tests); foreign: the page is not in English, so
// function words cannot tell prose from menus and length decides.
BlockClass classify_block(const TextBlock& block, const ScrapeRules& rules, bool foreign = false);

// Four words or more ending as a sentence does: a short paragraph, a quote.
bool is_sentence(std::string_view text);

}  // namespace dateline::indexer
