// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/json_record.hpp"

#include <chrono>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "indexer/extract/field_lines.hpp"
#include "shared/error.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

using nlohmann::json;

const json* first_present(const json& record, const FieldMap& map, std::string_view field) {
    for (const std::string& key : map.find(field)->second) {
        auto it = record.find(key);
        if (it == record.end() || it->is_null()) continue;
        if (it->is_string() && it->get_ref<const std::string&>().empty()) continue;
        if (it->is_array() && it->empty()) continue;
        return &*it;
    }
    return nullptr;
}

std::string as_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return value.dump();
}

std::string trim(std::string_view text) { return std::string(trim_space(text)); }

// "2020-01-09", "2020-01-09T10:00:00Z", "2018-01-25 16:17:44" or a Unix time.
std::optional<Date> read_date(const json& value) {
    if (value.is_number()) {
        double seconds = value.get<double>();
        if (seconds > 1e11) seconds /= 1000;  // milliseconds
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

std::vector<std::string> read_byline(const json& value) {
    if (value.is_string()) return split_names(value.get<std::string>());
    std::vector<std::string> names;
    if (value.is_array())
        for (const json& name : value)
            if (name.is_string() && !trim(name.get<std::string>()).empty()) names.push_back(trim(name.get<std::string>()));
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
    if (const json* text = first_present(record, map, "text"); text && text->is_string()) article.body = text->get<std::string>();
    if (const json* title = first_present(record, map, "title")) article.title = trim(as_text(*title));
    // A headline alone is a story (wire briefs are just that); nothing at all is not.
    if (article.body.empty() && article.title.empty()) {
        result.problem = fmt::format("no title or text (looked for {}; {})", fmt::join(map.find("title")->second, ", "),
                                     fmt::join(map.find("text")->second, ", "));
        return result;
    }
    if (const json* url = first_present(record, map, "url")) article.url = as_text(*url);
    if (const json* outlet = first_present(record, map, "outlet")) article.outlet = trim(as_text(*outlet));
    if (const json* id = first_present(record, map, "id")) article.record_id = as_text(*id);
    if (const json* byline = first_present(record, map, "byline")) article.byline = read_byline(*byline);
    if (const json* dateline = first_present(record, map, "dateline")) {
        std::string place = as_text(*dateline);
        article.dateline = trim(place.substr(0, place.find(',')));  // "SALVADOR, Feb 26"
    }
    if (const json* date = first_present(record, map, "date")) {
        article.date = read_date(*date);
        if (!article.date) result.warnings.push_back(fmt::format("date not understood: {}", as_text(*date)));
    }
    result.article = std::move(article);
    return result;
}

}  // namespace dateline::indexer
