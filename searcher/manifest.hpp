// SPDX-License-Identifier: GPL-2.0-or-later
// An answer's Manifest (search_types.hpp): what it was computed from, so that
// a published figure can be cited and computed again (docs/reproducibility.md).
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// Dateline's and Xapian's versions, the query as matched, the weighting and
// the options of request; the databases are added by describe_database.
Manifest describe_answer(const SearchRequest& request, const Xapian::Query& query);

// One database as it is searched now: its UUID, revision (when Xapian can
// tell: a remote one may not), live generation and size.
DatabaseState describe_database(const std::string& path, const Xapian::Database& shard,
                                const std::optional<std::string>& generation);

}  // namespace dateline::searcher
