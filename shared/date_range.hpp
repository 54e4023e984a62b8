// SPDX-License-Identifier: GPL-2.0-or-later
// Date ranges as people type them in queries and in --since/--until:
// "2020-01-07", "2020-01..2020-02", "2020-01-03..", "..1987-03", "7d..",
// "today", "yesterday". Relative forms count back from the given day.
#pragma once

#include <optional>
#include <string_view>

#include "shared/dates.hpp"

namespace dateline {

// The days a range covers, both ends included; an open end is nullopt.
struct DateRange {
    std::optional<Date> first;
    std::optional<Date> last;
};

// One date as typed, as the span of days it names: "2020" -> the whole year,
// "2020-02" -> the month, "2020-02-03", "today", "yesterday", "7d" / "2w" /
// "3m" / "1y" (that long before today) -> one day. nullopt if it is none.
std::optional<DateRange> parse_date_span(std::string_view typed, Date today);

// A date or a range "A..B" (either end may be left out, not both); nullopt if
// either end is not a date or the range ends before it starts.
std::optional<DateRange> parse_date_range(std::string_view typed, Date today);

// Today's date on this machine's local clock.
Date local_today();

}  // namespace dateline
