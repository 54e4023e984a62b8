// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_nesting.hpp"

#include <algorithm>
#include <array>

namespace dateline::indexer {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements with no content, and those a parser closes when the next of
// their kind (or their parent's end) comes: neither makes a page deeper.
constexpr std::array<std::string_view, 14> void_elements{"area", "base", "br", "col", "embed", "hr", "img",
                                                         "input", "link", "meta", "param", "source", "track", "wbr"};
constexpr std::array<std::string_view, 14> implied_end_elements{
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp"};
// Elements whose content is text, not tags.
constexpr std::array<std::string_view, 6> raw_text_elements{"script", "style", "textarea", "title", "xmp", "noscript"};

struct Tag {
    std::string name;  // lower case
    bool end = false;
    bool self_closing = false;
    std::size_t stop = 0;  // one past its '>' (or the end of the page)
};

// The tag that starts at html[at] == '<' followed by a letter or "/letter".
Tag read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    std::size_t i = at + 1;
    if (html[i] == '/') tag.end = true, ++i;
    while (i < html.size() && (is_letter(html[i]) || (html[i] >= '0' && html[i] <= '9') || html[i] == '-'))
        tag.name += lower(html[i++]);
    char quote = 0;
    for (; i < html.size(); ++i) {
        char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.self_closing = html[i - 1] == '/';
            tag.stop = i + 1;
            return tag;
        }
    }
    tag.stop = html.size();
    return tag;
}

// Where the text of a raw-text element ends: at its end tag "</name".
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        std::size_t n = 0;
        while (n < name.size() && i + 2 + n < html.size() && lower(html[i + 2 + n]) == name[n]) ++n;
        if (n == name.size()) return i;
    }
    return html.size();
}

}  // namespace

std::optional<FlattenedPage> limit_html_nesting(std::string_view html, std::size_t max_depth) {
    FlattenedPage page;
    std::size_t depth = 0, excess = 0;  // open elements kept, and left out
    std::size_t copied = 0;             // html[0, copied) is decided
    std::size_t foreign = 0;            // open <svg> and <math> elements
    bool flattening = false;
    auto drop = [&](std::size_t from, std::size_t to) {
        if (!flattening) {
            flattening = true;
            page.html.reserve(html.size());
        }
        page.html.append(html.substr(copied, from - copied));
        copied = to;
        ++page.dropped_tags;
    };
    for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i)) {
        if (html.compare(i, 4, "<!--") == 0) {
            std::size_t close = html.find("-->", i + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        bool end = html[i + 1] == '/';
        if (!is_letter(html[i + 1]) && !(end && i + 2 < html.size() && is_letter(html[i + 2]))) {
            ++i;  // "<!doctype", "<?xml", or a '<' in text
            continue;
        }
        Tag tag = read_tag(html, i);
        std::size_t start = i;
        i = tag.stop;
        if (is_one_of(tag.name, void_elements) || is_one_of(tag.name, implied_end_elements)) continue;
        if (tag.end) {
            if ((tag.name == "svg" || tag.name == "math") && foreign > 0) --foreign;
            if (excess > 0) {
                --excess;
                drop(start, tag.stop);
            } else if (depth > 0) {
                --depth;
            }
            continue;
        }
        // "<div/>" opens a div in HTML; only inside <svg> and <math> does
        // the slash close the element it ends.
        if (tag.self_closing && foreign > 0) continue;
        if (!tag.self_closing && (tag.name == "svg" || tag.name == "math")) ++foreign;
        if (depth < max_depth) {
            ++depth;
        } else {
            ++excess;
            drop(start, tag.stop);
        }
        if (is_one_of(tag.name, raw_text_elements)) i = raw_text_end(html, i, tag.name);  // its end tag comes next
    }
    if (!flattening) return std::nullopt;
    page.html.append(html.substr(copied));
    return page;
}

}  // namespace dateline::indexer
