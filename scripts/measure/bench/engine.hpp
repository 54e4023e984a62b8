// SPDX-License-Identifier: GPL-2.0-or-later
// What the query benchmark runs: Dateline's own searcher and the two floors it
// is compared with, a minimal plain-Xapian engine and SQLite FTS5, each
// answering the same query set the same way (top k, and in "full" mode exact
// facet counts over every match plus a snippet for each hit).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "scripts/measure/bench/query_set.hpp"

namespace dateline::bench {

struct Mode {
    bool facets = true;    // exact counts by outlet (and month, where the engine has it)
    bool snippets = true;  // a snippet for each hit
};

class Engine {
public:
    virtual ~Engine() = default;
    // Answers one query; returns the number of matches it counted, so that
    // nothing is optimised away and a broken engine shows up as zeros.
    virtual std::size_t run(const BenchQuery& query, const Mode& mode) = 0;
};

std::unique_ptr<Engine> open_dateline(const std::filesystem::path& db);
std::unique_ptr<Engine> open_floor_xapian(const std::filesystem::path& db);
std::unique_ptr<Engine> open_fts5(const std::filesystem::path& db);

// The floors' indexers, over a JSON Lines corpus (title, text, date, outlet).
struct Indexed {
    std::size_t documents = 0;
    std::size_t text_bytes = 0;  // title and body
};
Indexed index_floor_xapian(const std::filesystem::path& corpus, const std::filesystem::path& db);
Indexed index_fts5(const std::filesystem::path& corpus, const std::filesystem::path& db);

}  // namespace dateline::bench
