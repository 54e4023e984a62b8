// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_metadata.hpp"

#include <map>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "indexer/extract/html_tree.hpp"
#include "indexer/extract/json_ld.hpp"
#include "indexer/extract/page_date.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

std::string trimmed(std::string_view text) { return std::string(trim_space(text)); }

// Whether a page in this language (<html lang>) writes "02/10/2020" for
// 2 October: every language but US English, and English itself only when
// the page names a country other than the US ("en-GB"); a bare "en" may be
// either, and keeps month first.
bool writes_day_first(std::string_view lang) {
    std::string l = ascii_lower(trim_space(lang));
    return !(l.empty() || l == "en" || l.starts_with("en-us") || l.starts_with("en_us"));
}

// What one walk over the page's elements finds, before anything is chosen.
struct PageClues {
    LinkedData ld;
    std::map<std::string, std::string> tags;  // meta property/name (lower case) -> first content
    std::string html_title, canonical;
    std::vector<std::string> rel_authors;
    DateClues dates;
};

std::string script_text(const GumboNode* script) {
    std::string text;
    for (unsigned i = 0; i < script->v.element.children.length; ++i) {
        const GumboNode* child = static_cast<const GumboNode*>(script->v.element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
            text += child->v.text.text;
    }
    return text;
}

void read_meta_tag(const GumboNode* node, PageClues& clues) {
    const char* key = attribute(node, "property");
    if (!key) key = attribute(node, "name");
    if (!key) key = attribute(node, "itemprop");
    const char* content = attribute(node, "content");
    if (!key || !content || !*content) return;
    std::string name = ascii_lower(key);
    if (name.find("date") != std::string::npos || name.find("time") != std::string::npos)
        note_offset(content, clues.dates.offset);
    clues.tags.emplace(std::move(name), trimmed(content));
}

void read_time(const GumboNode* node, DateClues& dates) {
    const char* when = attribute(node, "datetime");
    if (!when) return;
    const char* prop = attribute(node, "itemprop");
    bool published = attribute(node, "pubdate") || (prop && ascii_lower(prop).find("published") != std::string::npos);
    if (published && dates.published_time.empty()) dates.published_time = when;
    if (dates.first_time.empty()) dates.first_time = when;
    note_offset(when, dates.offset);
}

PageClues gather_clues(const GumboNode* root) {
    PageClues clues;
    clues.dates.document = root;
    for_each_element(root, [&](const GumboNode* node) {
        switch (node->v.element.tag) {
        case GUMBO_TAG_HTML:
            if (const char* lang = attribute(node, "lang") ? attribute(node, "lang") : attribute(node, "xml:lang"))
                clues.dates.day_first = writes_day_first(lang);
            break;
        case GUMBO_TAG_SCRIPT:
            if (const char* type = attribute(node, "type"); type && ascii_lower(type) == "application/ld+json")
                read_json_ld(script_text(node), clues.ld, clues.dates.offset);
            else
                clues.dates.scripts.push_back(node);
            break;
        case GUMBO_TAG_META: read_meta_tag(node, clues); break;
        case GUMBO_TAG_TITLE:
            if (clues.html_title.empty()) clues.html_title = node_text(node);
            break;
        case GUMBO_TAG_LINK:
            if (const char* rel = attribute(node, "rel"); rel && ascii_lower(rel) == "canonical" && clues.canonical.empty())
                if (const char* href = attribute(node, "href")) clues.canonical = href;
            break;
        case GUMBO_TAG_TIME: read_time(node, clues.dates); break;
        case GUMBO_TAG_A:
            if (const char* rel = attribute(node, "rel"); rel && ascii_lower(rel) == "author")
                if (std::string name = node_text(node); is_person_name(name)) clues.rel_authors.push_back(name);
            break;
        default: break;
        }
        if (names_a_date(node)) clues.dates.marked.push_back(node);
    });
    clues.dates.ld_article = clues.ld.article_date;
    clues.dates.ld_page = clues.ld.page_date;
    return clues;
}

// Title, outlet, URL and byline: JSON-LD, then Open Graph, then <meta name=...>.
void choose_fields(const PageClues& clues, std::string_view url_hint, PageMetadata& meta) {
    auto tag = [&](std::initializer_list<const char*> keys) -> std::string {
        for (const char* key : keys)
            if (auto it = clues.tags.find(key); it != clues.tags.end()) return it->second;
        return {};
    };
    meta.title = clues.ld.title;
    meta.outlet = clues.ld.outlet;
    meta.url = clues.ld.url;
    meta.byline = clues.ld.byline;
    if (meta.title.empty()) meta.title = tag({"og:title", "twitter:title", "dc.title"});
    if (meta.title.empty()) meta.title = clues.html_title;
    if (meta.outlet.empty()) meta.outlet = tag({"og:site_name", "application-name", "publisher", "dc.publisher"});
    if (meta.url.empty()) meta.url = !clues.canonical.empty() ? clues.canonical : tag({"og:url"});
    if (meta.url.empty()) meta.url = url_hint;
    if (meta.byline.empty()) {
        std::string author = tag({"author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"});
        if (author.starts_with("By ") || author.starts_with("by ")) author.erase(0, 3);
        if (!author.empty() && author.find("://") == std::string::npos) {
            meta.byline = read_names(author);
            if (meta.byline.empty()) meta.byline = {author};
        }
    }
    if (meta.byline.empty()) meta.byline = clues.rel_authors;
}

}  // namespace

PageMetadata read_page_metadata(const GumboNode* root, std::string_view url_hint, const OutletNames& outlets) {
    PageClues clues = gather_clues(root);
    clues.dates.tags = &clues.tags;
    PageMetadata meta;
    meta.day_first = clues.dates.day_first;
    choose_fields(clues, url_hint, meta);
    PageDate date = choose_page_date(clues.dates, meta.url, url_hint);
    meta.date = date.date;
    meta.text_date = date.text_date;
    if (!meta.outlet.empty()) meta.outlet = outlets.canonical(meta.outlet);
    else if (auto known = outlets.find(meta.url)) meta.outlet = *known;
    return meta;
}

}  // namespace dateline::indexer
