// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/bench/query_set.hpp"

#include <fstream>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>

namespace dateline::bench {

std::vector<BenchQuery> read_query_set(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("cannot read query set {}", path.string()));
    std::vector<BenchQuery> queries;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line.starts_with('#')) continue;
        auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        if (tab1 == std::string::npos || tab2 == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: expected CLASS<TAB>QUERY<TAB>OPTIONS", path.string(), number));
        BenchQuery query{line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1)};
        std::smatch k;
        std::string options = line.substr(tab2 + 1);
        if (std::regex_search(options, k, std::regex("(^|;)k=([0-9]+)"))) query.k = std::stoul(k[2]);
        queries.push_back(std::move(query));
    }
    if (queries.empty()) throw std::runtime_error(fmt::format("{}: no queries", path.string()));
    return queries;
}

SplitQuery split_date_filter(const std::string& text) {
    static const std::regex date_filter(R"((^|\s)date:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?=\s|$))");
    std::smatch match;
    if (!std::regex_search(text, match, date_filter)) return {text, std::nullopt};
    std::string words = match.prefix().str() + match.suffix().str();
    words.erase(0, words.find_first_not_of(' '));
    return {words, std::make_pair(match[2].str(), match[3].str())};
}

}  // namespace dateline::bench
