// SPDX-License-Identifier: GPL-2.0-or-later
// Calendar dates as Dateline stores and prints them: ISO 8601 for people and
// JSON, YYYYMMDD in value slots so that byte order is date order.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

using Date = std::chrono::year_month_day;

// "2020-01-09" -> that date; anything else (including 2020-02-30) -> nullopt.
std::optional<Date> parse_iso_date(std::string_view text);

std::string format_iso_date(const Date& date);     // "2020-01-09"
std::string format_compact_date(const Date& date); // "20200109"
std::string format_iso_month(const Date& date);    // "2020-01"

// The inverse of format_compact_date; nullopt for anything that is not one.
std::optional<Date> parse_compact_date(std::string_view text);

}  // namespace dateline
