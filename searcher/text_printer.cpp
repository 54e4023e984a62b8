// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/text_printer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/dates.hpp"

namespace dateline::searcher {
namespace {

std::string highlight(const Snippet& snippet, const TextStyle& style) {
    std::string_view open = style.terminal ? "\033[1m" : "**";
    std::string_view close = style.terminal ? "\033[22m" : "**";
    std::string out;
    std::size_t done = 0;
    for (auto [start, end] : snippet.highlights) {
        out.append(snippet.text, done, start - done);
        out.append(open).append(snippet.text, start, end - start).append(close);
        done = end;
    }
    out.append(snippet.text, done);
    return out;
}

std::string metadata_line(const Article& article) {
    std::vector<std::string> parts;
    parts.push_back(article.outlet.empty() ? "(outlet unknown)" : article.outlet);
    parts.push_back(article.date ? format_iso_date(*article.date) : "(undated)");
    if (!article.byline.empty()) parts.push_back(fmt::format("{}", fmt::join(article.byline, ", ")));
    return fmt::format("{}", fmt::join(parts, " · "));
}

// "also run by Northgate Evening Post, The Coastline Gazette (2 copies);
// first: Meridian Wire, 2024-02-03, id ID · cluster:ID", with "this one"
// when the hit is the first.
std::string copies_line(const Hit& hit) {
    const Copies& copies = *hit.copies;
    std::string line = "also run";
    if (!copies.outlets.empty()) line += fmt::format(" by {}", fmt::join(copies.outlets, ", "));
    line += fmt::format(" ({} {})", copies.others, copies.others == 1 ? "copy" : "copies");
    const Copy& first = copies.earliest;
    if (first.id == hit.id) {
        line += "; first: this one";
    } else {
        std::vector<std::string> parts;
        for (const std::string* part : {&first.outlet, &first.date})
            if (!part->empty()) parts.push_back(*part);
        parts.push_back("id " + first.id);
        line += fmt::format("; first: {}", fmt::join(parts, ", "));
    }
    return line + fmt::format(" · cluster:{}", hit.cluster);
}

void print_facet(std::ostream& out, const Facet& facet) {
    std::vector<std::string> counts;
    for (const FacetValue& value : facet.values) counts.push_back(fmt::format("{} ({})", value.value, value.count));
    std::string label = facet.granularity.empty() ? facet.name : fmt::format("{} by {}", facet.name, facet.granularity);
    out << fmt::format("  {:<14} {}\n", label + ":",
                       counts.empty() ? std::string("-") : fmt::format("{}", fmt::join(counts, " · ")));
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style) {
    std::string stories;
    if (result.stories) stories = fmt::format(" ({} {})", *result.stories, *result.stories == 1 ? "story" : "stories");
    out << fmt::format("{} {}{} for \"{}\"{}\n", result.total, result.total == 1 ? "match" : "matches", stories,
                       result.query, result.counts_exact ? "" : " (estimated)");
    if (result.did_you_mean) out << fmt::format("Did you mean: {}\n", *result.did_you_mean);
    if (!result.missing.empty())
        out << fmt::format("Partial answer: left out, not reached: {}\n", fmt::join(result.missing, ", "));
    for (const Hit& hit : result.hits) print_hit_text(out, hit, style);
    if (result.facets.empty()) return;
    out << fmt::format("\nFacets ({} over all {} matches):\n",
                       result.counts_exact ? "exact counts" : "estimated counts", result.total);
    // The groups of copies only when some match has copies: most have none.
    for (const Facet& facet : result.facets)
        if (!facet.values.empty() || facet.name != "cluster") print_facet(out, facet);
}

void print_hit_text(std::ostream& out, const Hit& hit, const TextStyle& style) {
    const Article& article = hit.article;
    out << fmt::format("\n{:>3}. {}\n", hit.rank, article.title.empty() ? "(untitled)" : article.title);
    out << fmt::format("     {}\n", metadata_line(article));
    if (!hit.snippet.text.empty()) out << fmt::format("     {}\n", highlight(hit.snippet, style));
    if (!hit.spellings.empty()) out << fmt::format("     names matched as: {}\n", fmt::join(hit.spellings, ", "));
    if (hit.copies) out << fmt::format("     {}\n", copies_line(hit));
    out << fmt::format("     id {} · {}\n", hit.id, article.url.empty() ? article.source : article.url);
}

void print_article_text(std::ostream& out, const Article& article) {
    out << fmt::format("{}\n{}\n{}\n\n{}\n", article.title.empty() ? "(untitled)" : article.title,
                       metadata_line(article), article.url.empty() ? article.source : article.url, article.body);
}

}  // namespace dateline::searcher
