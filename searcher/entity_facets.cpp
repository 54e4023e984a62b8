// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/entity_facets.hpp"

#include <algorithm>

#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

struct Entry {
    unsigned count = 0;
    std::map<std::string, unsigned> names;  // display form -> articles
};

std::string display_name(const Entry& entry) {
    // The most frequent form of several words, else the most frequent form.
    const std::pair<const std::string, unsigned>* best = nullptr;
    for (bool full_only : {true, false}) {
        for (const auto& named : entry.names) {
            if (full_only && named.first.find(' ') == std::string::npos) continue;
            if (!best || named.second > best->second) best = &named;
        }
        if (best) break;
    }
    return best ? best->first : std::string();
}

}  // namespace

std::vector<FacetValue> fold_entity_facet(const std::map<std::string, unsigned>& counts, EntityType type) {
    std::map<std::string, Entry> entries;
    std::vector<std::pair<schema::EntityFacetValue, unsigned>> parsed;
    for (const auto& [value, count] : counts) {
        parsed.emplace_back(schema::parse_entity_facet_value(value), count);
        Entry& entry = entries[parsed.back().first.key];
        entry.count += count;
        entry.names[parsed.back().first.name] += count;
    }
    if (type == EntityType::person) {
        // The full name each surname folds into, when one leads.
        std::map<std::string, std::string> leader;
        std::map<std::string, unsigned> leading_count, runner_up;
        for (const auto& [key, entry] : entries) {
            if (key.find(' ') == std::string::npos) continue;
            std::string surname(last_word(key));
            if (entry.count > leading_count[surname]) {
                runner_up[surname] = leading_count[surname];
                leading_count[surname] = entry.count;
                leader[surname] = key;
            } else {
                runner_up[surname] = std::max(runner_up[surname], entry.count);
            }
        }
        for (const auto& [value, count] : parsed) {
            auto found = leader.find(value.key);
            if (found == leader.end() || leading_count[value.key] == runner_up[value.key]) continue;
            Entry& full = entries[found->second];
            Entry& surname = entries[value.key];
            surname.count -= count;
            surname.names[value.name] -= count;
            // An article that also names the leader in full is counted there already.
            bool counted = std::find(value.full_names.begin(), value.full_names.end(), found->second) !=
                           value.full_names.end();
            if (!counted) full.count += count;
            full.names[value.name] += count;
        }
    }
    std::vector<FacetValue> values;
    for (const auto& [key, entry] : entries)
        if (entry.count > 0) values.push_back({display_name(entry), entry.count});
    std::stable_sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return values;
}

}  // namespace dateline::searcher
