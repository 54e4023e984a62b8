// SPDX-License-Identifier: GPL-2.0-or-later
// Rebuilding a parsed query with some of its subqueries replaced: what the
// ranking and name-variant rewrites share.
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

namespace dateline::searcher {

// query rebuilt with each subquery replaced by rewrite(subquery) where that
// gives one, or nullopt when it gave none (the query stands as it is).
template <class Rewrite>
std::optional<Xapian::Query> rewrite_subqueries(const Xapian::Query& query, Rewrite&& rewrite) {
    std::vector<Xapian::Query> parts;
    bool changed = false;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Xapian::Query part = query.get_subquery(i);
        std::optional<Xapian::Query> rewritten = rewrite(part);
        changed = changed || rewritten.has_value();
        parts.push_back(rewritten ? std::move(*rewritten) : std::move(part));
    }
    if (!changed) return std::nullopt;
    return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

}  // namespace dateline::searcher
