// SPDX-License-Identifier: GPL-2.0-or-later
// Databases served by the stock xapian-tcpsrv: the same answers as the same
// articles opened locally, whole or in shards; a server that goes away or
// stops answering gives an error naming it, and the next search is answered
// once it is back; a served database's rebuild is followed.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <set>
#include <thread>

#include "indexer/commands/update.hpp"
#include "scripts/measure/bench/query_set.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/search.hpp"
#include "searcher/search_request.hpp"
#include "shared/error.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

searcher::SearchRequest request_for(const std::string& query, bool full, unsigned limit = 10) {
    searcher::SearchRequest request;
    request.query = query;
    request.limit = limit;
    searcher::set_facet_mode(request, full ? "exact" : "off");
    request.snippet_length = full ? 200 : 0;
    return request;
}

// The answer as printed, without what names the databases it came from.
nlohmann::ordered_json answer(searcher::Searcher& searcher, const searcher::SearchRequest& request) {
    nlohmann::ordered_json json = searcher::result_json(searcher.search(request));
    json.erase("manifest");
    return json;
}

// What two layouts of the same articles agree on. An article's id (and so
// its group's) is made from the record it was read from (whole.jsonl#n,
// part-2.jsonl#m): left out, with the groups' facet.
nlohmann::ordered_json layout_free(nlohmann::ordered_json json) {
    for (auto& hit : json["hits"])
        for (const char* key : {"id", "source", "cluster", "copies", "rank"}) hit.erase(key);
    json["facets"].erase("cluster");
    return json;
}

// Hits of two layouts: the same scores in the same order, and the same hits
// at the scores above the page's last (equal scores are ordered by docid,
// which the layouts number differently).
void check_same_hits(const nlohmann::ordered_json& whole, const nlohmann::ordered_json& shards) {
    const auto& a = whole["hits"];
    const auto& b = shards["hits"];
    REQUIRE(a.size() == b.size());
    if (a.empty()) return;
    auto close = [](double x, double y) { return std::abs(x - y) <= 1e-9 * std::max(1.0, std::abs(x)); };
    double last = a.back()["score"].get<double>();
    std::multiset<std::string> above_a, above_b;
    for (std::size_t i = 0; i < a.size(); ++i) {
        double x = a[i]["score"].get<double>(), y = b[i]["score"].get<double>();
        CHECK(close(x, y));
        if (!close(x, last)) above_a.insert(a[i].dump()), above_b.insert(b[i].dump());
    }
    CHECK(above_a == above_b);
}

}  // namespace

TEST_CASE("a server that goes away gives an error naming it, and is searched again once back", "[remote]") {
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);  // scripts/setup.sh installs xapian-tools
    test::TcpServer server(test::shared_sample_database());
    REQUIRE_FALSE(server.address().empty());
    searcher::Searcher searcher({server.address()});
    auto request = request_for("flood", true);
    const auto before = answer(searcher, request);
    REQUIRE(before["total"].get<unsigned>() > 0);

    server.stop();
    try {
        searcher.search(request);
        FAIL("a search with its server stopped was answered");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::database);
        CHECK_THAT(error.what(), Catch::Contains("remote database " + server.address() + " cannot be reached"));
    }
    // Restarted: the same Searcher connects again, no error on the way.
    REQUIRE(server.start_again());
    CHECK(answer(searcher, request) == before);
    // Restarted between two searches: the first one after is answered.
    server.stop();
    REQUIRE(server.start_again());
    CHECK(answer(searcher, request) == before);
}

TEST_CASE("--allow-partial: a server that is down is left out and named, and searched again once back", "[remote]") {
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "wire", "meridian-wire"));
    indexer::update_database(test::sample_request(dir / "courier", "harbour-courier"));
    test::TcpServer wire(dir / "wire"), courier(dir / "courier");
    REQUIRE_FALSE(wire.address().empty());
    REQUIRE_FALSE(courier.address().empty());
    const std::string query = "the";
    searcher::SearchRequest request = request_for(query, true);
    searcher::Searcher both_strict({wire.address(), courier.address()});
    const unsigned both = both_strict.search(request).total;
    const unsigned wire_alone = searcher::Searcher({wire.address()}).search(request).total;
    REQUIRE(wire_alone > 0);
    REQUIRE(both > wire_alone);

    searcher::Searcher partial({wire.address(), courier.address()}, true);
    CHECK(partial.search(request).missing.empty());
    courier.stop();  // mid-batch: its connection is gone
    auto left_out = partial.search(request);
    CHECK(left_out.total == wire_alone);
    CHECK(left_out.missing == std::vector<std::string>{courier.address()});
    auto json = searcher::result_json(left_out);
    CHECK(json["partial"] == true);
    CHECK(json["missing"] == nlohmann::ordered_json::array({courier.address()}));
    // Without the switch, the same is an error naming it.
    CHECK_THROWS_WITH(both_strict.search(request), Catch::Contains(courier.address()));
    // A Searcher opened while it is down answers from the others.
    CHECK(searcher::Searcher({wire.address(), courier.address()}, true).search(request).total == wire_alone);

    REQUIRE(courier.start_again());
    std::this_thread::sleep_for(searcher::Searcher::retry_missing_after);
    auto whole = partial.search(request);
    CHECK(whole.total == both);
    CHECK(whole.missing.empty());
    CHECK_FALSE(searcher::result_json(whole).contains("partial"));

    // A server that hangs: left out after --remote-timeout, and not waited
    // for again at every search a second later.
    courier.signal("STOP");
    store::set_remote_timeout(0.5);
    searcher::Searcher hanging({wire.address(), courier.address()}, true);
    store::set_remote_timeout(10);
    CHECK(hanging.search(request).missing == std::vector<std::string>{courier.address()});
    std::this_thread::sleep_for(searcher::Searcher::retry_missing_after + std::chrono::milliseconds(200));
    auto start = std::chrono::steady_clock::now();
    CHECK(hanging.search(request).total == wire_alone);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(400));
    courier.signal("CONT");
}

TEST_CASE("a served database rebuilt under a held search is followed to its new generation", "[remote]") {
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    test::TcpServer server(dir / "db");  // the database directory: the server follows its stub on each connection
    REQUIRE_FALSE(server.address().empty());
    searcher::Searcher searcher({server.address()});
    auto request = request_for("flood", true);
    const auto before = answer(searcher, request);
    REQUIRE(before["total"].get<unsigned>() > 0);
    for (int rebuild = 1; rebuild <= 3; ++rebuild) {
        INFO("rebuild " << rebuild);
        // The connection's generation is removed; the search must not fail.
        test::switch_generations(dir / "db", 1);
        CHECK(answer(searcher, request) == before);
    }
}

TEST_CASE("a server that stops answering gives an error after --remote-timeout, not a hang", "[remote]") {
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);
    test::TcpServer server(test::shared_sample_database());
    REQUIRE_FALSE(server.address().empty());
    store::set_remote_timeout(0.5);
    searcher::Searcher searcher({server.address()});
    store::set_remote_timeout(10);
    auto request = request_for("flood", true);
    const auto before = answer(searcher, request);

    server.signal("STOP");
    auto start = std::chrono::steady_clock::now();
    try {
        searcher.search(request);
        FAIL("a search with its server stopped was answered");
    } catch (const Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("remote database " + server.address() + " did not answer in time"));
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    server.signal("CONT");
    CHECK(answer(searcher, request) == before);
}

// Part of Reuters indexed whole and as four shards (record n in shard
// n mod 4), each also served by xapian-tcpsrv: every query of the
// benchmark set gives the same answer over tcp as opened locally, and the
// shards give what the whole gives.
TEST_CASE("the benchmark queries answer the same over xapian-tcpsrv, whole or in shards, as locally", "[remote][reuters]") {
    if (test::skip_without_team_kit()) return;
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);
    test::TempDir dir;
    constexpr int shards = 4;
    const auto corpus = test::team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz";
    REQUIRE(run_command("zcat " + shell_quote(corpus.string()) + " | head -n 4000 | tee " + shell_quote(dir / "whole.jsonl") +
                        " | awk -v dir=" + shell_quote(dir.path().string()) +
                        " '{ print > (dir \"/part-\" (NR - 1) % 4 \".jsonl\") }'").status == 0);
    indexer::update_database({.database = dir / "whole", .paths = {dir / "whole.jsonl"}});
    std::vector<std::string> local_shards;
    std::vector<std::unique_ptr<test::TcpServer>> servers;
    std::vector<std::string> remote_shards;
    for (int i = 0; i < shards; ++i) {
        std::string db = dir / ("shard-" + std::to_string(i));
        indexer::update_database({.database = db, .paths = {dir / ("part-" + std::to_string(i) + ".jsonl")}});
        local_shards.push_back(db);
        servers.push_back(std::make_unique<test::TcpServer>(db));
        REQUIRE_FALSE(servers.back()->address().empty());
        remote_shards.push_back(servers.back()->address());
    }
    test::TcpServer whole_server(dir / "whole");
    REQUIRE_FALSE(whole_server.address().empty());

    searcher::Searcher local({dir / "whole"}), remote({whole_server.address()});
    searcher::Searcher local_split(local_shards), remote_split(remote_shards);
    auto queries = bench::read_query_set(test::team_kit_dir() / "bench/queries.tsv");
    REQUIRE(queries.size() > 50);
    unsigned matched = 0;
    for (const auto& query : queries) {
        for (bool full : {true, false}) {
            INFO(query.text << (full ? " (full)" : " (bare)"));
            auto request = request_for(query.text, full, query.k);
            auto whole = answer(local, request);
            CHECK(answer(remote, request) == whole);
            // Without facets the total is Xapian's estimate, which a local
            // search in parts (one a shard) and a remote one make differently.
            auto split = answer(local_split, request), remote_answer = answer(remote_split, request);
            if (!full)
                for (auto* json : {&split, &remote_answer})
                    for (const char* key : {"total", "counts_exact", "stories"}) json->erase(key);
            CHECK(remote_answer == split);
            // Whole and in shards: counted alike, ranked alike.
            auto whole_free = layout_free(whole), split_free = layout_free(split);
            if (full) {
                CHECK(split["total"] == whole["total"]);
                CHECK(split_free["facets"] == whole_free["facets"]);
            }
            check_same_hits(whole_free, split_free);
            matched += whole["total"].get<unsigned>() > 0;
        }
    }
    CHECK(matched > queries.size());  // most queries match, in both modes
}
