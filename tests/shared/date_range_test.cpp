// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/date_range.hpp"

using namespace dateline;
using namespace std::chrono;

namespace {

const Date today = 2026y / November / 21;

std::string shown(const std::optional<DateRange>& range) {
    if (!range) return "invalid";
    return (range->first ? format_iso_date(*range->first) : "open") + ".." +
           (range->last ? format_iso_date(*range->last) : "open");
}

}  // namespace

TEST_CASE("dates and ranges as typed become the days they cover", "[dates]") {
    struct Row { const char* typed; const char* days; };
    const Row rows[] = {
        {"2020-01-07", "2020-01-07..2020-01-07"},
        {"2020", "2020-01-01..2020-12-31"},
        {"2024-02", "2024-02-01..2024-02-29"},
        {"2020-01..2020-02", "2020-01-01..2020-02-29"},  // a month range ends with the last month
        {"2020-01-03..", "2020-01-03..open"},
        {"..1987-03", "open..1987-03-31"},
        {"1987..1987", "1987-01-01..1987-12-31"},
        {"today", "2026-11-21..2026-11-21"},
        {"yesterday", "2026-11-20..2026-11-20"},
        {"7d..", "2026-11-14..open"},
        {"2w..today", "2026-11-07..2026-11-21"},
        {"1m..", "2026-10-21..open"},
        {"1y..", "2025-11-21..open"},
        {"..", "invalid"},
        {"2020-02..2020-01", "invalid"},  // ends before it starts
        {"2020-13", "invalid"},
        {"2023-02-29", "invalid"},
        {"7x..", "invalid"},
        {"d..", "invalid"},
        {"-3d..", "invalid"},
        {"2020-01...2020-02", "invalid"},
        {"", "invalid"},
    };
    for (const Row& row : rows) {
        INFO(row.typed);
        CHECK(shown(parse_date_range(row.typed, today)) == row.days);
    }
}

TEST_CASE("a month back from the 31st lands on the last day of a shorter month", "[dates]") {
    CHECK(shown(parse_date_range("1m..", 2026y / March / 31)) == "2026-02-28..open");
    CHECK(shown(parse_date_range("1y..", 2024y / February / 29)) == "2023-02-28..open");
}
