// SPDX-License-Identifier: GPL-2.0-or-later
// What an alert finds: the articles that match its query and were first
// added to its database after the commit it last reported on, read in pages
// so that a large first run holds one page at a time, all pages from one
// revision of the database. The commit count is read before the search and
// bounds it, so articles committed during a run are left for the next one,
// never skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "searcher/alert_store.hpp"
#include "searcher/search_types.hpp"

namespace dateline::searcher {

struct AlertRun {
    std::uint64_t up_to = 0;  // the database's commit count the run reported up to
    unsigned found = 0;       // articles reported
    // The database's commit count is below what the alert has seen: it was
    // made again from nothing, so its numbers start again; nothing is
    // reported and the alert starts from up_to.
    bool database_remade = false;
};

// Hits per page.
inline constexpr unsigned alert_page_size = 500;

// Calls page for each page of new articles, oldest first (total: all of
// them); not at all when there is none. Throws Error (usage for a query that
// no longer parses, database).
AlertRun find_new_articles(const Alert& alert, unsigned snippet_length,
                           const std::function<void(const SearchResult& page)>& page);

// The database's commit count now, once query has been checked to parse on
// it: where a new alert starts. Throws Error (usage: a remote database or a
// bad query; database).
std::uint64_t alert_starting_point(const std::string& database, const std::string& query);

}  // namespace dateline::searcher
