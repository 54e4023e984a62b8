// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve's routes without a network (searcher/http/api.hpp): the
// answers are the command line's, and every bad request is a JSON error with
// its status.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "searcher/http/api.hpp"
#include "tests/support.hpp"

using namespace dateline;
using searcher::http::ApiRequest;
using searcher::http::ApiResponse;

namespace {

searcher::http::Api& sample_api() {
    static searcher::http::Api api([] {
        searcher::SearchRequest defaults;
        defaults.databases = {test::shared_sample_database()};
        return defaults;
    }());
    return api;
}

ApiResponse get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    return sample_api().handle({"GET", path, std::move(params), ""});
}

std::string error_kind(const ApiResponse& response) {
    return nlohmann::json::parse(response.body)["error"]["kind"].get<std::string>();
}

}  // namespace

TEST_CASE("GET /api/search answers what dateline-search --json prints", "[http]") {
    ApiResponse response = get("/api/search", {{"q", "strike"}, {"limit", "3"}, {"facet", "person:2"}});
    REQUIRE(response.status == 200);
    CHECK(response.content_type == "application/json");
    auto printed = test::run_command(test::search_binary() + " --db " + test::shell_quote(test::shared_sample_database()) +
                                     " --json --limit 3 --facet person:2 strike");
    REQUIRE(printed.status == 0);
    CHECK(nlohmann::json::parse(response.body) == nlohmann::json::parse(printed.out));
    CHECK(nlohmann::json::parse(response.body)["hits"].size() == 3);
    // collapse=true, as --collapse: the stories counted beside the matches.
    auto collapsed = nlohmann::json::parse(get("/api/search", {{"q", "strike"}, {"collapse", "true"}}).body);
    CHECK(collapsed["stories"] == 12);  // the sample holds no copies
    CHECK(collapsed["manifest"]["options"]["collapse"] == true);
}

TEST_CASE("the article route and batch route answer as show --json and --batch", "[http]") {
    auto search = nlohmann::json::parse(get("/api/search", {{"q", "strike"}, {"limit", "1"}}).body);
    std::string id = search["hits"][0]["id"];
    ApiResponse article = get("/api/article/" + id);
    REQUIRE(article.status == 200);
    auto shown = test::run_command(test::search_binary() + " --db " + test::shell_quote(test::shared_sample_database()) +
                                   " --json show " + id);
    CHECK(nlohmann::json::parse(article.body) == nlohmann::json::parse(shown.out));

    std::string lines = "strike\n{\"query\": \"port\", \"limit\": 1}\n\nAND (\n";
    ApiResponse batch = sample_api().handle({"POST", "/api/batch", {}, lines});
    REQUIRE(batch.status == 200);
    CHECK(batch.content_type == "application/x-ndjson");
    test::TempDir dir;
    test::write_file(dir.path() / "lines", lines);
    auto printed = test::run_command(test::search_binary() + " --db " + test::shell_quote(test::shared_sample_database()) +
                                     " --batch " + test::shell_quote(dir / "lines"));
    CHECK(batch.body == printed.out);
}

TEST_CASE("a search past the time a request may take is a 400 that says so", "[http]") {
    searcher::SearchRequest defaults;
    defaults.databases = {test::shared_sample_database()};
    searcher::http::Api limited(defaults, 1e-9);  // past before the search begins
    ApiResponse response = limited.handle({"GET", "/api/search", {{"q", "strike"}}, ""});
    CHECK(response.status == 400);
    auto error = nlohmann::json::parse(response.body)["error"];
    CHECK(error["kind"] == "usage");
    CHECK(error["message"].get<std::string>().find("longer than") != std::string::npos);
    CHECK(error["hint"].get<std::string>().find("facets=estimate") != std::string::npos);
    // A batch shares one limit: past it, each query answers the error.
    ApiResponse batch = limited.handle({"POST", "/api/batch", {}, "strike\nport\n"});
    CHECK(batch.status == 200);
    std::istringstream lines(batch.body);
    int errors = 0;
    for (std::string line; std::getline(lines, line);) errors += nlohmann::json::parse(line).contains("error");
    CHECK(errors == 2);
    CHECK(searcher::http::Api(defaults, 30).handle({"GET", "/api/search", {{"q", "strike"}}, ""}).status == 200);

    // Inside a match, the spy looks at the clock every 4,096 matches.
    Xapian::Document document;
    searcher::DeadlineSpy past(searcher::Deadline::after(0));
    CHECK_THROWS_AS([&] { for (int i = 0; i < 4096; ++i) past(document, 0); }(), Error);
    searcher::DeadlineSpy later(searcher::Deadline::after(3600));
    CHECK_NOTHROW([&] { for (int i = 0; i < 10'000; ++i) later(document, 0); }());
}

TEST_CASE("bad requests are JSON errors with a status, never a crash", "[http]") {
    CHECK(get("/api/search", {{"q", "strike AND ("}}).status == 400);
    CHECK(get("/api/search").status == 400);                                   // no query
    CHECK(get("/api/search", {{"q", "strike"}, {"limit", "ten"}}).status == 400);
    CHECK(get("/api/search", {{"q", "strike"}, {"colour", "red"}}).status == 400);
    CHECK(get("/api/search", {{"q", "strike"}, {"facet", "mood:3"}}).status == 400);
    CHECK(get("/api/search", {{"q", "strike"}, {"sort", "sideways"}}).status == 400);
    CHECK(error_kind(get("/api/search", {{"q", "strike"}, {"limit", "ten"}})) == "usage");
    CHECK(get("/api/article/0123456789abcdef").status == 404);
    CHECK(get("/api/article/not-an-id").status == 400);
    CHECK(get("/index.php").status == 404);
    CHECK(sample_api().handle({"DELETE", "/api/search", {}, ""}).status == 405);
    CHECK(get("/api/health").status == 200);
    auto stats = nlohmann::json::parse(get("/api/stats").body);
    CHECK(stats["documents"] == stats["databases"][0]["documents"]);
    CHECK(stats["documents"].get<int>() > 40);
    ApiResponse page = get("/");
    CHECK(page.status == 200);
    CHECK(page.content_type.starts_with("text/html"));
    CHECK(page.body.find("<script src=\"/dateline.js\"></script>") != std::string::npos);
    CHECK(page.body.find("<script>") == std::string::npos);  // no inline script: the CSP forbids it
    ApiResponse script = get("/dateline.js");
    CHECK(script.content_type.starts_with("text/javascript"));
    CHECK(script.body.find("\"/api/search?\"") != std::string::npos);  // the page asks the API
    CHECK(script.body.find("innerHTML") == std::string::npos);  // article text is never parsed as HTML
    CHECK(get("/dateline.css").status == 200);

    // Only the page's own files: no path reaches another.
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/dateline.js/../index.html",
                             "/README.md", "/web/index.html", "//etc/passwd"})
        CHECK(get(path).status == 404);

    CHECK(get("/api/search", {{"q", std::string(5000, 'a')}}).status == 400);
    std::string many_lines;
    for (int i = 0; i < 10'001; ++i) many_lines += "strike\n";
    CHECK(sample_api().handle({"POST", "/api/batch", {}, many_lines}).status == 400);

    searcher::SearchRequest missing;
    test::TempDir dir;
    missing.databases = {dir / "none"};
    CHECK_THROWS_AS(searcher::http::Api(missing), Error);  // dateline-serve exits 3 before listening
}

TEST_CASE("GET /api/timeline answers what dateline-search --timeline --json prints", "[http][timeline]") {
    ApiResponse response = get("/api/timeline", {{"q", "harbour"}, {"unit", "week"}, {"by", "outlet"}, {"facet", "outlet:2"}});
    REQUIRE(response.status == 200);
    auto printed = test::run_command(test::search_binary() + " --db " + test::shell_quote(test::shared_sample_database()) +
                                     " --json --timeline week --by outlet --facet outlet:2 harbour");
    REQUIRE(printed.status == 0);
    auto answer = nlohmann::json::parse(response.body);
    CHECK(answer == nlohmann::json::parse(printed.out));
    CHECK(answer["series"].size() == 2);
    CHECK(answer["unit"] == "week");

    CHECK(get("/api/timeline", {{"q", "harbour"}, {"unit", "fortnight"}}).status == 400);
    CHECK(get("/api/timeline", {{"q", "harbour"}, {"by", "author"}}).status == 400);
    CHECK(get("/api/timeline", {{"unit", "week"}}).status == 400);
    CHECK(error_kind(get("/api/timeline", {{"q", "harbour"}, {"limit", "3"}})) == "usage");
}
