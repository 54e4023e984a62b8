// SPDX-License-Identifier: GPL-2.0-or-later
// --timeline: counts by period, shares, gaps and weeks, on articles written
// here with known dates and outlets; then the totals on the seeds and on
// Reuters (../shared), checked against the search's own exact counts.
#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>

#include "indexer/commands/update.hpp"
#include "searcher/timeline.hpp"
#include "searcher/timeline_printer.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
using searcher::TimeUnit;

namespace {

// One JSON Lines article.
std::string article(const std::string& id, const std::string& outlet, const std::string& date, const std::string& text) {
    std::string dated = date.empty() ? "" : fmt::format(", \"date\": \"{}\"", date);
    return fmt::format("{{\"id\": \"{}\", \"outlet\": \"{}\"{}, \"title\": \"Report {}\", \"text\": \"{}\"}}\n", id,
                       outlet, dated, id, text);
}

// Two outlets over the turn of 2020 (ISO week 2020-W53 runs from Monday 28
// December to Sunday 3 January), nothing at all in February 2021, one
// undated article.
struct Archive {
    test::TempDir dir;
    searcher::SearchRequest request;
    Archive() {
        std::string lines =
            article("a1", "Harbour Courier", "2020-12-28", "The ferry strike closed the harbour.") +
            article("a2", "Harbour Courier", "2021-01-03", "Ferry crews voted on the strike offer.") +
            article("a3", "Meridian Wire", "2021-01-03", "Markets rose as the year began.") +
            article("a4", "Meridian Wire", "2021-01-04", "The ferry strike ended after talks.") +
            article("a5", "Meridian Wire", "2021-01-20", "Snow closed the coast road.") +
            article("a6", "Harbour Courier", "2021-03-02", "A new ferry was named in the harbour.") +
            article("a7", "Meridian Wire", "", "An undated note on the ferry timetable.");
        test::write_file(dir / "news.jsonl", lines);
        indexer::update_database({.database = dir / "db", .paths = {dir / "news.jsonl"}});
        request.databases = {dir / "db"};
        request.query = "ferry";
    }
};

}  // namespace

TEST_CASE("timeline: a month's matches over its articles, a month with none a gap", "[searcher][timeline]") {
    Archive archive;
    searcher::Searcher searcher(archive.request.databases);
    searcher::Timeline timeline = searcher::make_timeline(searcher, archive.request, TimeUnit::month, false);
    REQUIRE(timeline.series.size() == 1);
    const searcher::Series& all = timeline.series[0];
    CHECK(all.outlet.empty());
    CHECK(all.matches == 5);
    CHECK(all.articles == 7);
    CHECK(all.undated_matches == 1);
    CHECK(all.undated_articles == 1);
    REQUIRE(all.periods.size() == 4);
    CHECK(all.periods[0].label == "2020-12");
    CHECK((all.periods[0].matches == 1 && all.periods[0].articles == 1));
    CHECK(all.periods[1].label == "2021-01");
    CHECK((all.periods[1].matches == 2 && all.periods[1].articles == 4));
    CHECK(all.periods[2].label == "2021-02");
    CHECK((all.periods[2].matches == 0 && all.periods[2].articles == 0));  // a gap
    CHECK(format_iso_date(all.periods[2].last) == "2021-02-28");
    CHECK((all.periods[3].matches == 1 && all.periods[3].articles == 1));

    std::ostringstream csv;
    searcher::print_timeline_csv(csv, timeline);
    CHECK(csv.str() ==
          "outlet,period,first,last,matches,articles,share\r\n"
          ",2020-12,2020-12-01,2020-12-31,1,1,1.000000\r\n"
          ",2021-01,2021-01-01,2021-01-31,2,4,0.500000\r\n"
          ",2021-02,2021-02-01,2021-02-28,0,0,\r\n"
          ",2021-03,2021-03-01,2021-03-31,1,1,1.000000\r\n");
    std::ostringstream text;
    searcher::print_timeline_text(text, timeline, false);
    CHECK(text.str() ==
          "\"ferry\" by month, all outlets: 5 of 7 articles match (71.4%)\n"
          "month       matches articles   share\n"
          "2020-12           1        1  100.0%\n"
          "2021-01           2        4   50.0%\n"
          "2021-02           -        -       -  no articles\n"
          "2021-03           1        1  100.0%\n"
          "undated           1        1  (no date: in no month)\n");
}

TEST_CASE("timeline: ISO weeks, Monday to Sunday, across the turn of a year", "[searcher][timeline]") {
    Archive archive;
    searcher::Searcher searcher(archive.request.databases);
    archive.request.until = "2021-01-31";
    searcher::Timeline timeline = searcher::make_timeline(searcher, archive.request, TimeUnit::week, false);
    REQUIRE(timeline.series.size() == 1);
    const auto& periods = timeline.series[0].periods;
    REQUIRE(periods.size() == 4);
    CHECK(periods[0].label == "2020-W53");  // 28 December 2020 to 3 January 2021
    CHECK(format_iso_date(periods[0].first) == "2020-12-28");
    CHECK(format_iso_date(periods[0].last) == "2021-01-03");
    CHECK((periods[0].matches == 2 && periods[0].articles == 3));
    CHECK(periods[1].label == "2021-W01");
    CHECK((periods[1].matches == 1 && periods[1].articles == 1));
    CHECK(periods[2].label == "2021-W02");
    CHECK(periods[2].articles == 0);
    CHECK(periods[3].label == "2021-W03");
    CHECK((periods[3].matches == 0 && periods[3].articles == 1));
    // --until keeps March, and the undated article, out of both counts.
    CHECK(timeline.series[0].matches == 3);
    CHECK(timeline.series[0].articles == 5);
}

TEST_CASE("timeline: by outlet, each outlet's matches over its own articles", "[searcher][timeline]") {
    Archive archive;
    searcher::Searcher searcher(archive.request.databases);
    searcher::Timeline timeline = searcher::make_timeline(searcher, archive.request, TimeUnit::year, true);
    REQUIRE(timeline.series.size() == 2);
    const searcher::Series& courier = timeline.series[0];  // 3 matches: most first
    CHECK(courier.outlet == "Harbour Courier");
    CHECK((courier.matches == 3 && courier.articles == 3));
    REQUIRE(courier.periods.size() == 2);
    CHECK((courier.periods[0].label == "2020" && courier.periods[0].matches == 1 && courier.periods[0].articles == 1));
    CHECK((courier.periods[1].label == "2021" && courier.periods[1].matches == 2 && courier.periods[1].articles == 2));
    const searcher::Series& wire = timeline.series[1];
    CHECK(wire.outlet == "Meridian Wire");
    CHECK((wire.matches == 2 && wire.articles == 4));
    CHECK((wire.undated_matches == 1 && wire.undated_articles == 1));
    REQUIRE(wire.periods.size() == 2);  // the same periods as every series
    CHECK((wire.periods[0].matches == 0 && wire.periods[0].articles == 0));
    CHECK((wire.periods[1].matches == 1 && wire.periods[1].articles == 3));

    std::ostringstream json;
    searcher::print_timeline_jsonl(json, timeline);
    CHECK(json.str().starts_with("{\"outlet\":\"Harbour Courier\",\"period\":\"2020\",\"first\":\"2020-01-01\","
                                 "\"last\":\"2020-12-31\",\"matches\":1,\"articles\":1,\"share\":1.0}\n"));
    CHECK(json.str().find("{\"outlet\":\"Meridian Wire\",\"period\":\"2020\",\"first\":\"2020-01-01\",\"last\":"
                          "\"2020-12-31\",\"matches\":0,\"articles\":0,\"share\":null}\n") != std::string::npos);
}

TEST_CASE("timeline: by outlet, an outlet whose name holds a quote is still filtered on", "[searcher][timeline]") {
    // Each outlet is asked for as outlet:"NAME" in the query language,
    // where "" stands for a quote.
    test::TempDir dir;
    test::write_file(dir / "news.jsonl",
                     article("q1", R"(The \"Daily\" Post)", "2021-05-04", "The ferry was late.") +
                         article("q2", R"(The \"Daily\" Post)", "2021-06-04", "Snow on the hills.") +
                         article("q3", "Valley Ledger", "2021-05-05", "The ferry was early."));
    indexer::update_database({.database = dir / "db", .paths = {dir / "news.jsonl"}});
    searcher::SearchRequest request;
    request.databases = {dir / "db"};
    request.query = "ferry";
    searcher::Searcher searcher(request.databases);
    searcher::Timeline timeline = searcher::make_timeline(searcher, request, TimeUnit::month, true);
    REQUIRE(timeline.series.size() == 2);
    const searcher::Series& daily = timeline.series[0].outlet == "Valley Ledger" ? timeline.series[1] : timeline.series[0];
    CHECK(daily.outlet == R"(The "Daily" Post)");
    CHECK((daily.matches == 1 && daily.articles == 2));
}

TEST_CASE("timeline: a period name that is not one is refused", "[searcher][timeline]") {
    CHECK(searcher::parse_time_unit("week") == TimeUnit::week);
    CHECK_THROWS_WITH(searcher::parse_time_unit("fortnight"), Catch::Contains("fortnight"));
}

TEST_CASE("timeline: the seeds by week and Reuters by month add up to the query's total", "[searcher][timeline][seeds]") {
    if (test::skip_without_team_kit()) return;
    struct Case {
        std::string database, query;
        TimeUnit unit;
    };
    test::TempDir dir;
    indexer::update_database({.database = dir / "seeds", .paths = {(test::team_kit_dir() / "seeds").string()}});
    for (const Case& c : {Case{dir / "seeds", "Soleimani", TimeUnit::week},
                          Case{test::shared_reuters_database(), "oil", TimeUnit::month}}) {
        INFO(c.database);
        searcher::SearchRequest request;
        request.databases = {c.database};
        request.query = c.query;
        searcher::Searcher searcher(request.databases);
        searcher::SearchResult result = searcher.search(request);
        REQUIRE(result.counts_exact);
        searcher::Timeline timeline = searcher::make_timeline(searcher, request, c.unit, false);
        REQUIRE(timeline.series.size() == 1);
        const searcher::Series& series = timeline.series[0];
        CHECK(series.matches == result.total);
        unsigned matches = series.undated_matches, articles = series.undated_articles;
        for (const searcher::Period& period : series.periods) {
            matches += period.matches;
            articles += period.articles;
            CHECK(period.matches <= period.articles);
        }
        CHECK(matches == result.total);
        CHECK(articles == store::open_for_search({c.database}).get_doccount());
    }
}
