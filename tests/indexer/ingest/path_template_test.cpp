// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/ingest/path_template.hpp"
#include "shared/error.hpp"

using namespace dateline;
using namespace std::chrono;

TEST_CASE("a path template reads outlet and date from the path's last parts", "[path-template]") {
    indexer::PathTemplate folders("{outlet}/{yyyy}/{mm}/{dd}/*");
    indexer::PathFields fields = folders.read("/srv/archive/washingtonpost.com/2020/01/09/iran-strike.html");
    CHECK(fields.problem.empty());
    CHECK(fields.outlet == "washingtonpost.com");
    CHECK(fields.date == Date{year{2020}, January, day{9}});
    CHECK(folders.read("courier/2024/4/2/a.txt").date == Date{year{2024}, April, day{2}});  // one-digit parts

    indexer::PathTemplate named("{outlet}/{date}-*.txt");
    CHECK(named.read("/a/harbour-courier/2024-01-05-port.txt").date == Date{year{2024}, January, day{5}});
    CHECK(named.read("/a/harbour-courier/20240105-port.txt").date == Date{year{2024}, January, day{5}});
    CHECK(named.read("/a/harbour-courier/20240105-port.txt").outlet == "harbour-courier");
}

TEST_CASE("a path the template does not fit, or whose date is not a date, says so and gives nothing", "[path-template]") {
    indexer::PathTemplate folders("{outlet}/{yyyy}/{mm}/{dd}/*");
    indexer::PathFields loose = folders.read("/srv/archive/misc/iran-strike.html");
    CHECK_THAT(loose.problem, Catch::Contains("does not match --path-template '{outlet}/{yyyy}/{mm}/{dd}/*'"));
    CHECK_FALSE(loose.outlet);
    CHECK_FALSE(loose.date);
    indexer::PathFields bad = folders.read("courier/2024/02/30/a.txt");
    CHECK_THAT(bad.problem, Catch::Contains("2024/02/30 in the path is not a date"));
    CHECK_FALSE(bad.date);
    CHECK(indexer::PathTemplate("{outlet}/*.txt").read("courier/a.html").problem != "");  // literal parts must match
    CHECK(indexer::PathTemplate("{outlet}/a.b").read("courier/axb").problem != "");        // "." is a dot
}

TEST_CASE("a template with an unknown placeholder or half a date is a usage error", "[path-template]") {
    auto usage = Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::usage; });
    CHECK_THROWS_MATCHES(indexer::PathTemplate("{source}/*"), Error, usage);
    CHECK_THROWS_MATCHES(indexer::PathTemplate("{outlet}/{yyyy}/*"), Error, usage);
    CHECK_THROWS_MATCHES(indexer::PathTemplate("{outlet/*"), Error, usage);
    CHECK_THROWS_MATCHES(indexer::PathTemplate(""), Error, usage);
}
