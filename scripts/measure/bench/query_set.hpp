// SPDX-License-Identifier: GPL-2.0-or-later
// The benchmark query set (../shared/bench/queries.tsv): CLASS<TAB>QUERY<TAB>OPTIONS
// lines in Dateline's query language, and the date filter split off for the
// floors, which have no date: field of their own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dateline::bench {

struct BenchQuery {
    std::string query_class;  // term_top, term, and2, or2, phrase, date, facets, snippets
    std::string text;         // as Dateline reads it
    unsigned k = 10;          // hits wanted
};

// Throws std::runtime_error naming the file and line of a malformed line.
std::vector<BenchQuery> read_query_set(const std::filesystem::path& path);

// "could date:1987-03-01..1987-03-31" -> words "could", from "1987-03-01",
// to "1987-03-31". Without a date: term the range is empty.
struct SplitQuery {
    std::string words;
    std::optional<std::pair<std::string, std::string>> dates;
};
SplitQuery split_date_filter(const std::string& text);

}  // namespace dateline::bench
