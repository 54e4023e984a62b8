// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/csv_printer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/dates.hpp"

namespace dateline::searcher {
namespace {

// Quoted when it holds a comma, quote or line break; quotes doubled.
std::string field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

}  // namespace

void print_csv(std::ostream& out, const SearchResult& result) {
    out << "rank,score,date,outlet,byline,title,url,source,snippet\r\n";
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        out << fmt::format("{},{:.6f},{},{},{},{},{},{},{}\r\n", hit.rank, hit.score,
                           a.date ? format_iso_date(*a.date) : "", field(a.outlet),
                           field(fmt::format("{}", fmt::join(a.byline, "; "))), field(a.title), field(a.url),
                           field(a.source), field(hit.snippet.text));
    }
}

}  // namespace dateline::searcher
