// SPDX-License-Identifier: GPL-2.0-or-later
// The searcher's entry point: a request in, ranked hits with snippets and
// exact facet counts out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/entity_query.hpp"
#include "searcher/search_types.hpp"

namespace dateline::searcher {

// Databases held open across queries (batch mode, a shell), kept current:
// before each query it follows a rebuild or compaction to the new live
// generation, or else catches up with commits made in place; a query that
// meets a database changed underneath it (DatabaseModifiedError) is retried
// on a fresh view.
class Searcher {
public:
    // Throws Error (usage, database, schema_mismatch).
    explicit Searcher(std::vector<std::string> databases);

    // Throws Error: usage (empty or unparsable query), database.
    SearchResult search(const SearchRequest& request);

private:
    void refresh();
    void open();

    std::vector<std::string> paths_;
    std::vector<std::optional<std::string>> generations_;  // live when opened
    Xapian::Database db_;
    DatabaseAliases aliases_;  // the entity aliases db_ was built with
};

// One query on request.databases, opened for it alone.
SearchResult search(const SearchRequest& request);

}  // namespace dateline::searcher
