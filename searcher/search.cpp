// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/search.hpp"

#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "searcher/facets.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/snippet.hpp"
#include "shared/document_codec.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::searcher {
namespace {

std::vector<Hit> read_hits(const Xapian::MSet& mset, const SearchRequest& request) {
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document document = it.get_document();
        Hit hit;
        hit.rank = it.get_rank() + 1;
        hit.id = schema::stored_article_id(document);
        hit.score = it.get_weight();
        hit.article = decode_article(document.get_data());
        hit.snippet = make_snippet(mset, hit.article.body, request.snippet_length);
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace

SearchResult search(const SearchRequest& request) {
    if (request.query.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(ErrorKind::usage, "no query given", "dateline-search --db DB WORDS...");
    Xapian::Database db = store::open_for_search(request.databases);
    Xapian::Query query = parse_query(request.query, db);

    return store::with_database_errors(fmt::format("{}", fmt::join(request.databases, ", ")), [&] {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        std::optional<FacetCounter> counter;
        if (request.facets) counter.emplace(enquire);
        // Facets are exact only if every match is seen: ask Xapian to check
        // them all, which also makes the total exact.
        Xapian::doccount check_at_least = request.facets ? db.get_doccount() : 0;
        Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

        SearchResult result;
        result.query = request.query;
        result.total = mset.get_matches_estimated();
        result.counts_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        result.hits = read_hits(mset, request);
        if (counter) result.facets = counter->facets();
        return result;
    });
}

}  // namespace dateline::searcher
