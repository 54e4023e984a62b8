// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_metadata.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "indexer/extract/html_classes.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

using nlohmann::json;

const char* attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

std::string lower(std::string_view text) { return ascii_lower(text); }

std::string trimmed(std::string_view text) { return std::string(trim_space(text)); }

constexpr std::size_t max_marked_text = 150;  // longer: a container, not the date line

// The walks below keep their own stack: a page may nest elements deeper
// than the thread's stack would take by recursion (gumbo builds them all).
void for_each_element(const GumboNode* root, const std::function<void(const GumboNode*)>& each) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
        if (node->type != GUMBO_NODE_DOCUMENT) each(node);
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
}

void append_node_text(const GumboNode* node, std::string& out) {
    for (const char* c = node->v.text.text; *c; ++c) {
        bool space = std::isspace(static_cast<unsigned char>(*c));
        if (!space) out += *c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
}

bool holds_text(const GumboNode* node) {
    return (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) && node->v.element.tag != GUMBO_TAG_SCRIPT &&
           node->v.element.tag != GUMBO_TAG_STYLE;
}

// Stops adding children once out holds more than limit bytes.
void append_text(const GumboNode* root, std::string& out, std::size_t limit = std::string::npos) {
    if (root->type == GUMBO_NODE_TEXT || root->type == GUMBO_NODE_WHITESPACE || root->type == GUMBO_NODE_CDATA) {
        append_node_text(root, out);
        return;
    }
    if (!holds_text(root)) return;
    struct Frame {
        const GumboNode* node;
        unsigned next = 0;
        bool after_element = false;
    };
    std::vector<Frame> stack{{root}};
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next >= children.length || out.size() > limit) {
            stack.pop_back();
            continue;
        }
        const GumboNode* child = static_cast<const GumboNode*>(children.data[frame.next++]);
        bool element = child->type == GUMBO_NODE_ELEMENT;
        // Two elements side by side are two fields ("<span>28.09.19</span><span>12:44</span>"), not one word.
        if (element && frame.after_element && !out.empty() && out.back() != ' ') out += ' ';
        frame.after_element = element;
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA)
            append_node_text(child, out);
        else if (holds_text(child))
            stack.push_back({child});
    }
}

bool is_article_type(const json& type) {
    static const std::vector<std::string> kinds = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                                                   "AnalysisNewsArticle", "OpinionNewsArticle", "Report",
                                                   "ScholarlyArticle", "LiveBlogPosting", "TechArticle"};
    if (type.is_array()) {
        for (const json& t : type)
            if (is_article_type(t)) return true;
        return false;
    }
    return type.is_string() && std::find(kinds.begin(), kinds.end(), type.get<std::string>()) != kinds.end();
}

// The first JSON-LD object that is an article (or, with any_type, the first
// with a datePublished: a WebPage, a HowTo), looking through @graph and lists.
const json* find_article(const json& value, bool any_type = false) {
    if (value.is_array()) {
        for (const json& item : value)
            if (const json* found = find_article(item, any_type)) return found;
        return nullptr;
    }
    if (!value.is_object()) return nullptr;
    if (auto type = value.find("@type"); type != value.end() && is_article_type(*type)) return &value;
    if (any_type && value.contains("datePublished")) return &value;
    if (auto graph = value.find("@graph"); graph != value.end()) return find_article(*graph, any_type);
    return nullptr;
}

std::string name_of(const json& value) {
    if (value.is_string()) return trimmed(value.get<std::string>());
    if (value.is_object())
        if (auto name = value.find("name"); name != value.end() && name->is_string()) return trimmed(name->get<std::string>());
    return {};
}

std::vector<std::string> names_of(const json& value) {
    std::vector<std::string> names;
    if (value.is_array()) {
        for (const json& item : value)
            if (std::string name = name_of(item); !name.empty()) names.push_back(name);
    } else if (value.is_string()) {
        std::vector<std::string> split = read_names(value.get<std::string>());
        if (!split.empty()) return split;
        if (std::string name = name_of(value); !name.empty()) names.push_back(name);
    } else if (std::string name = name_of(value); !name.empty()) {
        names.push_back(name);
    }
    return names;
}

// The dates a page's JSON-LD gives, as written: its article's (published,
// else created), and a datePublished of anything else (a WebPage), for when
// nothing better dates the page.
struct LdDates {
    std::string article, page;
};

// offset: the first non-zero offset from UTC that the page's timestamps are
// written with, the publisher's time zone.
void note_offset(std::string_view text, std::optional<int>& offset) {
    if (offset) return;
    if (auto stamp = parse_timestamp(text); stamp && stamp->offset && *stamp->offset != 0) offset = stamp->offset;
}

// Every string under a key naming a date ("datePublished", "uploadDate"), at any depth.
void note_json_offsets(const json& value, std::optional<int>& offset) {
    if (offset) return;
    if (value.is_array())
        for (const json& item : value) note_json_offsets(item, offset);
    if (!value.is_object()) return;
    for (const auto& [key, item] : value.items()) {
        if (item.is_string() && ascii_lower(key).find("date") != std::string::npos) note_offset(item.get_ref<const std::string&>(), offset);
        else if (item.is_structured()) note_json_offsets(item, offset);
    }
}

// Pages' JSON-LD is hand-made: a complete object followed by junk (a stray
// "}") is read up to the junk; anything else broken is discarded.
json parse_json_ld(const std::string& text) {
    // Real JSON-LD nests a few levels; reading a thousand-deep one would
    // take the stack of every function that walks it.
    constexpr int max_depth = 64;
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if ((c == '[' || c == '{') && ++depth > max_depth) {
            return json(json::value_t::discarded);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        if (e.byte > 1)
            return json::parse(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(e.byte - 1, text.size())), nullptr,
                               false);
    }
    return json(json::value_t::discarded);
}

void read_json_ld(const GumboNode* script, PageMetadata& meta, LdDates& dates, std::optional<int>& offset) {
    std::string text;
    for (unsigned i = 0; i < script->v.element.children.length; ++i) {
        const GumboNode* child = static_cast<const GumboNode*>(script->v.element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
            text += child->v.text.text;
    }
    json value = parse_json_ld(text);
    if (value.is_discarded()) return;
    note_json_offsets(value, offset);
    const json* article = find_article(value);
    if (!article) {
        if (const json* page = find_article(value, true); page && dates.page.empty() && (*page)["datePublished"].is_string())
            dates.page = (*page)["datePublished"].get<std::string>();
        return;
    }
    // Some sites put the article's fields inside its mainEntityOfPage.
    const json* inner = nullptr;
    if (auto it = article->find("mainEntityOfPage"); it != article->end() && it->is_object()) inner = &*it;
    auto get = [&](const char* key) -> const json* {
        for (const json* object : {article, inner})
            if (object)
                if (auto it = object->find(key); it != object->end() && !it->is_null()) return &*it;
        return nullptr;
    };
    if (const json* headline = get("headline"); headline && meta.title.empty() && headline->is_string())
        meta.title = trimmed(headline->get<std::string>());
    for (const char* key : {"datePublished", "dateCreated"})
        if (const json* date = get(key); date && date->is_string() && dates.article.empty() && parse_date_text(date->get<std::string>()))
            dates.article = date->get<std::string>();
    if (const json* author = get("author"); author && meta.byline.empty()) meta.byline = names_of(*author);
    if (const json* publisher = get("publisher"); publisher && meta.outlet.empty()) meta.outlet = name_of(*publisher);
    if (const json* url = get("url"); url && url->is_string() && meta.url.empty()) meta.url = url->get<std::string>();
}

// An element whose class or id says it holds the date: "post-date",
// "entry-meta", "byline", "datum", "published".
bool names_a_date(const GumboNode* node) {
    static constexpr std::string_view marks[] = {"date", "datum", "time", "publish", "posted", "byline", "meta", "submitted"};
    return class_or_id_has(node, marks);
}

// The date the first such element gives, if short enough to be a date line
// and not in a comment thread (a reader's date): its title attribute
// (<abbr class="published" title="2019-06-27T10:21:40Z">jeudi 27 juin</abbr>),
// else a date in its text not labelled as a change.
std::optional<Date> marked_date(const std::vector<const GumboNode*>& marked, bool day_first) {
    static constexpr std::string_view comments[] = {"comment", "kommentar", "reply"};
    for (const GumboNode* node : marked) {
        bool in_comments = false;
        for (const GumboNode* a = node; a && a->type == GUMBO_NODE_ELEMENT && !in_comments; a = a->parent)
            in_comments = class_or_id_has(a, comments);
        if (in_comments) continue;
        if (const char* title = attribute(node, "title"))
            if (auto date = parse_date_text(title, day_first)) return date;
        std::string text;
        append_text(node, text, max_marked_text);
        if (text.size() <= max_marked_text)
            if (auto date = find_labelled_date(text, DateLabel::none, day_first)) return date;
    }
    return std::nullopt;
}

// A date in a script's data, as single-page apps ship their content:
// "published_at":"2019-03-02T06:22:28+01:00", also HTML-escaped (&quot;).
std::optional<Date> script_data_date(const std::vector<const GumboNode*>& scripts) {
    static constexpr std::string_view keys[] = {"datePublished", "published_at", "publishedAt", "publishDate",
                                                "publish_date", "dateCreated", "created_at", "createdAt"};
    for (const GumboNode* script : scripts) {
        std::optional<Date> found;
        std::size_t found_at = std::string_view::npos;
        for (unsigned i = 0; i < script->v.element.children.length; ++i) {
            const GumboNode* child = static_cast<const GumboNode*>(script->v.element.children.data[i]);
            if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_CDATA) continue;
            std::string_view text = child->v.text.text;
            for (std::string_view key : keys)
                for (std::size_t at = text.find(key); at != std::string_view::npos && at < found_at; at = text.find(key, at + 1)) {
                    std::size_t value = at + key.size();
                    // Past the closing quote, the colon and the opening quote.
                    while (value < text.size() && value < at + key.size() + 16 && !std::isdigit(static_cast<unsigned char>(text[value])) &&
                           text[value] != ',' && text[value] != '}')
                        ++value;
                    if (value + 10 > text.size()) continue;
                    if (auto date = parse_iso_date(text.substr(value, 10))) {
                        found = date, found_at = at;
                        break;
                    }
                }
        }
        if (found) return found;
    }
    return std::nullopt;
}

// The date in the URL is the publisher's own calendar day. It wins over a
// date one day off it (url_minus_date), unless that date is a timestamp in
// the publisher's time zone, or one in UTC whose hour no inhabited time zone
// (UTC-10 to UTC+14) moves to the URL's day.
bool url_day_may_win(const std::optional<Timestamp>& stamp, std::chrono::days url_minus_date) {
    if (std::chrono::abs(url_minus_date) != std::chrono::days{1}) return false;
    if (!stamp || !stamp->offset) return true;  // a date, or a time of no stated zone
    if (*stamp->offset != 0) return false;
    return url_minus_date.count() < 0 ? stamp->minute < 10 * 60 : stamp->minute >= 10 * 60;
}

// Whether a page in this language (<html lang>) writes "02/10/2020" for
// 2 October: every language but US English, and English itself only when
// the page names a country other than the US ("en-GB"); a bare "en" may be
// either, and keeps month first.
bool writes_day_first(std::string_view lang) {
    std::string l = ascii_lower(trim_space(lang));
    return !(l.empty() || l == "en" || l.starts_with("en-us") || l.starts_with("en_us"));
}

// Gumbo always gives a document <html> with <head> and <body>.
const GumboNode* body_of(const GumboNode* document) {
    for (const GumboNode* parent = document;;) {
        const GumboVector& children = parent->type == GUMBO_NODE_DOCUMENT ? parent->v.document.children : parent->v.element.children;
        const GumboNode* next = nullptr;
        for (unsigned i = 0; i < children.length && !next; ++i) {
            const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            if (child->v.element.tag == GUMBO_TAG_BODY) return child;
            if (child->v.element.tag == GUMBO_TAG_HTML) next = child;
        }
        if (!next) return nullptr;
        parent = next;
    }
}

}  // namespace

std::string node_text(const GumboNode* node) {
    std::string out;
    append_text(node, out);
    return trimmed(out);
}

std::optional<Date> date_in_url(std::string_view url) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)); };
    // Web publishing's years: an ID's digits ("-22020203") often read as a date.
    auto plausible = [](const Date& date) { return date.year() >= std::chrono::year{1990} && date.year() < std::chrono::year{2100}; };
    for (std::size_t i = 0; i + 9 <= url.size(); ++i) {
        if ((url[i] != '/' && url[i] != '-') || !digit(url[i + 1])) continue;
        std::string_view rest = url.substr(i + 1);
        // "/20200428/", or a slug's end, "-20200113": eight digits alone.
        if (rest.size() >= 8 && std::all_of(rest.begin(), rest.begin() + 8, digit) &&
            (rest.size() == 8 || rest[8] == '/' || (url[i] == '-' && (rest[8] == '.' || rest[8] == '?' || rest[8] == '#')))) {
            std::string iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(4, 2)) + "-" + std::string(rest.substr(6, 2));
            if (auto date = parse_iso_date(iso); date && plausible(*date)) return date;
        }
        if (rest.size() < 10) break;
        if (url[i] != '/') continue;
        // "2019/11/19" or "2019-11-19", then the end or a separator.
        char sep = rest[4];
        if ((sep != '/' && sep != '-' && sep != '_') || rest[7] != sep) continue;
        if (rest.size() > 10 && digit(rest[10])) continue;
        std::string iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(5, 2)) + "-" + std::string(rest.substr(8, 2));
        if (auto date = parse_iso_date(iso); date && plausible(*date)) return date;
    }
    return std::nullopt;
}

PageMetadata read_page_metadata(const GumboNode* root, std::string_view url_hint, const OutletNames& outlets) {
    PageMetadata meta;
    std::map<std::string, std::string> tags;  // meta property/name (lower case) -> first content
    std::string html_title, canonical, first_time, published_time;
    std::vector<std::string> rel_authors;
    LdDates ld;
    std::optional<int> offset;  // the publisher's time zone, if a timestamp gives it
    std::vector<const GumboNode*> marked;  // elements named as holding a date, read only if needed
    std::vector<const GumboNode*> scripts; // other scripts, likewise
    for_each_element(root, [&](const GumboNode* node) {
        switch (node->v.element.tag) {
        case GUMBO_TAG_HTML:
            if (const char* lang = attribute(node, "lang") ? attribute(node, "lang") : attribute(node, "xml:lang"))
                meta.day_first = writes_day_first(lang);
            break;
        case GUMBO_TAG_SCRIPT:
            if (const char* type = attribute(node, "type"); type && lower(type) == "application/ld+json")
                read_json_ld(node, meta, ld, offset);
            else
                scripts.push_back(node);
            break;
        case GUMBO_TAG_META: {
            const char* key = attribute(node, "property");
            if (!key) key = attribute(node, "name");
            if (!key) key = attribute(node, "itemprop");
            const char* content = attribute(node, "content");
            if (key && content && *content) {
                std::string name = lower(key);
                if (name.find("date") != std::string::npos || name.find("time") != std::string::npos) note_offset(content, offset);
                tags.emplace(std::move(name), trimmed(content));
            }
            break;
        }
        case GUMBO_TAG_TITLE:
            if (html_title.empty()) html_title = node_text(node);
            break;
        case GUMBO_TAG_LINK:
            if (const char* rel = attribute(node, "rel"); rel && lower(rel) == "canonical" && canonical.empty())
                if (const char* href = attribute(node, "href")) canonical = href;
            break;
        case GUMBO_TAG_TIME:
            if (const char* when = attribute(node, "datetime")) {
                const char* prop = attribute(node, "itemprop");
                bool published = attribute(node, "pubdate") || (prop && lower(prop).find("published") != std::string::npos);
                if (published && published_time.empty()) published_time = when;
                if (first_time.empty()) first_time = when;
                note_offset(when, offset);
            }
            break;
        case GUMBO_TAG_A:
            if (const char* rel = attribute(node, "rel"); rel && lower(rel) == "author")
                if (std::string name = node_text(node); is_person_name(name)) rel_authors.push_back(name);
            break;
        default: break;
        }
        if (names_a_date(node)) marked.push_back(node);
    });
    auto tag = [&](std::initializer_list<const char*> keys) -> std::string {
        for (const char* key : keys)
            if (auto it = tags.find(key); it != tags.end()) return it->second;
        return {};
    };
    if (meta.title.empty()) meta.title = tag({"og:title", "twitter:title", "dc.title"});
    if (meta.title.empty()) meta.title = html_title;
    if (meta.outlet.empty()) meta.outlet = tag({"og:site_name", "application-name", "publisher", "dc.publisher"});
    if (meta.url.empty()) meta.url = !canonical.empty() ? canonical : tag({"og:url"});
    if (meta.url.empty()) meta.url = url_hint;
    if (meta.byline.empty()) {
        std::string author = tag({"author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"});
        if (author.starts_with("By ") || author.starts_with("by ")) author.erase(0, 3);
        if (!author.empty() && author.find("://") == std::string::npos) {
            meta.byline = read_names(author);
            if (meta.byline.empty()) meta.byline = {author};
        }
    }
    if (meta.byline.empty()) meta.byline = rel_authors;
    // The date, and the text it was read from.
    std::string date_text;
    auto take = [&](std::string_view text) {
        if (meta.date || text.empty()) return;
        // Not day_first: software writes these, and in the US style ("11/01/2023 12:43:42").
        meta.date = parse_date_text(text);
        if (meta.date) date_text = text;
    };
    take(ld.article);
    for (const char* key : {"article:published_time", "og:article:published_time", "datepublished", "date",
                            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "dc:date",
                            "dcterms.created", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
                            "article.published", "originalpublicationdate", "og:published_time",
                            "shareaholic:article_published_time", "citation_publication_date", "bepress_citation_date"})
        if (auto it = tags.find(key); it != tags.end()) take(it->second);
    take(ld.page);
    std::optional<Timestamp> stamp = meta.date ? parse_timestamp(date_text) : std::nullopt;
    // A timestamp in UTC is moved to the publisher's day when the page's other
    // timestamps say which time zone that is.
    if (stamp && stamp->offset == 0 && offset) {
        meta.date = date_at_offset(*stamp, *offset);
        stamp->offset = offset;
    }
    std::optional<Date> url_date = date_in_url(meta.url);
    if (!url_date && !url_hint.empty()) url_date = date_in_url(url_hint);
    if (meta.date && url_date && url_day_may_win(stamp, std::chrono::sys_days(*url_date) - std::chrono::sys_days(*meta.date)))
        meta.date = url_date;
    if (!meta.date) meta.date = url_date;
    if (!meta.date && !published_time.empty()) meta.date = parse_date_text(published_time, meta.day_first);
    if (!meta.date) meta.date = marked_date(marked, meta.day_first);
    if (const GumboNode* body = body_of(root); body && !meta.date) {
        std::string text = node_text(body);
        meta.date = find_labelled_date(text, DateLabel::published, meta.day_first);
        if (auto dates = find_dates(text, meta.day_first); !dates.empty()) meta.text_date = dates.front().date;
    }
    if (!meta.date && !first_time.empty()) meta.date = parse_date_text(first_time, meta.day_first);
    if (!meta.date) meta.date = script_data_date(scripts);
    if (!meta.outlet.empty()) meta.outlet = outlets.canonical(meta.outlet);
    else if (auto known = outlets.find(meta.url)) meta.outlet = *known;
    return meta;
}

}  // namespace dateline::indexer
