// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/date_range.hpp"

#include <charconv>
#include <ctime>

namespace dateline {
namespace {

using namespace std::chrono;

Date last_day_of(year_month ym) { return Date{ym / last}; }

// "7d", "2w", "3m", "1y": that long before today, clamped to a real day.
std::optional<Date> parse_relative(std::string_view typed, Date today) {
    if (typed.size() < 2) return std::nullopt;
    int count = 0;
    auto [end, error] = std::from_chars(typed.data(), typed.data() + typed.size() - 1, count);
    if (error != std::errc{} || end != typed.data() + typed.size() - 1 || count < 0 || count > 100000)
        return std::nullopt;
    switch (typed.back()) {
    case 'd': return Date{sys_days{today} - days{count}};
    case 'w': return Date{sys_days{today} - weeks{count}};
    case 'm': case 'y': {
        year_month_day shifted = typed.back() == 'm' ? today - months{count} : today - years{count};
        if (!shifted.ok()) shifted = last_day_of(shifted.year() / shifted.month());
        return shifted;
    }
    default: return std::nullopt;
    }
}

}  // namespace

std::optional<DateRange> parse_date_span(std::string_view typed, Date today) {
    if (typed == "today") return DateRange{today, today};
    if (typed == "yesterday") {
        Date day{sys_days{today} - days{1}};
        return DateRange{day, day};
    }
    if (auto day = parse_relative(typed, today)) return DateRange{day, day};
    if (typed.size() == 4) {
        auto first = parse_iso_date(std::string(typed) + "-01-01");
        if (!first) return std::nullopt;
        return DateRange{first, Date{first->year() / December / 31}};
    }
    if (typed.size() == 7) {
        auto first = parse_iso_date(std::string(typed) + "-01");
        if (!first) return std::nullopt;
        return DateRange{first, last_day_of(first->year() / first->month())};
    }
    if (auto day = parse_iso_date(typed)) return DateRange{day, day};
    return std::nullopt;
}

std::optional<DateRange> parse_date_range(std::string_view typed, Date today) {
    std::size_t dots = typed.find("..");
    if (dots == std::string_view::npos) return parse_date_span(typed, today);
    std::string_view from = typed.substr(0, dots), to = typed.substr(dots + 2);
    if (from.empty() && to.empty()) return std::nullopt;
    DateRange range;
    if (!from.empty()) {
        auto span = parse_date_span(from, today);
        if (!span) return std::nullopt;
        range.first = span->first;
    }
    if (!to.empty()) {
        auto span = parse_date_span(to, today);
        if (!span) return std::nullopt;
        range.last = span->last;
    }
    if (range.first && range.last && *range.last < *range.first) return std::nullopt;
    return range;
}

Date local_today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace dateline
