// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/entity_facets.hpp"

#include <algorithm>

#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

// Every view points into the counts' keys, which outlive the fold.
struct Entry {
    unsigned count = 0;
    std::vector<std::pair<std::string_view, unsigned>> names;  // display form -> articles

    void add_name(std::string_view name, int count_change) {
        for (auto& named : names)
            if (named.first == name) {
                named.second = static_cast<unsigned>(static_cast<int>(named.second) + count_change);
                return;
            }
        names.emplace_back(name, static_cast<unsigned>(count_change));
    }
};

std::string display_name(const Entry& entry) {
    // The most frequent form of several words, else the most frequent form.
    const std::pair<std::string_view, unsigned>* best = nullptr;
    for (bool full_only : {true, false}) {
        for (const auto& named : entry.names) {
            if (full_only && named.first.find(' ') == std::string_view::npos) continue;
            if (!best || named.second > best->second || (named.second == best->second && named.first < best->first))
                best = &named;
        }
        if (best) break;
    }
    return best ? std::string(best->first) : std::string();
}

using Entries = std::unordered_map<std::string_view, Entry>;

// One-word people folded into the full name of that surname that leads.
void fold_surnames(Entries& entries, const std::vector<std::pair<schema::EntityFacetValue, unsigned>>& parsed) {
    struct Lead {
        std::string_view key;
        unsigned count = 0, runner_up = 0;
    };
    std::unordered_map<std::string_view, Lead> leads;  // surname -> its leading full name
    for (const auto& [key, entry] : entries) {
        if (key.find(' ') == std::string_view::npos) continue;
        Lead& lead = leads[last_word(key)];
        // On a tie the runner-up equals the leader, and nothing folds.
        if (entry.count > lead.count) {
            lead.runner_up = lead.count;
            lead.count = entry.count;
            lead.key = key;
        } else {
            lead.runner_up = std::max(lead.runner_up, entry.count);
        }
    }
    for (const auto& [value, count] : parsed) {
        auto found = leads.find(value.key);
        if (found == leads.end() || found->second.count == found->second.runner_up) continue;
        Entry& full = entries[found->second.key];
        Entry& surname = entries[value.key];
        surname.count -= count;
        surname.add_name(value.name, -static_cast<int>(count));
        // An article that also names the leader in full is counted there already.
        bool counted = std::find(value.full_names.begin(), value.full_names.end(), found->second.key) !=
                       value.full_names.end();
        if (!counted) full.count += count;
        full.add_name(value.name, static_cast<int>(count));
    }
}

}  // namespace

std::vector<FacetValue> fold_entity_facet(const ValueCounts& counts, EntityType type, std::size_t limit) {
    Entries entries;
    std::vector<std::pair<schema::EntityFacetValue, unsigned>> parsed;
    parsed.reserve(counts.size());
    for (const auto& [value, count] : counts) {
        parsed.emplace_back(schema::parse_entity_facet_value(value), count);
        Entry& entry = entries[parsed.back().first.key];
        entry.count += count;
        entry.add_name(parsed.back().first.name, static_cast<int>(count));
    }
    if (type == EntityType::person) fold_surnames(entries, parsed);

    // Rank by count, then by key for a stable order, and name only the kept.
    std::vector<std::pair<std::string_view, const Entry*>> ranked;
    for (const auto& [key, entry] : entries)
        if (entry.count > 0) ranked.emplace_back(key, &entry);
    auto by_count = [](const auto& a, const auto& b) {
        return a.second->count != b.second->count ? a.second->count > b.second->count : a.first < b.first;
    };
    std::size_t kept = limit == 0 ? ranked.size() : std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end(), by_count);
    std::vector<FacetValue> values;
    for (std::size_t i = 0; i < kept; ++i) values.push_back({display_name(*ranked[i].second), ranked[i].second->count});
    // Ties are shown by name.
    std::stable_sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return values;
}

}  // namespace dateline::searcher
