// SPDX-License-Identifier: GPL-2.0-or-later
// One name per outlet: "washingtonpost.com", "Washington Post" and "The
// Washington Post" are the same outlet, printed as data/outlets.tsv says.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dateline::indexer {

class OutletNames {
public:
    OutletNames() = default;
    // Lines of "Display name<TAB>alias<TAB>domain..."; "#" starts a comment.
    static OutletNames parse(std::string_view table);
    // Throws Error (input) when the file cannot be read.
    static OutletNames load(const std::filesystem::path& file);

    // The display name of a known outlet, given any of its names or domains
    // (case, a leading "the" and "www." aside), or nullopt.
    std::optional<std::string> find(std::string_view name) const;
    // The display name if known, else name with white space trimmed.
    std::string canonical(std::string_view name) const;

private:
    std::unordered_map<std::string, std::string> display_;  // key -> display name
};

}  // namespace dateline::indexer
