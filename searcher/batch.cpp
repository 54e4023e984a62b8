// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/batch.hpp"

#include <cstdint>
#include <limits>
#include <set>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "searcher/json_printer.hpp"
#include "searcher/search_request.hpp"
#include "shared/error.hpp"

namespace dateline::searcher {
namespace {

using json = nlohmann::ordered_json;

unsigned unsigned_option(const json& object, const char* key, unsigned fallback) {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_number_unsigned())
        throw Error(ErrorKind::usage, fmt::format("\"{}\" must be a whole number", key));
    auto value = object[key].get<std::uint64_t>();
    if (value > std::numeric_limits<unsigned>::max())
        throw Error(ErrorKind::usage, fmt::format("\"{}\" is too large ({})", key, value));
    return static_cast<unsigned>(value);
}

bool bool_option(const json& object, const char* key, bool fallback) {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_boolean()) throw Error(ErrorKind::usage, fmt::format("\"{}\" must be true or false", key));
    return object[key].get<bool>();
}

std::string string_option(const json& object, const char* key, const std::string& fallback) {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_string()) throw Error(ErrorKind::usage, fmt::format("\"{}\" must be a string", key));
    return object[key].get<std::string>();
}

const std::set<std::string, std::less<>> known_keys{"query", "limit", "offset", "facets", "snippet_length",
                                                    "since", "until", "any", "sort", "recent", "collapse"};

// The request one line asks for.
SearchRequest request_for(const std::string& line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    if (!line.starts_with('{')) {
        request.query = line;
        return request;
    }
    json object = json::parse(line, nullptr, false);
    if (!object.is_object() || !object.contains("query") || !object["query"].is_string())
        throw Error(ErrorKind::usage, "a JSON line must be an object with a \"query\" string",
                    R"(e.g. {"query": "strike", "limit": 5})");
    for (const auto& [key, value] : object.items())
        if (!known_keys.contains(key))
            throw Error(ErrorKind::usage, fmt::format("unknown key \"{}\"", key),
                        "keys are query, limit, offset, facets, snippet_length, since, until, any, sort, recent, "
                        "collapse");
    request.query = object["query"].get<std::string>();
    request.limit = unsigned_option(object, "limit", request.limit);
    request.offset = unsigned_option(object, "offset", request.offset);
    request.snippet_length = unsigned_option(object, "snippet_length", request.snippet_length);
    if (object.contains("facets") && object["facets"].is_string()) set_facet_mode(request, object["facets"].get<std::string>());
    else request.facets = bool_option(object, "facets", request.facets);
    request.match_any = bool_option(object, "any", request.match_any);
    request.since = string_option(object, "since", request.since);
    request.until = string_option(object, "until", request.until);
    if (object.contains("sort")) request.sort = parse_sort_order(string_option(object, "sort", ""));
    request.recent = bool_option(object, "recent", request.recent);
    request.collapse = bool_option(object, "collapse", request.collapse);
    return request;
}

}  // namespace

BatchReport run_batch(Searcher& searcher, std::istream& in, std::ostream& out, const SearchRequest& defaults) {
    BatchReport report;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        json answer;
        try {
            if (line.find_first_not_of(" \t") == std::string::npos)
                throw Error(ErrorKind::usage, "blank line: no query", "write one query a line; every line is answered");
            answer = result_json(searcher.search(request_for(line, defaults)));
        } catch (const Error& error) {
            answer = {{"version", json_version}, {"query", line}, {"error", error_json(error)}};
            ++report.failed;
        }
        answer["line"] = number;
        print_json_line(out, answer);
        out.flush();  // a reader on a pipe gets each answer as it comes
        ++report.answered;
    }
    return report;
}

}  // namespace dateline::searcher
