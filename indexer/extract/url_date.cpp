// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/url_date.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace dateline::indexer {

std::optional<Date> date_in_url(std::string_view url) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)); };
    // Web publishing's years: an ID's digits ("-22020203") often read as a date.
    auto plausible = [](const Date& date) { return date.year() >= std::chrono::year{1990} && date.year() < std::chrono::year{2100}; };
    for (std::size_t i = 0; i + 9 <= url.size(); ++i) {
        if ((url[i] != '/' && url[i] != '-') || !digit(url[i + 1])) continue;
        std::string_view rest = url.substr(i + 1);
        // "/20200428/", or a slug's end, "-20200113": eight digits alone.
        if (rest.size() >= 8 && std::all_of(rest.begin(), rest.begin() + 8, digit) &&
            (rest.size() == 8 || rest[8] == '/' || (url[i] == '-' && (rest[8] == '.' || rest[8] == '?' || rest[8] == '#')))) {
            std::string iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(4, 2)) + "-" + std::string(rest.substr(6, 2));
            if (auto date = parse_iso_date(iso); date && plausible(*date)) return date;
        }
        if (rest.size() < 10) break;
        if (url[i] != '/') continue;
        // "2019/11/19" or "2019-11-19", then the end or a separator.
        char sep = rest[4];
        if ((sep != '/' && sep != '-' && sep != '_') || rest[7] != sep) continue;
        if (rest.size() > 10 && digit(rest[10])) continue;
        std::string iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(5, 2)) + "-" + std::string(rest.substr(8, 2));
        if (auto date = parse_iso_date(iso); date && plausible(*date)) return date;
    }
    return std::nullopt;
}

}  // namespace dateline::indexer
