// SPDX-License-Identifier: GPL-2.0-or-later
// Dateline through the same Searcher the batch mode and shell use. DB may
// name several databases, searched as one, separated by commas
// ("tcp:127.0.0.1:7701,tcp:127.0.0.1:7702").
#include "searcher/search.hpp"
#include "scripts/measure/bench/engine.hpp"

namespace dateline::bench {
namespace {

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> items;
    for (std::size_t start = 0;;) {
        std::size_t comma = list.find(',', start);
        items.push_back(list.substr(start, comma - start));
        if (comma == std::string::npos) return items;
        start = comma + 1;
    }
}

class DatelineEngine : public Engine {
public:
    explicit DatelineEngine(const std::filesystem::path& db) : searcher_(split_list(db.string())) {}

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
