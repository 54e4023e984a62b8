// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/dates.hpp"

using namespace dateline;
using namespace std::chrono;

TEST_CASE("ISO dates parse only when they are real calendar days", "[dates]") {
    CHECK(parse_iso_date("2020-01-09") == Date{year{2020}, January, day{9}});
    CHECK(parse_iso_date("2000-02-29"));           // divisible by 400: leap
    CHECK_FALSE(parse_iso_date("1900-02-29"));     // divisible by 100: not leap
    CHECK_FALSE(parse_iso_date("2020-1-9"));       // digits missing
    CHECK_FALSE(parse_iso_date("2020/01/09"));
    CHECK_FALSE(parse_iso_date("2020-01-09T10:00"));
    CHECK_FALSE(parse_iso_date("+020-01-09"));
}

TEST_CASE("dates format as ISO day, compact day and ISO month", "[dates]") {
    Date date{year{2024}, March, day{5}};
    CHECK(format_iso_date(date) == "2024-03-05");
    CHECK(format_compact_date(date) == "20240305");
    CHECK(format_iso_month(date) == "2024-03");
    CHECK(parse_compact_date("20240305") == date);
    CHECK_FALSE(parse_compact_date("20240230"));
    CHECK_FALSE(parse_compact_date("2024-03-05"));
}
