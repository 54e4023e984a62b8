// SPDX-License-Identifier: GPL-2.0-or-later
// bench-serve HOST:PORT QUERIES.tsv CLIENTS SECONDS [full|bare]: load on a
// running dateline-serve. CLIENTS threads, each with its own kept-alive
// connection, ask GET /api/search for the query set's queries in turn (each
// from its own place in the set) until SECONDS have passed. Prints
// bench-queries' TSV rows (engine "serve", latency by class, as one client
// sees it), then one line: "requests N errors N seconds S requests/s R".
// An error is any answer but 200, or no answer; the first few are named on
// stderr. Exit status 1 if there was any.
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "scripts/measure/bench/latency.hpp"
#include "scripts/measure/bench/query_set.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline::bench;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    std::mutex lock;
    LatencyTable latency;
    std::size_t requests = 0;
    std::size_t errors = 0;
};

void client(const std::string& host, int port, const std::vector<BenchQuery>& queries, std::size_t start,
            bool full, Clock::time_point until, Load& load) {
    httplib::Client http(host, port);
    http.set_keep_alive(true);
    http.set_tcp_nodelay(true);  // as browsers and curl do
    http.set_read_timeout(120, 0);
    LatencyTable mine;
    std::size_t requests = 0, errors = 0;
    for (std::size_t i = start; Clock::now() < until; ++i) {
        const BenchQuery& query = queries[i % queries.size()];
        httplib::Params params{{"q", query.text}, {"limit", std::to_string(query.k)}};
        if (full) params.emplace("snippet_length", "200");
        else {
            params.emplace("facets", "off");
            params.emplace("snippet_length", "0");
        }
        auto began = Clock::now();
        httplib::Result answer = http.Get("/api/search", params, httplib::Headers{});
        std::chrono::duration<double, std::milli> took = Clock::now() - began;
        ++requests;
        if (!answer || answer->status != 200) {
            if (++errors <= 3) {
                std::lock_guard hold(load.lock);
                std::cerr << fmt::format("bench-serve: {} -> {}\n", query.text,
                                         answer ? fmt::format("{} {}", answer->status, answer->body)
                                                : httplib::to_string(answer.error()));
            }
            continue;
        }
        mine.add(query.query_class, took.count());
    }
    std::lock_guard hold(load.lock);
    load.latency.merge(mine);
    load.requests += requests;
    load.errors += errors;
}

}  // namespace

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 4, 5, "bench-serve HOST:PORT QUERIES.tsv CLIENTS SECONDS [full|bare]", [&] {
        std::string address = argv[1];
        std::size_t colon = address.rfind(':');
        if (colon == std::string::npos) throw std::runtime_error("not HOST:PORT: " + address);
        std::string host = address.substr(0, colon);
        int port = std::stoi(address.substr(colon + 1));
        auto queries = read_query_set(argv[2]);
        if (queries.empty()) throw std::runtime_error(std::string("no queries in ") + argv[2]);
        unsigned clients = static_cast<unsigned>(std::stoul(argv[3]));
        double seconds = std::stod(argv[4]);
        std::string mode = argc == 6 ? argv[5] : "full";
        if (mode != "full" && mode != "bare") throw std::runtime_error("mode is full or bare, not " + mode);

        Load load;
        auto began = Clock::now();
        auto until = began + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        std::vector<std::thread> threads;
        for (unsigned c = 0; c < clients; ++c)
            threads.emplace_back(client, host, port, std::cref(queries), c * queries.size() / std::max(clients, 1u),
                                 mode == "full", until, std::ref(load));
        for (auto& thread : threads) thread.join();
        std::chrono::duration<double> took = Clock::now() - began;
        load.latency.print(std::cout, "serve", mode);
        std::cout << fmt::format("requests {} errors {} seconds {:.1f} requests/s {:.1f}\n", load.requests,
                                 load.errors, took.count(), double(load.requests) / took.count());
        return load.errors == 0 ? 0 : 1;
    });
}
