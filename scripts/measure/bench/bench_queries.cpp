// SPDX-License-Identifier: GPL-2.0-or-later
// bench-queries ENGINE DB QUERIES.tsv [REPEAT [MODE]]: single-threaded query latency
// by class, warm cache (the whole set is run once untimed first), in two
// modes: "full" (exact facets over every match and a snippet per hit) and
// "bare" (neither); MODE picks one (for a profiler). ENGINE is dateline, xapian (the plain-Xapian floor) or
// fts5 (for dateline, DB may list several databases separated by commas,
// tcp:HOST:PORT among them). Prints TSV rows: engine mode class n p50_ms p95_ms p99_ms qps.
// With BENCH_EACH set in the environment, the same rows for each query
// ("class:query" in place of the class) go to stderr: which queries sit at
// the median.
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "scripts/measure/bench/engine.hpp"
#include "scripts/measure/bench/latency.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline::bench;

namespace {

std::unique_ptr<Engine> open_engine(const std::string& name, const std::filesystem::path& db) {
    if (name == "dateline") return open_dateline(db);
    if (name == "xapian") return open_floor_xapian(db);
    if (name == "fts5") return open_fts5(db);
    throw std::runtime_error("unknown engine " + name + " (dateline, xapian or fts5)");
}

void measure(Engine& engine, const std::vector<BenchQuery>& queries, const std::string& engine_name,
             const std::string& mode_name, const Mode& mode, int repeat) {
    std::size_t matches = 0;
    for (const BenchQuery& query : queries) matches += engine.run(query, mode);  // warms the cache
    std::cout << fmt::format("# {} {}: {} queries, {} matches in all\n", engine_name, mode_name, queries.size(),
                             matches);
    LatencyTable table, each;
    for (int pass = 0; pass < repeat; ++pass) {
        for (const BenchQuery& query : queries) {
            auto start = std::chrono::steady_clock::now();
            engine.run(query, mode);
            std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
            table.add(query.query_class, took.count());
            each.add(query.query_class + ":" + query.text, took.count());
        }
    }
    table.print(std::cout, engine_name, mode_name);
    if (std::getenv("BENCH_EACH")) each.print(std::cerr, engine_name, mode_name);
}

}  // namespace

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 3, 5, "bench-queries dateline|xapian|fts5 DB QUERIES.tsv [REPEAT [full|bare]]", [&] {
        int repeat = argc >= 5 ? std::atoi(argv[4]) : 5;
        std::string only = argc == 6 ? argv[5] : "";
        auto queries = read_query_set(argv[3]);
        auto engine = open_engine(argv[1], argv[2]);
        if (only != "bare") measure(*engine, queries, argv[1], "full", Mode{true, true}, repeat);
        if (only != "full") measure(*engine, queries, argv[1], "bare", Mode{false, false}, repeat);
        return 0;
    });
}
