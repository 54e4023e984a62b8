// SPDX-License-Identifier: GPL-2.0-or-later
// One query matched over a part of the databases (database_part.hpp) or over
// all of them, and the ranked entries of several such matches merged into
// one order, as one match of everything would rank them.
//
// Ranking and counting are two matches. The ranked one weighs documents
// (BB2) but may skip those that cannot reach the page; the counting one
// weighs nothing (Xapian's BoolWeight) and sees every match, for the exact
// total and the facet counts. A match that both weighs and counts every
// document costs three to four times the counting alone on a million
// articles (BB2 takes logarithms a posting); two matches cost less than one
// that does both, and they run side by side. Except where the matches'
// positions must be checked (phrases, NEAR): both matches would read and
// compare the positions of every candidate, and one match that weighs and
// counts costs less (1M synthetic: 0.7 to 0.9 of the two).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

#include "searcher/database_part.hpp"
#include "searcher/deadline.hpp"
#include "searcher/facets.hpp"
#include "searcher/search_types.hpp"

namespace dateline::searcher {

struct MatchSettings {
    SortOrder sort = SortOrder::relevance;
    Xapian::doccount first = 0;  // ranked entries wanted: first .. first + count - 1
    Xapian::doccount count = 10;
    bool facets = false;         // count every match and its facets
    Xapian::docid sample_stride = 1;  // count only a sample (DatabasePart::stride), scaled up
    bool remote = false;         // some database is served by xapian-tcpsrv
    std::string weighting;       // SearchRequest::weighting
    std::optional<Deadline> deadline;  // SearchRequest::deadline: counting matches check it
    bool collapse = false;       // SearchRequest::collapse: ranked entries one a group of copies
};

struct PartMatch {
    // The ranked match: the handle it was matched on, its Enquire (which
    // mset refers to) and entries.
    Xapian::Database db;
    std::unique_ptr<Xapian::Enquire> enquire;
    std::unique_ptr<Xapian::MultiValueKeyMaker> sorter;
    Xapian::MSet mset;
    // The counting match, when settings.facets: every match seen.
    std::unique_ptr<Xapian::Enquire> counting;
    std::unique_ptr<FacetCounter> counter;
    std::optional<Xapian::doccount> counted;  // how many matches, exactly
    std::unique_ptr<DeadlineSpy> deadline_spy;  // on the counting match, with a deadline
};

// The ranked match of query on db.
void rank_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query, const MatchSettings& settings);

// Whether a search with these settings ranks and counts query in one match
// (rank_and_count_part) rather than two: when its facets are counted over
// every match and the query checks positions.
bool ranks_and_counts_at_once(const Xapian::Query& query, const MatchSettings& settings);

// The ranked match of query on db that also counts every match, as
// count_part would over the same documents (columns: as count_part's).
void rank_and_count_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query,
                         const MatchSettings& settings, std::shared_ptr<const FacetColumns> columns);

// The counting match of query on db, over all of it or over part (its
// documents; a sample when part->stride > 1). columns: the facet columns of
// the one database the match covers, or null to count from the value slots.
// Counted from columns on one database, the matches are walked from the
// posting lists when the query allows (posting_walk.hpp), else matched.
void count_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query, const DatabasePart* range,
                const MatchSettings& settings, std::shared_ptr<const FacetColumns> columns);

struct RankedEntry {
    const PartMatch* part;
    Xapian::MSetIterator entry;
};

// Every ranked entry of parts, in the order one match would give: by the
// sort key when sorting by date, then by weight, then by document id. With
// collapse, each part's entries are one a group (Xapian's collapse key) and
// a group ranked in several parts keeps only its first entry: if every part
// ranked its best n entries, the first n merged are those one match of
// everything would rank (a group's best copy is in its part's best n, or
// n other groups rank above it).
std::vector<RankedEntry> merge_ranked(const std::vector<PartMatch>& parts, SortOrder sort, bool collapse = false);

}  // namespace dateline::searcher
