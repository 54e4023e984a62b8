// SPDX-License-Identifier: GPL-2.0-or-later
// Facet counts for every facet field of the schema, counted as Xapian's
// matcher sees each match, so counts cover every match the Enquire sees (all
// of them when the search asks get_mset to check every document).
//
// With facet columns (shared/facet_columns.hpp) for every database searched,
// one spy counts all fields into arrays by ordinal: an array lookup a field a
// match. Otherwise (a remote shard, columns older than the database) a spy a
// field reads the value slots, as exact.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include <xapian.h>

#include "searcher/entity_facets.hpp"
#include "searcher/search_types.hpp"
#include "shared/facet_columns.hpp"

namespace dateline::searcher {

class FacetCounter {
public:
    // Attaches the spies; enquire must outlive the counter's use. columns
    // are those of the one database enquire matches (or of the one the query
    // is restricted to): with them, they are counted; else remote says
    // whether a database is served by xapian-tcpsrv, so that only Xapian's
    // own spies may run.
    FacetCounter(Xapian::Enquire& enquire, std::shared_ptr<const FacetColumns> columns, bool remote);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    // Whether it counts from facet columns, which can take the matches as a
    // list of ids instead of from a match's spies.
    bool counts_columns() const { return columns_ != nullptr; }
    // The matches, for a counter that counts_columns(), in place of a match.
    void add_matches(std::vector<Xapian::docid> ids);

    // To be called once the match is done, before the counts are read.
    void finish();
    // How many matches it counted (after finish()).
    Xapian::doccount matches() const;

    // Each facet field's distinct values among the matches and their counts,
    // in the schema's order; the views live as long as the counter.
    std::vector<ValueList> value_lists() const;

    // Counting from columns: which, and the count of each ordinal of a field
    // (in the schema's order of facet fields; empty if it has no column).
    const FacetColumns* columns() const;
    std::span<const unsigned> column_counts(std::size_t field) const;

private:
    struct Columns;
    struct Slots;
    std::unique_ptr<Columns> columns_;  // one of the two
    std::unique_ptr<Slots> slots_;
};

// The facets of the matches of several counters together (parts of one
// search): each value facet ("outlet", "byline", "person") by count,
// highest first, ties by value, cut to its size in sizes
// (SearchRequest::facet_sizes); the date facet in calendar order, by day,
// month or year as the span of the matches needs (by day if by_day).
// later_copies, if given, is set to how many of the matches are copies of an
// earlier match's story (each group's matches past the first): the matches
// less these are the distinct stories. Counters of several databases'
// columns are summed through together when it joins them all (else by
// name, each value made a string: several times slower).
std::vector<Facet> merge_facets(const std::vector<const FacetCounter*>& counters,
                                const std::map<std::string, unsigned>& sizes = {}, bool by_day = false,
                                unsigned* later_copies = nullptr, const FacetColumnsUnion* together = nullptr);

}  // namespace dateline::searcher
