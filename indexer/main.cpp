// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index: parses the command line, runs one command, reports through
// the run log and returns the exit status.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "indexer/command_line.hpp"
#include "indexer/commands/compact.hpp"
#include "shared/database_stats.hpp"
#include "indexer/commands/extract_command.hpp"
#include "indexer/stats_printer.hpp"
#include "indexer/commands/update.hpp"
#include "shared/cli.hpp"

using namespace dateline;
using namespace dateline::indexer;

namespace {

constexpr std::string_view program = "dateline-index";

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_indexing(const CommandLine& c, RunLog& log) {
    auto start = std::chrono::steady_clock::now();
    bool rebuild = c.command == Command::rebuild;
    IndexingReport r = rebuild ? rebuild_database(c.request, log) : update_database(c.request, log);
    double took = seconds_since(start);
    log.summary(fmt::format("{} {}: {} new, {} replaced, {} unchanged, {} skipped, {} pruned, {} warnings; "
                            "{} articles in {} ({:.2f} s)",
                            rebuild ? "rebuild" : "update", c.request.database, r.added, r.replaced, r.unchanged,
                            r.skipped, r.pruned, r.problems.size(), r.documents_in_database, r.generation, took),
                {{"command", rebuild ? "rebuild" : "update"}, {"database", c.request.database},
                 {"added", r.added}, {"replaced", r.replaced}, {"unchanged", r.unchanged}, {"skipped", r.skipped},
                 {"pruned", r.pruned}, {"warnings", r.problems.size()}, {"documents", r.documents_in_database},
                 {"generation", r.generation}, {"seconds", took}});
    return r.is_partial() ? exit_status::partial : exit_status::ok;
}

int run_compact(const CommandLine& c, RunLog& log) {
    auto start = std::chrono::steady_clock::now();
    CompactReport r = compact_database(c.request.database, c.request.wait);
    double took = seconds_since(start);
    log.summary(fmt::format("compact {}: now {}, {} bytes -> {} bytes ({:.2f} s)", c.request.database, r.generation,
                            r.bytes_before, r.bytes_after, took),
                {{"command", "compact"}, {"database", c.request.database}, {"generation", r.generation},
                 {"bytes_before", r.bytes_before}, {"bytes_after", r.bytes_after}, {"seconds", took}});
    return exit_status::ok;
}

int run(const CommandLine& c) {
    RunLog log(c.log, std::cout, std::cerr);
    try {
        switch (c.command) {
        case Command::update:
        case Command::rebuild: return run_indexing(c, log);
        case Command::compact: return run_compact(c, log);
        case Command::extract: {
            IndexingReport r = extract_articles(c.request, std::cout, log);
            return r.is_partial() ? exit_status::partial : exit_status::ok;
        }
        case Command::stats: print_stats(std::cout, read_database_stats(c.request.database), c.json); return 0;
        }
    } catch (const Error& e) {
        log.error(e);  // in the log's format, which may be JSON
        return exit_status_for(e.kind());
    }
    return exit_status::internal;
}

}  // namespace

int main(int argc, char** argv) {
    return run_guarded(program, "see dateline-index COMMAND --help", [&] {
        ParsedCommandLine parsed = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
        if (parsed.help) {
            std::cout << *parsed.help;
            return exit_status::ok;
        }
        return run(parsed.command_line);
    });
}
