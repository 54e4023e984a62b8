// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/outlet_names.hpp"

#include "shared/data_lines.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

std::string key_of(std::string_view name) {
    std::string key = fold_for_matching(name);
    if (key.starts_with("the ")) key.erase(0, 4);
    if (key.starts_with("www.")) key.erase(0, 4);
    if (key.starts_with("https://") || key.starts_with("http://")) {
        key.erase(0, key.find("//") + 2);
        if (key.starts_with("www.")) key.erase(0, 4);
        key = key.substr(0, key.find('/'));
    }
    return key;
}

}  // namespace

OutletNames OutletNames::parse(std::string_view table) {
    OutletNames names;
    for_each_data_line(table, [&](std::string_view line, std::size_t) {
        std::string display(line.substr(0, line.find('\t')));
        std::size_t at = 0;
        while (at != std::string::npos) {
            std::size_t tab = line.find('\t', at);
            std::string_view alias = line.substr(at, tab == std::string::npos ? tab : tab - at);
            if (!alias.empty()) names.display_.emplace(key_of(alias), display);
            at = tab == std::string::npos ? tab : tab + 1;
        }
    });
    return names;
}

OutletNames OutletNames::load(const std::filesystem::path& file) {
    return parse(read_data_file(file, "the outlet table"));
}

std::optional<std::string> OutletNames::find(std::string_view name) const {
    auto found = display_.find(key_of(name));
    if (found == display_.end()) return std::nullopt;
    return found->second;
}

std::string OutletNames::canonical(std::string_view name) const {
    if (auto known = find(name)) return *known;
    return std::string(trim_space(name));
}

}  // namespace dateline::indexer
