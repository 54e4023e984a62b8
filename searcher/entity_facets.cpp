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

// An entry's names as a column fold collects them: the display forms of its
// values (a value's text after the tab), with their counts.
struct NamedCounts {
    std::vector<std::pair<std::string_view, long long>> names;
    void add(std::string_view name, long long count) {
        for (auto& named : names)
            if (named.first == name) {
                named.second += count;
                return;
            }
        names.emplace_back(name, count);
    }
    std::string best_name() const {
        Entry entry;
        for (const auto& [name, count] : names) entry.names.emplace_back(name, static_cast<unsigned>(count));
        return display_name(entry);
    }
};

std::string_view name_of_value(std::string_view value) {
    std::size_t tab = value.find('\t');
    return tab == std::string_view::npos ? value : value.substr(tab + 1);
}


}  // namespace

std::vector<FacetValue> fold_entity_facet(const ValueCounts& counts, EntityType type, std::size_t limit) {
    return fold_entity_facet(ValueList(counts.begin(), counts.end()), type, limit);
}

std::vector<FacetValue> fold_entity_facet(const ValueList& counts, EntityType type, std::size_t limit) {
    Entries entries;
    std::vector<std::pair<schema::EntityFacetValue, unsigned>> parsed;
    parsed.reserve(counts.size());
    for (const auto& [value, count] : counts) {
        parsed.emplace_back(schema::parse_entity_facet_value(value, type), count);
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

std::vector<FacetValue> fold_entity_facet(const FacetColumns::Field& column, std::span<const unsigned> counts,
                                          EntityType type, std::size_t limit) {
    const std::uint32_t keys = column.key_count();
    std::vector<long long> key_count(keys + 1, 0);  // folding moves counts between keys
    std::vector<std::uint32_t> values, touched;     // counted value ordinals; their keys, once each
    std::vector<char> is_touched(keys + 1, 0);
    for (std::uint32_t v = 1; v < counts.size(); ++v) {
        if (!counts[v]) continue;
        values.push_back(v);
        std::uint32_t k = column.value_keys[v];
        key_count[k] += counts[v];
        if (!is_touched[k]) is_touched[k] = 1, touched.push_back(k);
    }
    // One-word people folded into the full name of that surname that leads
    // (more articles than any other of that surname; on a tie, nothing folds).
    std::vector<std::uint32_t> folded_into(counts.size(), 0);
    if (type == EntityType::person) {
        struct Lead {
            std::uint32_t key = 0;
            long long count = 0, runner_up = 0;
        };
        std::vector<Lead> leads(keys + 1);
        for (std::uint32_t k : touched) {
            std::uint32_t surname = column.key_surnames[k];
            if (!surname) continue;
            Lead& lead = leads[surname];
            if (key_count[k] > lead.count) {
                lead.runner_up = lead.count;
                lead.count = key_count[k];
                lead.key = k;
            } else {
                lead.runner_up = std::max(lead.runner_up, key_count[k]);
            }
        }
        for (std::uint32_t v : values) {
            std::uint32_t k = column.value_keys[v];
            const Lead& lead = leads[k];
            if (!lead.key || lead.count == lead.runner_up) continue;
            key_count[k] -= counts[v];
            // An article that also names the leader in full is counted there already.
            std::span<const std::uint32_t> full = column.full_names(v);
            if (std::find(full.begin(), full.end(), lead.key) == full.end()) key_count[lead.key] += counts[v];
            folded_into[v] = lead.key;
        }
    }
    // Rank by count, then by key (ordinals sort as keys do), and name only the kept.
    std::vector<std::uint32_t> ranked;
    for (std::uint32_t k : touched)
        if (key_count[k] > 0) ranked.push_back(k);
    auto by_count = [&](std::uint32_t a, std::uint32_t b) {
        return key_count[a] != key_count[b] ? key_count[a] > key_count[b] : a < b;
    };
    std::size_t kept = limit == 0 ? ranked.size() : std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end(), by_count);
    ranked.resize(kept);
    std::vector<std::int32_t> slot_of(keys + 1, -1);  // a kept key's place in ranked
    for (std::size_t i = 0; i < ranked.size(); ++i) slot_of[ranked[i]] = static_cast<std::int32_t>(i);
    std::vector<NamedCounts> named(ranked.size());
    for (std::uint32_t v : values) {
        std::int32_t own = slot_of[column.value_keys[v]];
        std::int32_t full = folded_into[v] ? slot_of[folded_into[v]] : -1;
        if (own < 0 && full < 0) continue;  // named under no kept key: its text is not read
        std::string_view name = name_of_value(column.value(v));
        long long count = counts[v];
        if (own >= 0) named[static_cast<std::size_t>(own)].add(name, count);
        if (!folded_into[v]) continue;
        if (own >= 0) named[static_cast<std::size_t>(own)].add(name, -count);
        if (full >= 0) named[static_cast<std::size_t>(full)].add(name, count);
    }
    std::vector<FacetValue> result;
    for (std::size_t i = 0; i < ranked.size(); ++i)
        result.push_back({named[i].best_name(), static_cast<unsigned>(key_count[ranked[i]])});
    // Ties are shown by name.
    std::stable_sort(result.begin(), result.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return result;
}

}  // namespace dateline::searcher
