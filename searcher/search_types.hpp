// SPDX-License-Identifier: GPL-2.0-or-later
// The searcher's plain values: what is asked (SearchRequest) and what comes
// back (SearchResult), with no Xapian types, so printers only format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "searcher/deadline.hpp"
#include "shared/analysis.hpp"
#include "shared/article.hpp"

namespace dateline::searcher {

enum class SortOrder { relevance, oldest_first, newest_first };

struct SearchRequest {
    std::vector<std::string> databases;  // several are searched as one
    // A remote database that cannot be reached is left out, and the answer
    // says so (SearchResult::missing), instead of failing.
    bool allow_partial = false;
    std::string query;
    std::string since;       // --since: a date or relative date as typed, "" for none
    std::string until;       // --until
    bool match_any = false;  // --any: OR the words instead of requiring all
    SortOrder sort = SortOrder::relevance;
    bool recent = false;     // --recent: relevance blended with recency
    std::string weighting;   // --weighting: a scheme for analysis::make_weighting, "" for the default
    double common_share = analysis::common_word_share;  // --common-share (common_words.hpp)
    unsigned offset = 0;
    unsigned limit = 10;
    unsigned snippet_length = 200;  // bytes of body text to aim for; 0: no snippets
    bool facets = true;
    // --facets estimate: count a sample of the matches (every so many
    // blocks of documents, through the whole archive) and scale it up;
    // counts_exact says false. For archives too large to count at the
    // speed of typing.
    bool estimate_facets = false;
    // Entries shown per value facet (outlet, person, org, place), by name;
    // facets not named show default_facet_size; 0 shows every entry.
    std::map<std::string, unsigned> facet_sizes;
    static constexpr unsigned default_facet_size = 10;
    // The date facet by day whatever the span of the matches (a timeline
    // sums the days into its own periods).
    bool date_facet_by_day = false;
    // Match every article (within since and until): an empty query is then
    // allowed, and words in it still narrow the match. For the totals a
    // timeline divides by.
    bool all_articles = false;
    // The time the search must end by (dateline-serve's time per request),
    // or none.
    std::optional<Deadline> deadline;
    // --collapse: a group of syndicated copies (schema::cluster) is one hit,
    // its best ranked copy; result.stories counts the groups once.
    bool collapse = false;
    // Only articles first added by the database's commits numbered after
    // .first, up to .second (schema::added): what an alert has not seen.
    std::optional<std::pair<std::uint64_t, std::uint64_t>> added_after;
};

// Snippet text with the matched words marked by byte ranges [first, second).
struct Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// One article of a group of syndicated copies, as provenance names it.
struct Copy {
    std::string id;
    std::string outlet;  // "" when not known
    std::string date;    // YYYY-MM-DD, "" when undated
};

// A hit's copies (searcher/copies.hpp).
struct Copies {
    unsigned others = 0;               // the other articles of its group
    std::vector<std::string> outlets;  // their outlets, distinct, earliest first
    Copy earliest;                     // the group's first copy: the hit itself, or another
};

struct Hit {
    unsigned rank = 0;  // 1-based, counting from the first match, not the page
    std::string id;
    double score = 0;
    Article article;
    Snippet snippet;
    // How the article spells the names the query matched through their
    // variants (a search for Suleimani: {"Soleimani"}), in order of the text.
    std::vector<std::string> spellings;
    // Its group of syndicated copies (search cluster:ID for them all); ""
    // when no other article in the database is a copy of it.
    std::string cluster;
    std::optional<Copies> copies;  // with a cluster
};

struct FacetValue {
    std::string value;
    unsigned count = 0;
};

struct Facet {
    std::string name;  // "outlet", "date"
    std::vector<FacetValue> values;
    // The date facet's unit: "day" (values YYYY-MM-DD), "month" (YYYY-MM) or
    // "year" (YYYY); empty for the others.
    std::string granularity;
};

// What an answer was computed from, to cite it and compute it again
// (docs/reproducibility.md): the same databases at the same revisions, the
// same query and options give the same numbers.
struct DatabaseState {
    std::string path;                   // as given to --db
    std::string uuid;                   // Xapian's, of the generation searched
    std::optional<unsigned long long> revision;  // its commit; unknown for some remote ones
    std::optional<std::string> generation;       // the live generation's directory (local ones)
    unsigned documents = 0;
};

struct Manifest {
    std::string dateline_version, xapian_version;
    std::vector<DatabaseState> databases;
    std::string parsed_query;  // Xapian's description of the query as matched
    std::string weighting;     // the scheme as used: "bb2:1.5"
    // The options that shape the answer, as the request gave them.
    std::string since, until;
    bool match_any = false, recent = false, collapse = false;
    SortOrder sort = SortOrder::relevance;
    double common_share = 0;
    std::string facets;  // "exact", "estimate" or "off"
    unsigned offset = 0, limit = 0, snippet_length = 0;
    bool counts_exact = false;  // the answer's, as SearchResult::counts_exact
};

struct SearchResult {
    std::string query;
    unsigned total = 0;         // matching articles
    bool counts_exact = false;  // total and facets counted over every match
    // With collapse: the matching stories, a group of copies counted once
    // (exact when counts_exact).
    std::optional<unsigned> stories;
    std::vector<Hit> hits;
    std::vector<Facet> facets;
    // The query respelled from the index's vocabulary, when it found little
    // (at most SearchResult::few matches) and a word of it is not held.
    std::optional<std::string> did_you_mean;
    static constexpr unsigned few = 2;
    // With allow_partial, the remote databases left out of this answer
    // because they could not be reached (none: the answer is whole).
    std::vector<std::string> missing;
    Manifest manifest;
};

}  // namespace dateline::searcher
