// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/json_ld.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

using nlohmann::json;

std::string trimmed(std::string_view text) { return std::string(trim_space(text)); }

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
json parse_json_ld(std::string_view text) {
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
    } catch (const json::exception&) {
        // A number too large for a double (6e666...) is no parse error to
        // cut at, and no data worth reading.
    }
    return json(json::value_t::discarded);
}

}  // namespace

void read_json_ld(std::string_view text, LinkedData& ld, std::optional<int>& offset) {
    json value = parse_json_ld(text);
    if (value.is_discarded()) return;
    note_json_offsets(value, offset);
    const json* article = find_article(value);
    if (!article) {
        if (const json* page = find_article(value, true); page && ld.page_date.empty() && (*page)["datePublished"].is_string())
            ld.page_date = (*page)["datePublished"].get<std::string>();
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
    if (const json* headline = get("headline"); headline && ld.title.empty() && headline->is_string())
        ld.title = trimmed(headline->get<std::string>());
    for (const char* key : {"datePublished", "dateCreated"})
        if (const json* date = get(key); date && date->is_string() && ld.article_date.empty() && parse_date_text(date->get<std::string>()))
            ld.article_date = date->get<std::string>();
    if (const json* author = get("author"); author && ld.byline.empty()) ld.byline = names_of(*author);
    if (const json* publisher = get("publisher"); publisher && ld.outlet.empty()) ld.outlet = name_of(*publisher);
    if (const json* url = get("url"); url && url->is_string() && ld.url.empty()) ld.url = url->get<std::string>();
}

}  // namespace dateline::indexer
