// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/dates.hpp"

#include <charconv>

#include <fmt/format.h>

namespace dateline {
namespace {

std::optional<unsigned> parse_digits(std::string_view text) {
    unsigned value = 0;
    if (text.empty()) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<Date> make_date(std::string_view y, std::string_view m, std::string_view d) {
    auto year = parse_digits(y), month = parse_digits(m), day = parse_digits(d);
    if (!year || !month || !day) return std::nullopt;
    Date date{std::chrono::year{static_cast<int>(*year)}, std::chrono::month{*month},
              std::chrono::day{*day}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    return make_date(text.substr(0, 4), text.substr(5, 2), text.substr(8, 2));
}

std::optional<Date> parse_compact_date(std::string_view text) {
    if (text.size() != 8) return std::nullopt;
    return make_date(text.substr(0, 4), text.substr(4, 2), text.substr(6, 2));
}

std::string format_iso_date(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_compact_date(const Date& date) {
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_iso_month(const Date& date) {
    return fmt::format("{:04}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()));
}

}  // namespace dateline
