// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/csv_printer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/dates.hpp"

namespace dateline::searcher {

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

void print_csv(std::ostream& out, const SearchResult& result) {
    out << "rank,score,date,outlet,byline,title,url,source,snippet\r\n";
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        out << fmt::format("{},{:.6f},{},{},{},{},{},{},{}\r\n", hit.rank, hit.score,
                           a.date ? format_iso_date(*a.date) : "", csv_field(a.outlet),
                           csv_field(fmt::format("{}", fmt::join(a.byline, "; "))), csv_field(a.title), csv_field(a.url),
                           csv_field(a.source), csv_field(hit.snippet.text));
    }
}

}  // namespace dateline::searcher
