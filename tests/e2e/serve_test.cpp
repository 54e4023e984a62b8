// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve as a user runs it: on a port of 127.0.0.1, answering over
// HTTP, following a rebuild that switches generations under it, and leaving
// with status 0 on SIGTERM. Stopped by its PID.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

// The server in the background; its PID and, once it has exited, its exit
// status in files of dir.
struct Server {
    Server(const test::TempDir& dir, const std::string& db) : dir_(dir) {
        for (int attempt = 0; attempt < 20 && port == 0; ++attempt) {
            int tried = 20000 + static_cast<int>((getpid() * 11 + attempt * 173) % 30000);
            run_command("(" + test::serve_binary() + " --db " + shell_quote(db) + " --listen 127.0.0.1:" +
                        std::to_string(tried) + " 2>" + shell_quote(dir / "log") + " & echo $! > " +
                        shell_quote(dir / "pid") + "; wait $!; echo $? > " + shell_quote(dir / "status") +
                        ") >/dev/null 2>&1 &");
            for (int wait = 0; wait < 50; ++wait) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                if (httplib::Client("127.0.0.1", tried).Get("/api/health")) {
                    port = tried;
                    break;
                }
            }
            if (port == 0) stop();
        }
    }
    ~Server() { stop(); }
    void stop() { run_command("kill -TERM $(cat " + shell_quote(dir_ / "pid") + ") 2>/dev/null"); }
    // The exit status once it has exited, or -1.
    int exit_status() {
        for (int wait = 0; wait < 100; ++wait) {
            std::ifstream in(dir_.path() / "status");
            int status = -1;
            if (in >> status) return status;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return -1;
    }
    const test::TempDir& dir_;
    int port = 0;
};

nlohmann::json get_json(int port, const std::string& path, int want_status = 200) {
    auto response = httplib::Client("127.0.0.1", port).Get(path.c_str());
    REQUIRE(response);
    CHECK(response->status == want_status);
    return nlohmann::json::parse(response->body);
}

}  // namespace

TEST_CASE("dateline-serve answers over HTTP, follows a rebuild and stops cleanly on SIGTERM", "[serve]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    indexer::update_database(test::sample_request(db, "harbour-courier"));
    Server server(dir, db);
    REQUIRE(server.port != 0);

    auto page = httplib::Client("127.0.0.1", server.port).Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    auto escape = httplib::Client("127.0.0.1", server.port).Get("/../../../etc/passwd");
    REQUIRE(escape);
    CHECK(escape->status == 404);
    CHECK(escape->body.find("root:") == std::string::npos);

    nlohmann::json before = get_json(server.port, "/api/search?q=harbour&limit=2");
    CHECK(before["hits"].size() == 2);
    CHECK(get_json(server.port, "/api/search?q=harbour+AND+(", 400)["error"]["kind"] == "usage");
    CHECK(get_json(server.port, "/api/article/0123456789abcdef", 404).contains("error"));

    // A rebuild of the whole sample switches generations under the server.
    auto rebuilt = run_command(test::index_binary() + " rebuild --quiet --db " + shell_quote(db) + " " +
                               shell_quote((test::sample_dir() / "articles").string()) + " --manifest " +
                               shell_quote((test::sample_dir() / "manifest.jsonl").string()));
    INFO(rebuilt.err);
    REQUIRE(rebuilt.status == 0);
    nlohmann::json after = get_json(server.port, "/api/search?q=harbour&limit=2");
    CHECK(after["total"].get<int>() > before["total"].get<int>());
    // The article route reads through the workers' held handles too: an
    // article only the new generation has.
    nlohmann::json other = get_json(server.port, "/api/search?q=outlet%3A%22Meridian%20Wire%22&limit=1");
    REQUIRE(other["hits"].size() == 1);
    std::string id = other["hits"][0]["id"];
    CHECK(get_json(server.port, "/api/article/" + id)["id"] == id);

    // What the HTTP layer refuses is a JSON error too: a body over 4 MiB.
    auto big = httplib::Client("127.0.0.1", server.port)
                   .Post("/api/batch", std::string(5 * 1024 * 1024, 'a'), "application/x-ndjson");
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(nlohmann::json::parse(big->body)["error"]["message"] == "the request body is over 4 MiB");
    auto long_address = httplib::Client("127.0.0.1", server.port).Get(("/api/search?q=" + std::string(20'000, 'a')).c_str());
    REQUIRE(long_address);
    CHECK(long_address->status == 414);
    CHECK(nlohmann::json::parse(long_address->body)["error"]["kind"] == "usage");
    // The database gone from under the server: 503, for searches and health.
    std::filesystem::remove_all(db);
    CHECK(get_json(server.port, "/api/search?q=harbour", 503)["error"]["kind"] == "database");
    CHECK(get_json(server.port, "/api/health", 503).contains("error"));

    server.stop();
    CHECK(server.exit_status() == 0);
    std::ifstream log(dir.path() / "log");
    std::string all((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    CHECK(all.find("GET /api/search 400") != std::string::npos);  // one line a request
}
