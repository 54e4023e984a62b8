// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: a search of the sample archive as dateline-search makes it.
// The input's lines: the query, --since, --until, then one byte of flags
// (--any, sorting by date, facets estimated). The whole path runs: query
// checks, parsing, date ranges, wildcard and entity expansion, the match,
// facets and snippets.
#include <cstddef>
#include <cstdint>

#include "searcher/search.hpp"
#include "shared/error.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static searcher::Searcher searcher({fuzz::sample_database()});
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    searcher::SearchRequest request;
    request.query = fuzz::take_field(rest);
    request.since = fuzz::take_field(rest);
    request.until = fuzz::take_field(rest);
    unsigned char flags = rest.empty() ? 0 : static_cast<unsigned char>(rest[0]);
    request.match_any = flags & 1;
    request.sort = flags & 2 ? searcher::SortOrder::newest_first : searcher::SortOrder::relevance;
    request.estimate_facets = flags & 4;
    try {
        (void)searcher.search(request);
    } catch (const Error& error) {
        // A query refused with a clear message is a right answer; a bug is not.
        if (error.kind() == ErrorKind::internal) throw;
    }
    return 0;
}
