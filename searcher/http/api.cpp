// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/http/api.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "searcher/batch.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/search_request.hpp"
#include "searcher/show.hpp"
#include "searcher/timeline.hpp"
#include "searcher/timeline_printer.hpp"
#include "shared/data_dir.hpp"
#include "shared/database_stats.hpp"

namespace dateline::searcher::http {
namespace {

using json = nlohmann::ordered_json;

std::string one_line(const json& object) {
    std::ostringstream out;
    print_json_line(out, object);
    return out.str();
}

const std::set<std::string, std::less<>> search_params{"q", "limit", "offset", "sort", "since", "until", "any",
                                                       "recent", "collapse", "facets", "facet", "snippet_length"};

unsigned number_param(const std::string& name, const std::string& text) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw Error(ErrorKind::usage, fmt::format("{}={} is not a whole number", name, text));
    return value;
}

bool flag_param(const std::string& name, const std::string& text) {
    if (text == "true" || text == "1" || text.empty()) return true;
    if (text == "false" || text == "0") return false;
    throw Error(ErrorKind::usage, fmt::format("{}={}: say true or false", name, text));
}

// The parameters of GET /api/search, as dateline-search's options.
SearchRequest search_request(const ApiRequest& request, const SearchRequest& defaults) {
    SearchRequest search = defaults;
    std::vector<std::string> facet_sizes;
    bool has_query = false;
    for (const auto& [name, value] : request.params) {
        if (!search_params.contains(name))
            throw Error(ErrorKind::usage, fmt::format("unknown parameter \"{}\"", name),
                        "parameters are q, limit, offset, sort, since, until, any, recent, collapse, facets, facet, "
                        "snippet_length");
        if (name == "q") {
            search.query = value;
            has_query = true;
        } else if (name == "limit") search.limit = number_param(name, value);
        else if (name == "offset") search.offset = number_param(name, value);
        else if (name == "snippet_length") search.snippet_length = number_param(name, value);
        else if (name == "sort") search.sort = parse_sort_order(value);
        else if (name == "since") search.since = value;
        else if (name == "until") search.until = value;
        else if (name == "any") search.match_any = flag_param(name, value);
        else if (name == "recent") search.recent = flag_param(name, value);
        else if (name == "collapse") search.collapse = flag_param(name, value);
        else if (name == "facets") set_facet_mode(search, value);
        else if (name == "facet") facet_sizes.push_back(value);
    }
    if (!has_query) throw Error(ErrorKind::usage, "no query", "ask with /api/search?q=WORDS");
    if (search.query.size() > max_query_bytes)
        throw Error(ErrorKind::usage, fmt::format("the query is {} bytes; at most {} are taken", search.query.size(),
                                                  max_query_bytes));
    for (const auto& [name, size] : parse_facet_sizes(facet_sizes)) search.facet_sizes[name] = size;
    return search;
}

// The parameters of GET /api/timeline, as dateline-search --timeline's.
struct TimelineAsk {
    SearchRequest search;
    TimeUnit unit = TimeUnit::month;
    bool by_outlet = false;
};

TimelineAsk timeline_ask(const ApiRequest& request, const SearchRequest& defaults) {
    TimelineAsk ask{.search = defaults, .unit = TimeUnit::month, .by_outlet = false};
    std::vector<std::string> facet_sizes;
    for (const auto& [name, value] : request.params) {
        if (name == "q") ask.search.query = value;
        else if (name == "unit") ask.unit = parse_time_unit(value);
        else if (name == "by" && value == "outlet") ask.by_outlet = true;
        else if (name == "by") throw Error(ErrorKind::usage, fmt::format("by={}: a timeline is split by outlet", value));
        else if (name == "since") ask.search.since = value;
        else if (name == "until") ask.search.until = value;
        else if (name == "any") ask.search.match_any = flag_param(name, value);
        else if (name == "facet") facet_sizes.push_back(value);
        else
            throw Error(ErrorKind::usage, fmt::format("unknown parameter \"{}\"", name),
                        "parameters are q, unit, by, since, until, any, facet");
    }
    if (ask.search.query.empty()) throw Error(ErrorKind::usage, "no query", "ask with /api/timeline?q=WORDS&unit=week");
    if (ask.search.query.size() > max_query_bytes)
        throw Error(ErrorKind::usage, fmt::format("the query is {} bytes; at most {} are taken", ask.search.query.size(),
                                                  max_query_bytes));
    for (const auto& [name, size] : parse_facet_sizes(facet_sizes)) ask.search.facet_sizes[name] = size;
    return ask;
}

}  // namespace

int status_for(const Error& error) {
    switch (error.kind()) {
    case ErrorKind::usage: return 400;
    case ErrorKind::database: case ErrorKind::locked: case ErrorKind::schema_mismatch: return 503;
    case ErrorKind::input: case ErrorKind::internal: break;
    }
    return 500;
}

ApiResponse error_response(const Error& error, int status) {
    return {status ? status : status_for(error), "application/json",
            one_line({{"version", json_version}, {"error", error_json(error)}})};
}

ApiResponse transport_error(int status) {
    std::string message, hint;
    switch (status) {
    case 413: message = fmt::format("the request body is over {} MiB", max_body_bytes >> 20);
              hint = "send a batch in smaller parts"; break;
    case 414: message = "the address is too long"; hint = "a query is at most 4,096 bytes"; break;
    case 400: message = "not an HTTP request this server can read"; break;
    default: message = fmt::format("HTTP status {}", status); break;
    }
    return error_response(Error(status < 500 ? ErrorKind::usage : ErrorKind::internal, message, hint), status);
}

Api::Api(const SearchRequest& defaults, double time_limit)
    : defaults_(defaults), time_limit_(time_limit), searcher_(defaults.databases, defaults.allow_partial) {
    // The page's files, read once: only these are served, by name, so no
    // path a client writes can reach any other file.
    for (const auto& [name, type] : std::initializer_list<std::pair<const char*, const char*>>{
             {"index.html", "text/html; charset=utf-8"},
             {"dateline.js", "text/javascript; charset=utf-8"},
             {"dateline.css", "text/css; charset=utf-8"},
             {"favicon.svg", "image/svg+xml"}}) {
        std::ifstream in(data_dir() / "web" / name, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!bytes.empty()) files_["/" + std::string(name)] = {200, type, std::move(bytes)};
    }
    if (files_.contains("/index.html")) files_["/"] = files_["/index.html"];
}

ApiResponse Api::handle(const ApiRequest& request) {
    try {
        const std::string& path = request.path;
        bool get = request.method == "GET" || request.method == "HEAD";
        if (path == "/api/search" && get) return search(request);
        if (path == "/api/timeline" && get) return timeline(request);
        if (path.starts_with("/api/article/") && get) return article(path.substr(std::string("/api/article/").size()));
        if (path == "/api/batch" && request.method == "POST") return batch(request);
        if (path == "/api/health" && get) return health();
        if (path == "/api/stats" && get) return stats();
        if (auto file = files_.find(path); file != files_.end() && get) return file->second;
        if (path == "/api/search" || path == "/api/timeline" || path == "/api/batch" || path == "/api/health" ||
            path == "/api/stats" ||
            path.starts_with("/api/article/"))
            return error_response(Error(ErrorKind::usage, request.method + " is not allowed on " + path,
                                        path == "/api/batch" ? "POST JSON Lines" : "use GET"),
                                  405);
        return error_response(Error(ErrorKind::usage, "no such route: " + path,
                                    "routes: /api/search, /api/timeline, /api/article/ID, /api/batch, /api/stats, "
                                    "/api/health"),
                              404);
    } catch (const Error& error) {
        return error_response(error);
    } catch (const std::exception& error) {
        return error_response(Error(ErrorKind::internal, error.what()));
    }
}

SearchRequest Api::timed() const {
    SearchRequest request = defaults_;
    if (time_limit_ > 0) request.deadline = Deadline::after(time_limit_);
    return request;
}

ApiResponse Api::search(const ApiRequest& request) {
    return {200, "application/json", one_line(result_json(searcher_.search(search_request(request, timed()))))};
}

ApiResponse Api::timeline(const ApiRequest& request) {
    TimelineAsk ask = timeline_ask(request, timed());
    return {200, "application/json", one_line(timeline_json(make_timeline(searcher_, ask.search, ask.unit, ask.by_outlet)))};
}

ApiResponse Api::article(const std::string& id) {
    if (!looks_like_article_id(id))
        throw Error(ErrorKind::usage, fmt::format("{} is not an article id", id), "an id is 16 hex digits");
    std::optional<Article> found = searcher_.find_article(id);
    if (!found) return error_response(Error(ErrorKind::usage, "no article with id " + id), 404);
    return {200, "application/json", one_line(article_json(id, *found))};
}

ApiResponse Api::batch(const ApiRequest& request) {
    if (auto lines = std::count(request.body.begin(), request.body.end(), '\n'); lines > max_batch_lines)
        throw Error(ErrorKind::usage, fmt::format("{} lines in one batch; at most {} are taken", lines, max_batch_lines),
                    "send the rest in another request");
    std::istringstream in(request.body);
    std::ostringstream out;
    run_batch(searcher_, in, out, timed());
    return {200, "application/x-ndjson", out.str()};
}

ApiResponse Api::stats() {
    json databases = json::array();
    std::size_t documents = 0;
    for (const std::string& path : defaults_.databases) {
        DatabaseStats stats = read_database_stats(path);
        documents += stats.documents;
        databases.push_back(stats_json(stats));
    }
    return {200, "application/json",
            one_line({{"version", json_version}, {"documents", documents}, {"databases", std::move(databases)}})};
}

ApiResponse Api::health() {
    // A search that matches nothing still opens, checks and refreshes the
    // databases: a damaged or missing one answers 503.
    SearchRequest probe = defaults_;
    probe.query = "dateline-health-probe";
    probe.limit = 0;
    probe.facets = false;
    searcher_.search(probe);
    return {200, "application/json", one_line({{"version", json_version}, {"status", "ok"}})};
}

}  // namespace dateline::searcher::http
