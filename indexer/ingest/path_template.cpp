// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/path_template.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::indexer {
namespace {

struct Placeholder {
    std::string_view name;
    std::string_view pattern;
};

std::string escaped(char c) {
    static constexpr std::string_view special = R"(\^$.|?*+()[]{})";
    return special.find(c) == std::string_view::npos ? std::string(1, c) : std::string{'\\', c};
}

}  // namespace

PathTemplate::PathTemplate(std::string text) : text_(std::move(text)) {
    static constexpr Placeholder placeholders[] = {
        {"outlet", "([^/]+)"}, {"yyyy", "([0-9]{4})"}, {"mm", "([0-9]{1,2})"},
        {"dd", "([0-9]{1,2})"}, {"date", "([0-9]{4}-?[0-9]{2}-?[0-9]{2})"},
    };
    static constexpr Slot slots[] = {Slot::outlet, Slot::year, Slot::month, Slot::day, Slot::date};
    auto usage = [&](const std::string& what) {
        return Error(ErrorKind::usage, fmt::format("--path-template '{}': {}", text_, what),
                     "use {outlet}, {yyyy}, {mm}, {dd}, {date}, * and ?, e.g. '{outlet}/{yyyy}/{mm}/{dd}/*'");
    };
    std::string_view rest = text_;
    while (rest.starts_with('/')) rest.remove_prefix(1);  // matched against the path's last parts anyway
    if (rest.empty()) throw usage("empty");
    std::string pattern = "(?:^|/)";
    for (std::size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '*') pattern += "[^/]*";
        else if (c == '?') pattern += "[^/]";
        else if (c == '{') {
            std::size_t close = rest.find('}', i);
            if (close == std::string_view::npos) throw usage("a '{' is never closed");
            std::string_view name = rest.substr(i + 1, close - i - 1);
            std::size_t which = 0;
            while (which < std::size(placeholders) && placeholders[which].name != name) ++which;
            if (which == std::size(placeholders)) throw usage(fmt::format("unknown placeholder {{{}}}", name));
            pattern += placeholders[which].pattern;
            slots_.push_back(slots[which]);
            i = close;
        } else pattern += escaped(c);
    }
    auto has = [&](Slot slot) { return std::ranges::find(slots_, slot) != slots_.end(); };
    bool some = has(Slot::year) || has(Slot::month) || has(Slot::day);
    if (some && !(has(Slot::year) && has(Slot::month) && has(Slot::day)))
        throw usage("a date needs all of {yyyy}, {mm} and {dd} (or {date})");
    pattern_ = std::regex(pattern + "$", std::regex::optimize);
}

PathFields PathTemplate::read(std::string_view path) const {
    PathFields fields;
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(path.begin(), path.end(), match, pattern_)) {
        fields.problem = fmt::format("the path does not match --path-template '{}'", text_);
        return fields;
    }
    int year = 0;
    unsigned month = 0, day = 0;
    std::string date_text;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        std::string part = match[i + 1].str();
        switch (slots_[i]) {
        case Slot::outlet: fields.outlet = part; break;
        case Slot::year: year = std::stoi(part); date_text += part; break;
        case Slot::month: month = std::stoul(part); date_text += "/" + part; break;
        case Slot::day: day = std::stoul(part); date_text += "/" + part; break;
        case Slot::date:
            fields.date = part.size() == 8 ? parse_compact_date(part) : parse_iso_date(part);
            if (!fields.date) fields.problem = fmt::format("{} in the path is not a date", part);
            break;
        }
    }
    if (year != 0) {
        Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (date.ok()) fields.date = date;
        else fields.problem = fmt::format("{} in the path is not a date", date_text);
    }
    return fields;
}

}  // namespace dateline::indexer
