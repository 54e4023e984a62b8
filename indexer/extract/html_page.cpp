// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_page.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <gumbo.h>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "indexer/extract/html_metadata.hpp"
#include "indexer/extract/html_nesting.hpp"
#include "indexer/extract/html_tree.hpp"
#include "indexer/extract/main_text.hpp"

namespace dateline::indexer {
namespace {

// Elements whose content is never the story.
bool is_skipped_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
        return true;
    default: return false;
    }
}

// Elements that end one block of text and start another.
bool is_block_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER:
        return true;
    default: return false;
    }
}

// An element whose class or id says it is not the story (readability's
// "unlikely candidates": comments, related links, sidebars, captions),
// unless it also says it holds the story.
bool is_unlikely(const GumboNode* node) {
    static constexpr std::string_view unlikely[] = {
        "comment", "disqus", "replies", "remark", "related", "trending", "sidebar", "widget", "sponsor", "promo",
        "newsletter", "popup", "banner", "masthead", "menu", "breadcrumb", "pagination", "pager", "footer", "caption"};
    static constexpr std::string_view maybe[] = {"article", "body", "content", "main", "story", "entry", "post", "text"};
    return class_or_id_has(node, unlikely) && !class_or_id_has(node, maybe);
}

bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

struct RawBlock {
    std::string text;
    std::size_t link_chars = 0;
    bool heading = false;
    bool furniture = false;             // a known furniture line
    const GumboNode* parent = nullptr;  // the element it ends in; its ancestors by parent pointers
};

class BlockCollector {
public:
    std::vector<RawBlock> blocks;

    explicit BlockCollector(bool skip_unlikely) : skip_unlikely_(skip_unlikely) {}

    // With its own stack, not by recursion: a page may nest elements deeper
    // than the thread's stack would take.
    void walk(const GumboNode* root) {
        enter(root);
        while (!open_.empty()) {
            Open& top = open_.back();
            const GumboVector& children = top.node->v.element.children;
            if (top.next < children.length) {
                enter(static_cast<const GumboNode*>(children.data[top.next++]));
                continue;
            }
            if (top.block) flush();
            if (top.heading) heading_ = false;
            links_ -= top.link;
            open_.pop_back();
        }
    }

private:
    // The text gathered so far is a block, ending in the innermost open element.
    void flush() {
        while (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
        if (!current_.text.empty()) {
            current_.heading = heading_;
            current_.parent = open_.back().node;
            blocks.push_back(std::move(current_));
        }
        current_ = {};
    }

    struct Open {
        const GumboNode* node;
        unsigned next = 0;  // the next child to enter
        bool block = false, link = false, heading = false;
    };
    std::vector<Open> open_;  // elements entered and not yet left, root first

    // Text is added; an element that may hold the story is opened.
    void enter(const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            add_text(node->v.text.text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT) return;
        GumboTag tag = node->v.element.tag;
        if (is_skipped_tag(tag) || (skip_unlikely_ && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML && is_unlikely(node))) return;
        Open open{node, 0, is_block_tag(tag), tag == GUMBO_TAG_A, is_heading(tag)};
        if (open.block) flush();
        links_ += open.link;
        if (open.heading) heading_ = true;
        open_.push_back(open);
    }

    bool skip_unlikely_;
    RawBlock current_;
    int links_ = 0;
    bool heading_ = false;

    void add_text(const char* text) {
        for (const char* c = text; *c; ++c) {
            unsigned char u = *c;
            bool space = std::isspace(u) || (u == 0xC2 && static_cast<unsigned char>(c[1]) == 0xA0);
            if (space) {
                if (u == 0xC2) ++c;
                if (!current_.text.empty() && current_.text.back() != ' ') current_.text += ' ';
                continue;
            }
            current_.text += *c;
            if (links_ > 0) ++current_.link_chars;
        }
    }
};

// The element that holds most of the kept text: the deepest one holding at
// least this share of it. Blocks outside it (teasers, a second story) go.
constexpr double region_share = 0.8;

const GumboNode* main_region(const std::vector<RawBlock>& blocks, const std::vector<bool>& keep) {
    std::unordered_map<const GumboNode*, std::size_t> held;
    std::size_t total = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!keep[i]) continue;
        total += blocks[i].text.size();
        for (const GumboNode* a = blocks[i].parent; a; a = a->parent) held[a] += blocks[i].text.size();
    }
    // Walking up from each kept block, the first element holding enough is
    // the deepest on that path; the deepest of those wins.
    const GumboNode* best = nullptr;
    std::size_t best_depth = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!keep[i]) continue;
        const GumboNode* a = blocks[i].parent;
        while (a && held[a] < region_share * total) a = a->parent;
        if (!a) continue;
        std::size_t depth = 0;
        for (const GumboNode* up = a; up; up = up->parent) ++depth;
        if (depth > best_depth) best = a, best_depth = depth;
    }
    return best;
}

bool is_within(const RawBlock& block, const GumboNode* region) {
    for (const GumboNode* a = block.parent; a; a = a->parent)
        if (a == region) return true;
    return !region;
}

struct StoryBlocks {
    std::vector<RawBlock> raw;
    MainText main;
    const GumboNode* region = nullptr;
    std::size_t kept_chars = 0;  // in the region
};

// Below this, a story found without the unlikely elements is looked for again with them.
constexpr std::size_t min_story_chars = 250;

StoryBlocks find_story(const GumboNode* root, bool skip_unlikely, const ScrapeRules& rules) {
    BlockCollector collector(skip_unlikely);
    collector.walk(root);
    StoryBlocks story;
    story.raw = std::move(collector.blocks);
    std::vector<TextBlock> blocks;
    blocks.reserve(story.raw.size());
    for (RawBlock& b : story.raw) {
        b.furniture = rules.furniture_line(b.text) != nullptr || is_contact_or_credit(b.text);
        blocks.push_back({b.text, b.furniture, b.text.empty() ? 0.0 : double(b.link_chars) / b.text.size(), b.heading});
    }
    story.main = select_main_text(blocks, rules);
    story.region = main_region(story.raw, story.main.keep);
    for (std::size_t i = 0; i < story.raw.size(); ++i)
        if (story.main.keep[i] && is_within(story.raw[i], story.region)) story.kept_chars += story.raw[i].text.size();
    return story;
}

// "Headline - Site Name" or "Headline | Site": the headline.
std::string strip_site_name(std::string title, const std::string& outlet) {
    for (std::string_view sep : {" | ", " - ", " – ", " — "}) {
        std::size_t at = title.rfind(sep);
        if (at == std::string::npos || at < 10) continue;
        std::string tail = title.substr(at + sep.size());
        if (tail.size() < 40 || (!outlet.empty() && tail == outlet)) return title.substr(0, at);
    }
    return title;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
    std::string head;
    for (char c : bytes.substr(0, 1024)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t first = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
    if (first == std::string::npos) return false;
    std::string_view start = std::string_view(head).substr(first);
    return start.starts_with("<!doctype html") || start.starts_with("<html") ||
           ((start.starts_with("<!--") || start.starts_with("<?xml")) && head.find("<html") != std::string::npos);
}

CleanedArticle read_html_page(std::string_view html, std::string_view url_hint, const ScrapeRules& rules) {
    std::optional<FlattenedPage> flattened = limit_html_nesting(html);
    if (flattened) html = flattened->html;
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    CleanedArticle result;
    if (flattened)
        result.warnings.push_back(fmt::format("elements nested more than {} deep: {} tags past that depth left out, "
                                              "their text kept",
                                              max_html_nesting, flattened->dropped_tags));
    Article& article = result.article;
    PageMetadata meta = read_page_metadata(output->document, url_hint, rules.outlets());

    StoryBlocks story = find_story(output->root, true, rules);
    // The class names were wrong about the page (the story inside a
    // "has-sidebar" wrapper): read it again without them.
    if (story.kept_chars < min_story_chars) {
        StoryBlocks all = find_story(output->root, false, rules);
        if (all.kept_chars > story.kept_chars) story = std::move(all);
    }
    const std::vector<RawBlock>& raw = story.raw;
    const MainText& main = story.main;
    const GumboNode* region = story.region;

    article.title = strip_site_name(meta.title, meta.outlet);
    std::string title_key = furniture_key(article.title);
    auto is_title = [&](std::string_view text) { return text.size() <= article.title.size() + 8 && furniture_key(text) == title_key; };
    std::size_t first_kept = raw.size();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        // Inside the story's own element, a sentence without links is the
        // story's, even short, between teasers, or with few English words.
        bool sentence = region && !raw[i].furniture && raw[i].link_chars == 0 && is_sentence(raw[i].text);
        bool kept = (main.keep[i] || sentence) && is_within(raw[i], region) && !is_title(raw[i].text);
        if (!kept) {
            if (first_kept == raw.size()) {
                // Above the story: a By line or a date the metadata did not give.
                if (meta.byline.empty()) meta.byline = read_by_line(raw[i].text);
                if (!meta.date && raw[i].text.size() < 200)
                    if (auto dates = find_dates(raw[i].text, meta.day_first); !dates.empty()) meta.date = dates.front().date;
            }
            result.removed.push_back(raw[i].text);
            continue;
        }
        if (first_kept == raw.size()) {
            first_kept = i;
            if (auto dateline = read_dateline(raw[i].text, rules.outlets())) {
                article.dateline = dateline->place;
                result.credits = dateline->credits;
            }
        }
        if (!article.body.empty()) article.body += "\n\n";
        article.body += raw[i].text;
    }
    // Still undated: the story's first date, else the page's.
    for (std::size_t i = 0; i < raw.size() && !meta.date; ++i)
        if (main.keep[i] && is_within(raw[i], region))
            if (auto dates = find_dates(raw[i].text, meta.day_first); !dates.empty()) meta.date = dates.front().date;
    if (!meta.date) meta.date = meta.text_date;
    article.outlet = meta.outlet;
    article.date = meta.date;
    article.byline = meta.byline;
    article.url = meta.url;
    return result;
}

}  // namespace dateline::indexer
