// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/kwic_printer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "searcher/csv_printer.hpp"
#include "searcher/json_printer.hpp"
#include "shared/dates.hpp"

namespace dateline::searcher {
namespace {

std::size_t characters(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

std::string date_of(const Occurrence& occurrence) {
    return occurrence.article->date ? format_iso_date(*occurrence.article->date) : std::string();
}

}  // namespace

void print_kwic_text(std::ostream& out, const Occurrence& occurrence, unsigned context) {
    std::size_t pad = context > characters(occurrence.left) ? context - characters(occurrence.left) : 0;
    out << fmt::format("{} {:<10} {}{}[{}]{}\n", occurrence.id, date_of(occurrence), std::string(pad, ' '),
                       occurrence.left, occurrence.match, occurrence.right);
}

void print_kwic_csv_header(std::ostream& out) { out << "id,date,outlet,field,left,match,right\n"; }

void print_kwic_csv(std::ostream& out, const Occurrence& occurrence) {
    out << fmt::format("{},{},{},{},{},{},{}\n", occurrence.id, date_of(occurrence), csv_field(occurrence.article->outlet),
                       occurrence.field, csv_field(occurrence.left), csv_field(occurrence.match),
                       csv_field(occurrence.right));
}

void print_kwic_jsonl(std::ostream& out, const Occurrence& occurrence) {
    const Article& article = *occurrence.article;
    print_json_line(out, {{"id", occurrence.id},
                          {"date", article.date ? nlohmann::ordered_json(format_iso_date(*article.date)) : nullptr},
                          {"outlet", article.outlet.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(article.outlet)},
                          {"title", article.title},
                          {"field", occurrence.field},
                          {"left", occurrence.left},
                          {"match", occurrence.match},
                          {"right", occurrence.right}});
}

void print_kwic_summary_jsonl(std::ostream& out, const Concordance& concordance) {
    print_json_line(out, {{"articles", concordance.articles},
                          {"occurrences", concordance.occurrences},
                          {"manifest", manifest_json(concordance.manifest)}});
}

}  // namespace dateline::searcher
