// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/timeline_printer.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "searcher/csv_printer.hpp"
#include "searcher/json_printer.hpp"

namespace dateline::searcher {
namespace {

using json = nlohmann::ordered_json;

// Matches over articles; none for a gap (no article that period).
std::optional<double> share(unsigned matches, unsigned articles) {
    if (articles == 0) return std::nullopt;
    return static_cast<double>(matches) / articles;
}

std::string percent(std::optional<double> value) { return value ? fmt::format("{:.1f}%", *value * 100) : "-"; }

// A bar of width columns at most, in eighths of a column.
std::string bar(double fraction, unsigned width) {
    static constexpr const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    auto length = static_cast<unsigned>(std::clamp(fraction, 0.0, 1.0) * width * 8 + 0.5);
    std::string drawn;
    for (unsigned i = 0; i < length / 8; ++i) drawn += "█";
    return drawn + eighths[length % 8];
}

std::string series_name(const Series& series) { return series.outlet.empty() ? "all outlets" : series.outlet; }

json period_json(const Period& period) {
    auto fraction = share(period.matches, period.articles);
    return {{"period", period.label},
            {"first", format_iso_date(period.first)},
            {"last", format_iso_date(period.last)},
            {"matches", period.matches},
            {"articles", period.articles},
            {"share", fraction ? json(*fraction) : json(nullptr)}};
}

json outlet_json(const Series& series) { return series.outlet.empty() ? json(nullptr) : json(series.outlet); }

}  // namespace

void print_timeline_text(std::ostream& out, const Timeline& timeline, bool terminal) {
    std::string_view unit = time_unit_name(timeline.unit);
    for (const Series& series : timeline.series) {
        if (&series != &timeline.series.front()) out << '\n';
        out << fmt::format("\"{}\" by {}, {}: {} of {} articles match ({})\n", timeline.query, unit,
                           series_name(series), series.matches, series.articles,
                           percent(share(series.matches, series.articles)));
        if (series.periods.empty()) continue;
        double highest = 0;
        for (const Period& period : series.periods) highest = std::max(highest, share(period.matches, period.articles).value_or(0));
        out << fmt::format("{:<10} {:>8} {:>8} {:>7}\n", unit, "matches", "articles", "share");
        for (const Period& period : series.periods) {
            auto fraction = share(period.matches, period.articles);
            if (!fraction) {
                out << fmt::format("{:<10} {:>8} {:>8} {:>7}  no articles\n", period.label, "-", "-", "-");
                continue;
            }
            std::string line = fmt::format("{:<10} {:>8} {:>8} {:>7}", period.label, period.matches, period.articles,
                                           percent(fraction));
            if (terminal && highest > 0 && period.matches > 0) line += "  " + bar(*fraction / highest, 30);
            out << line << '\n';
        }
        if (series.undated_articles > 0)
            out << fmt::format("{:<10} {:>8} {:>8}  (no date: in no {})\n", "undated", series.undated_matches,
                               series.undated_articles, unit);
    }
}

json timeline_json(const Timeline& timeline) {
    json series = json::array();
    for (const Series& one : timeline.series) {
        json periods = json::array();
        for (const Period& period : one.periods) periods.push_back(period_json(period));
        series.push_back({{"outlet", outlet_json(one)},
                          {"matches", one.matches},
                          {"articles", one.articles},
                          {"undated", {{"matches", one.undated_matches}, {"articles", one.undated_articles}}},
                          {"periods", std::move(periods)}});
    }
    return {{"version", json_version},
            {"query", timeline.query},
            {"unit", time_unit_name(timeline.unit)},
            {"by", timeline.by_outlet ? json("outlet") : json(nullptr)},
            {"series", std::move(series)},
            {"manifest", manifest_json(timeline.manifest)}};
}

void print_timeline_json(std::ostream& out, const Timeline& timeline) { print_json_line(out, timeline_json(timeline)); }

void print_timeline_jsonl(std::ostream& out, const Timeline& timeline) {
    for (const Series& series : timeline.series)
        for (const Period& period : series.periods) {
            json line = {{"outlet", outlet_json(series)}};
            line.update(period_json(period));
            print_json_line(out, line);
        }
}

void print_timeline_csv(std::ostream& out, const Timeline& timeline) {
    out << "outlet,period,first,last,matches,articles,share\r\n";
    for (const Series& series : timeline.series)
        for (const Period& period : series.periods) {
            auto fraction = share(period.matches, period.articles);
            out << fmt::format("{},{},{},{},{},{},{}\r\n", csv_field(series.outlet), period.label,
                               format_iso_date(period.first), format_iso_date(period.last), period.matches,
                               period.articles, fraction ? fmt::format("{:.6f}", *fraction) : "");
        }
}

}  // namespace dateline::searcher
