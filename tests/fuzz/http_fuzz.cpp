// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: dateline-serve's request handling (searcher/http/api.hpp) on
// the sample archive, below the HTTP library: the input's first line is the
// method, the second the path, then "name=value" lines up to an empty one
// (the query parameters, decoded), then the body.
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "searcher/http/api.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace dateline;

namespace {

searcher::SearchRequest defaults() {
    searcher::SearchRequest request;
    request.databases = {fuzz::sample_database()};
    return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static searcher::http::Api api(defaults(), 5);
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    searcher::http::ApiRequest request;
    request.method = fuzz::take_field(rest);
    request.path = fuzz::take_field(rest);
    while (!rest.empty()) {
        std::string_view line = fuzz::take_field(rest);
        if (line.empty()) break;
        std::string_view name = fuzz::take_field(line, '=');
        request.params.emplace(name, line);
    }
    request.body = rest;
    searcher::http::ApiResponse response = api.handle(request);
    // Every answer has a status the API documents, none says "a bug" (500,
    // what handle() gives for an exception that is not an Error), and an
    // answer that says it is JSON (or JSON Lines) is.
    bool documented = response.status >= 200 && response.status <= 599 && response.status != 500;
    bool readable = response.content_type != "application/json" || nlohmann::json::accept(response.body);
    if (response.content_type == "application/x-ndjson")
        for (std::string_view lines = response.body; !lines.empty();)
            readable = readable && nlohmann::json::accept(fuzz::take_field(lines));
    if (!documented || !readable) {
        std::fprintf(stderr, "http_fuzz: status %d: %s\n", response.status, response.body.c_str());
        __builtin_trap();
    }
    return 0;
}
