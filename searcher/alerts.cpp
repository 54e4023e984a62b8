// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/alerts.hpp"

#include <fmt/format.h>

#include "searcher/query_parser.hpp"
#include "searcher/search.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::searcher {
namespace {

std::uint64_t commit_count(const std::string& database) {
    return store::with_database_errors(database, [&] { return schema::commit_sequence(store::open_shard_for_search(database)); });
}

}  // namespace

AlertRun find_new_articles(const Alert& alert, unsigned snippet_length,
                           const std::function<void(const SearchResult& page)>& page) {
    AlertRun run;
    run.up_to = commit_count(alert.database);
    if (run.up_to < alert.seen) {
        run.database_remade = true;
        return run;
    }
    if (run.up_to == alert.seen) return run;
    Searcher searcher({alert.database});
    searcher.hold(true);  // every page from this revision: a write meanwhile cannot shift them
    SearchRequest request;
    request.databases = {alert.database};
    request.query = alert.query;
    request.sort = SortOrder::oldest_first;
    request.facets = false;
    request.snippet_length = snippet_length;
    request.limit = alert_page_size;
    request.added_after = std::pair{alert.seen, run.up_to};
    for (;;) {
        SearchResult result = searcher.search(request);
        if (result.hits.empty()) break;
        run.found += static_cast<unsigned>(result.hits.size());
        page(result);
        if (result.hits.size() < request.limit) break;
        request.offset += request.limit;
    }
    return run;
}

std::uint64_t alert_starting_point(const std::string& database, const std::string& query) {
    if (store::is_remote(database))
        throw Error(ErrorKind::usage, fmt::format("an alert watches a local database, not {}", database),
                    "run alerts on the machine that holds the database");
    std::uint64_t count = commit_count(database);
    store::with_database_errors(database, [&] { parse_query(query, store::open_shard_for_search(database)); });
    return count;
}

}  // namespace dateline::searcher
