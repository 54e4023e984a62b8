// SPDX-License-Identifier: GPL-2.0-or-later
// Dateline through the same Searcher the batch mode and shell use.
#include "searcher/search.hpp"
#include "scripts/measure/bench/engine.hpp"

namespace dateline::bench {
namespace {

class DatelineEngine : public Engine {
public:
    explicit DatelineEngine(const std::filesystem::path& db) : searcher_({db.string()}) {}

    std::size_t run(const BenchQuery& query, const Mode& mode) override {
        searcher::SearchRequest request;
        request.query = query.text;
        request.limit = query.k;
        request.facets = mode.facets;
        request.snippet_length = mode.snippets ? 200 : 0;
        return searcher_.search(request).total;
    }

private:
    searcher::Searcher searcher_;
};

}  // namespace

std::unique_ptr<Engine> open_dateline(const std::filesystem::path& db) {
    return std::make_unique<DatelineEngine>(db);
}

}  // namespace dateline::bench
