// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve's JSON API as plain function calls, without HTTP: a request
// (method, path, query parameters, body) in, a status and a body out. The
// answers are the command line's: /api/search gives what dateline-search
// --json prints, /api/timeline what --timeline --json prints, /api/batch
// what --batch prints, /api/article/ID what show
// --json prints, /api/stats what dateline-index stats --json prints for
// each database; errors are the same error objects, with a status (400 a
// bad request, 404 nothing there, 503 the database cannot be read). GET /
// is the web page (data/web/index.html, with its dateline.js,
// dateline.css and favicon.svg), which asks /api/search and /api/article.
// docs/http-api.md documents each route.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "searcher/search.hpp"
#include "shared/error.hpp"

namespace dateline::searcher::http {

// What one request may ask, beyond which it gets a 4xx: a query's length
// and a batch's lines (a limit's and an offset's are the command line's),
// and a body's bytes (413, from the HTTP layer).
inline constexpr std::size_t max_query_bytes = 4096;
inline constexpr long max_batch_lines = 10'000;
inline constexpr std::size_t max_body_bytes = 4 * 1024 * 1024;

struct ApiRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // "/api/search"
    std::multimap<std::string, std::string> params;  // decoded query parameters
    std::string body;
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
};

// Answers requests for one set of databases. Not for sharing between
// threads: a server keeps one a worker thread (each holds its own Xapian
// handles, and follows generation switches as batch mode does).
class Api {
public:
    // defaults: what a request does not say (the databases among them).
    // time_limit: seconds a search, or a whole batch, may take (0: no
    // limit); past it the search stops with a 400. Throws Error as
    // Searcher does.
    explicit Api(const SearchRequest& defaults, double time_limit = 0);

    ApiResponse handle(const ApiRequest& request);

private:
    ApiResponse search(const ApiRequest& request);
    ApiResponse timeline(const ApiRequest& request);
    ApiResponse article(const std::string& id);
    ApiResponse batch(const ApiRequest& request);
    ApiResponse stats();
    ApiResponse health();

    // defaults_ with the deadline of a request made now.
    SearchRequest timed() const;

    SearchRequest defaults_;
    double time_limit_;
    Searcher searcher_;
    std::map<std::string, ApiResponse> files_;  // the page's files (data/web/) by path
};

// The status an error gets: 400 usage, 503 database or locked or schema,
// 500 anything else.
int status_for(const Error& error);

// An error as a response: {"version", "error": {"kind", "message", "hint"}}
// (the command line's error object), with status, or status_for(error).
ApiResponse error_response(const Error& error, int status = 0);

// The same for what the HTTP layer refuses before any route: 413 a body
// over max_body_bytes, 414 an address too long, 400 not HTTP, 5xx.
ApiResponse transport_error(int status);

}  // namespace dateline::searcher::http
