// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/json_record.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "indexer/extract/field_lines.hpp"
#include "shared/error.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

using nlohmann::json;

// The value of the first of field's keys present in record (not null, not
// empty); key, when given, is set to that key.
const json* first_present(const json& record, const FieldMap& map, std::string_view field, std::string* key = nullptr) {
    for (const std::string& name : map.find(field)->second) {
        auto it = record.find(name);
        if (it == record.end() || it->is_null()) continue;
        if (it->is_string() && it->get_ref<const std::string&>().empty()) continue;
        if (it->is_array() && it->empty()) continue;
        if (key) *key = name;
        return &*it;
    }
    return nullptr;
}

const char* kind_of(const json& value) {
    return value.is_object() ? "an object" : value.is_array() ? "an array" : value.is_boolean() ? "a boolean" : "a number";
}

// A field that holds text: a string as it is; a number or a boolean as its
// JSON text, with a warning; an object or an array cannot be read as text
// and makes the record a problem (skipped, not indexed half-read).
std::optional<std::string> text_field(const json& record, const FieldMap& map, std::string_view field,
                                      RecordResult& result) {
    std::string key;
    const json* value = first_present(record, map, field, &key);
    if (!value) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    if (value->is_object() || value->is_array()) {
        result.problem = fmt::format("field \"{}\" is {}, not text", key, kind_of(*value));
        return std::nullopt;
    }
    result.warnings.push_back(fmt::format("field \"{}\" is {}: read as the text \"{}\"", key, kind_of(*value), value->dump()));
    return value->dump();
}

// text cut to its first max_characters code points (never inside one).
std::string cut_to_characters(std::string text, std::size_t max_characters, std::size_t& characters) {
    characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (characters++ == max_characters) {
            std::size_t cut = i;
            for (++i; i < text.size(); ++i) characters += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
            text.resize(cut);
            return text;
        }
    }
    return text;
}

std::string as_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return value.dump();
}

std::string trim(std::string_view text) { return std::string(trim_space(text)); }

// "2020-01-09", "2020-01-09T10:00:00Z", "2018-01-25 16:17:44" or a Unix time
// (in seconds or milliseconds) from 1800 to 2199: a number beyond is no
// publication date, and made a date it would overflow the calendar's sums.
std::optional<Date> read_date(const json& value) {
    if (value.is_number()) {
        constexpr double year_1800 = -5'364'662'400, year_2200 = 7'258'118'400;  // Unix seconds
        double seconds = value.get<double>();
        if (std::abs(seconds) > 1e11) seconds /= 1000;  // milliseconds
        if (!(seconds >= year_1800 && seconds < year_2200)) return std::nullopt;
        auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(static_cast<long long>(seconds))));
        return Date(days);
    }
    if (!value.is_string()) return std::nullopt;
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    return parse_iso_date(std::string_view(text).substr(0, 10));
}

// "Kareem Fahim, Sarah Dadouch", "A and B", "A; B" -> names.
std::vector<std::string> split_names(std::string_view names) {
    std::vector<std::string> found;
    for (std::string_view name : split_name_list(names))
        if (!name.empty()) found.emplace_back(name);
    return found;
}

// A string of names, or a list of names or of objects with a "name" (as
// several exports write authors); anything else in the list is left out
// with a warning, and a list longer than max_authors is cut.
std::vector<std::string> read_byline(const json& value, const std::string& key, std::vector<std::string>& warnings) {
    std::vector<std::string> names;
    if (value.is_string()) {
        names = split_names(value.get<std::string>());
    } else if (value.is_array()) {
        std::size_t unread = 0;
        for (const json& name : value) {
            const json* text = &name;
            if (name.is_object() && name.contains("name")) text = &name["name"];
            if (!text->is_string()) {
                ++unread;
                continue;
            }
            if (std::string one = trim(text->get<std::string>()); !one.empty()) names.push_back(one);
        }
        if (unread)
            warnings.push_back(fmt::format("field \"{}\": {} of its {} entries {} not a name (a string, or an object with "
                                           "a \"name\"): left out",
                                           key, unread, value.size(), unread == 1 ? "is" : "are"));
    } else {
        warnings.push_back(fmt::format("field \"{}\" is {}, not names: left out", key, kind_of(value)));
    }
    if (names.size() > max_authors) {
        warnings.push_back(fmt::format("field \"{}\" names {} authors: the first {} kept", key, names.size(), max_authors));
        names.resize(max_authors);
    }
    return names;
}

}  // namespace

FieldMap default_field_map() {
    return {
        {"title", {"title", "headline"}},
        {"text", {"text", "content", "body", "article", "main_text"}},
        {"date", {"date", "published", "publish_date", "time", "timestamp"}},
        {"byline", {"authors", "author", "byline"}},
        {"url", {"url", "link"}},
        {"outlet", {"outlet", "source", "publication", "site_name", "domain"}},
        {"id", {"id", "_id", "uuid"}},
        {"dateline", {"dateline"}},
    };
}

void override_field(FieldMap& map, std::string_view mapping) {
    std::size_t equals = mapping.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == mapping.size())
        throw Error(ErrorKind::usage, fmt::format("--map wants FIELD=KEY, not '{}'", mapping),
                    "for example --map text=story_body");
    auto field = map.find(mapping.substr(0, equals));
    if (field == map.end()) {
        std::vector<std::string> fields;
        for (const auto& [name, keys] : map) fields.push_back(name);
        throw Error(ErrorKind::usage, fmt::format("--map: no article field '{}'", mapping.substr(0, equals)),
                    fmt::format("fields: {}", fmt::join(fields, ", ")));
    }
    field->second = {std::string(mapping.substr(equals + 1))};
}

RecordResult article_from_record(const json& record, const FieldMap& map) {
    RecordResult result;
    Article article;
    std::optional<std::string> body = text_field(record, map, "text", result);
    std::optional<std::string> title = text_field(record, map, "title", result);
    std::optional<std::string> url = text_field(record, map, "url", result);
    std::optional<std::string> outlet = text_field(record, map, "outlet", result);
    std::optional<std::string> dateline = text_field(record, map, "dateline", result);
    if (!result.problem.empty()) return result;
    if (body) article.body = std::move(*body);
    if (title) article.title = trim(*title);
    if (std::size_t characters = 0; article.title.size() > max_title_characters) {
        article.title = cut_to_characters(std::move(article.title), max_title_characters, characters);
        if (characters > max_title_characters)
            result.warnings.push_back(fmt::format("the title is {} characters long: cut to the first {}", characters,
                                                  max_title_characters));
    }
    // A headline alone is a story (wire briefs are just that); nothing at all is not.
    if (article.body.empty() && article.title.empty()) {
        result.problem = fmt::format("no title or text (looked for {}; {})", fmt::join(map.find("title")->second, ", "),
                                     fmt::join(map.find("text")->second, ", "));
        return result;
    }
    if (url) article.url = std::move(*url);
    if (outlet) article.outlet = trim(*outlet);
    // An id may well be a number: read as its digits, nothing to warn about.
    if (const json* id = first_present(record, map, "id"); id && !id->is_object() && !id->is_array()) article.record_id = as_text(*id);
    std::string byline_key;
    if (const json* byline = first_present(record, map, "byline", &byline_key))
        article.byline = read_byline(*byline, byline_key, result.warnings);
    if (dateline) article.dateline = trim(dateline->substr(0, dateline->find(',')));  // "SALVADOR, Feb 26"
    if (const json* date = first_present(record, map, "date")) {
        article.date = read_date(*date);
        if (!article.date) result.warnings.push_back(fmt::format("date not understood: {}", as_text(*date)));
    }
    result.article = std::move(article);
    return result;
}

}  // namespace dateline::indexer
