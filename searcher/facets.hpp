// SPDX-License-Identifier: GPL-2.0-or-later
// Facet counts for every facet field of the schema, from Xapian match spies, so
// counts cover every match the Enquire sees (all of them when the search asks
// get_mset to check every document).
#pragma once

#include <map>
#include <memory>
#include <vector>

#include <xapian.h>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

class FacetCounter {
public:
    // Attaches the spies of every facet field; enquire must outlive the
    // counter's use. remote: some database is served by xapian-tcpsrv, so
    // only Xapian's own spies may be used (entity fields: one per slot).
    FacetCounter(Xapian::Enquire& enquire, bool remote);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    // Each value facet ("outlet", "byline", "person") by count, highest
    // first, ties by value, cut to its size in sizes
    // (SearchRequest::facet_sizes); the date facet in calendar order, by day,
    // month or year as the span of the matches needs.
    std::vector<Facet> facets(const std::map<std::string, unsigned>& sizes = {}) const;

private:
    struct Counted;
    std::vector<std::unique_ptr<Counted>> counted_;
};

}  // namespace dateline::searcher
