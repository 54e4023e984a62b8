// SPDX-License-Identifier: GPL-2.0-or-later
// One JSON Lines record -> Article, through a field mapping: for each article
// field, the record keys to try in order. Pure: no I/O, no Xapian.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/article.hpp"

namespace dateline::indexer {

// Keys per article field: title, text, date, byline, url, outlet, id,
// dateline. The defaults cover the keys real exports use.
using FieldMap = std::map<std::string, std::vector<std::string>, std::less<>>;

FieldMap default_field_map();

// Applies "field=key" (--map): field is then read from key alone. Throws
// Error (usage) for an unknown field or a malformed mapping.
void override_field(FieldMap& map, std::string_view mapping);

struct RecordResult {
    std::optional<Article> article;  // nullopt: the record cannot be an article
    std::vector<std::string> warnings;  // fields present but not understood
    std::string problem;              // why there is no article
};

// Beyond these a record's field is cut, with a warning: no headline is a
// thousand characters long, no story has a hundred authors.
inline constexpr std::size_t max_title_characters = 1000;
inline constexpr std::size_t max_authors = 100;

// A record with neither title nor text gives no article; a headline alone does. A date is read from ISO
// 8601 strings (date or date-time) and from Unix times in seconds or
// milliseconds; bylines from a list of names or one string of names separated
// by commas, semicolons or "and".
RecordResult article_from_record(const nlohmann::json& record, const FieldMap& map);

}  // namespace dateline::indexer
