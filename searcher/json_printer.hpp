// SPDX-License-Identifier: GPL-2.0-or-later
// SearchResult as one JSON object, the versioned shape documented in
// docs/output-format.md. Unknown values are null, lists are never null.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "searcher/search_types.hpp"
#include "shared/error.hpp"

namespace dateline::searcher {

inline constexpr int json_version = 2;

nlohmann::ordered_json result_json(const SearchResult& result);
// What an answer was computed from (docs/reproducibility.md).
nlohmann::ordered_json manifest_json(const Manifest& manifest);
nlohmann::ordered_json hit_json(const Hit& hit);
// {"kind": "usage", "message": ..., "hint": ...}
nlohmann::ordered_json error_json(const Error& error);
// One stored article in full: id, title, outlet, date, byline, url, source,
// dateline, text.
nlohmann::ordered_json article_json(const std::string& id, const Article& article);

// --json: the result as one object on one line.
void print_json(std::ostream& out, const SearchResult& result);
// --jsonl: one hit object per line, nothing else.
void print_jsonl(std::ostream& out, const SearchResult& result);
// Any of the above, on one line, invalid UTF-8 replaced.
void print_json_line(std::ostream& out, const nlohmann::ordered_json& object);

}  // namespace dateline::searcher
