// SPDX-License-Identifier: GPL-2.0-or-later
// A replica kept by the stock xapian-replicate: the master's database
// directory is served by xapian-replicate-server as it is (Xapian follows its
// stub to the live generation), the replica is searched like any database,
// follows the master's updates and rebuilds, and is never written to.
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "searcher/search.hpp"
#include "searcher/search_request.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

// xapian-replicate-server for the databases below parent, on a free port of
// 127.0.0.1, stopped by its PID.
class ReplicationServer {
public:
    explicit ReplicationServer(const std::filesystem::path& parent) {
        for (int attempt = 0; attempt < 20 && port_ == 0; ++attempt) {
            int port = 20000 + static_cast<int>((getpid() * 13 + attempt * 137 + 7) % 30000);
            run_command("setsid xapian-replicate-server -I 127.0.0.1 -p " + std::to_string(port) + " " +
                        shell_quote(parent.string()) + " >/dev/null 2>&1 & echo $! > " + shell_quote(pid_ / "pid"));
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            if (run_command("kill -0 $(cat " + shell_quote(pid_ / "pid") + ")").status == 0) port_ = port;
        }
    }
    ~ReplicationServer() { run_command("kill $(cat " + shell_quote(pid_ / "pid") + ") 2>/dev/null"); }
    int port() const { return port_; }

private:
    test::TempDir pid_;
    int port_ = 0;
};

unsigned total(searcher::Searcher& searcher, const std::string& query) {
    searcher::SearchRequest request;
    request.query = query;
    request.limit = 3;
    return searcher.search(request).total;
}

}  // namespace

TEST_CASE("a replica kept by xapian-replicate is searched, follows the master's rebuild, and is never written", "[replica]") {
    REQUIRE(run_command("command -v xapian-replicate-server && command -v xapian-replicate").status == 0);
    test::TempDir dir;
    const std::filesystem::path master = dir.path() / "master";
    const std::string news = master / "news", replica = dir.path() / "replica-news";
    test::build_sample_database(news);
    ReplicationServer server(master);
    REQUIRE(server.port() != 0);
    auto replicate = [&] {
        auto result = run_command("xapian-replicate -q -o -r 0 -h 127.0.0.1 -p " + std::to_string(server.port()) +
                                  " -m news " + shell_quote(replica));
        INFO(result.err);
        REQUIRE(result.status == 0);
    };
    replicate();

    searcher::Searcher on_master({news}), on_replica({replica});
    const std::string query = "harbour OR flood OR strike OR wire";
    const unsigned before = total(on_master, query);
    REQUIRE(before > 0);
    CHECK(total(on_replica, query) == before);

    // Nothing writes into the replica: xapian-replicate owns it.
    auto refused = run_command(test::index_binary() + " update --db " + shell_quote(replica) + " " +
                               shell_quote((test::sample_dir() / "articles").string()));
    CHECK(refused.status == 3);
    CHECK_THAT(refused.err, Catch::Contains("is a replica kept by xapian-replicate"));

    // The master rebuilt from one outlet's articles: a new generation.
    auto rebuilt = run_command(test::index_binary() + " rebuild -q --db " + shell_quote(news) + " " +
                               shell_quote((test::sample_dir() / "articles" / "meridian-wire").string()));
    REQUIRE(rebuilt.status <= 1);
    const unsigned after = total(on_master, query);
    REQUIRE(after != before);

    // The replica is searched without a pause while it catches up: every
    // search is answered, from the old copy or the new.
    std::atomic<bool> done = false;
    std::atomic<unsigned> searches = 0, failures = 0;
    std::set<unsigned> seen;
    std::thread reader([&] {
        while (!done) {
            try {
                seen.insert(total(on_replica, query));
            } catch (const Error&) {
                ++failures;
            }
            ++searches;
        }
    });
    while (searches < 20) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    replicate();
    const unsigned finished_at = searches;
    while (searches < finished_at + 20) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    done = true;
    reader.join();
    CHECK(failures == 0);
    CHECK(seen == std::set<unsigned>{before, after});
    CHECK(total(on_replica, query) == after);
}
